import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {escapeData, escapeProperty, formatGithub, formatSummary} from '../engine/reporters/github';
import type {FileResult, LintMessage, Severity} from '../engine/result';
import {runCli, tempCopy} from './cli-helpers';

function message(line: number, severity: Severity, text: string, ruleId = 'terminology'): LintMessage {
  return {ruleId, source: 'llmbook', severity, message: text, line, column: 1, endLine: line, endColumn: 4, startOffset: null, endOffset: null};
}

describe('escaping, as @actions/core does it', () => {
  it('escapes %, CR and LF in data', () => {
    expect(escapeData('100% a\r\nb')).toBe('100%25 a%0D%0Ab');
  });

  it('also escapes : and , in properties', () => {
    expect(escapeProperty('docs/a:b,c%.md\n')).toBe('docs/a%3Ab%2Cc%25.md%0A');
  });
});

describe('formatGithub', () => {
  const root = '/repo';

  it('prints one annotation per message with file, range and rule title', () => {
    const results: FileResult[] = [{path: '/repo/docs/a,b.md', messages: [message(3, 'error', '术语不一致：`Github` 应写作 `GitHub`')]}];
    expect(formatGithub(results, {root})).toBe(
      '::error file=docs/a%2Cb.md,line=3,col=1,endLine=3,endColumn=4,title=llmbook/terminology::术语不一致：`Github` 应写作 `GitHub`',
    );
  });

  it('cannot be made to run a command by a message: newlines and % are escaped', () => {
    const results: FileResult[] = [{path: '/repo/docs/a.md', messages: [message(1, 'warning', '100% 注入\n::warning::pwned\r\n::add-mask::x')]}];
    const out = formatGithub(results, {root});
    expect(out).toBe(
      '::warning file=docs/a.md,line=1,col=1,endLine=1,endColumn=4,title=llmbook/terminology::100%25 注入%0A::warning::pwned%0D%0A::add-mask::x',
    );
    expect(out.split('\n')).toHaveLength(1);
  });

  it('wraps the raw report in a stop-commands block with a token', () => {
    const out = formatGithub([], {root, rawReport: 'docs/a.md\n::error::injected', token: 'abc123'});
    expect(out).toBe('::stop-commands::abc123\ndocs/a.md\n::error::injected\n::abc123::');
  });

  it('uses a fresh random token when none is given', () => {
    const first = formatGithub([], {root, rawReport: 'x'}).split('\n')[0];
    const second = formatGithub([], {root, rawReport: 'x'}).split('\n')[0];
    expect(first).toMatch(/^::stop-commands::[0-9a-f]{32}$/);
    expect(first).not.toBe(second);
  });

  it('puts errors before warnings, changed lines first, at most 10 of each, then one notice with the rest', () => {
    const messages: LintMessage[] = [];
    for (let line = 1; line <= 12; line++) messages.push(message(line, 'warning', `w${line}`));
    for (let line = 1; line <= 12; line++) messages.push(message(line, 'error', `e${line}`));
    const changed = new Map([['/repo/docs/a.md', new Set([11, 12])]]);
    const lines = formatGithub([{path: '/repo/docs/a.md', messages}], {root, changed}).split('\n');
    const texts = lines.map((l) => l.slice(l.lastIndexOf('::') + 2));
    expect(texts.slice(0, 10)).toEqual(['e11', 'e12', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8']);
    expect(texts.slice(10, 20)).toEqual(['w11', 'w12', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8']);
    expect(lines[20]).toBe(
      '::notice title=llmbook lint::另有 4 条消息未作为注释显示（GitHub 每步每种级别最多显示 10 条）；完整列表见本次运行的 Summary 或本地运行 `npm run lint`',
    );
    expect(lines).toHaveLength(21);
  });
});

describe('formatSummary', () => {
  it('counts per rule and lists every message, escaping table cells', () => {
    const results: FileResult[] = [
      {path: '/repo/docs/a.md', messages: [message(2, 'error', 'a | b'), message(5, 'warning', 'c', 'cjk-spacing')]},
      {path: '/repo/docs/b.md', messages: []},
    ];
    expect(formatSummary(results, {root: '/repo'})).toBe(
      [
        '## 内容检查（llmbook lint）',
        '',
        '2 个文件：1 个错误，1 个警告，0 条提示。',
        '',
        '| 规则 | 错误 | 警告 | 提示 |',
        '| --- | ---: | ---: | ---: |',
        '| `llmbook/cjk-spacing` | 0 | 1 | 0 |',
        '| `llmbook/terminology` | 1 | 0 | 0 |',
        '',
        '| 级别 | 位置 | 规则 | 消息 |',
        '| --- | --- | --- | --- |',
        '| error | `docs/a.md:2:1` | `llmbook/terminology` | a \\| b |',
        '| warning | `docs/a.md:5:1` | `llmbook/cjk-spacing` | c |',
        '',
        '✎：本次改动的行。',
        '',
      ].join('\n'),
    );
  });
});

describe('--format github through the CLI', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
  });

  it('is chosen by GITHUB_ACTIONS=true, escapes a hostile chapter, and writes the step summary', () => {
    const dir = tempCopy('project');
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'docs/evil.md'), '# x\n\n::warning::pwned Github [x](<::warning::pwned 100%.md>)\n');
    const summary = path.join(os.tmpdir(), `summary-${process.pid}-${Date.now()}.md`);
    const run = runCli(['--no-cache', 'docs/evil.md'], dir, {GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir, GITHUB_STEP_SUMMARY: summary});
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0])?.[1];
    expect(token).toBeDefined();
    const end = lines.indexOf(`::${token}::`);
    // The raw report quotes the hostile link target: only inside the stop-commands block.
    expect(lines.slice(1, end).join('\n')).toContain('链接目标不存在：`::warning::pwned 100%.md`');
    expect(lines.slice(end + 1)).toEqual([
      '::error file=docs/evil.md,line=3,col=18,endLine=3,endColumn=24,title=llmbook/terminology::术语不一致：`Github` 应写作 `GitHub`',
      '::warning file=docs/evil.md,line=3,col=25,endLine=3,endColumn=56,title=llmbook/internal-links::链接目标不存在：`::warning::pwned 100%25.md`',
    ]);
    const written = fs.readFileSync(summary, 'utf8');
    fs.rmSync(summary);
    expect(written).toContain('| `llmbook/terminology` | 1 | 0 | 0 |');
    expect(written).toContain('| error | `docs/evil.md:3:18` | `llmbook/terminology` | 术语不一致：`Github` 应写作 `GitHub` |');
  });
});
