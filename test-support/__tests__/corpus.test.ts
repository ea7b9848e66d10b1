import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {TestModule} from 'vitest/node';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ROOT_DIR} from '../../core/constants';
import {available, corpus, CORPUS_COMMIT, MissingFolderError, seed, suiteName} from '../corpus';
import SkippedForMissingFolders from '../skipped-reporter';

let book = '';
let empty = '';

beforeAll(() => {
  book = fs.mkdtempSync(path.join(os.tmpdir(), 'llmbook-corpus-helper-'));
  fs.writeFileSync(path.join(book, 'SUMMARY.md'), '# Summary\n');
  empty = fs.mkdtempSync(path.join(os.tmpdir(), 'llmbook-corpus-empty-'));
});

afterAll(() => {
  for (const dir of [book, empty]) fs.rmSync(dir, {recursive: true, force: true});
});

describe('corpus()', () => {
  it('defaults to ../shared/corpus/llm-books-gitbook beside the repository', () => {
    expect(corpus({}).dir).toBe(path.resolve(ROOT_DIR, '..', 'shared', 'corpus', 'llm-books-gitbook'));
    expect(corpus({LLMBOOK_CORPUS: ''}).dir).toBe(corpus({}).dir);
  });

  it('takes LLMBOOK_CORPUS, absolute or relative to the repository root', () => {
    expect(corpus({LLMBOOK_CORPUS: book})).toMatchObject({dir: book, present: true, required: false});
    expect(corpus({LLMBOOK_CORPUS: 'x/y'}).dir).toBe(path.join(ROOT_DIR, 'x', 'y'));
  });

  it('counts a folder without SUMMARY.md as absent, and says how to get the pinned commit', () => {
    const folder = corpus({LLMBOOK_CORPUS: empty});
    expect(folder.present).toBe(false);
    expect(folder.hint).toContain(`GitBook corpus not found at ${empty} (LLMBOOK_CORPUS=${empty})`);
    expect(folder.hint).toContain(`git -C llm-books checkout ${CORPUS_COMMIT}`);
    expect(folder.hint).toContain('LLMBOOK_CORPUS=$PWD/llm-books/LLMProjects');
  });
});

describe('seed()', () => {
  it('takes LLMBOOK_SEED, default ../shared/seed, and is required by LLMBOOK_REQUIRE_SEED only', () => {
    expect(seed({}).dir).toBe(path.resolve(ROOT_DIR, '..', 'shared', 'seed'));
    expect(seed({LLMBOOK_SEED: empty}).present).toBe(true);
    expect(seed({LLMBOOK_SEED: path.join(empty, 'none'), LLMBOOK_REQUIRE_CORPUS: '1'}).required).toBe(false);
    expect(seed({LLMBOOK_SEED: path.join(empty, 'none'), LLMBOOK_REQUIRE_SEED: '1'}).required).toBe(true);
  });
});

describe('available()', () => {
  it('gives the path when present and undefined when absent and optional', () => {
    expect(available(corpus({LLMBOOK_CORPUS: book}))).toBe(book);
    expect(available(corpus({LLMBOOK_CORPUS: empty}))).toBeUndefined();
  });

  it('throws when absent and LLMBOOK_REQUIRE_CORPUS=1', () => {
    const folder = corpus({LLMBOOK_CORPUS: empty, LLMBOOK_REQUIRE_CORPUS: '1'});
    expect(() => available(folder)).toThrow(MissingFolderError);
    expect(() => available(folder)).toThrow(`${folder.hint} (required here: absence is an error, not a skip)`);
  });
});

describe('skipped-reporter', () => {
  const module = (file: string, tests: Array<[string, string]>): TestModule =>
    ({
      moduleId: path.join(ROOT_DIR, file),
      children: {
        *allTests(state: string) {
          for (const [fullName, s] of tests) if (s === state) yield {fullName};
        },
      },
    }) as unknown as TestModule;

  it('names the tests skipped for want of an absent folder, after its hint, and nothing else', () => {
    const absent = corpus({LLMBOOK_CORPUS: empty});
    const lines: string[] = [];
    const reporter = new SkippedForMissingFolders({folders: [absent, seed({LLMBOOK_SEED: empty})], write: (t) => lines.push(t)});
    reporter.onTestRunEnd([
      module('a/__tests__/x.test.ts', [
        [`${suiteName('the book', absent)} > lints it`, 'skipped'],
        ['plain > skipped by hand', 'skipped'],
        ['plain > runs', 'passed'],
      ]),
    ]);
    expect(lines).toEqual([`\n1 test skipped: ${absent.hint}\n  ↓ a/__tests__/x.test.ts > the book > lints it\n`]);
  });

  it('prints nothing when every folder is present', () => {
    const lines: string[] = [];
    new SkippedForMissingFolders({folders: [corpus({LLMBOOK_CORPUS: book})], write: (t) => lines.push(t)}).onTestRunEnd([]);
    expect(lines).toEqual([]);
  });
});
