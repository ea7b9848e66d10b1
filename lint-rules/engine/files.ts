/**
 * Which files the CLI lints: Markdown under the given paths (default `docs/`),
 * or only those changed against a git base (`--changed`), and which lines of
 * them changed (so annotations on changed lines come first).
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {describeFsError} from './source';

export const MARKDOWN_EXTENSIONS = ['.md', '.mdx'];

export function isMarkdown(file: string): boolean {
  return MARKDOWN_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/** Folders never searched: dependencies, build output, hidden folders. */
function skipDir(name: string): boolean {
  return name === 'node_modules' || name === 'build' || name.startsWith('.');
}

/** A path that was named or found but is not linted, and why. */
export interface SkippedPath {
  path: string;
  severity: 'error' | 'warning';
  message: string;
}

function within(root: string, file: string): boolean {
  return file === root || file.startsWith(root + path.sep);
}

interface Walk {
  /** The real path of the folder named on the command line: links may point anywhere inside it. */
  root: string;
  /** Real paths of folders already walked (a link back up would loop). */
  visited: Set<string>;
  skipped: SkippedPath[];
}

/**
 * Markdown files under `dir`, sorted; yields as it walks so nothing big is held.
 * Symlinks are followed when their target lies inside the folder being walked
 * (each real folder once, so a loop ends); a link pointing outside it, a broken
 * link and a folder that cannot be read are recorded in `skipped`, never silent.
 */
export function* walkMarkdown(dir: string, walk: Walk = newWalk(dir)): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, {withFileTypes: true});
  } catch (error) {
    walk.skipped.push({path: dir, severity: 'error', message: `无法读取这个文件夹，其中的文件没有检查：${describeFsError(error)}`});
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    let real = full;
    if (entry.isSymbolicLink()) {
      if (!isMarkdown(entry.name) && skipDir(entry.name)) continue;
      try {
        real = fs.realpathSync(full);
        const stat = fs.statSync(real);
        isDirectory = stat.isDirectory();
        isFile = stat.isFile();
      } catch (error) {
        if (isMarkdown(entry.name) || (error as NodeJS.ErrnoException).code === 'ELOOP') {
          walk.skipped.push({path: full, severity: 'warning', message: `跳过符号链接：${describeFsError(error)}`});
        }
        continue;
      }
      if (!within(walk.root, real)) {
        if (isDirectory || isMarkdown(entry.name)) {
          walk.skipped.push({
            path: full,
            severity: 'warning',
            message: `跳过符号链接：它指向检查范围之外的 \`${real}\`；只跟随指向所检查文件夹之内的链接（在命令行直接给出目标可检查它）`,
          });
        }
        continue;
      }
    }
    if (isDirectory) {
      if (skipDir(entry.name)) continue;
      const key = entry.isSymbolicLink() ? real : fs.realpathSync(full);
      if (walk.visited.has(key)) continue;
      walk.visited.add(key);
      yield* walkMarkdown(full, walk);
    } else if (isFile && isMarkdown(entry.name)) {
      yield full;
    }
  }
}

function newWalk(dir: string): Walk {
  let root = path.resolve(dir);
  try {
    root = fs.realpathSync(root);
  } catch {
    // reported by readdirSync
  }
  return {root, visited: new Set([root]), skipped: []};
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Absolute paths of the Markdown files named by `inputs` (files or folders),
 * each real file once (a file reached through a symlink too is listed under its
 * own path), and the paths that were skipped or do not exist, each with why.
 */
export function listFiles(inputs: readonly string[], cwd: string): {files: string[]; skipped: SkippedPath[]} {
  /** Real path → the path it is listed under. */
  const byReal = new Map<string, string>();
  const skipped: SkippedPath[] = [];
  const add = (file: string): void => {
    let real = file;
    try {
      real = fs.realpathSync(file);
    } catch {
      // vanished: listed as named, and reported when it is read
    }
    const listed = byReal.get(real);
    if (listed === undefined || file === real) byReal.set(real, file);
  };
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      skipped.push({
        path: full,
        severity: 'error',
        message:
          code === 'ENOENT' || code === 'ENOTDIR'
            ? `找不到路径 \`${input}\`；请给出存在的 Markdown 文件或文件夹，例如 \`docs/\``
            : `无法检查 \`${input}\`：${describeFsError(error)}`,
      });
      continue;
    }
    if (stat.isDirectory()) {
      const walk = newWalk(full);
      for (const file of walkMarkdown(full, walk)) add(file);
      skipped.push(...walk.skipped);
    } else add(full);
  }
  return {files: [...new Set(byReal.values())], skipped};
}

function git(args: string[], cwd: string): string {
  return execFileSync('git', ['-c', 'core.quotePath=false', ...args], {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024});
}

function tryGit(args: string[], cwd: string): string | undefined {
  try {
    return git(args, cwd);
  } catch {
    return undefined;
  }
}

/** The repository's top folder, or `undefined` outside a git checkout. */
export function gitRoot(cwd: string): string | undefined {
  return tryGit(['rev-parse', '--show-toplevel'], cwd)?.trim();
}

/** `base` if given, else `origin/main`, else `main`; the commit to diff against (merge base when there is one). */
export function resolveBase(cwd: string, base?: string): {name: string; commit: string} {
  const candidates = base ? [base] : ['origin/main', 'main'];
  for (const name of candidates) {
    const commit = tryGit(['rev-parse', '--verify', '--quiet', `${name}^{commit}`], cwd)?.trim();
    if (!commit) continue;
    // Diff against where the branch left the base, so the base's own new commits don't count.
    const mergeBase = tryGit(['merge-base', commit, 'HEAD'], cwd)?.trim();
    return {name, commit: mergeBase || commit};
  }
  throw new UsageError(
    base
      ? `\`--changed\`：找不到 git 基准 \`${base}\`；请给出存在的分支或提交，例如 \`--changed origin/main\``
      : '`--changed`：找不到 git 基准 `origin/main` 或 `main`；请给出基准，例如 `--changed HEAD~1`',
  );
}

/**
 * Markdown files changed against `base` (committed, staged or not, and untracked
 * new files), limited to `inputs`, as absolute paths. Deleted files are left out.
 */
export function changedFiles(inputs: readonly string[], cwd: string, base?: string): string[] {
  const root = gitRoot(cwd);
  if (!root) throw new UsageError('`--changed` 需要在 git 仓库里运行；这里不是 git 检出目录。不带 `--changed` 可检查全部文件');
  const {commit} = resolveBase(cwd, base);
  const scopes = inputs.map((input) => path.resolve(cwd, input));
  const diff = git(['diff', '--name-only', '-z', '--diff-filter=ACMRT', '--no-renames', commit, '--'], root);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], root);
  const files = new Set<string>();
  for (const name of [...diff.split('\0'), ...untracked.split('\0')]) {
    if (!name || !isMarkdown(name)) continue;
    const full = path.join(root, name);
    const inScope = scopes.some((scope) => full === scope || full.startsWith(scope + path.sep));
    if (inScope && fs.existsSync(full)) files.add(full);
  }
  return [...files].sort();
}

/** Changed line numbers per absolute path, from `git diff -U0`; untracked files are all new. */
export type ChangedLines = Map<string, Set<number> | 'all'>;

export function parseUnifiedDiff(diff: string, root: string): ChangedLines {
  const result: ChangedLines = new Map();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const name = line.slice(4);
      current = undefined;
      if (name.startsWith('b/')) {
        current = new Set();
        result.set(path.join(root, name.slice(2)), current);
      }
    } else if (line.startsWith('@@') && current) {
      const match = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!match) continue;
      const start = Number(match[1]);
      const count = match[2] === undefined ? 1 : Number(match[2]);
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return result;
}

/** Lines changed against `base` (or `undefined` when there is no git or no base). */
export function changedLines(cwd: string, base?: string): ChangedLines | undefined {
  const root = gitRoot(cwd);
  if (!root) return undefined;
  let commit: string;
  try {
    commit = resolveBase(cwd, base).commit;
  } catch {
    return undefined;
  }
  const diff = tryGit(['diff', '-U0', '--no-color', '--no-ext-diff', '--no-renames', commit, '--'], root);
  if (diff === undefined) return undefined;
  const result = parseUnifiedDiff(diff, root);
  const untracked = tryGit(['ls-files', '--others', '--exclude-standard', '-z'], root) ?? '';
  for (const name of untracked.split('\0')) if (name) result.set(path.join(root, name), 'all');
  return result;
}

/** Write via a temp file in the same folder and rename, so a reader never sees half a file. */
export function writeAtomic(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temp, text);
    try {
      fs.chmodSync(temp, fs.statSync(file).mode);
    } catch {
      // a new file keeps the default mode
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, {force: true}); // never leave a temp file behind
    throw error;
  }
}
