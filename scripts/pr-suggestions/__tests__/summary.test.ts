import {describe, expect, it} from 'vitest';
import type {LintMessage} from '../../../lint-rules/engine/result';
import {parseArgs} from '../cli';
import type {Suggestion} from '../plan';
import {formatSummary} from '../summary';

const message = {ruleId: 'terminology', severity: 'error', message: 'm'} as LintMessage;
const suggestion = (path: string, startLine: number, endLine: number, original: string, replacement: string): Suggestion => ({
  path, startLine, endLine, original, replacement, messages: [message],
});

describe('formatSummary', () => {
  it('counts what was posted, lists what is over the cap with its change, and counts skipped fixes by reason', () => {
    const text = formatSummary(
      {post: [suggestion('a.md', 1, 1, 'x', 'y')], overflow: [suggestion('b.md', 3, 4, '在Github|上\n下一行', '在 GitHub|上\n下一行')], duplicate: []},
      [
        {path: 'a.md', message, reason: 'unchanged-line'},
        {path: 'a.md', message, reason: 'unchanged-line'},
        {path: 'c.md', message, reason: 'file-not-in-pr'},
      ],
      {max: 1, pull: 12},
    );
    expect(text).toContain('拉取请求 #12：发表 1 条建议，1 条超出每次最多 1 条的限制，0 条之前已发表，3 处修复无法作为建议。');
    expect(text).toContain('| `b.md:3-4` | 在Github\\|上↵下一行 | 在 GitHub\\|上↵下一行 |');
    expect(text).toContain('| 不在本次改动的行上（本地运行 `npm run lint -- --fix` 修复） | 2 |');
    expect(text).toContain('| 文件不在本次拉取请求的改动中 | 1 |');
  });
});

describe('parseArgs', () => {
  it('reads the report folder, the cap and --dry-run, and names a wrong argument', () => {
    expect(parseArgs(['--report', 'r', '--max', '3', '--dry-run'])).toEqual({report: 'r', max: 3, dryRun: true});
    expect(parseArgs([])).toEqual({report: 'lint-report', max: 10, dryRun: false});
    expect(() => parseArgs(['--max', 'many'])).toThrow('未知参数或缺少值：--max');
  });
});
