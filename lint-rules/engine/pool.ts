/**
 * Runs lint tasks on worker threads, one per core (`os.availableParallelism()`).
 * Each worker builds the processor once; tasks go out in small batches as
 * workers become free, and results come back as they finish, so neither the
 * files nor their trees are ever all in memory.
 *
 * Workers run TypeScript: the package is CommonJS (no `"type": "module"`), so the
 * worker starts from a tiny script that registers tsx's CommonJS hook (which also
 * loads the ESM-only unified packages) and then requires `worker.ts` (`execArgv: ['--import', 'tsx']` does not reach
 * a worker's entry on Node 20).
 */
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {Worker} from 'node:worker_threads';
import type {LinterOptions, Task, TaskResult, WorkerInit, WorkerReply} from './worker';

const BATCH = 8;
/** Below this many files, starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 50;

function bootstrap(): string {
  const require = createRequire(__filename);
  const cjs = require.resolve('tsx/cjs/api');
  const entry = path.join(__dirname, 'worker.ts');
  return [`require(${JSON.stringify(cjs)}).register();`, `require(${JSON.stringify(entry)});`].join('\n');
}

export function workerCount(files: number): number {
  if (files <= WORKER_THRESHOLD) return 0;
  return Math.max(1, Math.min(os.availableParallelism(), Math.ceil(files / BATCH)));
}

/** Lint every task, calling `onResult` as results arrive (in no particular order). */
export async function runTasks(
  tasks: Iterable<Task>,
  total: number,
  options: LinterOptions,
  onResult: (result: TaskResult) => void,
  threads = workerCount(total),
): Promise<void> {
  if (threads === 0) {
    // Imported here, not at the top: a fully cached run never loads unified or the rules.
    const {Linter} = await import('./worker');
    const linter = await Linter.create(options);
    for (const task of tasks) onResult(await linter.run(task));
    return;
  }
  const iterator = tasks[Symbol.iterator]();
  const nextBatch = (): Task[] => {
    const batch: Task[] = [];
    while (batch.length < BATCH) {
      const step = iterator.next();
      if (step.done) break;
      batch.push(step.value);
    }
    return batch;
  };
  const code = bootstrap();
  const init: WorkerInit = {llmbookLint: true, options};
  await Promise.all(
    Array.from({length: threads}, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(code, {eval: true, workerData: init});
        let finished = false;
        const fail = (error: Error): void => {
          if (finished) return;
          finished = true;
          void worker.terminate();
          reject(error);
        };
        const feed = (): void => {
          const batch = nextBatch();
          if (batch.length > 0) {
            worker.postMessage({tasks: batch});
            return;
          }
          finished = true;
          void worker.terminate().then(() => resolve());
        };
        worker.on('message', (reply: WorkerReply) => {
          if ('fatal' in reply) return fail(new Error(`lint worker failed to start: ${reply.fatal}`));
          if ('results' in reply) for (const result of reply.results) onResult(result);
          feed();
        });
        worker.on('error', fail);
        worker.on('exit', (exitCode) => fail(new Error(`lint worker stopped early (exit code ${exitCode})`)));
      }),
    ),
  );
}
