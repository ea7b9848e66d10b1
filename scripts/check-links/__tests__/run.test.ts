import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {ResultCache} from '../cache';
import type {CheckOptions} from '../options';
import {DEFAULT_OPTIONS} from '../options';
import {checkLinks} from '../run';
import type {Link} from '../types';
import type {LocalServer} from './local-server';
import {startLocalServer} from './local-server';

const DAY_MS = 24 * 60 * 60 * 1000;
const OPTIONS: CheckOptions = {
  ...DEFAULT_OPTIONS,
  timeoutMs: 5_000,
  retries: 0,
  backoffMs: 1,
  sleep: async () => undefined,
  allowPrivateAddresses: true, // the test server is on 127.0.0.1
};

let server: LocalServer;
let other: LocalServer;
let dir: string;
beforeAll(async () => {
  [server, other] = await Promise.all([startLocalServer(), startLocalServer()]);
});
afterAll(async () => {
  await Promise.all([server.close(), other.close()]);
});
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'check-links-'));
});
afterEach(async () => {
  await fs.rm(dir, {recursive: true, force: true});
});

function link(url: string): Link {
  return {url, locations: [{file: 'docs/a.md', line: 3, column: 5}]};
}

describe('checkLinks', () => {
  it('skips excluded URLs without a request and keeps their locations', async () => {
    const before = server.log.length;
    const [result] = await checkLinks({
      links: [link(`${server.origin}/ok`)],
      options: OPTIONS,
      exclude: [/^http:\/\/127\.0\.0\.1:/],
    });
    expect(result).toEqual({
      url: `${server.origin}/ok`,
      locations: [{file: 'docs/a.md', line: 3, column: 5}],
      status: 'skipped',
      detail: '按配置排除',
      requests: 0,
      cached: false,
    });
    expect(server.log.length).toBe(before);
  });

  it('answers a fresh cached success from the cache, without a request', async () => {
    const cacheFile = path.join(dir, 'cache.json');
    const url = `${server.origin}/moved-301`;
    const day1 = new Date('2025-03-01T00:00:00Z');
    const first = await ResultCache.load(cacheFile, 7 * DAY_MS);
    const [checked] = await checkLinks({links: [link(url)], options: OPTIONS, exclude: [], cache: first.cache, now: () => day1});
    await first.cache.save(day1);
    expect(checked.cached).toBe(false);
    const requestsAfterFirstRun = server.count('/moved-301');

    const day3 = new Date(day1.getTime() + 2 * DAY_MS);
    const second = await ResultCache.load(cacheFile, 7 * DAY_MS);
    const [cached] = await checkLinks({links: [link(url)], options: OPTIONS, exclude: [], cache: second.cache, now: () => day3});
    expect(server.count('/moved-301')).toBe(requestsAfterFirstRun);
    expect(cached).toEqual({...checked, requests: 0, cached: true});
  });

  it('checks a cached success again once it is older than the max age', async () => {
    const cacheFile = path.join(dir, 'cache.json');
    const url = `${server.origin}/ok`;
    const day1 = new Date('2025-03-01T00:00:00Z');
    const first = await ResultCache.load(cacheFile, 7 * DAY_MS);
    await checkLinks({links: [link(url)], options: OPTIONS, exclude: [], cache: first.cache, now: () => day1});
    await first.cache.save(day1);
    const requests = server.count('/ok');

    const day9 = new Date(day1.getTime() + 8 * DAY_MS);
    const second = await ResultCache.load(cacheFile, 7 * DAY_MS);
    const [result] = await checkLinks({links: [link(url)], options: OPTIONS, exclude: [], cache: second.cache, now: () => day9});
    expect(result.cached).toBe(false);
    expect(server.count('/ok')).toBe(requests + 1);
  });

  it('never caches a dead or unknown link, and writes only successes to the file', async () => {
    const cacheFile = path.join(dir, 'cache.json');
    const now = new Date('2025-03-01T00:00:00Z');
    const urls = [`${server.origin}/ok`, `${server.origin}/gone-404`, `${server.origin}/always-503`];
    const loaded = await ResultCache.load(cacheFile, 7 * DAY_MS);
    await checkLinks({links: urls.map(link), options: OPTIONS, exclude: [], cache: loaded.cache, now: () => now});
    await loaded.cache.save(now);
    expect(JSON.parse(await fs.readFile(cacheFile, 'utf8'))).toEqual({
      version: 1,
      entries: {
        [`${server.origin}/ok`]: {status: 'ok', httpStatus: 200, detail: 'HTTP 200', checkedAt: '2025-03-01T00:00:00.000Z'},
      },
    });

    const requests404 = server.count('/gone-404');
    const again = await ResultCache.load(cacheFile, 7 * DAY_MS);
    const results = await checkLinks({links: urls.map(link), options: OPTIONS, exclude: [], cache: again.cache, now: () => now});
    expect(results.map((result) => [result.status, result.cached])).toEqual([
      ['ok', true],
      ['dead', false],
      ['unknown', false],
    ]);
    expect(server.count('/gone-404')).toBe(requests404 + 2);
  });

  it('keeps requests to each host at or below the per-host limit', async () => {
    const links = [server, other].flatMap((target) =>
      Array.from({length: 8}, (_, index) => link(`${target.origin}/pause/${index}`)),
    );
    const results = await checkLinks({
      links,
      options: {...OPTIONS, concurrency: 3, perHostConcurrency: 2},
      exclude: [],
    });
    expect(results.every((result) => result.status === 'ok')).toBe(true);
    expect(server.maxInFlight()).toBeLessThanOrEqual(2);
    expect(other.maxInFlight()).toBeLessThanOrEqual(2);
  });

  it('reports progress once per link', async () => {
    const seen: string[] = [];
    await checkLinks({
      links: [link(`${server.origin}/ok`), link(`${server.origin}/gone-410`)],
      options: OPTIONS,
      exclude: [],
      onProgress: (done, total) => seen.push(`${done}/${total}`),
    });
    expect(seen).toEqual(['1/2', '2/2']);
  });
});

describe('ResultCache.load', () => {
  it('starts empty with a warning when the file is not a cache', async () => {
    const cacheFile = path.join(dir, 'cache.json');
    await fs.writeFile(cacheFile, '{"entries": []');
    const loaded = await ResultCache.load(cacheFile, DAY_MS);
    expect(loaded.warning).toBe(
      `链接缓存 ${cacheFile} 不是本工具写的 JSON（应为 {"version": 1, "entries": {…}}），本次忽略并重新检查`,
    );
    expect(loaded.cache.get('https://example.org/', new Date())).toBeUndefined();
  });
});
