/**
 * The real book: lint a temp copy of the GitBook corpus (never the original) with
 * the real preset through the CLI, then `--fix` it and diff every file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {LintMessage} from '../engine/result';
import {available, corpus, suiteName} from '../../test-support/corpus';
import {runCli, snapshotTree} from './cli-helpers';

const BOOK = corpus();
const REAL = {LLMBOOK_LINT_PRESET: ''};

interface Report {
  files: Array<{path: string; messages: LintMessage[]}>;
  counts: {error: number; warning: number; info: number; files: number};
}

let dir = '';
let before: Map<string, string>;
let original: Report;
let afterFix: Report;

function lintJson(): Report {
  const run = runCli(['--no-cache', '--format', 'json', '--threads', '2', '.'], dir, REAL);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Report;
}

const isFix = (m: LintMessage): boolean => typeof m.actual === 'string' && Array.isArray(m.expected) && m.expected.length > 0 && m.startOffset !== null;

describe.skipIf(!available(BOOK))(suiteName('the GitBook corpus (temp copy)', BOOK), () => {
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmbook-corpus-'));
    fs.cpSync(BOOK.dir, dir, {recursive: true});
    before = snapshotTree(dir);
    original = lintJson();
    const fix = runCli(['--no-cache', '--fix', '--threads', '2', '--format', 'json', '.'], dir, REAL);
    expect(fix.stderr).toMatch(/^已修复 \d+ 个文件：/);
    afterFix = lintJson();
  }, 600_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, {recursive: true, force: true});
  });

  it('lints every Markdown file without a crash and finds real problems of every rule', () => {
    const mdFiles = [...before.keys()].filter((f) => f.endsWith('.md'));
    expect(original.files.map((f) => f.path).sort()).toEqual(mdFiles.sort());
    const all = original.files.flatMap((f) => f.messages);
    expect(all.filter((m) => m.ruleId === null)).toEqual([]);
    const rules = new Set(all.map((m) => m.ruleId));
    for (const rule of ['terminology', 'model-names', 'reference-links', 'cjk-spacing']) expect(rules).toContain(rule);
  });

  it('--fix leaves no fixable message and never oscillates', () => {
    const left = afterFix.files.flatMap((f) => f.messages.filter((m) => isFix(m) || m.ruleId === 'fix').map((m) => `${f.path}:${m.line}:${m.column} ${m.message}`));
    expect(left).toEqual([]);
  });

  it('--fix changes only the ranges of fixable messages (every other byte is kept, in order)', () => {
    const after = snapshotTree(dir);
    const problems: string[] = [];
    for (const file of original.files) {
      const text = before.get(file.path)!;
      const fixed = after.get(file.path)!;
      if (fixed === text) continue;
      const ranges = file.messages.filter(isFix).map((m) => [m.startOffset!, m.endOffset!] as const);
      ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      // The untouched stretches of the original: between (merged) fix ranges.
      const gaps: string[] = [];
      let cursor = 0;
      for (const [start, end] of ranges) {
        if (start > cursor) gaps.push(text.slice(cursor, start));
        cursor = Math.max(cursor, end);
      }
      gaps.push(text.slice(cursor));
      // Each must appear in the fixed text, in order, with only replacement text (short) between.
      let at = 0;
      gaps.forEach((gap, i) => {
        const found = fixed.indexOf(gap, at);
        const ok = found >= 0 && found - at <= 64 && (i > 0 || found === 0);
        if (!ok) problems.push(`${file.path}: text outside the fixes changed near offset ${at}`);
        at = ok ? found + gap.length : at;
      });
      if (at !== fixed.length && problems.length === 0) problems.push(`${file.path}: text appended after the last fix`);
    }
    expect(problems).toEqual([]);
    for (const [name, text] of before) if (!name.endsWith('.md')) expect(after.get(name)).toBe(text);
  });

  it('fixing again changes nothing', () => {
    const once = snapshotTree(dir);
    const again = runCli(['--no-cache', '--fix', '--threads', '2', '--format', 'json', '.'], dir, REAL);
    expect(again.stderr).toBe('');
    expect(snapshotTree(dir)).toEqual(once);
  });
});
