import path from 'node:path';
import fc from 'fast-check';
import type {Link, Root} from 'mdast';
import {toText} from 'hast-util-to-text';
import {toHast} from 'mdast-util-to-hast';
import {toString} from 'mdast-util-to-string';
import {visit} from 'unist-util-visit';
import {describe, expect, it} from 'vitest';
import {available, corpus, suiteName} from '../../../test-support/corpus';
import {loadRegistry} from '../../../core/registry/load';
import {linkModels} from '../index';
import {validateOptions, type LinkMode} from '../options';
import {parseMarkdown} from '../../../core/mentions';

const BOOK = corpus();
const registry = loadRegistry(path.join(__dirname, '__fixtures__', 'models.yaml'));

function linked(markdown: string, mode: LinkMode): Root {
  const tree = parseMarkdown(markdown);
  linkModels(tree, registry, validateOptions({mode}));
  return tree;
}

function withoutPositions(tree: Root): unknown {
  return JSON.parse(JSON.stringify(tree, (key, value) => (key === 'position' ? undefined : value)));
}

function linksInsideLinks(tree: Root): number {
  let nested = 0;
  visit(tree, 'link', (link: Link) => {
    visit(link, 'link', (inner) => {
      if (inner !== link) nested++;
    });
  });
  return nested;
}

const piece = fc.constantFrom(
  'ChatGPT', 'GPT-4', 'GPT-4 Turbo', 'GPT-4o', 'davinci', 'text-davinci-002', 'code-davinci-002', '文心一言', 'ERNIE Bot',
  '基于', '的模型', '，', '。', '（', '）', ' ', 'abc', '-', '.', '_', '3',
  '`ChatGPT`', '`x`', '*', '**', '[', '](https://example.com)', '![', '](a.png)', '<span>', '</span>', '<!-- no-model-link -->',
  '$x$', '\n', '\n\n', '\n\n## ', '\n\n### ', '\n\n## 参考链接\n\n', '\n\n```\n', '\n\n- ', '\n\n> ', '\n\n    ',
);
const markdown = fc.array(piece, {maxLength: 40}).map((parts) => parts.join(''));
const mode = fc.constantFrom<LinkMode>('first-per-page', 'first-per-section', 'all');

describe('remark-model-links invariants (property)', () => {
  it('never throws, keeps the text, never nests links, and is idempotent', () => {
    fc.assert(
      fc.property(markdown, mode, (source, linkMode) => {
        const original = parseMarkdown(source);
        const before = toString(original);
        const once = linked(source, linkMode);
        expect(toString(once)).toBe(before);
        // What the reader sees: the text content of the rendered HTML.
        expect(toText(toHast(once))).toBe(toText(toHast(original)));
        expect(linksInsideLinks(once)).toBe(0);
        const twice = structuredClone(once);
        linkModels(twice, registry, validateOptions({mode: linkMode}));
        expect(withoutPositions(twice)).toEqual(withoutPositions(once));
      }),
      {seed: 4242, numRuns: 3000},
    );
  });
});

describe.skipIf(!available(BOOK))(suiteName('remark-model-links on the real book', BOOK), () => {
  it('keeps the text of every chapter of the GitBook corpus', async () => {
    const {default: fs} = await import('node:fs/promises');
    const corpus = BOOK.dir;
    const files = (await fs.readdir(corpus, {recursive: true})).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(40);
    let links = 0;
    for (const file of files) {
      const source = await fs.readFile(path.join(corpus, file), 'utf8');
      const tree = linked(source, 'first-per-section');
      expect(toString(tree)).toBe(toString(parseMarkdown(source)));
      visit(tree, 'link', (link: Link) => {
        if (link.url.startsWith('/llm-books/timeline#')) links++;
      });
    }
    expect(links).toBeGreaterThan(20);
  });
});
