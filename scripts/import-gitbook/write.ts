/**
 * Put a planned import in place all at once: write it to a staging folder next to
 * `--out`, then swap the folder in. A failure leaves `--out` as it was; a run
 * killed midway leaves only hidden `.<out>.import-*` folders, which the next run
 * cleans up (restoring `--out` from its `.old` copy if the kill fell between the
 * two renames of the swap).
 */
import {randomBytes} from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type {PlannedFile} from './importer';

export class WriteRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteRefused';
  }
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}

function isSameOrInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** `--out` is replaced whole, so it must not be a folder that holds more than the book. */
export function checkOutDir(outDir: string, bookDir: string, cwd = process.cwd()): void {
  const out = path.resolve(outDir);
  const book = path.resolve(bookDir);
  const guarded = [path.parse(out).root, os.homedir(), cwd];
  if (guarded.some((g) => isSameOrInside(g, out))) {
    throw new WriteRefused(`输出目录 \`${outDir}\` 包含当前目录或主目录，导入会整体替换它，已拒绝（应为专门存放这本书的目录，如 \`docs/book\`）`);
  }
  if (isSameOrInside(out, book) || isSameOrInside(book, out)) {
    throw new WriteRefused(`输出目录 \`${outDir}\` 与 GitBook 书的目录 \`${bookDir}\` 重叠，已拒绝（应在书的目录之外）`);
  }
}

const STAGING_PREFIX = (out: string): string => `.${path.basename(out)}.import-`;

/**
 * What an earlier run killed midway left next to `out`: staging folders are
 * removed; a `.old` copy is put back when `out` is missing (the kill fell between
 * the two renames), else removed. Returns what it did, for the report.
 */
export async function recoverInterrupted(outDir: string): Promise<string[]> {
  const out = path.resolve(outDir);
  const parent = path.dirname(out);
  const names = (await fs.readdir(parent).catch(() => [] as string[])).filter((n) => n.startsWith(STAGING_PREFIX(out))).sort();
  const done: string[] = [];
  for (const name of names.filter((n) => n.endsWith('.old'))) {
    if (!(await exists(out))) {
      await fs.rename(path.join(parent, name), out);
      done.push(`已从中断的导入中恢复 \`${outDir}\`（${name}）`);
    } else {
      await fs.rm(path.join(parent, name), {recursive: true, force: true});
      done.push(`已删除中断的导入留下的旧副本 ${name}`);
    }
  }
  for (const name of names.filter((n) => !n.endsWith('.old'))) {
    await fs.rm(path.join(parent, name), {recursive: true, force: true});
    done.push(`已删除中断的导入留下的临时目录 ${name}`);
  }
  return done;
}

/** Write `files` as the whole content of `outDir`. Without `force`, an existing non-empty `outDir` is refused. */
export async function writeImport(outDir: string, files: PlannedFile[], force: boolean): Promise<string[]> {
  const out = path.resolve(outDir);
  const recovered = await recoverInterrupted(outDir);
  const current = await fs.readdir(out).catch(() => undefined);
  if (current && current.length > 0 && !force) {
    throw new WriteRefused(`输出目录 \`${outDir}\` 已有 ${current.length} 个文件或目录；要用导入结果整体替换它，请加 \`--force\``);
  }
  await fs.mkdir(path.dirname(out), {recursive: true});
  // `mkdir`, not `mkdtemp`: the folder becomes `--out`, so it gets the usual mode (0755 under umask 022), not 0700.
  const staging = path.join(path.dirname(out), `${STAGING_PREFIX(out)}${randomBytes(6).toString('hex')}`);
  await fs.mkdir(staging);
  try {
    for (const file of files) {
      const target = path.join(staging, ...file.path.split('/'));
      await fs.mkdir(path.dirname(target), {recursive: true});
      await fs.writeFile(target, file.content);
    }
    const old = `${staging}.old`;
    if (current) await fs.rename(out, old);
    await fs.rename(staging, out);
    if (current) await fs.rm(old, {recursive: true, force: true});
  } catch (error) {
    await fs.rm(staging, {recursive: true, force: true});
    throw error;
  }
  return recovered;
}

export {exists};
