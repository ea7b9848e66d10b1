/**
 * The cache is proven by making it lie: a chapter is edited behind its back with
 * the same size and the same mtime (the stat fast path cannot see that), so a
 * reused result still reports the old text. Each thing a result depends on is
 * then changed, and the stale report must go away.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {ROOT_DIR} from '../../core/constants';
import {cacheKey, LintCache} from '../engine/cache';
import type {LintMessage} from '../engine/result';
import {runCli, tempCopy} from './cli-helpers';

const MTIME = 1_600_000_000; // seconds; a round value survives utimes exactly
let dir = '';
const at = (file: string): string => path.join(dir, file);

function lines(): string[] {
  const run = runCli(['docs/intro.md', 'docs/sub'], dir);
  return run.stdout.split('\n').filter((l) => /^\s*\d+:\d+/.test(l)).map((l) => l.trim().replace(/\s+/g, ' '));
}

const LINE3 = '3:7-3:13 error 术语不一致：`Github` 应写作 `GitHub` terminology llmbook';
const LINE12 = '12:7-12:13 error 术语不一致：`Github` 应写作 `GitHub` terminology llmbook';

/** Fix line 3 by hand without changing the size or the mtime: the cache cannot notice. */
function editBehindTheCachesBack(): void {
  const text = fs.readFileSync(at('docs/intro.md'), 'utf8');
  fs.writeFileSync(at('docs/intro.md'), text.replace('托管在 Github', '托管在 GitHub'));
  fs.utimesSync(at('docs/intro.md'), MTIME, MTIME);
}

beforeEach(() => {
  dir = tempCopy('project');
  fs.copyFileSync(path.join(ROOT_DIR, 'data/models.yaml'), at('models.yaml'));
  fs.copyFileSync(path.join(ROOT_DIR, 'data/terminology.yaml'), at('terms.yaml'));
  fs.writeFileSync(
    at('.lintrc.yaml'),
    `rules:\n  terminology: [error, {file: terms.yaml}]\n  model-names: [error, {registry: ${at('models.yaml')}}]\n  internal-links: warn\n`,
  );
  fs.utimesSync(at('docs/intro.md'), MTIME, MTIME);
  expect(lines()).toEqual([LINE3, LINE12, '3:3-3:20 warning 链接目标不存在：`missing.md` internal-links llmbook']);
  expect(fs.existsSync(at('node_modules/.cache/llmbook-lint/cache.json'))).toBe(true);
  editBehindTheCachesBack();
});
afterEach(() => fs.rmSync(dir, {recursive: true, force: true}));

describe('lint cache', () => {
  it('reuses a result while mtime and size are unchanged (the fast path), and --no-cache does not', () => {
    expect(lines()).toContain(LINE3);
    const fresh = runCli(['--no-cache', 'docs/intro.md'], dir).stdout;
    expect(fresh).not.toContain('3:7-3:13');
    expect(fresh).toContain('12:7-12:13');
  });

  it('re-lints a file whose bytes changed', () => {
    fs.appendFileSync(at('docs/intro.md'), '\n');
    expect(lines()).not.toContain(LINE3);
  });

  it('keeps a result when only the mtime moved (same bytes, re-hashed)', () => {
    fs.utimesSync(at('docs/sub/two.md'), MTIME + 5, MTIME + 5);
    expect(lines()).toContain(LINE3);
  });

  it('drops every result when the resolved config changes', () => {
    fs.appendFileSync(at('.lintrc.yaml'), '  cjk-spacing: warn\n');
    expect(lines()).not.toContain(LINE3);
  });

  it('drops every result when the registry changes', () => {
    fs.appendFileSync(at('models.yaml'), '# a comment is a change\n');
    expect(lines()).not.toContain(LINE3);
  });

  it('drops every result when the term list changes', () => {
    fs.appendFileSync(at('terms.yaml'), '# a comment is a change\n');
    expect(lines()).not.toContain(LINE3);
  });

  it('re-lints a chapter when a file it links to changes its headings', () => {
    fs.writeFileSync(at('docs/sub/two.md'), fs.readFileSync(at('docs/sub/two.md'), 'utf8').replace('## Setup', '## Install'));
    expect(lines()).toEqual([
      '3:18-3:41 warning 锚点不存在：`sub/two.md#setup` internal-links llmbook',
      LINE12,
      '3:3-3:20 warning 链接目标不存在：`missing.md` internal-links llmbook',
    ]);
  });

  it('re-lints a chapter when a file it links to appears', () => {
    fs.writeFileSync(at('docs/sub/missing.md'), '# 补上了\n');
    expect(lines().filter((l) => l.includes('missing.md'))).toEqual([]);
  });
});

describe('cacheKey', () => {
  const parts = {config: {rules: {}}, dataFiles: [path.join(ROOT_DIR, 'data/models.yaml')], presetModule: 'p', tool: 't'};

  it('changes with the tool version and the preset module, and is stable otherwise', () => {
    expect(cacheKey(parts)).toBe(cacheKey({...parts}));
    expect(cacheKey({...parts, tool: 'u'})).not.toBe(cacheKey(parts));
    expect(cacheKey({...parts, presetModule: 'q'})).not.toBe(cacheKey(parts));
  });
});

describe('LintCache storage', () => {
  it('stores messages packed and gives back exactly what was stored', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'llmbook-cache-'));
    const file = path.join(tmp, 'a.md');
    fs.writeFileSync(file, 'Github\n');
    const stat = fs.statSync(file);
    const full: LintMessage = {
      ruleId: 'terminology', source: 'llmbook', severity: 'error', message: '术语不一致：`Github` 应写作 `GitHub`',
      line: 1, column: 1, endLine: 1, endColumn: 7, startOffset: 0, endOffset: 6,
      actual: 'Github', expected: ['GitHub', 'github'], url: 'https://example.com/t', note: '为什么',
    };
    const bare: LintMessage = {
      ruleId: null, source: null, severity: 'info', message: 'x',
      line: null, column: null, endLine: null, endColumn: null, startOffset: null, endOffset: null,
    };
    const empty: LintMessage = {...bare, severity: 'warning', expected: []};
    // A guess: no fix, suggestions only (unknown-models' did-you-mean). Once the loader's shape check
    // rejected a packed message with suggestions, so every run on a book with one started cold.
    const guess: LintMessage = {...bare, severity: 'warning', ruleId: 'unknown-models', actual: 'GPT3', suggestions: ['GPT-3', 'GPT-3.5']};
    const guessWithFix: LintMessage = {...guess, expected: ['GPT-3']};
    const cache = LintCache.load(tmp, 'k');
    cache.set({path: file, messages: [full, bare, empty, guess, guessWithFix], hash: 'h', mtimeMs: stat.mtimeMs, size: stat.size});
    cache.save();
    expect(LintCache.load(tmp, 'k').get(file)).toEqual([full, bare, empty, guess, guessWithFix]);
    expect(LintCache.load(tmp, 'other key').get(file)).toBeUndefined();
    fs.rmSync(tmp, {recursive: true, force: true});
  });
});
