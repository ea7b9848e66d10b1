/** Shared by the CLI tests: temp copies of fixtures and a runner for `tsx lint-rules/engine/cli.ts`. */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {ROOT_DIR} from '../../core/constants';

export const CLI_FIXTURES = path.join(__dirname, '__fixtures__/cli');
export const STAND_IN_PRESET = path.join(CLI_FIXTURES, 'stand-in-preset.ts');
const TSX = path.join(ROOT_DIR, 'node_modules/.bin/tsx');
const CLI = path.join(ROOT_DIR, 'lint-rules/engine/cli.ts');

/** A fresh temp copy of `__fixtures__/cli/<name>`; removed by the returned cleanup. */
export function tempCopy(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `llmbook-lint-${name}-`));
  fs.cpSync(path.join(CLI_FIXTURES, name), dir, {recursive: true});
  return dir;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in `cwd`; the stand-in preset unless `env.LLMBOOK_LINT_PRESET` is set to ''. */
export function runCli(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Run {
  const base: Record<string, string | undefined> = {...process.env, LLMBOOK_LINT_PRESET: STAND_IN_PRESET, NO_COLOR: '1', FORCE_COLOR: '0'};
  for (const key of ['GITHUB_ACTIONS', 'GITHUB_STEP_SUMMARY', 'GITHUB_WORKSPACE', 'GITHUB_BASE_REF']) delete base[key];
  const merged = {...base, ...env};
  if (merged.LLMBOOK_LINT_PRESET === '') delete merged.LLMBOOK_LINT_PRESET;
  const result = spawnSync(TSX, [CLI, ...args], {cwd, env: merged as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 300_000, maxBuffer: 256 * 1024 * 1024});
  return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr};
}

/** Every file under `dir` (relative path → bytes), skipping node_modules. */
export function snapshotTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string): void => {
    for (const entry of fs.readdirSync(at, {withFileTypes: true})) {
      if (entry.name === 'node_modules') continue;
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(dir, full), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return files;
}
