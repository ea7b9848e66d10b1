/**
 * Run one benchmark step as a child process and measure it: wall time, CPU time and
 * peak resident memory. Memory and CPU come from a preloaded hook in every Node
 * process (exact, includes worker threads); /proc polling covers a process that
 * exits without running exit handlers.
 */
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {performance} from 'node:perf_hooks';

export const HOOK = path.join(__dirname, 'children', 'rusage-hook.cjs');

export interface ChildResult {
  ms: number;
  /** User + system CPU time of every Node process in the run. */
  cpuMs?: number;
  /** Peak resident memory of the largest process in the run. */
  rssKb?: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdoutFile: string;
  stderrFile: string;
}

export interface ChildOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Folder for this run's stdout, stderr and usage files (overwritten each run). */
  scratch: string;
  /** Name of the files in `scratch`. */
  label: string;
}

interface UsageLine {
  pid: number;
  maxRssKb: number;
  userUs: number;
  systemUs: number;
}

/** `VmHWM` (peak RSS) in kB and utime+stime in clock ticks, or undefined once the process is gone. */
function readProc(pid: number): {hwmKb?: number; ticks?: number} {
  const out: {hwmKb?: number; ticks?: number} = {};
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
    if (match) out.hwmKb = Number(match[1]);
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.ticks = Number(fields[11]) + Number(fields[12]);
  } catch {
    // not Linux, or the process has exited
  }
  return out;
}

const CLOCK_TICK_MS = 10;

export function parseUsage(text: string): UsageLine[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as UsageLine);
}

function nodeOptions(existing: string | undefined): string {
  return [existing, `--require ${JSON.stringify(HOOK)}`].filter(Boolean).join(' ');
}

export async function runChild(command: string, args: readonly string[], options: ChildOptions): Promise<ChildResult> {
  fs.mkdirSync(options.scratch, {recursive: true});
  const stdoutFile = path.join(options.scratch, `${options.label}.stdout`);
  const stderrFile = path.join(options.scratch, `${options.label}.stderr`);
  const usageFile = path.join(options.scratch, `${options.label}.usage`);
  fs.rmSync(usageFile, {force: true});
  const out = fs.openSync(stdoutFile, 'w');
  const err = fs.openSync(stderrFile, 'w');
  const env: NodeJS.ProcessEnv = {...process.env, ...options.env, BENCH_RUSAGE_FILE: usageFile};
  env.NODE_OPTIONS = nodeOptions(options.env?.NODE_OPTIONS ?? process.env.NODE_OPTIONS);
  const start = performance.now();
  const child = spawn(command, args, {cwd: options.cwd, env, stdio: ['ignore', out, err]});
  let polled: {hwmKb?: number; ticks?: number} = {};
  const poll = setInterval(() => {
    if (child.pid === undefined) return;
    const now = readProc(child.pid);
    polled = {hwmKb: Math.max(polled.hwmKb ?? 0, now.hwmKb ?? 0) || undefined, ticks: now.ticks ?? polled.ticks};
  }, 50);
  const {code, signal} = await new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c, s) => resolve({code: c, signal: s}));
  }).finally(() => {
    clearInterval(poll);
    fs.closeSync(out);
    fs.closeSync(err);
  });
  const ms = performance.now() - start;
  const usage = fs.existsSync(usageFile) ? parseUsage(fs.readFileSync(usageFile, 'utf8')) : [];
  const hookRss = usage.length > 0 ? Math.max(...usage.map((u) => u.maxRssKb)) : undefined;
  const rssKb = Math.max(hookRss ?? 0, polled.hwmKb ?? 0) || undefined;
  const cpuMs =
    usage.length > 0
      ? usage.reduce((sum, u) => sum + (u.userUs + u.systemUs) / 1000, 0)
      : polled.ticks !== undefined
        ? polled.ticks * CLOCK_TICK_MS
        : undefined;
  return {ms, cpuMs, rssKb, code, signal, stdoutFile, stderrFile};
}

export function readOutput(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/** Escape sequences for colour, so peers' reports parse the same with or without a TTY. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex -- the escape character is what we remove
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
