import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {ROOT_DIR} from '../../core/constants';
import {changedFiles, changedLines, parseUnifiedDiff} from '../engine/files';
import {runCli, STAND_IN_PRESET, tempCopy} from './cli-helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {cwd: dir, encoding: 'utf8'});
}

/** The fixture project as a git repo on `main`, then a branch with one edited, one new, one deleted chapter. */
function repo(): string {
  const dir = tempCopy('project');
  dirs.push(dir);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'base');
  git(dir, 'checkout', '-q', '-b', 'feature');
  fs.appendFileSync(path.join(dir, 'docs/clean.md'), '\n新加一行 Github。\n');
  git(dir, 'commit', '-q', '-am', 'edit');
  fs.writeFileSync(path.join(dir, 'docs/sub/新章.md'), '# 新章\n\nGithub\n');
  fs.rmSync(path.join(dir, 'docs/sub/broken.md'));
  return dir;
}

describe('--changed', () => {
  it('lists changed and untracked Markdown files against main (no origin/main here), not deleted ones', () => {
    const dir = repo();
    expect(changedFiles(['docs'], dir).map((f) => path.relative(dir, f))).toEqual(['docs/clean.md', 'docs/sub/新章.md']);
    expect(changedFiles(['docs/sub'], dir, 'main').map((f) => path.relative(dir, f))).toEqual(['docs/sub/新章.md']);
  });

  it('lints only those files through the CLI; BASE may follow the flag or be given with =', () => {
    const dir = repo();
    for (const args of [['--changed'], ['--changed', 'main'], ['--changed=main']]) {
      const run = runCli(['--no-cache', '--format', 'json', ...args], dir);
      const report = JSON.parse(run.stdout) as {files: Array<{path: string; messages: unknown[]}>};
      expect(report.files.map((f) => [f.path, f.messages.length])).toEqual([
        ['docs/clean.md', 1],
        ['docs/sub/新章.md', 1],
      ]);
      expect(run.code).toBe(1);
    }
  });

  it('does not load the cache module for --changed, only when it is used (start-up is most of a --changed run)', () => {
    const dir = repo();
    const cli = path.join(ROOT_DIR, 'lint-rules/engine/cli.ts');
    const code = [
      `const {main} = require(${JSON.stringify(cli)});`,
      `main(JSON.parse(process.env.LINT_ARGS), process.env, process.cwd(), {stdout: () => undefined, stderr: () => undefined}).then((code) => {`,
      `  const ours = Object.keys(require.cache).filter((f) => f.includes('/lint-rules/') && !f.includes('node_modules')).map((f) => f.slice(f.lastIndexOf('/lint-rules/') + 12));`,
      `  process.stdout.write(JSON.stringify({code, ours}));`,
      `});`,
    ].join('\n');
    const loaded = (args: string[]): {code: number; ours: string[]} => {
      const out = execFileSync(path.join(ROOT_DIR, 'node_modules/.bin/tsx'), ['-e', code], {cwd: dir, encoding: 'utf8', env: {...process.env, LLMBOOK_LINT_PRESET: STAND_IN_PRESET, LINT_ARGS: JSON.stringify(args)}});
      return JSON.parse(out) as {code: number; ours: string[]};
    };
    const changed = loaded(['--changed', '--format', 'stylish']);
    expect(changed.code).toBe(1);
    expect(changed.ours).toContain('engine/reporters/stream.ts');
    expect(changed.ours).not.toContain('engine/cache.ts');
    const json = loaded(['--changed', '--format', 'json']);
    expect(json.ours).not.toContain('engine/cache.ts');
    expect(loaded(['--format', 'json']).ours).toContain('engine/cache.ts');
  }, 60_000);

  it('takes a following folder as a path, not as the base', () => {
    const run = runCli(['--no-cache', '--format', 'json', '--changed', 'docs/sub'], repo());
    expect((JSON.parse(run.stdout) as {files: Array<{path: string}>}).files.map((f) => f.path)).toEqual(['docs/sub/新章.md']);
  });

  it('fails clearly on an unknown base and outside a git checkout (exit 2)', () => {
    expect(runCli(['--changed=nope'], repo())).toMatchObject({
      code: 2,
      stderr: '`--changed`：找不到 git 基准 `nope`；请给出存在的分支或提交，例如 `--changed origin/main`\n',
    });
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'llmbook-nogit-'));
    dirs.push(plain);
    fs.mkdirSync(path.join(plain, 'docs'));
    expect(runCli(['--changed'], plain)).toMatchObject({
      code: 2,
      stderr: '`--changed` 需要在 git 仓库里运行；这里不是 git 检出目录。不带 `--changed` 可检查全部文件\n',
    });
  });
});

describe('changed lines', () => {
  it('parses the new-side line ranges of a -U0 diff', () => {
    const diff = ['diff --git a/x.md b/x.md', '--- a/x.md', '+++ b/x.md', '@@ -1,0 +2,3 @@', '+a', '@@ -9 +12 @@', '+b', '--- a/y.md', '+++ /dev/null', '@@ -1 +0,0 @@'].join('\n');
    const lines = parseUnifiedDiff(diff, '/r');
    expect([...lines.keys()]).toEqual(['/r/x.md']);
    expect([...(lines.get('/r/x.md') as Set<number>)]).toEqual([2, 3, 4, 12]);
  });

  it('marks the lines a branch changed, and untracked files as wholly new', () => {
    const dir = repo();
    const lines = changedLines(dir, 'main')!;
    expect([...(lines.get(path.join(dir, 'docs/clean.md')) as Set<number>)]).toEqual([4, 5]);
    expect(lines.get(path.join(dir, 'docs/sub/新章.md'))).toBe('all');
  });
});
