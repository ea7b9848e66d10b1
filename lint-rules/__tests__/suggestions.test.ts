import {describe, expect, it} from 'vitest';
import {fixesOf} from '../engine/fix';
import {formatGithub} from '../engine/reporters/github';
import {formatJson} from '../engine/reporters/json';
import {formatStylish} from '../engine/reporters/stylish';
import {fixableView, type FileResult, type LintMessage} from '../engine/result';

const suggestion: LintMessage = {
  ruleId: 'terminology',
  source: 'llmbook',
  severity: 'warning',
  message: '术语可能不一致：`代理` 另有别的含义；指本术语时应写作 `智能体`',
  line: 1,
  column: 3,
  endLine: 1,
  endColumn: 5,
  startOffset: 2,
  endOffset: 4,
  actual: '代理',
  suggestions: ['智能体'],
  note: 'agent 译作「智能体」。',
};
const results: FileResult[] = [{path: '/book/a.md', messages: [suggestion]}];

describe('suggestions', () => {
  it('are never applied by --fix: a message with only suggestions is no fix', () => {
    expect(fixesOf([fixableView(suggestion)])).toEqual([]);
  });

  it('show with the note under the message in the stylish report, backticks kept', () => {
    const out = formatStylish(results, {cwd: '/book'});
    expect(out).toContain('术语可能不一致：`代理` 另有别的含义；指本术语时应写作 `智能体`');
    expect(out).toContain('建议：`智能体`（需人工确认，`--fix` 不会自动修改）');
    expect(out).toContain('说明：agent 译作「智能体」。');
  });

  it('show with the note in the GitHub annotation', () => {
    const out = formatGithub(results, {root: '/book'});
    expect(out).toBe(
      '::warning file=a.md,line=1,col=3,endLine=1,endColumn=5,title=llmbook/terminology::术语可能不一致：`代理` 另有别的含义；指本术语时应写作 `智能体`%0A  建议：`智能体`（需人工确认，`--fix` 不会自动修改）%0A  说明：agent 译作「智能体」。',
    );
  });

  it('are a field of their own in JSON, beside the note', () => {
    const json = JSON.parse(formatJson(results, {cwd: '/book'})) as {files: Array<{messages: LintMessage[]}>};
    expect(json.files[0].messages[0]).toMatchObject({actual: '代理', suggestions: ['智能体'], note: 'agent 译作「智能体」。'});
    expect(json.files[0].messages[0].expected).toBeUndefined();
  });
});
