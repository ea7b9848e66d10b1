import {execFile} from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {CheckResult} from '../types';
import type {LocalServer} from './local-server';
import {startLocalServer} from './local-server';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'scripts/check-links/cli.ts');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(TSX, [CLI, ...args], {cwd: ROOT, env: {...process.env, NO_COLOR: '1'}}, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({code, stdout, stderr});
    });
  });
}

let server: LocalServer;
let dir: string;
beforeAll(async () => {
  server = await startLocalServer();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'check-links-cli-'));
  await fs.mkdir(path.join(dir, 'docs'));
  await fs.writeFile(
    path.join(dir, 'docs/a.md'),
    `# 章\n\n见[正常](${server.origin}/ok)和[失效](${server.origin}/gone-404)。\n\n[排除](https://example.com/)\n`,
  );
  await fs.writeFile(
    path.join(dir, 'config.json'),
    JSON.stringify({exclude: ['^https://example\\.com/'], timeoutMs: 10_000, retries: 0, cacheFile: path.join(dir, 'cache.json'), allowPrivateAddresses: true}),
  );
});
afterAll(async () => {
  await server.close();
  await fs.rm(dir, {recursive: true, force: true});
});

describe('npm run check:links', () => {
  it('exits 1 with a dead link, prints JSON, writes the Markdown report and caches the success', async () => {
    const report = path.join(dir, 'report.md');
    const run = await runCli(['--json', '--config', path.join(dir, 'config.json'), '--report-md', report, path.join(dir, 'docs')]);
    expect(run.code).toBe(1);
    const parsed = JSON.parse(run.stdout) as {summary: Record<string, number>; results: CheckResult[]};
    expect(parsed.summary).toEqual({ok: 1, redirected: 0, dead: 1, unknown: 0, skipped: 1});
    // `见[正常](<origin>/ok)和[失效]`: the second link starts 12 characters after the origin.
    const deadColumn = server.origin.length + 12;
    const dead = parsed.results.find((result) => result.status === 'dead');
    expect(dead?.url).toBe(`${server.origin}/gone-404`);
    expect(dead?.locations).toEqual([{file: path.relative(ROOT, path.join(dir, 'docs/a.md')), line: 3, column: deadColumn}]);
    expect(await fs.readFile(report, 'utf8')).toContain(`| \`${server.origin}/gone-404\` | HTTP 404 |`);
    const cache = JSON.parse(await fs.readFile(path.join(dir, 'cache.json'), 'utf8')) as {entries: Record<string, unknown>};
    expect(Object.keys(cache.entries)).toEqual([`${server.origin}/ok`]);
  });

  it('exits 2 and names the file and position when the config is wrong', async () => {
    const run = await runCli(['--config', path.join(__dirname, '../__fixtures__/config-unknown-key.json'), '--no-cache', path.join(dir, 'docs')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('config-unknown-key.json:3:3：未知的配置项 `timeout`');
  });

  it('exits 2 on a --max-age that is not a number of days', async () => {
    const run = await runCli(['--max-age', 'soon', '--config', path.join(dir, 'config.json'), path.join(dir, 'docs')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('check:links：--max-age 应为不小于 0 的天数，如 --max-age 28，收到 `soon`\n');
  });
});
