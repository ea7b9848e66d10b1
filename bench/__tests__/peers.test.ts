import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {autocorrectCounts, markdownlintCounts, remarkCounts, textlintCounts} from '../cases/peers';
import {lintCounts, ruleConfig} from '../cases/lint';

// Real output of each peer on a copy of __fixtures__/corpus (3 Markdown files).
const PEERS = path.join(__dirname, '..', '__fixtures__', 'peers');
const read = (name: string): string => fs.readFileSync(path.join(PEERS, name), 'utf8');

describe('reading peers’ reports', () => {
  it('markdownlint-cli2: files from `Linting:`, messages from `Summary:`', () => {
    expect(markdownlintCounts(`${read('markdownlint-cli2.stdout')}\n${read('markdownlint-cli2.stderr')}`)).toEqual({files: 3, messages: 5});
  });

  it('remark-cli: one header per file, messages from the summary line', () => {
    expect(remarkCounts(read('remark-cli.stderr'))).toEqual({files: 3, messages: 2});
  });

  it('remark-cli: a clean run has no summary line and counts zero messages', () => {
    expect(remarkCounts('a.md: no issues found\nb/c.md: no issues found\n')).toEqual({files: 2, messages: 0});
  });

  it('AutoCorrect CLI: one progress dot per file, coloured or not, and its error and warning totals', () => {
    expect(autocorrectCounts(read('autocorrect.stdout'))).toEqual({files: 3, messages: 1});
  });

  it('AutoCorrect CLI: no progress line means the file count is unknown (never zero by accident)', () => {
    expect(autocorrectCounts('Error: 0, Warning: 0\n').files).toBeUndefined();
  });

  it('textlint: one JSON entry per file', () => {
    expect(textlintCounts(read('textlint.json'))).toEqual({files: 3, messages: 0});
  });

  it('markdownlint-cli2: an empty glob reads as 0 files, which the harness treats as a failure', () => {
    expect(markdownlintCounts('Finding: c/**/*.md\nLinting: 0 files\nSummary: 0 issues in 0 files\n')).toEqual({files: 0, messages: 0});
  });
});

describe('reading our lint’s JSON', () => {
  it('counts files and every severity', () => {
    const json = JSON.stringify({version: 1, files: [], counts: {error: 3, warning: 2, info: 1, files: 48}});
    expect(lintCounts(json, 'lint')).toEqual({files: 48, messages: 6});
  });

  it('fails on output that is not the JSON format', () => {
    expect(() => lintCounts('Error: boom', 'lint cold')).toThrow('lint cold: output is not the lint JSON format; it begins: Error: boom');
  });
});

describe('ruleConfig', () => {
  it('turns one rule on and every other off', () => {
    expect(ruleConfig('cjk-spacing')).toBe(
      'rules:\n  terminology: off\n  model-names: off\n  unknown-models: off\n  reference-links: off\n  internal-links: off\n  cjk-spacing: error\n  retired-models: off\n',
    );
  });
});
