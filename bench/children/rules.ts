/**
 * Each lint rule's own cost, in process: every file is parsed once the way the lint
 * parses it (`syntaxFor`), then each rule alone (with the message control the preset
 * adds) runs on that tree, timed. One untimed pass first, so the JIT, the registry,
 * the term list and the anchor cache of `internal-links` are warm, as they are after a
 * worker's first files; then the median of 3 rounds per file and rule, summed. The
 * parse is timed the same way, so each rule's figure divides by it.
 *
 *   tsx bench/children/rules.ts DIR   → {"files","parseMs","rules":{"<rule>":{"ms","messages"}}}
 */
import fs from 'node:fs';
import {performance} from 'node:perf_hooks';
import type {Root} from 'mdast';
import remarkParse from 'remark-parse';
import {unified, type Processor} from 'unified';
import {VFile} from 'vfile';
import {RULE_NAMES, type RuleName} from '../../core/constants';
import {syntaxFor} from '../../core/parse';
import {createPreset} from '../../lint-rules/preset';
import {median} from '../stats';
import {markdownFiles} from './markdown-files.mjs';

export interface RulesReport {
  files: number;
  parseMs: number;
  rules: Partial<Record<RuleName, {ms: number; messages: number}>>;
}

const ROUNDS = 3;

type LintProcessor = Processor<Root, Root, Root, undefined, undefined>;

function processorFor(rule: RuleName, source: string): LintProcessor {
  const config = {rules: Object.fromEntries(RULE_NAMES.map((name) => [name, name === rule ? 'error' : 'off']))} as Parameters<typeof createPreset>[0];
  return unified().use(remarkParse).use(createPreset(config, syntaxFor(source).plugins)).freeze() as unknown as LintProcessor;
}

function main(): void {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: rules.ts DIR');
  const files = [...markdownFiles(dir)];
  const processors = new Map<string, LintProcessor>();
  const processor = (rule: RuleName, source: string): LintProcessor => {
    const key = `${rule}\0${syntaxFor(source).key}`;
    let made = processors.get(key);
    if (!made) processors.set(key, (made = processorFor(rule, source)));
    return made;
  };
  const report: RulesReport = {files: 0, parseMs: 0, rules: {}};
  for (const timed of [false, true]) {
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const parser = processor(RULE_NAMES[0], text);
      const parseTimes: number[] = [];
      let tree: Root | undefined;
      for (let round = 0; round < ROUNDS; round++) {
        const t = performance.now();
        tree = parser.parse(new VFile({path: file, value: text}));
        parseTimes.push(performance.now() - t);
      }
      if (timed) {
        report.files++;
        report.parseMs += median(parseTimes);
      }
      for (const rule of RULE_NAMES) {
        const times: number[] = [];
        let messages = 0;
        for (let round = 0; round < ROUNDS; round++) {
          // Rules only read the tree; a fresh file each round so messages do not pile up.
          const vfile = new VFile({path: file, value: text});
          const t = performance.now();
          processor(rule, text).runSync(tree!, vfile);
          times.push(performance.now() - t);
          messages = vfile.messages.length;
        }
        if (!timed) continue;
        const entry = (report.rules[rule] ??= {ms: 0, messages: 0});
        entry.ms += median(times);
        entry.messages += messages;
      }
    }
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main();
