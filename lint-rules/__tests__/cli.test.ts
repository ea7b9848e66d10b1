import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {ROOT_DIR} from '../../core/constants';
import {runCli, snapshotTree, STAND_IN_PRESET, tempCopy} from './cli-helpers';

const dirs: string[] = [];
function project(name = 'project'): string {
  const dir = tempCopy(name);
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

/** The report's lines with runs of spaces (column alignment) squeezed. */
const norm = (text: string): string[] => text.split('\n').map((l) => l.trim().replace(/\s+/g, ' '));

const REPORT = [
  'docs/intro.md',
  '3:7-3:13   error   术语不一致：`Github` 应写作 `GitHub` terminology    llmbook',
  '12:7-12:13 error   术语不一致：`Github` 应写作 `GitHub` terminology    llmbook',
  '',
  'docs/sub/broken.md',
  '3:3-3:20   warning 链接目标不存在：`missing.md`         internal-links llmbook',
  '',
  '3 messages (✖ 2 errors, ⚠ 1 warning)',
  '',
].join('\n');

describe('lint (stylish)', () => {
  it('lints docs/ by default, reports with vfile-reporter and exits 1 on errors', () => {
    const dir = project();
    const run = runCli(['--no-cache'], dir);
    expect(run.stdout).toBe(REPORT);
    expect(run.code).toBe(1);
  });

  it('honours lint ignore / disable / enable comments (lines 6 and 9 are not reported)', () => {
    const run = runCli(['--no-cache', 'docs/intro.md'], project());
    const lines = run.stdout.split('\n').filter((l) => /^\d+:/.test(l));
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['3:7-3:13', '12:7-12:13']);
  });

  it('lints only the given files and folders, and exits 0 when only warnings remain', () => {
    const dir = project();
    const run = runCli(['--no-cache', 'docs/sub', 'docs/clean.md'], dir);
    expect(run.stdout).toBe(
      ['docs/sub/broken.md', '3:3-3:20 warning 链接目标不存在：`missing.md` internal-links llmbook', '', '⚠ 1 warning', ''].join('\n'),
    );
    expect(run.code).toBe(0);
  });

  it('says so when nothing is found', () => {
    const run = runCli(['--no-cache', 'docs/clean.md'], project());
    expect(run).toMatchObject({code: 0, stdout: '1 个文件，没有发现问题\n'});
  });

  it('rejects unknown options and formats with exit 2 (a missing path is reported with the rest: faults.test.ts)', () => {
    const dir = project();
    expect(runCli(['--frobnicate'], dir)).toMatchObject({code: 2, stderr: '未知选项 `--frobnicate`；运行 `npm run lint -- --help` 查看用法\n'});
    expect(runCli(['--format', 'xml'], dir)).toMatchObject({code: 2, stderr: '未知的输出格式 `xml`；可选：`stylish`、`github`、`json`\n'});
    expect(runCli(['nope/'], dir)).toMatchObject({code: 1, stdout: expect.stringContaining('找不到路径 `nope/`；请给出存在的 Markdown 文件或文件夹，例如 `docs/`') as unknown});
  });
});

describe('--fix', () => {
  it('fixes by offset, changes only the fixed ranges, reports what remains, and leaves clean files alone', () => {
    const dir = project();
    const before = snapshotTree(dir);
    const cleanStat = fs.statSync(path.join(dir, 'docs/clean.md'));
    const run = runCli(['--fix', '--no-cache'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      ['docs/sub/broken.md', '3:3-3:20 warning 链接目标不存在：`missing.md` internal-links llmbook', '', '⚠ 1 warning', ''].join('\n'),
    );
    expect(run.stderr).toBe('已修复 1 个文件：docs/intro.md\n');
    const after = snapshotTree(dir);
    const intro = before.get('docs/intro.md')!;
    // Exactly the two reported ranges changed (lines 3 and 12); the ignored and disabled ones did not.
    const expected = intro.split('\n').map((line, i) => (i === 2 || i === 11 ? line.replace('Github', 'GitHub') : line)).join('\n');
    expect(after.get('docs/intro.md')).toBe(expected);
    for (const [file, text] of before) if (file !== 'docs/intro.md') expect(after.get(file)).toBe(text);
    expect(fs.statSync(path.join(dir, 'docs/clean.md')).mtimeMs).toBe(cleanStat.mtimeMs);
    expect(fs.readdirSync(path.join(dir, 'docs')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('fixing twice equals fixing once', () => {
    const dir = project();
    runCli(['--fix', '--no-cache'], dir);
    const once = snapshotTree(dir);
    const second = runCli(['--fix', '--no-cache'], dir);
    expect(second.stderr).toBe('');
    expect(snapshotTree(dir)).toEqual(once);
  });

  it('stops and says so when two fixes undo each other, exit 1', () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, '.lintrc.yaml'), 'rules:\n  cjk-spacing: [error, {flip: true}]\n');
    fs.writeFileSync(path.join(dir, 'docs/flip.md'), 'x foo y\n');
    const run = runCli(['--fix', '--no-cache', 'docs/flip.md'], dir);
    expect(run.code).toBe(1);
    expect(norm(run.stdout)).toEqual([
      'docs/flip.md',
      'error `--fix` 没有收敛：有两处修复来回互相撤销（第 n 轮的结果与第 n − 2 轮相同），已停止；请手动修改并报告这两条规则的冲突 fix llmbook',
      '1:3-1:6 error 来回：`foo` 应写作 `bar` cjk-spacing llmbook',
      '',
      '✖ 2 errors',
      '',
    ]);
    expect(run.stderr).toBe('有 1 个文件的修复没有收敛（见上面的 llmbook/fix 消息）。\n');
    expect(fs.readFileSync(path.join(dir, 'docs/flip.md'), 'utf8')).toBe('x foo y\n');
  });
});

describe('broken config, registry or term list: exit 2, nothing written', () => {
  function expectUntouched(dir: string, args: string[], lines: string[]): void {
    const before = snapshotTree(dir);
    const run = runCli([...args, '--fix'], dir);
    expect(run.code).toBe(2);
    for (const line of lines) expect(norm(run.stdout).join('\n')).toContain(line);
    expect(run.stderr).toBe('配置、模型注册表或术语表有错误（见上）；没有检查任何文件，也没有改写任何文件。\n');
    expect(snapshotTree(dir)).toEqual(before);
  }

  it('reports every config problem with line:column', () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, '.lintrc.yaml'), 'rules:\n  terminology: loud\n  spelling: error\n');
    expectUntouched(dir, [], [
      '.lintrc.yaml',
      '2:16 error 规则 `terminology` 的级别 `loud` 无效；可选值：`off`、`warn`、`error` config llmbook',
      '3:3 error 未知规则 `spelling`；可用规则：',
    ]);
  });

  it('reports registry problems with file:line:column', () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, 'models.yaml'), 'models:\n  - id: Bad Id\n    name: x\n');
    fs.writeFileSync(path.join(dir, '.lintrc.yaml'), `rules:\n  model-names: [error, {registry: ${path.join(dir, 'models.yaml')}}]\n`);
    expectUntouched(dir, ['--format', 'json'], ['"path": "models.yaml"', '"ruleId": "registry"', '"line": 2']);
  });

  it('reports term-list problems with file:line:column', () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, 'terms.yaml'), 'terms:\n  - term: GitHub\n    variants: [GitHub]\n');
    fs.writeFileSync(path.join(dir, '.lintrc.yaml'), 'rules:\n  terminology: [error, {file: terms.yaml}]\n');
    expectUntouched(dir, [], ['terms.yaml', '3:16 error 变体 `GitHub` 与 `term` 相同；变体应是错误的写法 terminology-list llmbook']);
  });
});

describe('the real preset', () => {
  it('reports and fixes a terminology message through the CLI', () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, 'docs/real.md'), '# 标题\n\n代码托管在 Github 上。\n');
    const env = {LLMBOOK_LINT_PRESET: ''};
    const run = runCli(['--no-cache', '--format', 'json', 'docs/real.md'], dir, env);
    const report = JSON.parse(run.stdout) as {files: Array<{messages: Array<{ruleId: string; message: string; line: number}>}>};
    expect(report.files[0].messages).toContainEqual(expect.objectContaining({ruleId: 'terminology', message: '术语不一致：`Github` 应写作 `GitHub`', line: 3}));
    runCli(['--no-cache', '--fix', 'docs/real.md'], dir, env);
    expect(fs.readFileSync(path.join(dir, 'docs/real.md'), 'utf8')).toBe('# 标题\n\n代码托管在 GitHub 上。\n');
  });
});

describe('.remarkrc.mjs', () => {
  it('gives remark-cli the same messages as the CLI', () => {
    const sample = path.join(__dirname, '__fixtures__/cli/remark/sample.md');
    const remark = spawnSync(path.join(ROOT_DIR, 'node_modules/.bin/remark'), ['--no-stdout', '--no-color', path.relative(ROOT_DIR, sample)], {
      cwd: ROOT_DIR,
      encoding: 'utf8',
    });
    const cli = runCli(['--no-cache', path.relative(ROOT_DIR, sample)], ROOT_DIR, {LLMBOOK_LINT_PRESET: ''});
    const messageLines = (text: string): string[] =>
      text
        .split('\n')
        .filter((l) => /^\s*\d+:\d+/.test(l))
        .map((l) => l.trim().replace(/\s+/g, ' '));
    const fromRemark = messageLines(remark.stderr);
    expect(fromRemark.length).toBeGreaterThan(0);
    expect(fromRemark).toEqual(messageLines(cli.stdout));
  });
});

describe('output piped into a reader that stops early', () => {
  it('exits quietly with the usual code when stdout closes after the first line (EPIPE)', async () => {
    const dir = project();
    // Far more than a pipe buffer (64 KiB) of report, so writes hit the closed pipe.
    fs.writeFileSync(path.join(dir, 'docs/many.md'), Array.from({length: 4000}, (_, i) => `Line ${i} Github`).join('\n\n'));
    const env: NodeJS.ProcessEnv = {...process.env, LLMBOOK_LINT_PRESET: STAND_IN_PRESET, NO_COLOR: '1', FORCE_COLOR: '0'};
    delete env.GITHUB_ACTIONS;
    const child = spawn(path.join(ROOT_DIR, 'node_modules/.bin/tsx'), [path.join(ROOT_DIR, 'lint-rules/engine/cli.ts'), '--no-cache', '--threads', '0'], {cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe']});
    let first = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      first += chunk;
      if (first.includes('\n')) child.stdout.destroy();
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
    expect(first.split('\n')[0]).toBe('docs/intro.md');
    expect(stderr).toBe('');
    expect(code).toBe(1);
  }, 60_000);
});
