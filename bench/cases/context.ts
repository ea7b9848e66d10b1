/** What every case gets: options, folders, and helpers to start Node tools the same way. */
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {ROOT_DIR} from '../../core/constants';
import type {CorpusCopy} from '../corpus';
import {readOutput, runChild, type ChildResult} from '../measure';
import type {BenchOptions} from '../options';
import {CaseFailure, type Sample} from '../suite';

export interface BenchContext {
  options: BenchOptions;
  /** The run's temp folder (bench root): peers' configs and `node_modules` link live here. */
  tmp: string;
  /** Per-run outputs of children (stdout, stderr, usage). */
  scratch: string;
  /** The scaled corpus, set up by the corpus suite. */
  corpus?: CorpusCopy;
  /** The lint CLI of a snapshot of the tool, made on first use (see `snapshotLintTool`). */
  lintCli?: string;
}

const require = createRequire(__filename);

/** `--import` value that lets plain `node` run TypeScript in one process (no tsx wrapper process). */
export const TSX_IMPORT = pathToFileURL(require.resolve('tsx')).href;

/** A package's manifest (read by path: some packages do not export `./package.json`). */
function manifestPath(pkg: string): string {
  return path.join(ROOT_DIR, 'node_modules', pkg, 'package.json');
}

export function binScript(pkg: string, bin?: string): string {
  const manifest = JSON.parse(fs.readFileSync(manifestPath(pkg), 'utf8')) as {bin?: string | Record<string, string>};
  const entry = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[bin ?? pkg];
  if (!entry) throw new Error(`${pkg} has no bin ${bin ?? pkg}`);
  return path.join(path.dirname(manifestPath(pkg)), entry);
}

export function packageVersion(pkg: string): string {
  return (JSON.parse(fs.readFileSync(manifestPath(pkg), 'utf8')) as {version: string}).version;
}

export interface NodeRun {
  label: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Exit codes that mean "ran fine" (linters exit 1 when they find problems). */
  okCodes?: number[];
}

function tail(text: string, lines = 8): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

/** Start `node ARGS…`, measure it, and fail the case on an unexpected exit code. */
export async function runNode(ctx: BenchContext, run: NodeRun): Promise<ChildResult & {stdout: () => string; stderr: () => string}> {
  const result = await runChild(process.execPath, run.args, {
    cwd: run.cwd,
    env: {NO_COLOR: '1', FORCE_COLOR: '0', ...run.env},
    scratch: ctx.scratch,
    label: run.label,
  });
  const stdout = (): string => readOutput(result.stdoutFile);
  const stderr = (): string => readOutput(result.stderrFile);
  const ok = run.okCodes ?? [0];
  if (result.code === null || !ok.includes(result.code)) {
    throw new CaseFailure(
      `${run.label} exited with ${result.code ?? result.signal}; stderr ends:\n${tail(stderr()) || '(empty)'}\nstdout ends:\n${tail(stdout()) || '(empty)'}`,
    );
  }
  return {...result, stdout, stderr};
}

/** A sample from a child run plus the counts the tool reported. */
export function sampleOf(result: ChildResult, counts: {files?: number; messages?: number}): Sample {
  return {ms: result.ms, cpuMs: result.cpuMs, rssKb: result.rssKb, ...counts};
}

/** Fail when a tool reports another number of files than the corpus holds (0 is never a fast result). */
export function expectFiles(label: string, reported: number | undefined, expected: number): number {
  if (reported === undefined || !Number.isFinite(reported)) throw new CaseFailure(`${label}: could not read how many files it processed`);
  if (reported !== expected) throw new CaseFailure(`${label} processed ${reported} files; the corpus has ${expected}`);
  return reported;
}
