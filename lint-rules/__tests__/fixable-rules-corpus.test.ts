import fs from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {lintMarkdown, onlyRule} from '../docs/examples';
import {fixesOf, fixText} from '../engine/fix';
import {available, suiteName} from '../../test-support/corpus';
import {BOOK, copyCorpus} from './rule-corpus';
import {untouchable} from './rule-properties';

/** The fixable rules, each with messages the real book is known to produce. */
const CASES = [
  {rule: 'cjk-spacing', known: ['中英文之间缺少空格：`年GPT` 应写作 `年 GPT`', '全角标点前后不加空格：`化 （` 应写作 `化（`']},
  {
    rule: 'terminology',
    known: ['术语不一致：`Github` 应写作 `GitHub`', '术语不一致：`common crawl` 应写作 `Common Crawl`', '术语不一致：`大型语言模型` 应写作 `大语言模型`'],
  },
] as const;

describe.skipIf(!available(BOOK)).each(CASES)(suiteName('$rule on the GitBook corpus (a temp copy)', BOOK), ({rule, known}) => {
  const config = onlyRule(rule);
  let corpus: {dir: string; files: string[]};
  beforeAll(() => {
    corpus = copyCorpus(`llmbook-${rule}-`);
  });
  afterAll(() => {
    fs.rmSync(corpus.dir, {recursive: true, force: true});
  });

  it('lints every chapter without a crash and finds the book’s known problems', async () => {
    expect(corpus.files.length).toBeGreaterThan(40);
    const reasons = new Set<string>();
    for (const file of corpus.files) {
      const result = await lintMarkdown(fs.readFileSync(file, 'utf8'), config, file);
      for (const message of result.messages) {
        expect(message.ruleId, message.reason).toBe(rule);
        expect(message.actual, message.reason).toBeDefined();
        reasons.add(message.reason);
      }
    }
    for (const reason of known) expect(reasons.has(reason), reason).toBe(true);
  });

  it('--fix leaves no fixable message, keeps code, math, HTML and URLs byte-identical, and a second fix changes nothing', async () => {
    let changed = 0;
    for (const file of corpus.files) {
      const text = fs.readFileSync(file, 'utf8');
      const lint = async (t: string) => (await lintMarkdown(t, config, file)).messages;
      const result = await fixText(text, lint);
      expect(result.oscillated, file).toBe(false);
      expect(fixesOf(result.messages), file).toEqual([]);
      expect(untouchable(result.text), file).toEqual(untouchable(text));
      if (result.changed) {
        changed++;
        fs.writeFileSync(file, result.text);
        expect((await fixText(result.text, lint)).changed, file).toBe(false);
      }
    }
    expect(changed).toBeGreaterThan(10);
  });
});
