/**
 * Reading a file to lint and writing its fixes back, without ever losing or
 * rewriting a byte the user wrote:
 *
 * - a file that cannot be read, vanished, is too large or is not valid UTF-8
 *   text becomes one message naming the problem (the run goes on with the rest);
 * - a file that is not valid UTF-8 is never decoded lossily, so never rewritten;
 * - `--fix` writes only if the file still holds the bytes that were linted (an
 *   edit made during the run is kept, and the file is reported as skipped);
 * - a symlink is written through (its target changes, the link stays a link).
 */
import fs from 'node:fs';
import path from 'node:path';
import type {LintMessage} from './result';

export interface Source {
  bytes: Buffer;
  text: string;
  stat: fs.Stats;
}

/** Why a file was not linted or not written: one message without a position, or at the first bad byte. */
export class SourceProblem extends Error {
  constructor(
    message: string,
    readonly where?: {line: number; column: number; offset: number},
  ) {
    super(message);
    this.name = 'SourceProblem';
  }
}


function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A file-system error as a sentence for the person running the lint. */
export function describeFsError(error: unknown): string {
  switch (errnoCode(error)) {
    case 'ENOENT':
      return '文件不存在（可能在检查期间被删除或移走）';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限；请检查文件权限';
    case 'EISDIR':
      return '这是文件夹，不是 Markdown 文件';
    case 'ELOOP':
      return '符号链接形成循环，找不到真正的文件';
    default:
      return `无法读取：${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} 字节`;
}

/**
 * Where the first byte that is not UTF-8 sits, or `undefined` when all of
 * `bytes` is valid UTF-8. Decoding with replacement keeps every valid character
 * as it was, so the first U+FFFD that the bytes do not spell out (EF BF BD) is it.
 */
export function firstInvalidUtf8(bytes: Buffer, text = bytes.toString('utf8')): {line: number; column: number; offset: number} | undefined {
  if (!text.includes('\uFFFD')) return undefined;
  let byte = 0;
  let line = 1;
  let column = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd && !(bytes[byte] === 0xef && bytes[byte + 1] === 0xbf && bytes[byte + 2] === 0xbd)) {
      return {line, column, offset: byte};
    }
    const isHigh = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    byte += code < 0x80 ? 1 : code < 0x800 ? 2 : isHigh ? 4 : 3;
    if (isHigh) i++;
    if (code === 0x0a) {
      line++;
      column = 1;
    } else {
      column += isHigh ? 2 : 1;
    }
  }
  return undefined;
}

/** Read `file` as UTF-8 Markdown, or throw a {@link SourceProblem} saying why it cannot be linted. */
export function readSource(file: string, maxBytes: number): Source {
  let stat: fs.Stats;
  let bytes: Buffer;
  try {
    stat = fs.statSync(file);
    if (!stat.isFile()) throw new SourceProblem(stat.isDirectory() ? describeFsError({code: 'EISDIR'}) : '不是普通文件；只检查 Markdown 文本文件');
    if (maxBytes > 0 && stat.size > maxBytes) throw tooLarge(stat.size, maxBytes);
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof SourceProblem) throw error;
    throw new SourceProblem(describeFsError(error));
  }
  // The file may have grown between stat and read.
  if (maxBytes > 0 && bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
  const text = bytes.toString('utf8');
  const bad = firstInvalidUtf8(bytes, text);
  if (bad) {
    throw new SourceProblem(
      `不是有效的 UTF-8 文本（第 ${bad.offset + 1} 个字节起无法解码），没有检查，也不会被 \`--fix\` 改写；请用 UTF-8 保存，或不要用 \`.md\` 命名二进制文件`,
      bad,
    );
  }
  if (text.includes('\0')) {
    const offset = text.indexOf('\0');
    throw new SourceProblem(`含有 NUL 字节（第 ${Buffer.byteLength(text.slice(0, offset)) + 1} 个字节），像是二进制文件，没有检查，也不会被改写`);
  }
  return {bytes, text, stat};
}

function tooLarge(size: number, maxBytes: number): SourceProblem {
  return new SourceProblem(
    `文件有 ${formatBytes(size)}，超过上限 ${formatBytes(maxBytes)}，没有检查；可在 \`.lintrc.yaml\` 的 \`limits.maxFileBytes\` 或命令行 \`--max-file-bytes\` 调高（0 表示不限）`,
  );
}

/**
 * Write `text` over `file` only if the file still holds `expected` (the bytes
 * that were linted). Through a temp file and a rename in the target's folder,
 * so a reader never sees half a file; a symlink's target is written, the link
 * kept. Returns the new stat; throws {@link SourceProblem} when the file moved on.
 */
export function writeIfUnchanged(file: string, expected: Buffer, text: string): fs.Stats {
  const changed = (): SourceProblem =>
    new SourceProblem('文件在 `--fix` 运行期间被改动，没有写入修复（改动已保留）；请再运行一次 `--fix`');
  let target: string;
  try {
    target = fs.realpathSync(file);
  } catch {
    throw changed();
  }
  const same = (): boolean => {
    try {
      return fs.readFileSync(target).equals(expected);
    } catch {
      return false;
    }
  };
  if (!same()) throw changed();
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temp, text, {mode: 0o600});
    fs.chmodSync(temp, fs.statSync(target).mode & 0o7777); // exactly the file's mode, whatever the umask
    // Checked again right before the swap: the window left is the rename itself.
    if (!same()) throw changed();
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, {force: true});
    if (error instanceof SourceProblem) throw error;
    throw new SourceProblem(`无法写入修复：${describeFsError(error)}`);
  }
  return fs.statSync(target);
}

/** A message about the file as a whole (not from a rule): it was not read, not linted or not written. */
export function fileMessage(message: string, severity: 'error' | 'warning' = 'error', at?: {line: number; column: number}): LintMessage {
  return {
    ruleId: null,
    source: 'llmbook',
    severity,
    message,
    line: at?.line ?? null,
    column: at?.column ?? null,
    endLine: null,
    endColumn: null,
    startOffset: null,
    endOffset: null,
  };
}
