/**
 * A 5,000-file book in its own git repository: `lint --changed HEAD` after one file
 * changed, against a full lint and a parse of the same book (also the ×100 point of
 * the memory comparison).
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {CORPUS_DIR, copyBook, type CorpusCopy} from '../corpus';
import {CaseFailure, type Case} from '../suite';
import {expectFiles, runNode, sampleOf, type BenchContext} from './context';
import {lintUnavailable, runLint} from './lint';

export const BOOK_FILES = 5000;

export interface GitBook {
  root: string;
  docs: CorpusCopy;
  changed: string;
}

function git(root: string, args: string[]): void {
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd: root,
    stdio: 'ignore',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** `root/docs/` with `count` files, committed; then one file edited in the working tree. */
export function createGitBook(root: string, count = BOOK_FILES): GitBook {
  const docs = copyBook(CORPUS_DIR, path.join(root, 'docs'), count);
  git(root, ['init', '-q', '-b', 'main']);
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'book']);
  const first = path.join(root, 'docs', fs.readdirSync(path.join(root, 'docs')).sort()[0]);
  const changed = path.join(first, fs.readdirSync(first).sort().find((n) => n.endsWith('.md'))!);
  fs.appendFileSync(changed, '\n\n基准测试改动的一行：GPT-4 与 ChatGPT。\n');
  return {root, docs, changed};
}

export function changedCases(ctx: BenchContext, book: () => GitBook): Case[] {
  const unavailable = lintUnavailable();
  const parseScript = path.join(__dirname, '..', 'children', 'parse.mjs');
  return [
    {
      group: 'changed',
      once: true,
      rows: [{id: 'book-parse', label: `parse: remark-parse alone, ${BOOK_FILES.toLocaleString('en')}-file book`}],
      async run() {
        const b = book();
        const result = await runNode(ctx, {label: 'book-parse', args: [parseScript, path.join(b.root, 'docs')], cwd: b.root});
        const report = JSON.parse(result.stdout()) as {files: number};
        return {'book-parse': sampleOf(result, {files: expectFiles('book parse', report.files, b.docs.files)})};
      },
    },
    {
      group: 'changed',
      once: true,
      rows: [{id: 'book-lint-full', label: `our lint, full, no cache, ${BOOK_FILES.toLocaleString('en')}-file book`, baseline: 'book-parse', unavailable}],
      async run() {
        const b = book();
        const sample = await runLint(ctx, {label: 'book-lint-full', args: ['--no-cache', 'docs'], cwd: b.root});
        expectFiles('book full lint', sample.files, b.docs.files);
        return {'book-lint-full': sample};
      },
    },
    {
      group: 'changed',
      // As a contributor runs it: `--changed` never uses the results cache, but the registry and the
      // term list validated by an earlier run are read back (core/data-memo.ts); the untimed warm-up is that run.
      rows: [{id: 'book-lint-changed', label: '`lint --changed HEAD`, one file changed', baseline: 'node-start', unavailable}],
      async run() {
        const b = book();
        const sample = await runLint(ctx, {label: 'book-lint-changed', args: ['--changed', 'HEAD', 'docs'], cwd: b.root});
        if (sample.files !== 1) throw new CaseFailure(`\`--changed HEAD\` linted ${sample.files} files; exactly one was changed`);
        return {'book-lint-changed': sample};
      },
    },
  ];
}
