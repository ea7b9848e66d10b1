/**
 * The human format: vfile-reporter's text (`quiet: true`), as remark-cli prints it, only
 * files with messages, then a one-line summary when nothing was found; byte for byte, but
 * streamed. vfile-reporter aligns columns across all files, so message rows are spooled
 * to a temporary file while the column widths are tracked, then printed padded.
 */
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {createRequire} from 'node:module';
import {stringifyPosition} from 'unist-util-stringify-position';
import {compareMessage} from 'vfile-sort';
import {toVFile, type FileResult} from '../result';
import {shownPath, sortedForStylish, writeToString, type ChunkWriter} from './stream';

export interface StylishOptions {
  cwd: string;
  color?: boolean;
}

/**
 * The string-width vfile-reporter itself uses (it may be another version than the
 * top-level one, and widths of emoji and variation selectors differ between them),
 * and the strip-ansi it strips colours with.
 */
const {stringWidth, stripAnsi} = ((): {stringWidth: (text: string) => number; stripAnsi: (text: string) => string} => {
  const fromRoot = createRequire(__filename);
  const reporterDir = path.dirname(fromRoot.resolve('vfile-reporter'));
  const fromReporter = createRequire(path.join(reporterDir, 'lib/index.js'));
  const widthPath = fromReporter.resolve('string-width');
  const width = (fromReporter(widthPath) as {default?: (text: string) => number}).default;
  const strip = (createRequire(widthPath)('strip-ansi') as {default?: (text: string) => string}).default;
  if (typeof width !== 'function') throw new Error('string-width (from vfile-reporter) has no default export');
  if (typeof strip !== 'function') throw new Error('strip-ansi (from vfile-reporter\'s string-width) has no default export');
  return {stringWidth: width, stripAnsi: strip};
})();

/**
 * Characters that are always a grapheme of their own (none extends, joins or
 * prepends, none is a control or an emoji modifier): printable ASCII, the CJK
 * ideographs, CJK punctuation (without its combining tone marks) and the fullwidth
 * forms, the quotes, dashes and ellipsis of Chinese text.
 */
function standsAlone(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3000 && code <= 0x3029) ||
    (code >= 0x3030 && code <= 0x303f) ||
    (code >= 0xff01 && code <= 0xff60) ||
    code === 0xb7 ||
    code === 0x2014 ||
    code === 0x2018 ||
    code === 0x2019 ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0x2026
  );
}

/** `stringWidth` of each character that {@link standsAlone}, -1 until computed. */
const charWidths = new Int8Array(0x10000).fill(-1);
const graphemes = new Intl.Segmenter();
/** Width of each other grapheme seen so far (a book uses a few thousand distinct ones). */
const graphemeWidths = new Map<string, number>();

/** The general case: the sum over the graphemes of the text without colour codes. */
function widthByGraphemes(text: string): number {
  let width = 0;
  for (const {segment} of graphemes.segment(stripAnsi(text))) {
    let share = graphemeWidths.get(segment);
    if (share === undefined) {
      share = stringWidth(segment);
      graphemeWidths.set(segment, share);
    }
    width += share;
  }
  return width;
}

/**
 * `stringWidth(text)`, the same number, faster: string-width segments the text and,
 * for every grapheme of every cell, builds the whole emoji regex and looks up the
 * East Asian width, which made the terminal report of a book with 25,000 messages
 * five times slower than JSON. Its width is the sum of its graphemes' widths, and
 * each grapheme's share is `stringWidth(grapheme)`: computed once per distinct
 * character when every character {@link standsAlone} (most report cells), else once
 * per distinct grapheme after segmenting.
 */
export function cellWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!standsAlone(code)) return widthByGraphemes(text);
    let share = charWidths[code];
    if (share < 0) charWidths[code] = share = stringWidth(text[i]);
    width += share;
  }
  return width;
}

/** vfile-reporter's own `stringWidth`, for tests that compare {@link cellWidth} with it. */
export const reporterStringWidth = stringWidth;

interface Colors {
  bold: string;
  underline: string;
  normalIntensity: string;
  noUnderline: string;
  red: string;
  cyan: string;
  green: string;
  yellow: string;
  defaultColor: string;
}

function colors(on: boolean): Colors {
  const c = (code: string): string => (on ? code : '');
  return {
    bold: c('\u001B[1m'),
    underline: c('\u001B[4m'),
    normalIntensity: c('\u001B[22m'),
    noUnderline: c('\u001B[24m'),
    red: c('\u001B[31m'),
    cyan: c('\u001B[36m'),
    green: c('\u001B[32m'),
    yellow: c('\u001B[33m'),
    defaultColor: c('\u001B[39m'),
  };
}

const EOL = /\r?\n|\r/;

/** vfile-reporter's `formatReason`: code spans in cyan, the reason in bold. */
function formatReason(state: Colors, reason: string): string {
  const result: string[] = [];
  const splits: Array<{index: number; size: number}> = [];
  let index = reason.indexOf('`');
  while (index !== -1) {
    const split = {index, size: 1};
    splits.push(split);
    while (reason.codePointAt(index + 1) === 96) {
      split.size++;
      index++;
    }
    index = reason.indexOf('`', index + 1);
  }
  index = -1;
  let textStart = 0;
  while (++index < splits.length) {
    let closeIndex = index;
    let close: {index: number; size: number} | undefined;
    while (++closeIndex < splits.length) {
      if (splits[index].size === splits[closeIndex].size) {
        close = splits[closeIndex];
        break;
      }
    }
    if (close) {
      const codeStart = splits[index].index;
      const codeEnd = close.index + close.size;
      result.push(reason.slice(textStart, codeStart) + state.cyan + reason.slice(codeStart, codeEnd) + state.defaultColor);
      textStart = codeEnd;
      index = closeIndex;
    }
  }
  result.push(reason.slice(textStart));
  return state.bold + result.join('') + state.normalIntensity;
}

function label(fatal: boolean | null | undefined): string {
  return fatal ? 'error' : fatal === false ? 'warning' : 'info';
}

/** The stylish report (vfile-reporter, `quiet: true`), fed one file at a time in report order. */
export class StylishStream {
  private readonly state: Colors;
  private readonly spoolFile: string;
  private readonly fd: number;
  private readonly sizes: number[] = [];
  private files = 0;
  private withMessages = 0;
  private fatal = 0;
  private warn = 0;
  private total = 0;

  constructor(private readonly options: StylishOptions) {
    this.state = colors(options.color ?? false);
    this.spoolFile = path.join(os.tmpdir(), `llmbook-lint-report-${process.pid}-${randomBytes(6).toString('hex')}.jsonl`);
    this.fd = fs.openSync(this.spoolFile, 'w');
  }

  private spool(rows: Array<string | string[]>): void {
    if (rows.length === 0) return;
    fs.writeSync(this.fd, `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`);
  }

  add(result: FileResult): void {
    this.files++;
    if (result.messages.length === 0) return;
    const s = this.state;
    const file = toVFile(result, shownPath(result.path, this.options.cwd));
    const messages = [...file.messages].sort(compareMessage);
    let fatal = 0;
    for (const m of messages) {
      if (m.fatal) fatal++;
      else if (m.fatal === false) this.warn++;
    }
    this.fatal += fatal;
    this.total += messages.length;
    const rows: Array<string | string[]> = [];
    if (this.withMessages > 0) rows.push('');
    this.withMessages++;
    rows.push(s.underline + (fatal ? s.red : s.yellow) + (file.history[0] ?? '') + s.defaultColor + s.noUnderline);
    for (const message of messages) {
      const kind = label(message.fatal);
      let reason = message.stack || message.message;
      const match = EOL.exec(reason);
      let rest: string[] = [];
      if (match) {
        rest = reason.slice(match.index + 1).split(EOL);
        reason = reason.slice(0, match.index);
      }
      const row = [
        stringifyPosition(message.place),
        (kind === 'error' ? s.red : s.yellow) + kind + s.defaultColor,
        formatReason(s, reason),
        message.ruleId || '',
        message.source || '',
      ];
      row.forEach((cell, i) => {
        const size = cellWidth(cell);
        if (size > (this.sizes[i] ?? 0)) this.sizes[i] = size;
      });
      rows.push(row, ...rest);
    }
    this.spool(rows);
  }

  private byline(): string {
    const s = this.state;
    let result = '';
    if (this.fatal) result = `${s.red}✖${s.defaultColor} ${this.fatal} error${this.fatal === 1 ? '' : 's'}`;
    if (this.warn) result = `${result ? `${result}, ` : ''}${s.yellow}⚠${s.defaultColor} ${this.warn} warning${this.warn === 1 ? '' : 's'}`;
    if (this.total !== this.fatal && this.total !== this.warn) result = `${this.total} messages (${result})`;
    return result;
  }

  /** Writes the report's lines (joined with `\n`, no final newline) and removes the spool. */
  finish(writer: ChunkWriter): void {
    fs.closeSync(this.fd);
    try {
      if (this.withMessages === 0) {
        writer.write(`${this.files} 个文件，没有发现问题`);
        return;
      }
      let first = true;
      const line = (text: string): void => {
        writer.write(first ? text : `\n${text}`);
        first = false;
      };
      const fd = fs.openSync(this.spoolFile, 'r');
      try {
        const chunk = Buffer.alloc(1 << 16);
        let carry = Buffer.alloc(0);
        for (;;) {
          const read = fs.readSync(fd, chunk, 0, chunk.length, null);
          if (read === 0) break;
          let data = Buffer.concat([carry, chunk.subarray(0, read)]);
          let at = data.indexOf(10);
          while (at >= 0) {
            line(this.serialize(JSON.parse(data.subarray(0, at).toString('utf8')) as string | string[]));
            data = data.subarray(at + 1);
            at = data.indexOf(10);
          }
          carry = Buffer.from(data);
        }
      } finally {
        fs.closeSync(fd);
      }
      if (this.fatal || this.warn) {
        line('');
        line(this.byline());
      }
    } finally {
      fs.rmSync(this.spoolFile, {force: true});
    }
  }

  /** Abandon the report (an error happened): remove the spool. */
  discard(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed
    }
    fs.rmSync(this.spoolFile, {force: true});
  }

  private serialize(row: string | string[]): string {
    if (typeof row === 'string') return row.trimEnd();
    let line = '';
    row.forEach((cell, i) => {
      const max = (this.sizes[i] ?? 0) + 1;
      line += cell + ' '.repeat(max - cellWidth(cell));
    });
    return line.trimEnd();
  }
}

/** The whole report at once: every result streamed in vfile-reporter's file order. */
export function formatStylish(results: readonly FileResult[], options: StylishOptions): string {
  const stream = new StylishStream(options);
  for (const result of sortedForStylish(results, options.cwd)) stream.add(result);
  return writeToString((writer) => stream.finish(writer));
}
