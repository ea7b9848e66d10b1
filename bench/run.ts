/**
 * `npm run bench`: our lint, the auto-linker and the site build against floors and
 * peers, on scaled copies of the GitBook corpus. Prints a table of medians and
 * ratios and writes it to `bench/results.md` (see `--help`).
 *
 * Benchmarks never gate tests by time; `--smoke` only proves the harness still runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {ROOT_DIR} from '../core/constants';
import {autolinkCases} from './cases/autolink';
import {buildCases, createBuildSites, type BuildSites} from './cases/build';
import {ebookCases} from './cases/ebook';
import {BOOK_FILES, changedCases, createGitBook, type GitBook} from './cases/changed';
import type {BenchContext} from './cases/context';
import {floorCases} from './cases/floors';
import {denseChapterCases, lintCases, ruleCases} from './cases/lint';
import {peerCases} from './cases/peers';
import {available} from '../test-support/corpus';
import {CORPUS, CORPUS_DIR, copyCorpus} from './corpus';
import {HELP, parseOptions, UsageError, type BenchOptions} from './options';
import {keptNotes, renderResults, renderTable, renderTargets, type Meta, type SuiteSection} from './report';
import {formatBytes} from './stats';
import {runSuite, summarize, type Case, type RowResult, type Suite} from './suite';
import {evaluateTargets} from './targets';

function progressLine(): ((text: string) => void) & {clear(): void} {
  const tty = process.stderr.isTTY === true;
  const width = (): number => (process.stderr.columns ?? 100) - 1;
  const show = (text: string): void => {
    if (tty) process.stderr.write(`\r\u001b[2K${text.slice(0, width())}`);
  };
  return Object.assign(show, {clear: () => tty && process.stderr.write('\r\u001b[2K')});
}

function corpusSuite(ctx: BenchContext): Suite {
  const groups = ctx.options.cases;
  return {
    name: `×${ctx.options.scale}`,
    async setup() {
      ctx.corpus = copyCorpus(CORPUS_DIR, path.join(ctx.tmp, `corpus-x${ctx.options.scale}`), {copies: ctx.options.scale});
      const cases: Case[] = [];
      if (groups.includes('floors')) cases.push(...floorCases(ctx));
      if (groups.includes('lint')) cases.push(...lintCases(ctx), ...(ctx.options.smoke ? [] : denseChapterCases(ctx)));
      if (groups.includes('rules')) cases.push(...(await ruleCases(ctx)));
      if (groups.includes('peers')) cases.push(...peerCases(ctx));
      if (groups.includes('autolink')) cases.push(...autolinkCases(ctx));
      return cases;
    },
    describe: () =>
      `Corpus ×${ctx.options.scale}: ${ctx.corpus!.files.toLocaleString('en')} Markdown files, ${formatBytes(ctx.corpus!.bytes)}`,
  };
}

function buildSuite(ctx: BenchContext): Suite {
  let sites: BuildSites | undefined;
  return {
    name: 'build',
    async setup() {
      sites = await createBuildSites();
      // The ebook case exports the build that `build-with` just made, so it comes after.
      return [...buildCases(ctx, () => sites!), ...ebookCases(ctx, () => sites!)];
    },
    describe: () =>
      `Docusaurus build of the repository’s docs/ (${sites?.docs ?? '?'} files), cold; without = config minus ${sites?.removed.map((r) => `\`${r}\``).join(', ') ?? '?'}`,
    async teardown() {
      if (!ctx.options.keep) await Promise.all([sites?.withPlugins.remove(), sites?.without.remove()]);
    },
  };
}

function changedSuite(ctx: BenchContext): Suite {
  let book: GitBook | undefined;
  return {
    name: 'book',
    async setup() {
      book = createGitBook(path.join(ctx.tmp, 'book'), BOOK_FILES);
      return changedCases(ctx, () => book!);
    },
    describe: () =>
      `A ${BOOK_FILES.toLocaleString('en')}-file book in a git repository (${formatBytes(book?.docs.bytes ?? 0)}), one file changed in the working tree`,
  };
}

function meta(options: BenchOptions, argv: readonly string[], loadStart: number[]): Meta {
  const cpus = os.cpus();
  const fmtLoad = (l: number[]): string => l.map((v) => v.toFixed(2)).join(' / ');
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    node: process.version,
    cpus: `${cpus.length} CPU${cpus.length === 1 ? '' : 's'} (${cpus[0]?.model.trim() ?? 'unknown'})`,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GB RAM`,
    os: `${os.type()} ${os.release()}`,
    load: `start ${fmtLoad(loadStart)}, end ${fmtLoad(os.loadavg())} (1 / 5 / 15 min)`,
    corpus: `${path.relative(ROOT_DIR, CORPUS_DIR)} ×${options.scale}`,
    runs: `${options.runs} timed run${options.runs === 1 ? '' : 's'}${options.warmup ? ' after 1 warm-up' : ''}; medians; peak RSS is the largest of the runs`,
    command: ['npm run bench', ...(argv.length > 0 ? ['--', ...argv] : [])].join(' '),
  };
}

export async function main(argv: readonly string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const loadStart = os.loadavg();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'llmbook-bench-'));
  const ctx: BenchContext = {options, tmp, scratch: path.join(tmp, 'scratch')};
  const progress = progressLine();
  const suites: Suite[] = [];
  // Without the corpus (a fresh clone) its cases are skipped with one line; LLMBOOK_REQUIRE_CORPUS=1 makes that an error.
  const haveCorpus = available(CORPUS) !== undefined;
  if (!haveCorpus) process.stderr.write(`skipping the corpus and book cases: ${CORPUS.hint}\n`);
  if (haveCorpus && options.cases.some((g) => g !== 'build' && g !== 'changed')) suites.push(corpusSuite(ctx));
  if (options.cases.includes('build')) suites.push(buildSuite(ctx));
  if (haveCorpus && options.cases.includes('changed')) suites.push(changedSuite(ctx));
  const sections: SuiteSection[] = [];
  const all: RowResult[] = [];
  try {
    for (const suite of suites) {
      progress(`${suite.name}: setting up…`);
      try {
        const cases = await suite.setup();
        const results = await runSuite(suite.name, cases, {runs: options.runs, warmup: options.warmup, progress});
        all.push(...results);
        sections.push({title: suite.describe(), rows: []});
        sections[sections.length - 1].rows = summarize(results);
      } finally {
        await suite.teardown?.();
      }
    }
  } finally {
    progress.clear();
    if (options.keep) process.stderr.write(`kept ${tmp}\n`);
    else fs.rmSync(tmp, {recursive: true, force: true});
  }
  // Ratios may cross suites (a row's baseline lives in another section): summarize once more over all rows.
  const summaries = summarize(all);
  const byId = new Map(summaries.map((r) => [r.id, r]));
  for (const section of sections) section.rows = section.rows.map((r) => byId.get(r.id)!);
  const targets = evaluateTargets(summaries);
  process.stdout.write(`\n## Targets\n\n${renderTargets(targets)}\n## Results\n\n${renderTable(sections)}`);
  if (options.out) {
    const out = path.resolve(ROOT_DIR, options.out);
    const previous = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : undefined;
    fs.writeFileSync(out, renderResults(meta(options, argv, loadStart), targets, sections, keptNotes(previous)));
    process.stdout.write(`Wrote ${path.relative(process.cwd(), out) || out}\n`);
  }
  const failed = summaries.filter((r) => r.error);
  for (const row of failed) process.stderr.write(`FAILED ${row.id}: ${row.error}\n`);
  return failed.length > 0 ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
