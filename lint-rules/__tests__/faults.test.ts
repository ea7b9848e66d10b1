/**
 * Faults and hostile input (issue 13): no lost edit, no rewritten bytes, one bad
 * file or a damaged cache never stops the run. Faults are injected through the
 * stand-in preset (`<!-- fault: … -->` comments) or made on disk.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {isUtf8} from 'node:buffer';
import fc from 'fast-check';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {parseArgs} from '../engine/cli';
import {Linter} from '../engine/worker';
import {CACHE_FORMAT, LintCache, validCacheData} from '../engine/cache';
import {sha1} from '../../core/hash';
import {firstInvalidUtf8} from '../engine/source';
import {runCli, STAND_IN_PRESET, tempCopy} from './cli-helpers';
import {AUTHOR_EDIT, createPreset} from './__fixtures__/cli/stand-in-preset';

// Most tests start the CLI (several seconds each on a shared machine), some twice.
vi.setConfig({testTimeout: 180_000});

const dirs: string[] = [];
function project(): string {
  const dir = tempCopy('project');
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    fs.chmodSync(dir, 0o755);
    fs.rmSync(dir, {recursive: true, force: true});
  }
});

type Json = {files: {path: string; messages: {message: string; severity: string; line: number | null}[]}[]};
const json = (stdout: string): Json => JSON.parse(stdout) as Json;
const messagesOf = (report: Json, file: string): string[] =>
  report.files.find((f) => f.path === file)?.messages.map((m) => m.message) ?? [];

/** The Linter as a worker runs it, with the stand-in preset imported by vitest (its `require` cannot load TypeScript). */
function linter(dir: string): Linter {
  const processor = unified().use(remarkParse).use(createPreset({rules: {}})).freeze() as unknown as ConstructorParameters<typeof Linter>[0];
  return new Linter(processor, dir);
}

describe('an edit made while --fix runs (1)', () => {
  it('is kept: the file is not written and is named with a message; other files are fixed', () => {
    const dir = project();
    const file = path.join(dir, 'docs/intro.md');
    fs.appendFileSync(file, '\n<!-- fault: edit -->\n');
    const run = runCli(['--no-cache', '--fix', '--format', 'json'], dir);
    const after = fs.readFileSync(file, 'utf8');
    expect(after).toContain(AUTHOR_EDIT);
    expect(after).toContain('托管在 Github'); // the fix was not written over the edit
    expect(messagesOf(json(run.stdout), 'docs/intro.md')).toEqual([
      '文件在 `--fix` 运行期间被改动，没有写入修复（改动已保留）；请再运行一次 `--fix`',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('docs/intro.md');
  });

  it('and a rerun fixes the file with the edit in it', () => {
    const dir = project();
    const file = path.join(dir, 'docs/intro.md');
    fs.appendFileSync(file, '\n<!-- fault: edit -->\n');
    runCli(['--no-cache', '--fix'], dir);
    const run = runCli(['--no-cache', '--fix'], dir);
    expect(run.stderr).toMatch(/已修复 1 个文件：docs\/intro\.md/);
    expect(fs.readFileSync(file, 'utf8')).toContain(AUTHOR_EDIT);
    expect(fs.readFileSync(file, 'utf8')).toContain('托管在 GitHub');
  });
});

describe('what --fix writes', () => {
  it('keeps the file\'s exact mode, and leaves no temp file', async () => {
    const dir = project();
    const file = path.join(dir, 'docs/intro.md');
    fs.chmodSync(file, 0o666);
    const result = await linter(dir).run({path: file, fix: true});
    expect(result.fixed).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o666);
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('bytes that are not UTF-8 text (2)', () => {
  it('are reported at the first bad byte and never rewritten', async () => {
    const dir = project();
    const file = path.join(dir, 'docs/u.md');
    const bytes = Buffer.from('# t\n\nGithub \xff\xfe\xc3( GPT3\n', 'latin1');
    fs.writeFileSync(file, bytes);
    const result = await linter(dir).run({path: file, fix: true});
    expect(fs.readFileSync(file)).toEqual(bytes);
    expect(result.messages).toMatchObject([
      {line: 3, column: 8, severity: 'error', message: expect.stringMatching(/^不是有效的 UTF-8 文本（第 13 个字节起无法解码）/) as unknown},
    ]);
  });

  it('any bytes: a file that is not valid UTF-8 keeps every byte under --fix', async () => {
    const dir = project();
    const file = path.join(dir, 'docs/any.md');
    const lint = linter(dir);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({maxLength: 300}), fc.boolean(), async (tail, prefix) => {
        const bytes = Buffer.concat([Buffer.from(prefix ? '# 标题\n\nGithub ' : ''), Buffer.from(tail)]);
        fs.writeFileSync(file, bytes);
        const result = await lint.run({path: file, fix: true});
        if (!isUtf8(bytes) || bytes.includes(0)) {
          expect(fs.readFileSync(file)).toEqual(bytes);
          expect(result.messages).toHaveLength(1);
          expect(result.fixed).toBeUndefined();
        }
      }),
      {numRuns: 200},
    );
  });

  it('firstInvalidUtf8 agrees with Node on any bytes, and everything before it decodes', () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 64}), fc.string({unit: 'grapheme', maxLength: 8}), (bytes, text) => {
        const buffer = Buffer.concat([Buffer.from(text), Buffer.from(bytes)]);
        const bad = firstInvalidUtf8(buffer);
        expect(bad === undefined).toBe(isUtf8(buffer));
        if (bad) {
          expect(isUtf8(buffer.subarray(0, bad.offset))).toBe(true);
          expect(bad.offset).toBeGreaterThanOrEqual(Buffer.byteLength(text));
        }
      }),
      {numRuns: 2000},
    );
  });
});

describe('a file that cannot be read (3)', () => {
  it('gives one message, and the rest is linted', async () => {
    const dir = project();
    const result = await linter(dir).run({path: path.join(dir, 'docs/gone.md'), fix: false});
    expect(result.messages.map((m) => m.message)).toEqual(['文件不存在（可能在检查期间被删除或移走）']);
  });

  it('a file that vanishes during the run is named; the others are reported', () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, 'docs/a.md'), '# A\n\n<!-- fault: remove zz.md -->\n');
    fs.writeFileSync(path.join(dir, 'docs/zz.md'), '# Z\n\nGithub\n');
    const run = runCli(['--no-cache', '--format', 'json', '--threads', '0'], dir);
    const report = json(run.stdout);
    expect(messagesOf(report, 'docs/zz.md')).toEqual(['文件不存在（可能在检查期间被删除或移走）']);
    expect(messagesOf(report, 'docs/intro.md')).toHaveLength(2);
    expect(run.code).toBe(1);
  });

  const canDropRoot = process.getuid?.() === 0 && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0;
  const isRoot = process.getuid?.() === 0;
  it.skipIf(isRoot && !canDropRoot)('an unreadable file (EACCES, as a non-root user) is named; the others are reported', () => {
    const dir = project();
    const locked = path.join(dir, 'docs/locked.md');
    fs.writeFileSync(locked, '# L\n');
    fs.chmodSync(locked, 0o000);
    let run;
    if (isRoot) {
      spawnSync('chmod', ['-R', 'a+rwX', dir]);
      fs.chmodSync(locked, 0o000);
      const tsx = path.resolve(__dirname, '../../node_modules/.bin/tsx');
      const cli = path.resolve(__dirname, '../engine/cli.ts');
      const result = spawnSync(
        'setpriv',
        ['--reuid=65534', '--regid=65534', '--clear-groups', tsx, cli, '--no-cache', '--format', 'json'],
        {cwd: dir, encoding: 'utf8', env: {...process.env, HOME: dir, LLMBOOK_LINT_PRESET: STAND_IN_PRESET, GITHUB_ACTIONS: ''}},
      );
      run = {code: result.status, stdout: result.stdout, stderr: result.stderr};
    } else {
      run = runCli(['--no-cache', '--format', 'json'], dir);
    }
    const report = json(run.stdout);
    expect(messagesOf(report, 'docs/locked.md')).toEqual(['没有读取权限；请检查文件权限']);
    expect(messagesOf(report, 'docs/intro.md')).toHaveLength(2);
    expect(run.code).toBe(1);
  });
});

describe('limits per file (5)', () => {
  it('a file over the size limit is named with the limit, not read, and the rest is linted', () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, 'docs/big.md'), 'a'.repeat(3 * 1024 * 1024));
    const run = runCli(['--no-cache', '--format', 'json'], dir);
    expect(messagesOf(json(run.stdout), 'docs/big.md')).toEqual([
      '文件有 3.0 MB，超过上限 2.0 MB，没有检查；可在 `.lintrc.yaml` 的 `limits.maxFileBytes` 或命令行 `--max-file-bytes` 调高（0 表示不限）',
    ]);
    expect(messagesOf(json(run.stdout), 'docs/intro.md')).toHaveLength(2);
  });

  it('the size limit comes from .lintrc.yaml and the command line wins', () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, '.lintrc.yaml'), 'limits:\n  maxFileBytes: 100\n');
    const fromConfig = json(runCli(['--no-cache', '--format', 'json', 'docs/intro.md'], dir).stdout);
    expect(messagesOf(fromConfig, 'docs/intro.md')[0]).toMatch(/^文件有 .*，超过上限 100 字节/);
    const fromCli = json(runCli(['--no-cache', '--format', 'json', '--max-file-bytes', '0', 'docs/intro.md'], dir).stdout);
    expect(messagesOf(fromCli, 'docs/intro.md')).toHaveLength(2);
  });

  it('a file that takes longer than the time budget is named, its worker replaced, and the rest of the batch linted', () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, 'docs/a-hang.md'), '# H\n\n<!-- fault: hang -->\n');
    fs.writeFileSync(path.join(dir, 'docs/b-exit.md'), '# E\n\n<!-- fault: exit -->\n');
    const run = runCli(['--no-cache', '--format', 'json', '--file-timeout-seconds', '2', '--threads', '1'], dir);
    const report = json(run.stdout);
    expect(messagesOf(report, 'docs/a-hang.md')[0]).toMatch(/^检查这个文件超过了时间上限 2 秒，已停止/);
    expect(messagesOf(report, 'docs/b-exit.md')[0]).toMatch(/^检查这个文件时工作线程中止（exit code 7）/);
    expect(messagesOf(report, 'docs/intro.md')).toHaveLength(2);
    expect(report.files.map((f) => f.path)).toEqual(['docs/a-hang.md', 'docs/b-exit.md', 'docs/clean.md', 'docs/intro.md', 'docs/sub/broken.md', 'docs/sub/two.md']);
    expect(run.code).toBe(1);
  });

  it('by default a small run has the time budget too (one worker)', () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, '.lintrc.yaml'), 'limits:\n  fileTimeoutSeconds: 2\n');
    fs.writeFileSync(path.join(dir, 'docs/a-hang.md'), '# H\n\n<!-- fault: hang -->\n');
    const run = runCli(['--no-cache', '--format', 'json'], dir);
    expect(messagesOf(json(run.stdout), 'docs/a-hang.md')[0]).toMatch(/^检查这个文件超过了时间上限 2 秒/);
  });

  it('limits on the command line are checked', () => {
    expect(() => parseArgs(['--max-file-bytes', '-1'], {}, '/')).toThrow('`--max-file-bytes` 应为非负数（0 表示不限），例如 `--max-file-bytes 60`；收到 `-1`');
    expect(() => parseArgs(['--file-timeout-seconds', 'soon'], {}, '/')).toThrow(
      '`--file-timeout-seconds` 应为非负数（0 表示不限），例如 `--file-timeout-seconds 60`；收到 `soon`',
    );
    expect(parseArgs(['--file-timeout-seconds=5', '--max-file-bytes', '10'], {}, '/').limits).toEqual({fileTimeoutSeconds: 5, maxFileBytes: 10});
  });
});

describe('a damaged cache (4)', () => {
  /** A cache file with the right format and key whose parts are replaced by anything. */
  function loadWith(dir: string, file: string, parts: {strings?: unknown; entries?: unknown; messages?: unknown}): LintCache {
    const stat = fs.statSync(file);
    const stamp = {mtimeMs: stat.mtimeMs, size: stat.size, hash: sha1(fs.readFileSync(file))};
    const entry = {...stamp, messages: 'messages' in parts ? parts.messages : [[0, 0, 1, 2, -1, -1, 1, 1, 1, 7, 0, 6, -1, -1]], deps: {}};
    const data = {
      format: CACHE_FORMAT,
      key: 'k',
      strings: 'strings' in parts ? parts.strings : ['terminology', 'llmbook', '术语不一致'],
      entries: 'entries' in parts ? parts.entries : {[file]: entry},
    };
    fs.mkdirSync(dir, {recursive: true});
    fs.writeFileSync(path.join(dir, 'cache.json'), JSON.stringify(data));
    return LintCache.load(dir, 'k');
  }

  it('a sound cache is read (the baseline the damaged ones are compared with)', () => {
    const dir = project();
    const file = path.join(dir, 'docs/intro.md');
    expect(loadWith(path.join(dir, 'c'), file, {}).get(file)).toMatchObject([{ruleId: 'terminology', message: '术语不一致', line: 1}]);
  });

  it.each([
    ['strings is an object', {strings: {}}],
    ['entries is null', {entries: null}],
    ['messages is a string', {messages: 'x'}],
    ['the string table was emptied', {strings: []}],
    ['an entry is a number', {entries: {x: 1}}],
  ])('is dropped when %s: the file is linted again, nothing crashes', (_name, parts) => {
    const dir = project();
    const file = path.join(dir, 'docs/intro.md');
    expect(loadWith(path.join(dir, 'c'), file, parts).get(file)).toBeUndefined();
  });

  it('any shape: loading and reading never throw, and a result is only returned for a valid cache', () => {
    const dir = project();
    const file = path.join(dir, 'docs/intro.md');
    const cacheDir = path.join(dir, 'c');
    const anything = fc.jsonValue({maxDepth: 4});
    const packed = fc.array(fc.oneof(fc.integer({min: -3, max: 20}), anything), {maxLength: 20});
    fc.assert(
      fc.property(
        fc.record({strings: fc.oneof(anything, fc.array(fc.string(), {maxLength: 4})), messages: fc.oneof(anything, fc.array(packed, {maxLength: 3}))}, {requiredKeys: []}),
        (parts) => {
          const cache = loadWith(cacheDir, file, parts);
          const stored = JSON.parse(fs.readFileSync(path.join(cacheDir, 'cache.json'), 'utf8')) as unknown;
          const result = cache.get(file);
          if (validCacheData(stored) === undefined) expect(result).toBeUndefined();
          else for (const m of result ?? []) expect(typeof m.message).toBe('string');
        },
      ),
      {numRuns: 500},
    );
  });

  it('a cache of the wrong shape does not stop a CLI run, which rewrites it', () => {
    const dir = project();
    const cacheFile = path.join(dir, 'node_modules/.cache/llmbook-lint/cache.json');
    runCli(['docs/intro.md'], dir);
    const sound = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(cacheFile, JSON.stringify({...sound, strings: {}, entries: null}));
    const run = runCli(['--format', 'json', 'docs/intro.md'], dir);
    expect(messagesOf(json(run.stdout), 'docs/intro.md')).toHaveLength(2);
    expect(validCacheData(JSON.parse(fs.readFileSync(cacheFile, 'utf8')))).toBeDefined();
  });
});

describe('paths (8, 9)', () => {
  it('a path that does not exist is reported and the others are linted (exit 1)', () => {
    const dir = project();
    const run = runCli(['--no-cache', '--format', 'json', 'docs/intro.md', 'docs/nope.md'], dir);
    const report = json(run.stdout);
    expect(messagesOf(report, 'docs/nope.md')).toEqual(['找不到路径 `docs/nope.md`；请给出存在的 Markdown 文件或文件夹，例如 `docs/`']);
    expect(messagesOf(report, 'docs/intro.md')).toHaveLength(2);
    expect(run.code).toBe(1);
  });

  it('symlinks inside the folder are followed (each file once); outside ones and broken ones are named and skipped', () => {
    const dir = project();
    const outside = path.join(dir, 'outside.md');
    fs.writeFileSync(outside, 'Github\n');
    fs.symlinkSync(outside, path.join(dir, 'docs/out.md'));
    fs.symlinkSync('sub', path.join(dir, 'docs/sub-link'));
    fs.symlinkSync('.', path.join(dir, 'docs/loop'));
    fs.symlinkSync('missing.md', path.join(dir, 'docs/broken-link.md'));
    fs.mkdirSync(path.join(dir, 'docs/real'));
    fs.writeFileSync(path.join(dir, 'docs/real/only.md'), '# 只在链接后面\n\nGithub\n');
    fs.renameSync(path.join(dir, 'docs/real'), path.join(dir, 'docs/sub/real'));
    fs.symlinkSync('sub/real/only.md', path.join(dir, 'docs/alias.md'));
    const report = json(runCli(['--no-cache', '--format', 'json'], dir).stdout);
    expect(report.files.map((f) => f.path).sort()).toEqual(
      ['docs/broken-link.md', 'docs/clean.md', 'docs/intro.md', 'docs/out.md', 'docs/sub/broken.md', 'docs/sub/real/only.md', 'docs/sub/two.md'].sort(),
    );
    expect(messagesOf(report, 'docs/out.md')[0]).toMatch(/^跳过符号链接：它指向检查范围之外的 `.*outside\.md`/);
    expect(messagesOf(report, 'docs/broken-link.md')).toEqual(['跳过符号链接：文件不存在（可能在检查期间被删除或移走）']);
  });

  it('a symlink loop named on the command line says so', () => {
    const dir = project();
    fs.symlinkSync('b.md', path.join(dir, 'a.md'));
    fs.symlinkSync('a.md', path.join(dir, 'b.md'));
    const report = json(runCli(['--no-cache', '--format', 'json', 'a.md', 'docs/clean.md'], dir).stdout);
    expect(messagesOf(report, 'a.md')).toEqual(['无法检查 `a.md`：符号链接形成循环，找不到真正的文件']);
  });

  it('--fix through a symlink writes its target and keeps the link', () => {
    const dir = project();
    fs.symlinkSync('intro.md', path.join(dir, 'docs/link.md'));
    runCli(['--no-cache', '--fix', 'docs/link.md'], dir);
    expect(fs.lstatSync(path.join(dir, 'docs/link.md')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'docs/intro.md'), 'utf8')).toContain('托管在 GitHub');
  });
});

describe('the issue-13 tree: every bad file at once', () => {
  it('finishes, lints every other file and names each bad one', () => {
    const dir = project();
    const docs = (name: string): string => path.join(dir, 'docs', name);
    fs.writeFileSync(docs('binary.md'), Buffer.from(Array.from({length: 4096}, (_, i) => (i * 7919) % 256)));
    fs.writeFileSync(docs('line.md'), 'x'.repeat(20 * 1024 * 1024));
    fs.writeFileSync(docs('a-remover.md'), '# R\n\n<!-- fault: remove vanished.md -->\n');
    fs.writeFileSync(docs('vanished.md'), '# V\n');
    const cacheFile = path.join(dir, 'node_modules/.cache/llmbook-lint/cache.json');
    fs.mkdirSync(cacheFile, {recursive: true}); // the worst damage: a folder where the cache should be
    const run = runCli(['--format', 'json', '--threads', '0'], dir);
    const report = json(run.stdout);
    expect(messagesOf(report, 'docs/binary.md')[0]).toMatch(/^不是有效的 UTF-8 文本/);
    expect(messagesOf(report, 'docs/line.md')[0]).toMatch(/^文件有 20\.0 MB，超过上限 2\.0 MB/);
    expect(messagesOf(report, 'docs/vanished.md')[0]).toMatch(/^文件不存在/);
    expect(messagesOf(report, 'docs/intro.md')).toHaveLength(2);
    expect(run.stderr).toMatch(/^无法写入 lint 缓存 `node_modules\/\.cache\/llmbook-lint\/cache\.json`/);
    expect(fs.readdirSync(path.dirname(cacheFile))).toEqual(['cache.json']); // no temp file left
    expect(run.code).toBe(1);
  });
});
