/**
 * Linting one file: read, parse once, run the preset, and with `--fix` loop the
 * fixer and write the file back atomically. Used in the main thread for a few
 * files and, for many, inside worker threads (see `pool.ts`), where this module
 * is also the worker's entry: it builds the processor once and answers tasks.
 */
import path from 'node:path';
import {isMainThread, parentPort, workerData} from 'node:worker_threads';
import type {Root} from 'mdast';
import remarkParse from 'remark-parse';
import {unified, type PluggableList, type Preset, type Processor} from 'unified';
import {VFile} from 'vfile';
import {limitsOf, type LintConfig, type LintLimits} from './config';
import {fixText} from './fix';
import {useDataMemo} from '../../core/data-memo';
import {syntaxFor} from '../../core/parse';
import {sha1} from '../../core/hash';
import {compiledWorker} from './compiled';
import {fileMessage, readSource, SourceProblem, writeIfUnchanged} from './source';
import {compareMessages, toLintMessage, type FileResult, type LintMessage} from './result';

export interface LinterOptions {
  config: LintConfig;
  /** Working directory (the VFile's `cwd`). */
  cwd: string;
  /** Module exporting `createPreset(config)`; default `./preset` (tests pass a stand-in). */
  presetModule?: string;
  /** The main thread's data memo (`core/data-memo.ts`), so workers read the registry it validated. */
  dataMemo?: {dir: string; salt: string};
}

export interface Task {
  path: string;
  fix: boolean;
}

/** A result plus what the cache needs to know about the bytes it was computed from. */
export interface TaskResult extends FileResult {
  /** sha1 of the file's bytes as finally linted (after fixing), and their stat. */
  hash: string;
  mtimeMs: number;
  size: number;
  oscillated?: boolean;
}

type LintProcessor = Processor<Root, Root, Root, undefined, undefined>;

export const DEFAULT_PRESET_MODULE = path.join(__dirname, '..', 'preset.ts');

export function presetModuleFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env.LLMBOOK_LINT_PRESET ? path.resolve(env.LLMBOOK_LINT_PRESET) : DEFAULT_PRESET_MODULE;
}

interface PresetModule {
  createPreset(config: LintConfig, syntax?: PluggableList): Preset;
}

/**
 * One processor per combination of syntax extensions a file needs (`syntaxFor` of
 * core/parse.ts), each made on first use: a chapter without `$` is not parsed with the
 * math extension, with the same tree.
 */
export class Processors {
  private readonly made = new Map<string, LintProcessor>();

  constructor(private readonly make: (syntax: PluggableList) => LintProcessor) {}

  for(text: string): LintProcessor {
    const syntax = syntaxFor(text);
    let processor = this.made.get(syntax.key);
    if (!processor) this.made.set(syntax.key, (processor = this.make(syntax.plugins)));
    return processor;
  }
}

export async function createProcessors(options: LinterOptions): Promise<Processors> {
  const file = options.presetModule ?? DEFAULT_PRESET_MODULE;
  // Compiled, our preset by a literal path, so that the bundle carries it; otherwise by `require` where
  // there is one (tsx's CommonJS hook, also inside workers, which do not hook `import()`), `import` otherwise.
  const mod = (
    compiledWorker && file === DEFAULT_PRESET_MODULE ? await import('../preset') : typeof require === 'function' ? require(file) : await import(file)
  ) as PresetModule & {default?: PresetModule};
  const createPreset = mod.createPreset ?? mod.default?.createPreset;
  if (typeof createPreset !== 'function') throw new Error(`${file} 没有导出 createPreset`);
  return new Processors((syntax) => unified().use(remarkParse).use(createPreset(options.config, syntax)).freeze() as unknown as LintProcessor);
}

/**
 * `VFile#message` without capturing a stack trace: a lint message is an `Error`, and V8
 * records the stack of each one, which nobody reads (the report has file, line and
 * rule). On a chapter with thousands of spacing findings that was over half of
 * `cjk-spacing`'s time (bench/children/rules.ts). Errors thrown by a rule keep theirs.
 */
const messageWithoutStack = function (this: VFile, ...args: unknown[]) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return (VFile.prototype.message as (...a: unknown[]) => ReturnType<VFile['message']>).apply(this, args);
  } finally {
    Error.stackTraceLimit = limit;
  }
} as VFile['message'];

function dependenciesOf(file: VFile): string[] {
  // Set by internal-links: the files whose headings it consulted.
  const deps = (file.data as Record<string, unknown>).lintDependencies;
  return Array.isArray(deps) ? [...new Set(deps.filter((d): d is string => typeof d === 'string'))].sort() : [];
}

function crashMessage(error: unknown): LintMessage {
  const reason = error instanceof Error ? error.message : String(error);
  return fileMessage(`检查这个文件时出错：${reason.split('\n')[0]}`);
}

export class Linter {
  private readonly limits: LintLimits;

  constructor(
    private readonly processors: LintProcessor | Processors,
    private readonly cwd: string,
    config?: LintConfig,
  ) {
    this.limits = limitsOf(config ?? {rules: {}});
  }

  static async create(options: LinterOptions): Promise<Linter> {
    if (options.dataMemo) useDataMemo(options.dataMemo.dir, options.dataMemo.salt);
    return new Linter(await createProcessors(options), options.cwd, options.config);
  }

  /** Lint `text` as the content of `file`; the VFile keeps its messages and data. */
  async lintText(text: string, file: string): Promise<VFile> {
    const processor = this.processors instanceof Processors ? this.processors.for(text) : this.processors;
    const vfile = new VFile({path: file, value: text, cwd: this.cwd});
    vfile.message = messageWithoutStack;
    const tree = processor.parse(vfile);
    await processor.run(tree, vfile);
    return vfile;
  }

  async run(task: Task): Promise<TaskResult> {
    try {
      // Stat before reading: if the file changes in between, the next run sees a new mtime and re-hashes.
      const {bytes, text, stat} = readSource(task.path, this.limits.maxFileBytes);
      let last = await this.lintText(text, task.path);
      if (!task.fix) return this.result(task.path, last, {hash: sha1(bytes), mtimeMs: stat.mtimeMs, size: stat.size});
      const fixed = await fixText(text, async (current) => {
        last = await this.lintText(current, task.path);
        return last.messages;
      });
      if (!fixed.changed) {
        return this.result(task.path, last, {hash: sha1(bytes), mtimeMs: stat.mtimeMs, size: stat.size, oscillated: fixed.oscillated});
      }
      const after = writeIfUnchanged(task.path, bytes, fixed.text);
      return this.result(task.path, last, {hash: sha1(fixed.text), mtimeMs: after.mtimeMs, size: after.size, fixed: true, oscillated: fixed.oscillated});
    } catch (error) {
      return {path: task.path, messages: [error instanceof SourceProblem ? fileMessage(error.message, 'error', error.where) : crashMessage(error)], hash: '', mtimeMs: 0, size: 0};
    }
  }

  private result(file: string, vfile: VFile, extra: Omit<TaskResult, 'path' | 'messages'>): TaskResult {
    const messages = vfile.messages.map(toLintMessage).sort(compareMessages);
    if (extra.oscillated) messages.push(oscillationMessage());
    return {path: file, messages, dependencies: dependenciesOf(vfile), ...extra};
  }
}

export function oscillationMessage(): LintMessage {
  return {
    ...fileMessage('`--fix` 没有收敛：有两处修复来回互相撤销（第 n 轮的结果与第 n − 2 轮相同），已停止；请手动修改并报告这两条规则的冲突'),
    ruleId: 'fix',
  };
}

/** Messages between the pool and its workers. */
export interface WorkerInit {
  llmbookLint: true;
  options: LinterOptions;
}
export type WorkerRequest = {tasks: Task[]} | {exit: true};
/** One `result` per task as it finishes (so the pool can time each file), then `done` for the batch. */
export type WorkerReply = {ready: true} | {result: TaskResult} | {done: true} | {fatal: string};

async function serve(init: WorkerInit): Promise<void> {
  const port = parentPort;
  if (!port) return;
  let linter: Linter;
  try {
    linter = await Linter.create(init.options);
  } catch (error) {
    port.postMessage({fatal: error instanceof Error ? (error.stack ?? error.message) : String(error)} satisfies WorkerReply);
    return;
  }
  port.on('message', (request: WorkerRequest) => {
    if ('exit' in request) {
      port.close();
      return;
    }
    void (async () => {
      for (const task of request.tasks) port.postMessage({result: await linter.run(task)} satisfies WorkerReply);
      port.postMessage({done: true} satisfies WorkerReply);
    })();
  });
  port.postMessage({ready: true} satisfies WorkerReply);
}

if (!isMainThread && (workerData as Partial<WorkerInit> | null)?.llmbookLint === true) {
  void serve(workerData as WorkerInit);
}
