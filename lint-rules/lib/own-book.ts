/**
 * Whose book is this file in? Our chapters (and the rules' fixtures) live in this
 * repository; a file outside it (another book linted with our rules, a copy in a
 * temp folder) is someone else's, and a message must not tell its authors to edit
 * our data files.
 */
import path from 'node:path';
import type {VFile} from 'vfile';
import {ROOT_DIR} from '../../core/constants';

/** A file without a path (stdin, an editor buffer) counts as ours. */
export function isOurBook(file: VFile): boolean {
  if (!file.path) return true;
  const relative = path.relative(ROOT_DIR, path.resolve(file.cwd, file.path));
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}
