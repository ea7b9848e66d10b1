import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {classifyFetchError, parseRetryAfter, UrlChecker} from '../check-url';
import {HostLimiter} from '../limiter';
import type {CheckOptions} from '../options';
import {DEFAULT_OPTIONS} from '../options';
import type {LocalServer} from './local-server';
import {startLocalServer} from './local-server';

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(async () => {
  await server.close();
});

/**
 * One retry, short backoffs and a `sleep` that records the wait instead of waiting.
 * The timeout is generous (a loaded machine must not time out on /ok); the timeout
 * test sets its own short one.
 */
function fastOptions(sleeps: number[], overrides: Partial<CheckOptions> = {}): CheckOptions {
  return {
    ...DEFAULT_OPTIONS,
    timeoutMs: 5_000,
    retries: 1,
    backoffMs: 5,
    maxRetryAfterMs: 10_000,
    allowPrivateAddresses: true, // the test server is on 127.0.0.1; see addresses.test.ts
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  };
}

function checker(sleeps: number[] = [], overrides: Partial<CheckOptions> = {}): UrlChecker {
  return new UrlChecker(fastOptions(sleeps, overrides), new HostLimiter(4, 2));
}

describe('UrlChecker against a local server', () => {
  it('calls a 200 answer ok after one HEAD request', async () => {
    const verdict = await checker().check(`${server.origin}/ok`);
    expect(verdict).toEqual({status: 'ok', httpStatus: 200, detail: 'HTTP 200', requests: 1});
  });

  it('reports a 301 to a 200 as redirected with the new URL', async () => {
    const verdict = await checker().check(`${server.origin}/moved-301`);
    expect(verdict).toEqual({
      status: 'redirected',
      httpStatus: 200,
      newUrl: `${server.origin}/ok`,
      detail: `永久重定向（HTTP 301），应改为 ${server.origin}/ok`,
      requests: 2,
    });
  });

  it('reports a 308 to a 200 as redirected', async () => {
    const verdict = await checker().check(`${server.origin}/moved-308`);
    expect(verdict.status).toBe('redirected');
    expect(verdict.newUrl).toBe(`${server.origin}/ok`);
  });

  it('calls a temporary 302 to a 200 ok, not redirected', async () => {
    const verdict = await checker().check(`${server.origin}/temporary-302`);
    expect(verdict).toEqual({status: 'ok', httpStatus: 200, detail: 'HTTP 200，经 1 次重定向', requests: 2});
  });

  it('calls a 308 loop dead and names the loop', async () => {
    const verdict = await checker().check(`${server.origin}/loop-a`);
    expect(verdict).toEqual({
      status: 'dead',
      httpStatus: 308,
      detail: `重定向循环：${server.origin}/loop-a → ${server.origin}/loop-b → ${server.origin}/loop-a`,
      requests: 2,
    });
  });

  it('calls a chain longer than maxRedirects dead', async () => {
    const verdict = await checker([], {maxRedirects: 0}).check(`${server.origin}/moved-301`);
    expect(verdict).toEqual({status: 'dead', httpStatus: 301, detail: '重定向超过 0 次', requests: 1});
  });

  it('calls 404 dead once GET confirms the HEAD answer, without retrying', async () => {
    const sleeps: number[] = [];
    const before = server.log.length;
    const verdict = await checker(sleeps).check(`${server.origin}/gone-404`);
    expect(verdict).toEqual({status: 'dead', httpStatus: 404, detail: 'HTTP 404', requests: 2});
    expect(server.log.slice(before)).toEqual(['HEAD /gone-404', 'GET /gone-404']);
    expect(sleeps).toEqual([]);
  });

  it('calls 410 dead', async () => {
    const verdict = await checker().check(`${server.origin}/gone-410`);
    expect(verdict).toEqual({status: 'dead', httpStatus: 410, detail: 'HTTP 410', requests: 2});
  });

  it('trusts GET over a HEAD that says 404', async () => {
    const verdict = await checker().check(`${server.origin}/head-404`);
    expect(verdict).toEqual({status: 'ok', httpStatus: 200, detail: 'HTTP 200', requests: 2});
  });

  it('waits as long as Retry-After asks after a 429, then sees the 200', async () => {
    const sleeps: number[] = [];
    const verdict = await checker(sleeps).check(`${server.origin}/busy-then-ok`);
    expect(verdict).toEqual({status: 'ok', httpStatus: 200, detail: 'HTTP 200', requests: 2});
    expect(sleeps).toEqual([2000]);
  });

  it('gives up at once, as unknown, when Retry-After is longer than maxRetryAfterMs', async () => {
    const sleeps: number[] = [];
    const verdict = await checker(sleeps).check(`${server.origin}/busy-long`);
    expect(verdict).toEqual({status: 'unknown', httpStatus: 429, detail: 'HTTP 429', requests: 1});
    expect(sleeps).toEqual([]);
  });

  it('retries a 500 after the backoff and then sees the 200', async () => {
    const sleeps: number[] = [];
    const verdict = await checker(sleeps).check(`${server.origin}/error-then-ok`);
    expect(verdict).toEqual({status: 'ok', httpStatus: 200, detail: 'HTTP 200', requests: 2});
    expect(sleeps).toEqual([5]);
  });

  it('calls a lasting 503 unknown after the retries, doubling the backoff', async () => {
    const sleeps: number[] = [];
    const verdict = await checker(sleeps, {retries: 2}).check(`${server.origin}/always-503`);
    expect(verdict).toEqual({status: 'unknown', httpStatus: 503, detail: 'HTTP 503', requests: 3});
    expect(sleeps).toEqual([5, 10]);
  });

  it('falls back to GET when HEAD is answered 405', async () => {
    const before = server.log.length;
    const verdict = await checker().check(`${server.origin}/no-head`);
    expect(verdict).toEqual({status: 'ok', httpStatus: 200, detail: 'HTTP 200', requests: 2});
    expect(server.log.slice(before)).toEqual(['HEAD /no-head', 'GET /no-head']);
  });

  it('calls a 403 to both HEAD and GET unknown, not dead', async () => {
    const verdict = await checker().check(`${server.origin}/forbidden`);
    expect(verdict).toEqual({status: 'unknown', httpStatus: 403, detail: 'HTTP 403', requests: 2});
  });

  it('calls a response slower than the timeout unknown after the retries', async () => {
    const sleeps: number[] = [];
    const verdict = await checker(sleeps, {timeoutMs: 100}).check(`${server.origin}/slow`);
    expect(verdict).toEqual({status: 'unknown', detail: '超时（100 ms 内没有响应）', requests: 2});
    expect(sleeps).toEqual([5]);
  });

  it('calls a host that does not resolve dead without retrying', async () => {
    const sleeps: number[] = [];
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND no-such-host.invalid'), {code: 'ENOTFOUND'});
    const fetchFails: typeof fetch = async () => {
      throw new TypeError('fetch failed', {cause: notFound});
    };
    const verdict = await checker(sleeps, {fetch: fetchFails}).check('https://no-such-host.invalid/');
    expect(verdict).toEqual({status: 'dead', detail: '域名无法解析（ENOTFOUND）', requests: 1});
    expect(sleeps).toEqual([]);
  });
});

describe('classifyFetchError', () => {
  it('reads a connection refusal from the error cause', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), {code: 'ECONNREFUSED'});
    expect(classifyFetchError(new TypeError('fetch failed', {cause: refused}), 100)).toEqual({
      kind: 'failure',
      reason: 'network',
      detail: '网络错误（ECONNREFUSED）',
    });
  });

  it('calls a TimeoutError a timeout', () => {
    expect(classifyFetchError(new DOMException('timed out', 'TimeoutError'), 100).reason).toBe('timeout');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
  });

  it('reads an HTTP date', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
  });

  it('treats a date in the past as no wait', () => {
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
  });

  it('ignores a value that is neither', () => {
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
