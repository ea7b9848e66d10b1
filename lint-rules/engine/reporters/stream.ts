/**
 * What the reporters share: results reach them one file at a time, in the order the
 * report lists them, and nothing keeps every message of the book. Each format is one
 * streaming sink (`StylishStream` in stylish.ts, `JsonStream` in json.ts,
 * `GithubAnnotations` in github.ts); its one-shot `formatX` streams every result into
 * a string with {@link writeToString}.
 */
import path from 'node:path';
import {displayPath} from '../../../core/yaml-list';

/** Where a path is shown: relative to `cwd` (the working directory, or the repository root for annotations), with `/`. */
export function shownPath(file: string, cwd: string): string {
  return displayPath(file, cwd).split(path.sep).join('/');
}

/** vfile-reporter's file order (`vfile-sort`'s compareFile: shown paths, `localeCompare`), the order stylish and github read results in. */
export function sortedForStylish<T extends string | {path: string}>(items: readonly T[], cwd: string): T[] {
  return items
    .map((item) => ({item, shown: shownPath(typeof item === 'string' ? item : item.path, cwd)}))
    .sort((a, b) => a.shown.localeCompare(b.shown))
    .map(({item}) => item);
}

/**
 * Writes whole lines in chunks of about 64 KiB (each chunk ends with a newline but the
 * last). Pieces are kept in a list and joined once per chunk: appending to one string
 * and searching it for the last newline cost more than the report's formatting.
 */
export class ChunkWriter {
  private parts: string[] = [];
  private size = 0;
  /** Index in `parts` of the newest piece with a newline, -1 when none has one. */
  private withNewline = -1;
  constructor(private readonly out: (text: string) => void) {}

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (text.includes('\n')) this.withNewline = this.parts.length - 1;
    if (this.size < 65536 || this.withNewline < 0) return;
    const i = this.withNewline;
    const cut = this.parts[i].lastIndexOf('\n');
    const head = this.parts.slice(0, i);
    head.push(this.parts[i].slice(0, cut + 1));
    const tail = this.parts[i].slice(cut + 1);
    this.parts = tail ? [tail, ...this.parts.slice(i + 1)] : this.parts.slice(i + 1);
    this.size = this.parts.reduce((sum, part) => sum + part.length, 0);
    this.withNewline = -1;
    this.out(head.join(''));
  }

  end(): void {
    const rest = this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.withNewline = -1;
    if (rest) this.out(rest);
  }
}

/** What a sink writes, as one string: the one-shot formatters. */
export function writeToString(run: (writer: ChunkWriter) => void): string {
  const chunks: string[] = [];
  const writer = new ChunkWriter((text) => chunks.push(text));
  run(writer);
  writer.end();
  return chunks.join('');
}
