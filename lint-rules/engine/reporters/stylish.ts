/**
 * The human format: vfile-reporter, as remark-cli prints it, only files with
 * messages, then a one-line summary when nothing was found.
 */
import path from 'node:path';
import {reporter} from 'vfile-reporter';
import {toVFile, type FileResult} from '../result';

export interface StylishOptions {
  cwd: string;
  color?: boolean;
}

export function shownPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
  return shown.split(path.sep).join('/');
}

export function formatStylish(results: readonly FileResult[], options: StylishOptions): string {
  const files = results.filter((r) => r.messages.length > 0).map((r) => toVFile(r, shownPath(r.path, options.cwd)));
  if (files.length === 0) return `${results.length} 个文件，没有发现问题`;
  return reporter(files, {quiet: true, color: options.color ?? false});
}
