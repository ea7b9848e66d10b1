/**
 * `npm run lint` runs the compiled CLI (`engine/compile.mjs`, `engine/bin.mjs`): it must
 * say exactly what the TypeScript sources say, with and without worker threads and
 * with `--fix`, and it must never run stale code: an edited source is rebuilt before
 * the next run.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {ROOT_DIR} from '../../core/constants';
import {runCli, snapshotTree} from './cli-helpers';

const BIN = path.join(ROOT_DIR, 'lint-rules/engine/bin.mjs');
const BOOK = path.join(ROOT_DIR, 'lint-rules/__tests__/__fixtures__/compiled');
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, {recursive: true, force: true});
});

function temp(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `llmbook-compiled-${name}-`));
  temps.push(dir);
  return dir;
}

function runBin(bin: string, args: string[], cwd: string): {code: number; stdout: string; stderr: string} {
  const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'};
  for (const key of ['GITHUB_ACTIONS', 'GITHUB_STEP_SUMMARY', 'LLMBOOK_LINT_PRESET']) delete env[key];
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, env, encoding: 'utf8', timeout: 120_000});
  return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr};
}

describe('the compiled lint CLI', () => {
  it('reports what the sources report, in every format, with and without workers', () => {
    for (const format of ['json', 'stylish']) {
      const fromSource = runCli(['--no-cache', '--format', format, BOOK], ROOT_DIR, {LLMBOOK_LINT_PRESET: ''});
      expect(fromSource.code).toBe(1);
      for (const threads of ['0', '2']) {
        const compiled = runBin(BIN, ['--no-cache', '--threads', threads, '--format', format, BOOK], ROOT_DIR);
        expect({code: compiled.code, stdout: compiled.stdout}).toEqual({code: fromSource.code, stdout: fromSource.stdout});
      }
    }
  });

  it('fixes what the sources fix, byte for byte', () => {
    const a = temp('fix-src');
    const b = temp('fix-bin');
    fs.cpSync(BOOK, a, {recursive: true});
    fs.cpSync(BOOK, b, {recursive: true});
    runCli(['--no-cache', '--fix', '--format', 'json', a], ROOT_DIR, {LLMBOOK_LINT_PRESET: ''});
    runBin(BIN, ['--no-cache', '--fix', '--format', 'json', b], ROOT_DIR);
    const fixed = snapshotTree(a);
    expect(fixed).not.toEqual(snapshotTree(BOOK));
    expect(snapshotTree(b)).toEqual(fixed);
  });

  it('rebuilds before running when a source changed', () => {
    // A copy of the tool with the shared node_modules, as a second checkout would have.
    const copy = temp('stale');
    for (const name of ['lint-rules', 'core', 'data', 'package.json', 'package-lock.json', 'tsconfig.json', '.lintrc.yaml']) {
      fs.cpSync(path.join(ROOT_DIR, name), path.join(copy, name), {recursive: true, filter: (src) => !src.includes('__tests__')});
    }
    fs.symlinkSync(path.join(ROOT_DIR, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    fs.cpSync(BOOK, path.join(copy, 'book'), {recursive: true});
    const bin = path.join(copy, 'lint-rules/engine/bin.mjs');
    const before = runBin(bin, ['--no-cache', 'book'], copy);
    expect(before.stdout).toContain('中英文之间缺少空格');

    const rule = path.join(copy, 'lint-rules/cjk-spacing.ts');
    const source = fs.readFileSync(rule, 'utf8');
    expect(source).toContain('中英文之间缺少空格');
    fs.writeFileSync(rule, source.replaceAll('中英文之间缺少空格', '中英文之间少了空格'));
    const after = runBin(bin, ['--no-cache', 'book'], copy);
    expect(after.stdout).toContain('中英文之间少了空格');
    expect(after.stdout).not.toContain('中英文之间缺少空格');
  });
});
