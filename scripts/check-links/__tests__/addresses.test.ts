/**
 * Issue 13, point 13: the link checker never requests loopback, private or
 * link-local addresses, neither as written nor through DNS nor after a redirect.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {guardedFetch, isPrivateAddress, refusedAddress} from '../addresses';
import {UrlChecker} from '../check-url';
import {parseConfig} from '../config';
import {HostLimiter} from '../limiter';
import {DEFAULT_OPTIONS, type CheckOptions} from '../options';
import {startLocalServer, type LocalServer} from './local-server';

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(async () => {
  await server.close();
});

const checker = (overrides: Partial<CheckOptions> = {}): UrlChecker =>
  new UrlChecker({...DEFAULT_OPTIONS, timeoutMs: 5_000, retries: 0, sleep: async () => undefined, ...overrides}, new HostLimiter(4, 2));

describe('isPrivateAddress', () => {
  it.each(['127.0.0.1', '127.0.0.2', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', 'ff02::1'])(
    'refuses %s',
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );
  it.each(['93.184.216.34', '140.82.112.3', '2606:4700::6810:85e5', '::ffff:8.8.8.8', '8.8.8.8'])('allows %s', (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );
});

describe('the checker', () => {
  it('refuses a loopback address written in the URL, with no request made', async () => {
    let requests = 0;
    const fetchCounted: typeof fetch = async () => {
      requests++;
      return new Response(null, {status: 200});
    };
    for (const url of ['http://127.0.0.2/', 'http://[::1]:8080/x', 'http://169.254.169.254/latest/meta-data/']) {
      const verdict = await checker({fetch: fetchCounted}).check(url);
      expect(verdict.status).toBe('skipped');
      expect(verdict.detail).toMatch(/^拒绝请求本机、内网或链路本地地址 `(127\.0\.0\.2|::1|169\.254\.169\.254)`/);
    }
    expect(requests).toBe(0);
  });

  it('refuses a host name that resolves to a private address', async () => {
    const verdict = await checker({resolveHost: async () => ['93.184.216.34', '10.0.0.5']}).check('https://intranet.example.org/');
    expect(verdict).toEqual({
      status: 'skipped',
      detail: '拒绝请求本机、内网或链路本地地址 `10.0.0.5`（`intranet.example.org` 解析为 `10.0.0.5`）；确需检查时在 config.json 设 `"allowPrivateAddresses": true`',
      requests: 0,
    });
  });

  it('refuses a redirect from an allowed host to 127.0.0.1', async () => {
    // `public.test` stands for an allowed host: it "resolves" to a public address and answers 302 to the local server.
    const before = server.log.length;
    const redirecting: typeof fetch = async () => new Response(null, {status: 302, headers: {location: `${server.origin}/ok`}});
    const verdict = await checker({fetch: redirecting, resolveHost: async () => ['93.184.216.34']}).check('http://public.test/moved');
    expect(verdict.status).toBe('skipped');
    expect(verdict.detail).toBe(
      `重定向到 ${server.origin}/ok：拒绝请求本机、内网或链路本地地址 \`127.0.0.1\`；确需检查时在 config.json 设 \`"allowPrivateAddresses": true\``,
    );
    expect(verdict.requests).toBe(1);
    expect(server.log.length).toBe(before); // the local server was never asked
  });

  it('requests private addresses when configured to', async () => {
    expect(parseConfig('{"allowPrivateAddresses": true}', 'c.json').allowPrivateAddresses).toBe(true);
    expect(() => parseConfig('{"allowPrivateAddresses": "yes"}', 'c.json')).toThrow('c.json:1:27：`allowPrivateAddresses` 应为 true 或 false');
    expect((await checker({allowPrivateAddresses: true}).check(`${server.origin}/ok`)).status).toBe('ok');
  });

  it('refuses at connect time a name whose DNS answer turned private after the check (rebinding)', async () => {
    // The check before the request sees a public address; the connection's own lookup then gets 127.0.0.1.
    const port = new URL(server.origin).port;
    const before = server.log.length;
    const rebinding = guardedFetch(false, (_host, _options, callback) => callback(null, [{address: '127.0.0.1', family: 4}]));
    const verdict = await checker({fetch: rebinding, resolveHost: async () => ['93.184.216.34']}).check(`http://rebind.test:${port}/ok`);
    expect(verdict).toEqual({
      status: 'skipped',
      detail: '连接时 `rebind.test` 解析为本机、内网或链路本地地址 `127.0.0.1`，已拒绝',
      requests: 1,
    });
    expect(server.log.length).toBe(before); // the connection was never made
    // The same name resolving to the server is requested when private addresses are allowed.
    const allowed = guardedFetch(true);
    expect((await checker({fetch: allowed, allowPrivateAddresses: true}).check(`${server.origin}/ok`)).status).toBe('ok');
  });

  it('leaves a host that does not resolve to the request (reported as such)', async () => {
    expect(await refusedAddress('https://no-such-host.invalid/', async () => Promise.reject(new Error('ENOTFOUND')))).toBeUndefined();
  });
});
