/**
 * `npm run lint` — the book's content lint.
 *
 *   npm run lint                       lint docs/ (and validate data/models.yaml, data/terminology.yaml)
 *   npm run lint -- PATH…              lint these Markdown files or folders
 *   npm run lint -- --fix              apply the fixes the rules offer, then report what remains
 *   npm run lint -- --changed [BASE]   only Markdown files changed against BASE (default origin/main, else main)
 *   npm run lint -- --format github    GitHub Actions annotations (default when GITHUB_ACTIONS=true)
 *   npm run lint -- --format json      machine-readable (see reporters/json.ts)
 *   npm run lint -- --no-cache         ignore and do not write node_modules/.cache/llmbook-lint/
 *   npm run lint -- --config FILE      another config than ./.lintrc.yaml
 *   npm run lint -- --threads N        worker threads (default: one per core but one when > 50 files to lint, else one; 0: none)
 *   npm run lint -- --max-file-bytes N, --file-timeout-seconds S   limits per file (see config.ts `LintLimits`)
 *
 * Exit codes: 0 clean or warnings only; 1 an error-severity message (or `--fix`
 * did not settle, or a path named does not exist, or a file could not be read); 2 the config, the registry or the term list is invalid, or the
 * command line is wrong — then nothing is linted and no file is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import {MODELS_FILE, ROOT_DIR, TERMINOLOGY_FILE, LINT_CACHE_DIR, LINT_CONFIG_FILE, DOCS_DIR} from '../../core/constants';
import {dataMemoSettings, useDataMemo} from '../../core/data-memo';
import {RegistryError} from '../../core/registry/load';
import type {FileProblem} from '../../core/yaml-list';
import type {LintCache} from './cache';
import {compiledWorker} from './compiled';
import {ConfigError, limitsOf, loadConfig, type LintConfig, type LintLimits, type RuleSetting} from './config';
import {changedFiles, changedLines, gitRoot, listFiles, UsageError, type ChangedLines, type SkippedPath} from './files';
import {modelIndexFor} from '../lib/model-names-index';
import {fixableView, type FileResult, type LintMessage} from './result';
import {loadTerminology, TerminologyError} from '../lib/terminology-data';
import {ChunkWriter, shownPath, sortedForStylish} from './reporters/stream';
import {fileMessage} from './source';
import type {Task, TaskResult} from './worker';

export const FORMATS = ['stylish', 'github', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  paths: string[];
  fix: boolean;
  format: Format;
  /** `--changed`: `true` for the default base, or the base given. */
  changed: string | boolean;
  cache: boolean;
  config?: string;
  threads?: number;
  /** `--max-file-bytes`, `--file-timeout-seconds`: over the config's `limits`. */
  limits: Partial<LintLimits>;
  help: boolean;
}

const HELP = `用法：npm run lint -- [选项] [路径…]

  路径            要检查的 Markdown 文件或文件夹（默认 docs/）
  --fix           按规则给出的修复改写文件，再报告剩下的问题
  --changed [基准] 只检查相对 git 基准改动过的 Markdown（默认 origin/main，没有时用 main）；
                  基准也可写作 --changed=基准
  --format 格式    stylish（默认）、github（GITHUB_ACTIONS=true 时默认）或 json
  --no-cache      不读也不写缓存（node_modules/.cache/llmbook-lint/）
  --config 文件    配置文件（默认 ./.lintrc.yaml）
  --threads N     工作线程数（默认：要检查的文件多于 50 个时比核数少一个（至少一个），否则一个；0 表示不用，
                  这时没有每个文件的时间上限）
  --max-file-bytes N        单个文件的大小上限（字节，默认 2 MiB；0 表示不限）
  --file-timeout-seconds N  单个文件的检查时间上限（秒，默认 60；0 表示不限）

退出码：0 没有错误；1 有错误；2 配置、模型注册表或术语表无效，或命令行有误。`;

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): CliOptions {
  const options: CliOptions = {
    paths: [],
    fix: false,
    format: env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish',
    changed: false,
    cache: true,
    limits: {},
    help: false,
  };
  const valueOf = (flag: string, i: number): string => {
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`\`${flag}\` 需要一个值`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    switch (flag) {
      case '--fix':
        options.fix = true;
        break;
      case '--cache':
        options.cache = true;
        break;
      case '--no-cache':
        options.cache = false;
        break;
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '--changed': {
        if (inline !== undefined) {
          options.changed = inline;
          break;
        }
        const next = argv[i + 1];
        // A following word is the base unless it names a file or folder to lint.
        if (next !== undefined && !next.startsWith('-') && !fs.existsSync(path.resolve(cwd, next))) {
          options.changed = next;
          i++;
        } else {
          options.changed = true;
        }
        break;
      }
      case '--format': {
        const value = inline ?? valueOf(flag, i++);
        if (!isFormat(value)) throw new UsageError(`未知的输出格式 \`${value}\`；可选：${FORMATS.map((f) => `\`${f}\``).join('、')}`);
        options.format = value;
        break;
      }
      case '--config':
        options.config = inline ?? valueOf(flag, i++);
        break;
      case '--threads': {
        const value = inline ?? valueOf(flag, i++);
        if (!/^\d+$/.test(value)) throw new UsageError(`\`--threads\` 应为非负整数，例如 \`--threads 2\`；收到 \`${value}\``);
        options.threads = Number(value);
        break;
      }
      case '--max-file-bytes':
      case '--file-timeout-seconds': {
        const value = inline ?? valueOf(flag, i++);
        if (!/^\d+(\.\d+)?$/.test(value)) throw new UsageError(`\`${flag}\` 应为非负数（0 表示不限），例如 \`${flag} 60\`；收到 \`${value}\``);
        options.limits[flag === '--max-file-bytes' ? 'maxFileBytes' : 'fileTimeoutSeconds'] = Number(value);
        break;
      }
      default:
        if (arg.startsWith('-')) throw new UsageError(`未知选项 \`${arg}\`；运行 \`npm run lint -- --help\` 查看用法`);
        options.paths.push(arg);
    }
  }
  return options;
}

/** Where a rule's option names a data file, resolved like the rules do (relative to the repo root). */
function dataFileOption(setting: RuleSetting | undefined, key: string): string | undefined {
  const options = Array.isArray(setting) ? setting[1] : undefined;
  const value = options?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** The registry and term list the rules will read (model-names resolves against the repo root, terminology against the cwd). */
export function dataFiles(config: LintConfig, cwd: string): {registry: string; terms: string} {
  const registry =
    dataFileOption(config.rules['model-names'], 'registry') ?? dataFileOption(config.rules['unknown-models'], 'registry');
  const terms = dataFileOption(config.rules.terminology, 'file');
  return {
    registry: path.resolve(ROOT_DIR, registry ?? MODELS_FILE),
    terms: terms === undefined ? path.resolve(ROOT_DIR, TERMINOLOGY_FILE) : path.resolve(cwd, terms),
  };
}

/** Config, registry and term-list problems as lint results (one per file), so every format shows them. */
function problemResults(problems: FileProblem[], ruleId: string, cwd: string): FileResult[] {
  const byFile = new Map<string, LintMessage[]>();
  for (const p of problems) {
    const file = path.resolve(cwd, p.file);
    const list = byFile.get(file) ?? [];
    list.push({
      ruleId,
      source: 'llmbook',
      severity: 'error',
      message: p.message,
      line: p.line,
      column: p.column,
      endLine: null,
      endColumn: null,
      startOffset: null,
      endOffset: null,
    });
    byFile.set(file, list);
  }
  return [...byFile].map(([file, messages]) => ({path: file, messages}));
}

/** Load and validate the config and the data files; problems instead of a config when any is broken. */
export function loadInputs(configFile: string, cwd: string): {config: LintConfig; data: {registry: string; terms: string}} | {problems: FileResult[]} {
  let config: LintConfig;
  try {
    config = loadConfig(configFile);
  } catch (error) {
    if (error instanceof ConfigError) return {problems: problemResults(error.problems, 'config', cwd)};
    throw error;
  }
  const data = dataFiles(config, cwd);
  const problems: FileResult[] = [];
  try {
    // Through the rules' own per-process cache, so a run in this thread reads and checks the registry once.
    modelIndexFor(data.registry);
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error;
    problems.push(...problemResults(error.problems, 'registry', cwd));
  }
  try {
    loadTerminology(data.terms);
  } catch (error) {
    if (!(error instanceof TerminologyError)) throw error;
    problems.push(...problemResults(error.problems, 'terminology-list', cwd));
  }
  return problems.length > 0 ? {problems} : {config, data};
}

function hasFix(messages: readonly LintMessage[], fixesOf: (messages: ReturnType<typeof fixableView>[]) => readonly unknown[]): boolean {
  return fixesOf(messages.map(fixableView)).length > 0;
}

/** `worker.ts`'s `presetModuleFrom`, without loading unified and remark-parse for a run that lints nothing. */
function presetModuleFrom(env: NodeJS.ProcessEnv): string {
  return env.LLMBOOK_LINT_PRESET ? path.resolve(env.LLMBOOK_LINT_PRESET) : path.join(__dirname, '..', 'preset.ts');
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Base for "changed lines first" in annotations: the PR's base branch on GitHub, else `--changed`'s. */
function annotationBase(options: CliOptions, env: NodeJS.ProcessEnv): string | undefined {
  if (env.GITHUB_BASE_REF) return `origin/${env.GITHUB_BASE_REF}`;
  return typeof options.changed === 'string' ? options.changed : undefined;
}

/** Results known all at once (config and data-file problems): through the same sink as a run's, in the report's order. */
async function report(results: FileResult[], options: CliOptions, env: NodeJS.ProcessEnv, cwd: string, io: Io): Promise<void> {
  const sink = await createSink(options, env, cwd, io, results.length);
  for (const result of options.format === 'json' ? results : sortedForStylish(results, cwd)) sink.add(result);
  sink.finish();
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd(), io: Io = defaultIo): Promise<number> {
  let options: CliOptions;
  let files: string[];
  let skipped: SkippedPath[] = [];
  try {
    options = parseArgs(argv, env, cwd);
    if (options.help) {
      io.stdout(HELP);
      return 0;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(error.message);
      return 2;
    }
    throw error;
  }
  const configFile = path.resolve(cwd, options.config ?? LINT_CONFIG_FILE);
  // Compiled and with the cache on, the registry and the term list parsed and validated before (same bytes,
  // same build) are read back instead of parsed again, here and in every worker (see core/data-memo.ts).
  useDataMemo(options.cache ? path.join(cwd, LINT_CACHE_DIR, 'data') : undefined, compiledWorker);
  const inputs = loadInputs(configFile, cwd);
  if ('problems' in inputs) {
    await report(inputs.problems, options, env, cwd, io);
    io.stderr('配置、模型注册表或术语表有错误（见上）；没有检查任何文件，也没有改写任何文件。');
    return 2;
  }
  try {
    const scope = options.paths.length > 0 ? options.paths : [DOCS_DIR];
    if (options.changed) files = changedFiles(scope, cwd, typeof options.changed === 'string' ? options.changed : undefined);
    else ({files, skipped} = listFiles(scope, cwd));
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(error.message);
      return 2;
    }
    throw error;
  }

  // Modules a run does not need are not loaded: start-up is most of a `--changed` run.
  const presetModule = presetModuleFrom(env);
  const config: LintConfig = {...inputs.config, limits: {...inputs.config.limits, ...options.limits}};
  const limits = limitsOf(config);
  // `--changed` lints a handful of files: loading a cache that grows with the book would cost more than it saves.
  const {cacheKey, LintCache: Cache} = options.cache && !options.changed ? await import('./cache') : {cacheKey: undefined, LintCache: undefined};
  const cache: LintCache | undefined = Cache && cacheKey
    ? Cache.load(path.join(cwd, LINT_CACHE_DIR), cacheKey({config: inputs.config.rules, dataFiles: [inputs.data.registry, inputs.data.terms], presetModule}))
    : undefined;

  // Results are reported as they arrive, in the report's order: json lists files in input order,
  // vfile-reporter (stylish, github) by shown path. Only results that arrive ahead of that order wait.
  const notLinted = new Map(skipped.map((s) => [s.path, s]));
  const listed = [...files, ...notLinted.keys()];
  const order = options.format === 'json' ? listed : sortedForStylish(listed, cwd);
  const position = new Map(order.map((file, i) => [file, i]));
  const sink = await createSink(options, env, cwd, io, order.length);
  const fixesOf = cache && options.fix ? (await import('./fix')).fixesOf : undefined;
  /** A cached result is not kept while it waits: its messages are read from the cache again when its turn comes. */
  const pending = new Map<number, FileResult | 'cached'>();
  let next = 0;
  let errors = 0;
  const deliver = (file: string, result: FileResult | 'cached'): void => {
    pending.set(position.get(file) ?? -1, result);
    for (let waiting = pending.get(next); waiting !== undefined; waiting = pending.get(next)) {
      pending.delete(next);
      const ready = waiting === 'cached' ? {path: order[next], messages: cache?.get(order[next]) ?? []} : waiting;
      for (const m of ready.messages) if (m.severity === 'error') errors++;
      sink.add(ready);
      next++;
    }
  };

  const tasks: Task[] = [];
  let hits = 0;
  for (const file of order) {
    const skip = notLinted.get(file);
    if (skip) {
      deliver(file, {path: file, messages: [fileMessage(skip.message, skip.severity)]});
      continue;
    }
    const cached = cache?.get(file);
    if (cached && !(fixesOf && hasFix(cached, fixesOf))) {
      hits++;
      deliver(file, 'cached');
    } else tasks.push({path: file, fix: options.fix});
  }
  if (env.LLMBOOK_LINT_DEBUG) io.stderr(`cache: ${cache ? `${hits} hit, ${tasks.length} to lint` : 'off'}`);
  let oscillated = 0;
  const fixed: string[] = [];
  try {
    if (tasks.length > 0) {
      const {runTasks, workerCount} = await import('./pool');
      const threads = options.threads ?? workerCount(tasks.length, limits.fileTimeoutSeconds > 0);
      await runTasks(tasks, tasks.length, {config, cwd, presetModule, dataMemo: dataMemoSettings()}, (result: TaskResult) => {
        if (result.oscillated) oscillated++;
        if (result.fixed) fixed.push(result.path);
        if (!result.oscillated) cache?.set(result);
        deliver(result.path, {path: result.path, messages: result.messages, fixed: result.fixed});
      }, threads, limits.fileTimeoutSeconds);
    }
  } catch (error) {
    sink.discard();
    throw error;
  }
  try {
    cache?.save();
  } catch (error) {
    // The report is already out: a cache that cannot be written costs the next run time, not this run's result.
    io.stderr(`无法写入 lint 缓存 \`${shownPath(cache?.file ?? '', cwd)}\`（${error instanceof Error ? error.message.split('\n')[0] : String(error)}）；下次运行会重新检查`);
  }

  sink.finish();
  if (fixed.length > 0) io.stderr(`已修复 ${fixed.length} 个文件：${fixed.map((f) => shownPath(f, cwd)).join('、')}`);
  if (oscillated > 0) io.stderr(`有 ${oscillated} 个文件的修复没有收敛（见上面的 llmbook/fix 消息）。`);
  return errors > 0 ? 1 : 0;
}

interface Sink {
  add(result: FileResult): void;
  finish(): void;
  discard(): void;
}

/** The chosen format as a stream of results (see reporters/stream.ts); the formats' `formatX` stream the same way. */
async function createSink(options: CliOptions, env: NodeJS.ProcessEnv, cwd: string, io: Io, total: number): Promise<Sink> {
  const writer = new ChunkWriter(io.stdout);
  if (options.format === 'json') {
    const {JsonStream} = await import('./reporters/json');
    const json = new JsonStream(writer, {cwd, total});
    return {
      add: (result) => json.add(result),
      finish: () => {
        json.finish();
        writer.end();
      },
      discard: () => undefined,
    };
  }
  const {StylishStream} = await import('./reporters/stylish');
  const stylish = new StylishStream({cwd, color: options.format === 'stylish' && process.stdout.isTTY === true && !env.NO_COLOR});
  if (options.format === 'stylish') {
    return {
      add: (result) => stylish.add(result),
      finish: () => {
        stylish.finish(writer);
        writer.end();
      },
      discard: () => stylish.discard(),
    };
  }
  const root = env.GITHUB_WORKSPACE ? path.resolve(env.GITHUB_WORKSPACE) : (gitRoot(cwd) ?? cwd);
  let changed: ChangedLines | undefined;
  if (env.GITHUB_BASE_REF || options.changed) changed = changedLines(cwd, annotationBase(options, env));
  const {formatSummary, GithubAnnotations} = await import('./reporters/github');
  const annotations = new GithubAnnotations({root, changed});
  // The job summary lists every message: only kept when there is a summary to write (CI).
  const summary: FileResult[] | undefined = env.GITHUB_STEP_SUMMARY ? [] : undefined;
  let files = 0;
  return {
    add: (result) => {
      files++;
      stylish.add(result);
      annotations.add(result);
      if (summary && result.messages.length > 0) summary.push(result);
    },
    finish: () => {
      annotations.finish(writer, (w) => stylish.finish(w));
      writer.end();
      if (env.GITHUB_STEP_SUMMARY && summary) fs.appendFileSync(env.GITHUB_STEP_SUMMARY, formatSummary(summary, {root, changed, files}));
    },
    discard: () => stylish.discard(),
  };
}

/** Set when a reader closed our stdout or stderr early (`npm run lint | head -1`): later writes are dropped. */
const closed = {stdout: false, stderr: false};

function isEpipe(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as {code?: unknown}).code === 'EPIPE';
}

/**
 * A reader that stops early (`| head -1`) makes writes fail with EPIPE, emitted
 * asynchronously as an `error` event that would crash the process: stop writing
 * to that stream quietly and let the run end with its usual exit code.
 */
function guardPipe(name: 'stdout' | 'stderr'): void {
  const stream = process[name];
  stream.on('error', (error: unknown) => {
    if (isEpipe(error)) {
      closed[name] = true;
      return;
    }
    throw error;
  });
}

function write(name: 'stdout' | 'stderr', text: string): void {
  if (!text || closed[name]) return;
  try {
    process[name].write(text.endsWith('\n') ? text : `${text}\n`);
  } catch (error) {
    if (!isEpipe(error)) throw error;
    closed[name] = true;
  }
}

const defaultIo: Io = {
  stdout: (text) => write('stdout', text),
  stderr: (text) => write('stderr', text),
};

/** Run as a command: argv, exit code, closed pipes (the entry of `npm run lint`, compiled or not). */
export function runCommand(argv: readonly string[] = process.argv.slice(2)): void {
  guardPipe('stdout');
  guardPipe('stderr');
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}

if (!compiledWorker && typeof require !== 'undefined' && require.main === module) runCommand();
