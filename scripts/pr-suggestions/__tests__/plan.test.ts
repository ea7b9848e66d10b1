import {describe, expect, it} from 'vitest';
import {loadConfig} from '../../../lint-rules/engine/config';
import {lintMarkdown} from '../../../lint-rules/docs/examples';
import {toLintMessage, type LintMessage} from '../../../lint-rules/engine/result';
import {formatJson} from '../../../lint-rules/engine/reporters/json';
import {ROOT_DIR} from '../../../core/constants';
import {addedBlock, addedLines} from '../diff';
import {parseLintReport} from '../report';
import {fixableMessages, groupByLines, planSuggestions} from '../plan';
import type {ReportFile} from '../report';

/** The chapter after the pull request, and the patch GitHub shows for it. */
const CHAPTER = [
  '# 第一章', //                                         1  (context)
  '', //                                                  2
  '我们在Github上找到 GPT-7 的传闻。', //                 3  added: terminology + cjk-spacing fixes, unknown-models warning
  '', //                                                  4
  '旧的一行提到 Github。', //                             5  context: not changed by the pull request
  '', //                                                  6
  'chatgpt 的接口叫 `gpt-3.5-turbo`。', //               7  added: model-names fix
  '',
].join('\n');

const PATCH = [
  '@@ -1,3 +1,3 @@',
  ' # 第一章',
  ' ',
  '-我们在 GitHub 上找到的资料。',
  '+我们在Github上找到 GPT-7 的传闻。',
  '@@ -5,2 +5,3 @@',
  ' 旧的一行提到 Github。',
  ' ',
  '+chatgpt 的接口叫 `gpt-3.5-turbo`。',
].join('\n');

async function realReport(): Promise<ReportFile[]> {
  const file = await lintMarkdown(CHAPTER, loadConfig(), 'docs/book/01-intro.md');
  return [{path: 'docs/book/01-intro.md', messages: file.messages.map(toLintMessage)}];
}

describe('addedLines', () => {
  it('numbers the lines the patch adds in the new file and keeps their hunk', () => {
    const added = addedLines(PATCH);
    expect([...added]).toEqual([
      [3, {text: '我们在Github上找到 GPT-7 的传闻。', hunk: 0}],
      [7, {text: 'chatgpt 的接口叫 `gpt-3.5-turbo`。', hunk: 1}],
    ]);
  });

  it('gives a block only when every line was added in one hunk', () => {
    const added = addedLines('@@ -1,0 +1,2 @@\n+a\n+b\n@@ -9,0 +4,1 @@\n+c\n');
    expect(addedBlock(added, 1, 2)).toEqual(['a', 'b']);
    expect(addedBlock(added, 2, 4)).toBeUndefined();
    expect(addedBlock(added, 3, 3)).toBeUndefined();
  });
});

describe('which messages become suggestions', () => {
  it('only messages whose fix `--fix` would apply: not warnings without a fix, not extra guesses', async () => {
    const report = await realReport();
    const rules = report[0].messages.map((m) => m.ruleId).sort();
    expect(rules).toContain('unknown-models');
    const guess: LintMessage = {...report[0].messages[0], expected: undefined, actual: undefined, message: '可能是指 `X`'};
    (guess as LintMessage & {suggestions: string[]}).suggestions = ['X'];
    const fixable = fixableMessages([{...report[0], messages: [...report[0].messages, guess]}]);
    expect(fixable.map((f) => f.message.ruleId).sort()).toEqual(['cjk-spacing', 'cjk-spacing', 'model-names', 'terminology', 'terminology']);
    expect(fixable.every((f) => f.message.expected !== undefined)).toBe(true);
  });
});

describe('the lint’s JSON report', () => {
  it('carries every fix through `--format json` and back, so the job sees what `--fix` sees', async () => {
    const [direct] = await realReport();
    const json = formatJson([{path: `${ROOT_DIR}/${direct.path}`, messages: direct.messages}], {cwd: ROOT_DIR});
    const parsed = parseLintReport(json);
    expect(parsed.map((f) => f.path)).toEqual([direct.path]);
    const fixes = fixableMessages(parsed).map((f) => f.fix);
    expect(fixes.length).toBeGreaterThan(0);
    expect(fixes).toEqual(fixableMessages([direct]).map((f) => f.fix));
  });
});

describe('planSuggestions', () => {
  it('suggests the fixed line for added lines, merging fixes on one line, and skips unchanged lines', async () => {
    const plan = planSuggestions(await realReport(), [{filename: 'docs/book/01-intro.md', status: 'modified', patch: PATCH}]);
    expect(plan.suggestions.map(({path, startLine, endLine, original, replacement}) => ({path, startLine, endLine, original, replacement}))).toEqual([
      {path: 'docs/book/01-intro.md', startLine: 3, endLine: 3, original: '我们在Github上找到 GPT-7 的传闻。', replacement: '我们在 GitHub 上找到 GPT-7 的传闻。'},
      {path: 'docs/book/01-intro.md', startLine: 7, endLine: 7, original: 'chatgpt 的接口叫 `gpt-3.5-turbo`。', replacement: 'ChatGPT 的接口叫 `gpt-3.5-turbo`。'},
    ]);
    expect(plan.suggestions[0].messages.map((m) => m.ruleId).sort()).toEqual(['cjk-spacing', 'cjk-spacing', 'terminology']);
    expect(plan.skipped.map((s) => [s.message.line, s.message.ruleId, s.reason])).toEqual([[5, 'terminology', 'unchanged-line']]);
  });

  it('gives the same text as the local fixer on the suggested lines', async () => {
    const {fixText} = await import('../../../lint-rules/engine/fix');
    const config = loadConfig();
    const fixed = await fixText(CHAPTER, async (text) => (await lintMarkdown(text, config, 'docs/book/01-intro.md')).messages);
    const plan = planSuggestions(await realReport(), [{filename: 'docs/book/01-intro.md', patch: PATCH}]);
    const lines = fixed.text.split('\n');
    for (const s of plan.suggestions) expect(lines.slice(s.startLine - 1, s.endLine).join('\n')).toBe(s.replacement);
  });

  it('skips files the pull request did not change, files without a patch, and stale reports', async () => {
    const report = await realReport();
    expect(new Set(planSuggestions(report, []).skipped.map((s) => s.reason))).toEqual(new Set(['file-not-in-pr']));
    expect(new Set(planSuggestions(report, [{filename: 'docs/book/01-intro.md'}]).skipped.map((s) => s.reason))).toEqual(new Set(['no-patch']));
    const edited = PATCH.replace('+chatgpt 的接口', '+ChatGPT 的接口');
    const plan = planSuggestions(report, [{filename: 'docs/book/01-intro.md', patch: edited}]);
    expect(plan.suggestions.map((s) => s.startLine)).toEqual([3]);
    expect(plan.skipped.filter((s) => s.reason === 'stale').map((s) => s.message.ruleId)).toEqual(['model-names']);
  });

  it('covers a fix that spans lines with one multi-line suggestion', () => {
    const message: LintMessage = {
      ruleId: 'reference-links', source: 'llmbook', severity: 'error', message: '合并',
      line: 2, column: 3, endLine: 3, endColumn: 2, startOffset: 0, endOffset: 0, actual: 'c\nd', expected: ['c d'],
    };
    const plan = planSuggestions([{path: 'a.md', messages: [message]}], [{filename: 'a.md', patch: '@@ -1,1 +1,3 @@\n x\n+abc\n+de\n'}]);
    expect(plan.suggestions).toEqual([{path: 'a.md', startLine: 2, endLine: 3, original: 'abc\nde', replacement: 'abc de', messages: [message]}]);
  });

  it('groups fixes whose line ranges touch, so no two suggestions replace the same line', () => {
    const at = (line: number, endLine: number) => ({line, endLine}) as never;
    const groups = groupByLines([at(5, 5), at(1, 2), at(2, 3), at(4, 4), at(4, 4)].map((f: {line: number; endLine: number}) => ({...f, column: 1, endColumn: 1, path: 'a', message: {} as LintMessage, fix: {start: 0, end: 0, actual: '', expected: ''}})));
    expect(groups.map((g) => g.map((f) => `${f.line}-${f.endLine}`))).toEqual([['1-2', '2-3'], ['4-4', '4-4'], ['5-5']]);
  });
});
