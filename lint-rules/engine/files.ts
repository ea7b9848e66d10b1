/**
 * Which files the CLI lints: Markdown under the given paths (default `docs/`),
 * or only those changed against a git base (`--changed`), and which lines of
 * them changed (so annotations on changed lines come first).
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const MARKDOWN_EXTENSIONS = ['.md', '.mdx'];

export function isMarkdown(file: string): boolean {
  return MARKDOWN_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/** Folders never searched: dependencies, build output, hidden folders. */
function skipDir(name: string): boolean {
  return name === 'node_modules' || name === 'build' || name.startsWith('.');
}

/** Markdown files under `dir`, sorted; yields as it walks so nothing big is held. */
export function* walkMarkdown(dir: string): Generator<string> {
  const entries = fs.readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipDir(entry.name)) yield* walkMarkdown(full);
    } else if (entry.isFile() && isMarkdown(entry.name)) {
      yield full;
    }
  }
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Absolute paths of the Markdown files named by `inputs` (files or folders), de-duplicated. */
export function listFiles(inputs: readonly string[], cwd: string): string[] {
  const seen = new Set<string>();
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      throw new UsageError(`找不到路径 \`${input}\`；请给出存在的 Markdown 文件或文件夹，例如 \`docs/\``);
    }
    if (stat.isDirectory()) for (const file of walkMarkdown(full)) seen.add(file);
    else seen.add(full);
  }
  return [...seen];
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
  fs.writeFileSync(temp, text);
  try {
    fs.chmodSync(temp, fs.statSync(file).mode);
  } catch {
    // a new file keeps the default mode
  }
  fs.renameSync(temp, file);
}
