/**
 * The real book, for the corpus tests of terminology and cjk-spacing: a temp copy of
 * the GitBook corpus (`test-support/corpus.ts`; the source is read-only and never written).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {corpus} from '../../test-support/corpus';

export const BOOK = corpus();

/** Copy the corpus to a fresh temp folder; returns the Markdown files in it. */
export function copyCorpus(prefix: string): {dir: string; files: string[]} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(BOOK.dir, dir, {recursive: true});
  const files = fs
    .readdirSync(dir, {recursive: true})
    .map(String)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => path.join(dir, file));
  return {dir, files};
}
