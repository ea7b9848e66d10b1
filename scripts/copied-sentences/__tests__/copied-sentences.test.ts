/**
 * The book is written in our own words: no sentence of 15 or more characters in
 * `docs/` may be shared with the GitBook edition or the seed text. Both live outside
 * the repository; the test skips, saying so once, when they are absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {DOCS_DIR, ROOT_DIR} from '../../../core/constants';
import {available, corpus, seed, suiteName} from '../../../test-support/corpus';
import {markdownSentences, sharedSentenceMatcher, splitSentences, type Sentence} from '../sentences';

const BOOK = corpus();
const SEED = seed();
const CORPUS_DIR = BOOK.dir;
const SEED_DIR = SEED.dir;

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  return fs
    .readdirSync(dir, {recursive: true})
    .map(String)
    .filter(keep)
    .sort()
    .map((file) => path.join(dir, file))
    .filter((file) => fs.statSync(file).isFile());
}

function sourceSentences(): Sentence[] {
  const markdown = filesUnder(CORPUS_DIR, (f) => f.endsWith('.md')).flatMap((f) => markdownSentences(fs.readFileSync(f, 'utf8')));
  const seed = filesUnder(SEED_DIR, () => true).flatMap((f) => splitSentences(fs.readFileSync(f, 'utf8')));
  return [...markdown, ...seed];
}

const name = suiteName(suiteName('docs/ shares no sentence with the GitBook edition or the seed', BOOK), SEED);

describe.skipIf(!available(BOOK) || !available(SEED))(name, () => {
  it('has no sentence of 15+ normalised characters in common', () => {
    const shared = sharedSentenceMatcher(sourceSentences());
    const docs = path.join(ROOT_DIR, DOCS_DIR);
    const copied = filesUnder(docs, (f) => /\.mdx?$/.test(f)).flatMap((file) =>
      shared(markdownSentences(fs.readFileSync(file, 'utf8'))).map(
        (s) => `${path.relative(ROOT_DIR, file)}:${s.line}: ${s.text}`,
      ),
    );
    expect(copied).toEqual([]);
  }, 120_000); // parsing the whole GitBook edition takes several seconds on a busy machine
});
