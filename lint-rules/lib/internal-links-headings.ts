/**
 * The anchors a Markdown file offers (`anchorIds` of `core/headings.ts`, the ids
 * Docusaurus gives).
 *
 * Each target file is read, hashed and (only when its bytes changed) parsed once
 * per process, so checking a book's links costs one parse per linked file.
 */
import fs from 'node:fs';
import {nearest} from '../../core/did-you-mean';
import {sha1} from '../../core/hash';
import {anchorIds} from '../../core/headings';
import {parseMarkdown} from '../../core/parse';

export {anchorIds};

const cache = new Map<string, {hash: string; ids: readonly string[]}>();

/** The anchors of the file at `absolute` (which must exist), cached by path and content hash. */
export function fileAnchors(absolute: string): readonly string[] {
  const content = fs.readFileSync(absolute, 'utf8');
  const hash = sha1(content);
  const hit = cache.get(absolute);
  if (hit && hit.hash === hash) return hit.ids;
  const ids = anchorIds(parseMarkdown(content));
  cache.set(absolute, {hash, ids});
  return ids;
}

/** Up to `limit` candidates close to `wanted` (edit distance at most a third of its length, at least 2). */
export function closest(wanted: string, candidates: Iterable<string>, limit = 2): string[] {
  return nearest(wanted, candidates, {limit, maxDistance: Math.max(2, Math.floor(wanted.length / 3))});
}
