/**
 * `npx tsx bench/precision/run.ts`: how often our lint is wrong on real books that
 * this repository does not contain (issue 20). Writes `bench/precision.md`.
 *
 * For each book in `books.json` (a public repository at a pinned commit):
 *
 * 1. its Markdown is exported from a local git copy (`--mirrors DIR`, default
 *    `$LLMBOOK_MIRRORS` or `/work/.mirror`, holding `<owner>+<name>/repo` or
 *    `<owner>+<name>` — e.g. `git clone --bare https://github.com/<owner>/<name> DIR/<owner>+<name>`)
 *    into a temp folder; nothing of the book is committed;
 * 2. the lint runs on it (`--format json`, our `.lintrc.yaml`);
 * 3. for every rule, a seeded random sample of {@link SAMPLE} messages is joined with
 *    the verdicts classified by hand in `verdicts.json` (`tp`: the message is right;
 *    `fp`: wrong); unclassified samples are listed as such and fail `--check`;
 * 4. `--fix` runs on a copy: every changed byte must lie in a fix range the lint
 *    reported (checked by replaying the reported fixes pass by pass with the
 *    fixer's own `applyFixes` and comparing), a second `--fix` must change nothing,
 *    and the applied fixes are listed for review;
 * 5. recall: a seeded choice of chapters gets the planted mistakes of `planted.ts`
 *    appended, and the share found is reported.
 *
 * Options: `--mirrors DIR`, `--check` (exit 1 when a target is missed or a sample
 * is unclassified), `--todo FILE` (write the unclassified samples as JSON, to classify).
 */
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {ROOT_DIR} from '../../core/constants';
import {applyFixes, type Fix} from '../../lint-rules/engine/fix';
import type {LintMessage} from '../../lint-rules/engine/result';
import {PLANTED, type Planted} from './planted';

export const SAMPLE = 25;
export const SEED = 20;
/** Target: at most this share of false positives per rule per book. */
export const MAX_FP = 0.05;

interface Book {
  name: string;
  repo: string;
  commit: string;
  generator: string;
  title: string;
}

export type Verdict = 'tp' | 'fp';
interface Classified {
  verdict: Verdict;
  why?: string;
}

interface JsonFile {
  path: string;
  messages: LintMessage[];
}

/** mulberry32: a small seeded generator, so a sample is the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

/** `count` items of `items` chosen without replacement by a generator seeded with `key`. */
export function sample<T>(items: readonly T[], count: number, key: string): T[] {
  const random = rng(SEED ^ hash(key));
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}

function gitDir(mirrors: string, repo: string): string {
  const base = path.join(mirrors, repo.replace('/', '+'));
  for (const dir of [path.join(base, 'repo'), base]) if (fs.existsSync(dir)) return dir;
  throw new Error(`${repo}: 没有本地 git 副本 ${base}；先运行 \`git clone --bare https://github.com/${repo} ${base}\``);
}

/**
 * The book's files at the pinned commit, written under `dest`: every file, so links
 * to code samples and images resolve; a blob the snapshot lacks (large files, LFS)
 * is written empty, so the link still finds it.
 */
function exportBook(book: Book, mirrors: string, dest: string): void {
  const git = gitDir(mirrors, book.repo);
  const list = execFileSync('git', ['--git-dir', git, '-c', 'core.quotepath=off', 'ls-tree', '-r', '--name-only', book.commit], {encoding: 'utf8', maxBuffer: 64 << 20});
  for (const file of list.split('\n').filter((f) => f !== '')) {
    const target = path.join(dest, file);
    fs.mkdirSync(path.dirname(target), {recursive: true});
    let content: Buffer;
    try {
      content = execFileSync('git', ['--git-dir', git, 'cat-file', 'blob', `${book.commit}:${file}`], {maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore']});
    } catch {
      content = Buffer.alloc(0); // absent from the snapshot (too large, LFS): the path is what links need
    }
    fs.writeFileSync(target, content);
  }
}

function lintJson(dir: string, extra: string[] = []): JsonFile[] {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'lint-rules/engine/cli.ts'), '--no-cache', '--threads', '0', '--format', 'json', ...extra, dir], {
    cwd: ROOT_DIR,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  if (run.status === 2 || !run.stdout.trim().startsWith('{')) throw new Error(`lint failed on ${dir}:\n${run.stderr}`);
  return (JSON.parse(run.stdout) as {files: JsonFile[]}).files;
}

function runFix(dir: string): void {
  spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'lint-rules/engine/cli.ts'), '--no-cache', '--threads', '0', '--fix', '--format', 'json', dir], {cwd: ROOT_DIR, encoding: 'utf8', maxBuffer: 256 << 20});
}

function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, {withFileTypes: true})) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) out.set(path.relative(dir, full), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/** A short excerpt around a message: what a reviewer needs to judge it, not the book's text. */
function excerpt(text: string, m: LintMessage): string {
  const start = Math.max(0, (m.startOffset ?? 0) - 8);
  const end = Math.min(text.length, (m.endOffset ?? m.startOffset ?? 0) + 8);
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}

export function sampleKey(book: string, file: string, m: LintMessage): string {
  return `${book}|${file}|${m.line}:${m.column}|${m.ruleId}|${m.message}`;
}

interface Row {
  key: string;
  rule: string;
  file: string;
  line: number;
  text: string;
  message: string;
  kind: 'fix' | 'suggestion' | 'report';
  verdict?: Classified;
}

interface FixCheck {
  passes: number;
  applied: Array<{rule: string; actual: string; expected: string}>;
  sameAsCli: boolean;
  secondFixNoop: boolean;
  mismatches: string[];
}

/** Replays the reported fixes pass by pass with the fixer's own `applyFixes`, then compares with the CLI's `--fix`. */
function checkFix(book: Book, source: string, work: string): FixCheck {
  const replay = path.join(work, 'replay');
  const cli = path.join(work, 'cli');
  fs.cpSync(source, replay, {recursive: true});
  fs.cpSync(source, cli, {recursive: true});
  const applied: FixCheck['applied'] = [];
  let passes = 0;
  for (; passes < 10; passes++) {
    let changed = false;
    for (const file of lintJson(replay)) {
      const fixes: Array<Fix & {rule: string}> = [];
      for (const m of file.messages) {
        if (m.actual === undefined || !m.expected?.length || m.startOffset === null || m.endOffset === null) continue;
        fixes.push({start: m.startOffset, end: m.endOffset, actual: m.actual, expected: m.expected[0], rule: m.ruleId ?? ''});
      }
      if (fixes.length === 0) continue;
      const text = fs.readFileSync(file.path, 'utf8');
      const result = applyFixes(text, fixes);
      if (result.text === text) continue;
      for (const fix of result.applied) applied.push({rule: (fix as Fix & {rule: string}).rule, actual: fix.actual, expected: fix.expected});
      fs.writeFileSync(file.path, result.text);
      changed = true;
    }
    if (!changed) break;
  }
  runFix(cli);
  const a = readTree(replay);
  const b = readTree(cli);
  const mismatches = [...a.keys()].filter((k) => a.get(k) !== b.get(k));
  runFix(cli);
  const again = readTree(cli);
  const secondFixNoop = [...b.keys()].every((k) => b.get(k) === again.get(k));
  return {passes, applied, sameAsCli: mismatches.length === 0, secondFixNoop, mismatches};
}

interface RecallRow {
  id: string;
  rule: string;
  found: boolean;
}

/** Appends every planted mistake to a seeded chapter of the book and checks the message is there. */
function checkRecall(book: Book, source: string, work: string): RecallRow[] {
  const dir = path.join(work, 'planted');
  fs.cpSync(source, dir, {recursive: true});
  const files = [...readTree(dir).keys()].sort();
  const rows: RecallRow[] = [];
  const targets = new Map<string, Array<{planted: Planted; line: number}>>();
  for (const planted of PLANTED) {
    const [file] = sample(files, 1, `${book.name}|${planted.id}`);
    const full = path.join(dir, file);
    const text = fs.readFileSync(full, 'utf8');
    const body = `${text.endsWith('\n') ? text : `${text}\n`}\n${planted.text}\n`;
    fs.writeFileSync(full, body);
    const line = body.split('\n').length - 1;
    targets.set(full, [...(targets.get(full) ?? []), {planted, line}]);
  }
  const results = lintJson(dir);
  for (const [full, list] of targets) {
    const messages = results.find((r) => r.path === full)?.messages ?? [];
    for (const {planted} of list) {
      const found = messages.some((m) => m.ruleId === planted.rule && m.message === planted.message);
      rows.push({id: planted.id, rule: planted.rule, found});
    }
  }
  return rows;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/`/g, 'ˋ').replace(/</g, '&lt;');
}

function main(): void {
  const args = process.argv.slice(2);
  const mirrors = args.includes('--mirrors') ? args[args.indexOf('--mirrors') + 1] : (process.env.LLMBOOK_MIRRORS ?? '/work/.mirror');
  const check = args.includes('--check');
  const todoFile = args.includes('--todo') ? args[args.indexOf('--todo') + 1] : undefined;
  const {books} = JSON.parse(fs.readFileSync(path.join(__dirname, 'books.json'), 'utf8')) as {books: Book[]};
  const verdicts = JSON.parse(fs.readFileSync(path.join(__dirname, 'verdicts.json'), 'utf8')) as Record<string, Classified>;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'llmbook-precision-'));
  const out: string[] = [];
  const todo: Row[] = [];
  let failed = false;
  const summary: string[] = ['| 书 | 规则 | 消息数 | 抽样 | 误报 | 误报率 | 达标 |', '| --- | --- | ---: | ---: | ---: | ---: | --- |'];
  const details: string[] = [];
  const fixLines: string[] = [];
  const recallCounts = new Map<string, {found: number; planted: number; rule: string}>();
  for (const book of books) {
    const source = path.join(work, book.name, 'source');
    fs.mkdirSync(source, {recursive: true});
    exportBook(book, mirrors, source);
    const results = lintJson(source);
    const byRule = new Map<string, Row[]>();
    for (const file of results) {
      const rel = path.relative(source, file.path).split(path.sep).join('/');
      const text = file.messages.length > 0 ? fs.readFileSync(file.path, 'utf8') : '';
      for (const m of file.messages) {
        // Messages may name the temp folder (internal-links): the key must not change between runs.
        m.message = m.message.split(source).join('<书>');
        const rule = m.ruleId ?? '(none)';
        const key = sampleKey(book.name, rel, m);
        const kind = m.expected?.length ? 'fix' : m.suggestions?.length ? 'suggestion' : 'report';
        const row: Row = {key, rule, file: rel, line: m.line ?? 0, text: excerpt(text, m), message: m.message, kind, verdict: verdicts[key]};
        byRule.set(rule, [...(byRule.get(rule) ?? []), row]);
      }
    }
    details.push(`### ${book.title}（${book.generator}，[${book.repo}](https://github.com/${book.repo}) @ \`${book.commit.slice(0, 12)}\`）`, '');
    for (const [rule, rows] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
      const picked = sample(rows, SAMPLE, `${book.name}|${rule}`).sort((x, y) => x.file.localeCompare(y.file) || x.line - y.line);
      const classified = picked.filter((r) => r.verdict);
      const fp = classified.filter((r) => r.verdict?.verdict === 'fp').length;
      const unclassified = picked.length - classified.length;
      const rate = classified.length > 0 ? fp / classified.length : 0;
      const ok = unclassified === 0 && rate <= MAX_FP;
      if (!ok) failed = true;
      todo.push(...picked.filter((r) => !r.verdict));
      summary.push(`| ${book.name} | \`${rule}\` | ${rows.length} | ${picked.length} | ${fp} | ${(rate * 100).toFixed(1)} % | ${ok ? '是' : unclassified ? `未分类 ${unclassified}` : '否'} |`);
      details.push(`#### \`${rule}\`（${rows.length} 条，抽样 ${picked.length}）`, '', '| 文件:行 | 摘录 | 消息 | 类别 | 判定 |', '| --- | --- | --- | --- | --- |');
      for (const r of picked) {
        const verdict = r.verdict ? `${r.verdict.verdict === 'tp' ? '正确' : '**误报**'}${r.verdict.why ? `：${cell(r.verdict.why)}` : ''}` : '未分类';
        details.push(`| ${cell(r.file)}:${r.line} | ${cell(r.text)} | ${cell(r.message)} | ${r.kind === 'fix' ? '修复' : r.kind === 'suggestion' ? '建议' : '报告'} | ${verdict} |`);
      }
      details.push('');
    }
    const fix = checkFix(book, source, path.join(work, book.name));
    if (!fix.sameAsCli || !fix.secondFixNoop) failed = true;
    const pairs = new Map<string, number>();
    for (const a of fix.applied) {
      const k = `\`${a.rule}\` | ${cell(JSON.stringify(a.actual))} → ${cell(JSON.stringify(a.expected))}`;
      pairs.set(k, (pairs.get(k) ?? 0) + 1);
    }
    fixLines.push(
      `### ${book.name}`,
      '',
      `- 应用的修复：${fix.applied.length} 处，${fix.passes} 轮；CLI \`--fix\` 的结果与逐轮重放报告的修复范围${fix.sameAsCli ? '逐字节相同（改动只在报告的范围内）' : `不同：${fix.mismatches.slice(0, 5).join('、')}`}`,
      `- 第二次 \`--fix\`：${fix.secondFixNoop ? '没有改动' : '**又改动了文件**'}`,
      '',
      '| 规则 | 原文 → 修复 | 次数 |',
      '| --- | --- | ---: |',
      ...[...pairs].sort((x, y) => y[1] - x[1]).map(([k, n]) => `| ${k} | ${n} |`),
      '',
    );
    for (const row of checkRecall(book, source, path.join(work, book.name))) {
      const entry = recallCounts.get(row.id) ?? {found: 0, planted: 0, rule: row.rule};
      entry.planted++;
      if (row.found) entry.found++;
      recallCounts.set(row.id, entry);
    }
  }
  const recall = ['| 类别 | 规则 | 植入 | 找到 |', '| --- | --- | ---: | ---: |'];
  for (const planted of PLANTED) {
    const c = recallCounts.get(planted.id);
    if (c) recall.push(`| ${cell(planted.id)}：${cell(planted.text)} | \`${planted.rule}\` | ${c.planted} | ${c.found} |`);
  }
  out.push(
    '# Lint 在真实书籍上的准确率',
    '',
    `由 \`npx tsx bench/precision/run.ts\` 生成（issue 20）。书籍与提交见 \`bench/precision/books.json\`；书的内容只导出到临时目录，不提交。每本书每条规则按种子 ${SEED} 随机抽样 ${SAMPLE} 条消息（不足则全部），人工判定记录在 \`bench/precision/verdicts.json\`。目标：每本书每条规则误报率不超过 ${MAX_FP * 100} %，应用的修复没有一处改变原意。`,
    '',
    '“修复”由 `--fix` 应用；“建议”只显示，`--fix` 不应用；“报告”没有自动修改。',
    '',
    '## 误报率',
    '',
    ...summary,
    '',
    '## 召回：植入的错误',
    '',
    '每类错误按种子选一章附加在文末，检查是否报告了预期的消息。',
    '',
    ...recall,
    '',
    '## `--fix`',
    '',
    ...fixLines,
    '## 抽样明细',
    '',
    ...details,
  );
  fs.writeFileSync(path.join(ROOT_DIR, 'bench/precision.md'), `${out.join('\n')}\n`);
  if (todoFile) fs.writeFileSync(todoFile, JSON.stringify(todo, null, 1));
  fs.rmSync(work, {recursive: true, force: true});
  process.stdout.write(`bench/precision.md 已写出；未分类 ${todo.length} 条\n`);
  if (check && failed) process.exitCode = 1;
}

if (require.main === module) main();
