/**
 * Runs lint tasks on worker threads, one per core but one (`workerCount`).
 * Each worker builds the processor once; tasks go out in small batches as
 * workers become free, and results come back as they finish, so neither the
 * files nor their trees are ever all in memory.
 *
 * Under `npm run lint` the workers run the compiled worker (see `compile.mjs`). Run from
 * source (tests, `tsx cli.ts`) they run TypeScript: the package is CommonJS (no `"type": "module"`), so the
 * worker starts from a tiny script that registers tsx's CommonJS hook (which also
 * loads the ESM-only unified packages) and then requires `worker.ts` (`execArgv: ['--import', 'tsx']` does not reach
 * a worker's entry on Node 20).
 */
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {Worker} from 'node:worker_threads';
import {compiledWorker} from './compiled';
import {fileMessage} from './source';
import type {LinterOptions, Task, TaskResult, WorkerInit, WorkerReply} from './worker';

const BATCH = 8;
/** Below this many files, starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 50;

/** A new worker thread: the compiled worker, or `worker.ts` through tsx. */
function spawnWorker(workerData: WorkerInit): Worker {
  if (compiledWorker) return new Worker(compiledWorker, {workerData});
  const require = createRequire(__filename);
  const cjs = require.resolve('tsx/cjs/api');
  const entry = path.join(__dirname, 'worker.ts');
  const code = [`require(${JSON.stringify(cjs)}).register();`, `require(${JSON.stringify(entry)});`].join('\n');
  return new Worker(code, {eval: true, workerData});
}

/**
 * Worker threads for `files` files: one per core but one when there are many, at least
 * one. The core left over is not idle: V8's garbage collector runs on other threads, and
 * parsing Markdown makes a lot of garbage (bench: remark-parse alone keeps 1.6 cores busy).
 * On two cores one worker is faster than two and needs two thirds of the memory (×10
 * corpus: 7.0–7.3 s and 197 MB against 7.7–7.8 s and 282–309 MB). A time budget per file
 * needs at least one worker (a thread can be stopped, this one cannot).
 */
export function workerCount(files: number, timed = false, cores = os.availableParallelism()): number {
  if (files <= WORKER_THRESHOLD) return timed && files > 0 ? 1 : 0;
  return Math.max(1, Math.min(cores - 1, Math.ceil(files / BATCH)));
}

/** The result for a file whose worker ran out of time or died on it. */
export function stoppedResult(file: string, reason: string): TaskResult {
  return {
    path: file,
    messages: [fileMessage(reason)],
    hash: '',
    mtimeMs: 0,
    size: 0,
  };
}

function overBudget(seconds: number): string {
  return `检查这个文件超过了时间上限 ${seconds} 秒，已停止（文件没有改写）；可能是嵌套极深的列表或引用。可在 \`.lintrc.yaml\` 的 \`limits.fileTimeoutSeconds\` 或命令行 \`--file-timeout-seconds\` 调整（0 表示不限）`;
}

function workerDied(error: string): string {
  return `检查这个文件时工作线程中止（${error}），文件没有改写；其余文件照常检查`;
}

/**
 * Lint every task, calling `onResult` as results arrive (in no particular order).
 * With `timeoutSeconds` > 0 a file that takes longer (or kills its worker) gets
 * one message, its worker is replaced and the rest of its batch goes on.
 */
export async function runTasks(
  tasks: Iterable<Task>,
  total: number,
  options: LinterOptions,
  onResult: (result: TaskResult) => void,
  threads = workerCount(total),
  timeoutSeconds = 0,
): Promise<void> {
  if (threads === 0) {
    // Imported here, not at the top: a fully cached run never loads unified or the rules.
    const {Linter} = await import('./worker');
    const linter = await Linter.create(options);
    for (const task of tasks) onResult(await linter.run(task));
    return;
  }
  const iterator = tasks[Symbol.iterator]();
  /** Tasks handed back by a worker that was stopped, served before new ones. */
  const retry: Task[] = [];
  const nextBatch = (): Task[] => {
    const batch = retry.splice(0, BATCH);
    while (batch.length < BATCH) {
      const step = iterator.next();
      if (step.done) break;
      batch.push(step.value);
    }
    return batch;
  };
  const init: WorkerInit = {llmbookLint: true, options};
  const slot = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      let worker: Worker;
      /** The batch the worker is on; its first task is the one being linted now. */
      let inFlight: Task[] = [];
      let timer: NodeJS.Timeout | undefined;
      let started = false;
      let finished = false;
      const clock = (): void => {
        clearTimeout(timer);
        timer = undefined;
        if (timeoutSeconds > 0 && inFlight.length > 0) timer = setTimeout(() => replace(overBudget(timeoutSeconds)), timeoutSeconds * 1000);
      };
      const fail = (error: Error): void => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        void worker.terminate();
        reject(error);
      };
      /** Report the current file, hand the rest of its batch back, start a fresh worker. */
      const replace = (reason: string): void => {
        if (finished) return;
        const [current, ...rest] = inFlight;
        inFlight = [];
        clearTimeout(timer);
        const old = worker;
        old.removeAllListeners();
        old.on('error', () => undefined);
        void old.terminate();
        if (current) onResult(stoppedResult(current.path, reason));
        retry.unshift(...rest);
        start();
      };
      const feed = (): void => {
        const batch = nextBatch();
        if (batch.length > 0) {
          inFlight = batch;
          worker.postMessage({tasks: batch});
          clock();
          return;
        }
        finished = true;
        void worker.terminate().then(() => resolve());
      };
      const start = (): void => {
        worker = spawnWorker(init);
        worker.on('message', (reply: WorkerReply) => {
          if ('fatal' in reply) return fail(new Error(`lint worker failed to start: ${reply.fatal}`));
          if ('ready' in reply) {
            started = true;
            return feed();
          }
          if ('result' in reply) {
            inFlight.shift();
            clock();
            return onResult(reply.result);
          }
          feed();
        });
        // A worker that dies on a file (out of memory, a native crash) costs that file, not the run;
        // one that dies before it is ready would die again, so that ends the run.
        const died = (why: string): void => (started && inFlight.length > 0 ? replace(workerDied(why)) : fail(new Error(`lint worker stopped early (${why})`)));
        worker.on('error', (error) => died(error.message.split('\n')[0]));
        worker.on('exit', (exitCode) => died(`exit code ${exitCode}`));
      };
      start();
    });
  await Promise.all(Array.from({length: threads}, slot));
}
