/**
 * The one harness over every rule's documentation: each `@example` of each rule file
 * in `lint-rules/` is linted with that rule alone (through the real preset), and the
 * messages must equal the `output` block exactly. `fixed` blocks must equal what the
 * CLI's fixer (`fix.ts`) makes of the input, and the fixed text must lint clean of
 * every fixable message. A rerun on the tree without positions must not crash.
 */
import type {Node} from 'unist';
import {describe, expect, it} from 'vitest';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {VFile} from 'vfile';
import {formatMessage, lintMarkdown, onlyRule, readRuleDoc, ruleFiles, sortedMessages} from '../docs/examples';
import {fixesOf, fixText} from '../engine/fix';
import {createPreset} from '../preset';

function stripPositions(node: Node): void {
  delete node.position;
  if ('children' in node && Array.isArray(node.children)) for (const child of node.children as Node[]) stripPositions(child);
}

const files = ruleFiles();

describe('rule examples', () => {
  it('finds the rule files (at least this engineer’s two)', () => {
    const names = files.map((f) => f.rule);
    expect(names).toContain('terminology');
    expect(names).toContain('cjk-spacing');
  });

  for (const {rule, file} of files) {
    const doc = readRuleDoc(file, rule);

    describe(rule, () => {
      it('documents itself: prose and at least one ok and one not-ok example', () => {
        expect(doc.description.length).toBeGreaterThan(100);
        expect(doc.cases.some((c) => c.output.length === 0)).toBe(true);
        expect(doc.cases.some((c) => c.output.length > 0)).toBe(true);
      });

      for (const example of doc.cases) {
        const config = onlyRule(rule, example.config);

        it(`${example.name}: messages are exactly the documented output`, async () => {
          const result = await lintMarkdown(example.input, config, example.name);
          expect(sortedMessages(result).map(formatMessage)).toEqual(example.output);
        });

        it(`${example.name}: every fix names the exact source text of its range`, async () => {
          const result = await lintMarkdown(example.input, config, example.name);
          for (const message of result.messages) {
            if (message.actual === undefined) continue;
            const place = message.place;
            expect(place && 'start' in place).toBe(true);
            if (!place || !('start' in place)) continue;
            expect(example.input.slice(place.start.offset, place.end.offset)).toBe(message.actual);
            // A message with `actual` carries a fix (`expected`) or suggestions, never neither.
            const suggestions = (message as {suggestions?: string[]}).suggestions;
            expect((message.expected?.length ?? 0) + (suggestions?.length ?? 0)).toBeGreaterThan(0);
          }
        });

        if (example.fixed !== undefined) {
          const fixed = example.fixed;
          it(`${example.name}: --fix gives the documented text, which lints clean of fixable messages`, async () => {
            const processor = unified().use(remarkParse).use(createPreset(config));
            const lint = async (text: string): Promise<VFile['messages']> => {
              const vfile = new VFile({path: example.name, value: text});
              await processor.run(processor.parse(vfile), vfile);
              return vfile.messages;
            };
            const result = await fixText(example.input, lint);
            expect(result.text).toBe(fixed);
            expect(fixesOf(result.messages)).toEqual([]);
          });
        }

        it(`${example.name}: a rerun on a tree without positions does not crash`, async () => {
          const processor = unified().use(remarkParse).use(createPreset(config));
          const vfile = new VFile({path: example.name, value: example.input});
          const tree = processor.parse(vfile);
          stripPositions(tree);
          await expect(processor.run(tree, vfile)).resolves.toBeDefined();
        });
      }
    });
  }
});
