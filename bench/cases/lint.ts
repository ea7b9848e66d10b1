/**
 * Our lint CLI, started as `npm run lint` starts it (`node lint-rules/engine/bin.mjs`: the
 * compiled CLI, compiled once before the first timed run), on the scaled corpus: cold, warm, one file changed,
 * single-threaded, and each rule alone; cold and warm also in the default terminal
 * format (stylish), which is what contributors see; and one generated 4 MB chapter
 * dense with model names (a file's cost must stay linear in its size and matches).
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {LINT_CACHE_DIR, ROOT_DIR, RULE_NAMES, type RuleName} from '../../core/constants';
import type {Case, Sample} from '../suite';
import {CaseFailure} from '../suite';
import type {RulesReport} from '../children/rules';
import {expectFiles, runNode, sampleOf, TSX_IMPORT, type BenchContext, type NodeRun} from './context';

export const LINT_CLI = path.join(ROOT_DIR, 'lint-rules', 'engine', 'cli.ts');

/** Why the lint cases cannot run here, or undefined when they can. */
export function lintUnavailable(): string | undefined {
  return fs.existsSync(LINT_CLI) ? undefined : 'not available: lint-rules/engine/cli.ts is not there yet';
}

/** What the lint CLI reads besides `node_modules` (its cache key hashes some of these). */
const TOOL_FILES = ['lint-rules', 'core', 'plugins', 'data', 'package.json', 'package-lock.json', 'tsconfig.json'];

/**
 * A snapshot of the lint tool in the bench folder, so the whole benchmark measures one
 * version of it: the cache key hashes the tool's sources and the lockfile, and an edit
 * in the working tree during a long run would otherwise turn a warm run cold.
 */
export function snapshotLintTool(dest: string): string {
  for (const name of TOOL_FILES) {
    const from = path.join(ROOT_DIR, name);
    if (fs.existsSync(from)) {
      fs.cpSync(from, path.join(dest, name), {recursive: true, filter: (src) => !/[\\/](__tests__|__fixtures__)([\\/]|$)/.test(src)});
    }
  }
  fs.symlinkSync(path.join(ROOT_DIR, 'node_modules'), path.join(dest, 'node_modules'), 'dir');
  // What `npm ci` does (`prepare`): no timed run pays for compiling the CLI.
  const compiled = spawnSync(process.execPath, [path.join(dest, 'lint-rules', 'engine', 'compile.mjs'), '--force'], {encoding: 'utf8'});
  if (compiled.status !== 0) throw new CaseFailure(`compiling the lint CLI failed: ${compiled.stderr.slice(0, 500)}`);
  return path.join(dest, 'lint-rules', 'engine', 'bin.mjs');
}

interface LintJson {
  files: Array<{path: string; messages: unknown[]}>;
  counts: {error: number; warning: number; info: number; files: number};
}

/** Read `--format json` output; a crash message in the results counts as a failure. */
export function lintCounts(stdout: string, label: string): {files: number; messages: number} {
  let json: LintJson;
  try {
    json = JSON.parse(stdout) as LintJson;
  } catch {
    throw new CaseFailure(`${label}: output is not the lint JSON format; it begins: ${stdout.slice(0, 200)}`);
  }
  return {files: json.counts.files, messages: json.counts.error + json.counts.warning + json.counts.info};
}

/**
 * The message count of the stylish report: its last line is `N messages (…)`,
 * `✖ N errors`, `⚠ N warnings`, or `N 个文件，没有发现问题` when clean (then 0).
 * The report does not say how many files it read, so callers compare the count with
 * the JSON run's on the same files.
 */
export function stylishMessages(stdout: string, label: string): number {
  const last = stdout.trimEnd().split('\n').pop() ?? '';
  const match = /^(\d+) messages \(|^✖ (\d+) errors?$|^⚠ (\d+) warnings?$/.exec(last);
  if (match) return Number(match[1] ?? match[2] ?? match[3]);
  if (/^\d+ 个文件，没有发现问题$/.test(last)) return 0;
  throw new CaseFailure(`${label}: output does not end with the stylish summary line; it ends: ${last.slice(0, 200)}`);
}

export type LintFormat = 'json' | 'stylish';

export async function runLint(
  ctx: BenchContext,
  run: Omit<NodeRun, 'args'> & {args: string[]; format?: LintFormat},
): Promise<Sample & {files: number; messages: number}> {
  ctx.lintCli ??= snapshotLintTool(path.join(ctx.tmp, 'tool'));
  const format = run.format ?? 'json';
  const result = await runNode(ctx, {...run, args: [ctx.lintCli, '--format', format, ...run.args], okCodes: [0, 1]});
  const counts = format === 'json' ? lintCounts(result.stdout(), run.label) : {files: Number.NaN, messages: stylishMessages(result.stdout(), run.label)};
  return {...sampleOf(result, counts), ...counts};
}

/** A stylish run's sample, checked against the JSON run of the same files (same message count). */
function sameAsJson(label: string, sample: Sample & {messages: number}, json: Sample): Sample {
  if (sample.messages !== json.messages) throw new CaseFailure(`${label} reported ${sample.messages} messages; the JSON run of the same files ${json.messages}`);
  return {...sample, files: json.files};
}

/** Which rules the preset has (a rule file not written yet cannot be measured alone). */
async function presetRules(): Promise<Set<string> | string> {
  try {
    const preset = (await import('../../lint-rules/preset')) as {rules: Partial<Record<RuleName, unknown>>};
    return new Set(Object.keys(preset.rules).filter((k) => preset.rules[k as RuleName] !== undefined));
  } catch (error) {
    return `not available: lint-rules/preset.ts does not load (${(error as Error).message.split('\n')[0]})`;
  }
}

/** A config with only `only` on (`undefined`: every rule off, the pipeline alone). */
export function ruleConfig(only: RuleName | undefined): string {
  return `rules:\n${RULE_NAMES.map((name) => `  ${name}: ${name === only ? 'error' : 'off'}`).join('\n')}\n`;
}

const CHANGED_LINE = '\n\n基准测试追加的一行：GPT-4 与 ChatGPT 的对比。\n';

export function lintCases(ctx: BenchContext): Case[] {
  const unavailable = lintUnavailable();
  const cwd = path.join(ctx.tmp, 'lint');
  fs.mkdirSync(cwd, {recursive: true});
  const target = (): string => path.relative(cwd, ctx.corpus!.dir);
  const files = (): number => ctx.corpus!.files;
  const checked = (label: string, sample: Sample & {files: number}, expected = files()): Sample => {
    expectFiles(label, sample.files, expected);
    return sample;
  };
  const firstFile = (): string => {
    const dir = ctx.corpus!.dir;
    const copy = fs.readdirSync(dir).sort()[0];
    const md = fs.readdirSync(path.join(dir, copy)).sort().find((n) => n.endsWith('.md'));
    if (!md) throw new CaseFailure(`no Markdown file at the top of ${copy}`);
    return path.join(dir, copy, md);
  };
  const cases: Case[] = [
    {
      group: 'lint',
      rows: [
        {id: 'lint-cold', label: 'our lint, full preset, cold (no cache yet)', baseline: 'parse', unavailable},
        {id: 'lint-warm', label: 'our lint, warm (cache, nothing changed)', baseline: 'parse', unavailable},
        {id: 'lint-one-changed', label: 'our lint, warm, one file changed', baseline: 'parse', unavailable},
        {id: 'lint-cold-stylish', label: 'our lint, cold, default terminal format (stylish)', baseline: 'parse', unavailable},
        {id: 'lint-warm-stylish', label: 'our lint, warm, default terminal format (stylish)', baseline: 'parse', unavailable},
      ],
      async run() {
        const clearCache = (): void => fs.rmSync(path.join(cwd, LINT_CACHE_DIR), {recursive: true, force: true});
        clearCache();
        const cold = checked('lint cold', await runLint(ctx, {label: 'lint-cold', args: [target()], cwd}));
        const warm = checked('lint warm', await warmRun(ctx, cwd, target()));
        // The terminal format, cold then warm, on the same unchanged files as the JSON runs.
        clearCache();
        const coldStylish = sameAsJson('lint cold stylish', await runLint(ctx, {label: 'lint-cold-stylish', args: [target()], cwd, format: 'stylish'}), cold);
        const warmStylish = sameAsJson('lint warm stylish', await warmRun(ctx, cwd, target(), 'stylish'), warm);
        const file = firstFile();
        const original = fs.readFileSync(file);
        fs.appendFileSync(file, CHANGED_LINE);
        let changed: Sample;
        try {
          changed = checked('lint one changed', await runLint(ctx, {label: 'lint-one-changed', args: [target()], cwd}));
        } finally {
          fs.writeFileSync(file, original);
        }
        return {'lint-cold': cold, 'lint-warm': warm, 'lint-one-changed': changed, 'lint-cold-stylish': coldStylish, 'lint-warm-stylish': warmStylish};
      },
    },
  ];
  if (!ctx.options.smoke) {
    cases.push({
      group: 'lint',
      rows: [{id: 'lint-1thread', label: 'our lint, full preset, no cache, one thread (`--threads 0`)', baseline: 'parse', unavailable}],
      async run() {
        return {'lint-1thread': checked('lint one thread', await runLint(ctx, {label: 'lint-1thread', args: ['--no-cache', '--threads', '0', target()], cwd}))};
      },
    });
  }
  return cases;
}

/** The repeated piece of a dense chapter: 21 bytes of UTF-8, a correctly spelt model name in each. */
const DENSE_UNIT = 'GPT-4 与 x 比较，';
/** The same bytes and shape without a model name. */
const PLAIN_UNIT = 'hello 与 x 比较，';

/**
 * One chapter of about `bytes` bytes: a heading, then one paragraph of lines of 50
 * units (one text node, so a scan sees every name of the file at once).
 */
export function generatedChapter(bytes: number, names: boolean): string {
  const line = `${(names ? DENSE_UNIT : PLAIN_UNIT).repeat(50)}\n`;
  const lines = Math.ceil(bytes / Buffer.byteLength(line));
  return `# 生成的长章节\n\n${line.repeat(lines)}`;
}

/**
 * A generated 4 MB chapter with a model name every 21 bytes, beside the same chapter
 * without names: the names must cost time in proportion to their number (the
 * `model-names` scan was once quadratic in them: 130 s against 12.5 s).
 */
export function denseChapterCases(ctx: BenchContext): Case[] {
  const unavailable = lintUnavailable();
  const cwd = path.join(ctx.tmp, 'lint-dense');
  fs.mkdirSync(cwd, {recursive: true});
  const config = path.join(cwd, 'model-names.lintrc.yaml');
  fs.writeFileSync(config, ruleConfig('model-names'));
  const chapter = (name: string, names: boolean): string => {
    const file = path.join(cwd, name);
    if (!fs.existsSync(file)) fs.writeFileSync(file, generatedChapter(4 * 1024 * 1024, names));
    return name;
  };
  const run = async (id: string, file: string): Promise<Sample> => {
    const args = ['--no-cache', '--threads', '0', '--max-file-bytes', '0', '--file-timeout-seconds', '0', '--config', config, file];
    const sample = await runLint(ctx, {label: id, args, cwd});
    expectFiles(id, sample.files, 1);
    return sample;
  };
  return [
    {
      group: 'lint',
      rows: [
        {id: 'lint-4mb-plain', label: 'our lint, only `model-names`, a generated 4 MB chapter without model names (one thread)', unavailable},
        {id: 'lint-4mb-dense', label: 'our lint, only `model-names`, the same chapter with a model name every 21 bytes', baseline: 'lint-4mb-plain', unavailable},
      ],
      async run() {
        const plain = await run('lint-4mb-plain', chapter('plain.md', false));
        const dense = await run('lint-4mb-dense', chapter('dense.md', true));
        return {'lint-4mb-plain': plain, 'lint-4mb-dense': dense};
      },
    },
  ];
}

function cacheStamp(cwd: string): number | undefined {
  try {
    return fs.statSync(path.join(cwd, LINT_CACHE_DIR, 'cache.json')).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * A warm run with nothing changed must not rewrite the cache. When it does, the cache
 * was dropped (the tool's sources or the lockfile changed under a running benchmark):
 * run once more on the fresh cache, and fail if that one misses too.
 */
async function warmRun(ctx: BenchContext, cwd: string, target: string, format: LintFormat = 'json'): Promise<Sample & {files: number; messages: number}> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const before = cacheStamp(cwd);
    const sample = await runLint(ctx, {label: format === 'json' ? 'lint-warm' : `lint-warm-${format}`, args: [target], cwd, format});
    if (before !== undefined && cacheStamp(cwd) === before) return sample;
  }
  throw new CaseFailure('lint warm: the cache was rewritten on two runs in a row with nothing changed, so no warm figure can be taken');
}

export async function ruleCases(ctx: BenchContext): Promise<Case[]> {
  const cwd = path.join(ctx.tmp, 'lint');
  fs.mkdirSync(cwd, {recursive: true});
  const cliMissing = lintUnavailable();
  const inPreset = cliMissing ?? (await presetRules());
  const names = ctx.options.smoke
    ? RULE_NAMES.filter((name) => typeof inPreset !== 'string' && inPreset.has(name)).slice(0, 1)
    : RULE_NAMES;
  const pipelineConfig = path.join(cwd, 'rule-none.lintrc.yaml');
  fs.writeFileSync(pipelineConfig, ruleConfig(undefined));
  // Every rule off: reading, parsing with the site's extensions, the workers and the report. Each
  // rule's own cost is its row minus this one.
  const pipeline: Case = {
    group: 'rules',
    rows: [{id: 'rule-none', label: 'our lint, every rule off (the pipeline alone: read, parse, workers, report; no cache)', baseline: 'parse', unavailable: cliMissing}],
    async run() {
      const sample = await runLint(ctx, {label: 'rule-none', args: ['--no-cache', '--config', pipelineConfig, path.relative(cwd, ctx.corpus!.dir)], cwd});
      expectFiles('rule-none', sample.files, ctx.corpus!.files);
      return {'rule-none': sample};
    },
  };
  // Each rule alone, in process, on trees parsed once: its own cost without process start-up,
  // workers, data loading or the report, and without the noise of subtracting two whole runs.
  const inProcess: Case = {
    group: 'rules',
    rows: [
      {id: 'rules-parse', label: 'in-process: parse as the lint does (per-file syntax), the baseline of each rule’s own cost', unavailable: cliMissing},
      ...names.map((name) => ({id: `rule-cost-${name}`, label: `in-process: \`${name}\` alone on parsed trees`, baseline: 'rules-parse', unavailable: cliMissing})),
    ],
    async run() {
      const script = path.join(__dirname, '..', 'children', 'rules.ts');
      const result = await runNode(ctx, {label: 'rules-in-process', args: ['--import', TSX_IMPORT, script, ctx.corpus!.dir], cwd: ctx.tmp});
      const report = JSON.parse(result.stdout()) as RulesReport;
      expectFiles('rules in process', report.files, ctx.corpus!.files);
      const samples: Record<string, Sample> = {'rules-parse': {ms: report.parseMs, files: report.files, rssKb: result.rssKb}};
      for (const name of names) {
        const rule = report.rules[name];
        if (!rule) throw new CaseFailure(`the in-process rule run has no figure for \`${name}\``);
        samples[`rule-cost-${name}`] = {ms: rule.ms, files: report.files, messages: rule.messages};
      }
      return samples;
    },
  };
  return [pipeline, inProcess, ...names.map((name): Case => {
    const id = `rule-${name}`;
    const unavailable =
      typeof inPreset === 'string' ? inPreset : inPreset.has(name) ? undefined : `not available: \`${name}\` is not in lint-rules/preset.ts yet`;
    const config = path.join(cwd, `${id}.lintrc.yaml`);
    fs.writeFileSync(config, ruleConfig(name));
    return {
      group: 'rules',
      rows: [{id, label: `our lint, only \`${name}\` (no cache)`, baseline: 'parse', unavailable}],
      async run() {
        const sample = await runLint(ctx, {label: id, args: ['--no-cache', '--config', config, path.relative(cwd, ctx.corpus!.dir)], cwd});
        expectFiles(id, sample.files, ctx.corpus!.files);
        return {[id]: sample};
      },
    };
  })];
}
