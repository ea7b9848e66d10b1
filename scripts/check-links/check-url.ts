/**
 * Checks one URL over HTTP: HEAD first, GET when HEAD is refused or says not found; redirects followed
 * by hand so permanent ones can be reported; retries with backoff on network errors,
 * timeouts and 5xx; `Retry-After` honoured on 429.
 */
import {refusedAddress} from './addresses';
import {PRIVATE_ADDRESS_CODE} from './addresses';
import type {HostLimiter} from './limiter';
import type {CheckOptions} from './options';
import type {Verdict} from './types';

/**
 * HEAD answers that GET is asked to confirm: 403/405/501 are how servers refuse HEAD,
 * and a 404/410 to HEAD alone is not trusted either (some servers only route GET), so a
 * link is only called dead on what a browser would get.
 */
const ASK_GET_AFTER_HEAD = new Set([403, 404, 405, 410, 501]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PERMANENT_REDIRECTS = new Set([301, 308]);
const DEAD_STATUSES = new Set([404, 410]);

interface Answer {
  kind: 'answer';
  status: number;
  location: string | null;
  retryAfter: string | null;
}

export interface FetchFailure {
  kind: 'failure';
  /** `dns`: the host does not exist (dead); the others are worth a retry. */
  reason: 'timeout' | 'dns' | 'network' | 'refused';
  detail: string;
}

type Outcome = Answer | FetchFailure;

/** Requests made while checking one URL. */
interface Counter {
  requests: number;
}

interface Hop {
  status: number;
  to: string;
}

/** Sorts an error thrown by fetch into timeout, unknown host, or other network trouble. */
export function classifyFetchError(error: unknown, timeoutMs: number): FetchFailure {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return {kind: 'failure', reason: 'timeout', detail: `超时（${timeoutMs} ms 内没有响应）`};
  }
  const code = errorCode(error);
  if (code === PRIVATE_ADDRESS_CODE) {
    return {kind: 'failure', reason: 'refused', detail: causeMessage(error)};
  }
  if (code === 'ENOTFOUND') {
    return {kind: 'failure', reason: 'dns', detail: `域名无法解析（${code}）`};
  }
  const message = error instanceof Error ? error.message : String(error);
  return {kind: 'failure', reason: 'network', detail: `网络错误（${code ?? message}）`};
}

/** The message of the innermost error that has a code (our refusal's sentence). */
function causeMessage(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Object; depth += 1) {
    if (typeof (current as {code?: unknown}).code === 'string' && current instanceof Error) return current.message;
    current = (current as {cause?: unknown}).cause;
  }
  return error instanceof Error ? error.message : String(error);
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Object; depth += 1) {
    const code = (current as {code?: unknown}).code;
    if (typeof code === 'string') return code;
    current = (current as {cause?: unknown}).cause;
  }
  return undefined;
}

/**
 * Milliseconds a `Retry-After` header asks to wait: delta-seconds or an HTTP date
 * (RFC 9110, section 10.2.3); `undefined` when the value is neither.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

export class UrlChecker {
  private requests = 0;

  constructor(
    private readonly options: CheckOptions,
    private readonly limiter: HostLimiter,
  ) {}

  /** Requests made by this checker so far, over all URLs. */
  get requestCount(): number {
    return this.requests;
  }

  async check(url: string): Promise<Verdict> {
    const counter = {requests: 0};
    const verdict = await this.follow(url, counter);
    return {...verdict, requests: counter.requests};
  }

  private async follow(url: string, counter: Counter): Promise<Omit<Verdict, 'requests'>> {
    const visited = [url];
    const hops: Hop[] = [];
    let current = url;
    for (;;) {
      // Every hop: an allowed host may redirect to 127.0.0.1.
      const refused = this.options.allowPrivateAddresses ? undefined : await refusedAddress(current, this.options.resolveHost);
      if (refused) return {status: 'skipped', detail: hops.length > 0 ? `重定向到 ${current}：${refused}` : refused};
      const outcome = await this.withRetries(current, counter);
      if (outcome.kind === 'failure') {
        if (outcome.reason === 'refused') return {status: 'skipped', detail: hops.length > 0 ? `重定向到 ${current}：${outcome.detail}` : outcome.detail};
        return {status: outcome.reason === 'dns' ? 'dead' : 'unknown', detail: outcome.detail};
      }
      if (!(REDIRECTS.has(outcome.status) && outcome.location !== null)) {
        return judge(outcome.status, hops);
      }
      const next = resolveLocation(outcome.location, current);
      if (next === undefined) {
        return {status: 'dead', httpStatus: outcome.status, detail: `重定向目标无效：\`${outcome.location}\``};
      }
      hops.push({status: outcome.status, to: next});
      if (visited.includes(next)) {
        return {status: 'dead', httpStatus: outcome.status, detail: `重定向循环：${[...visited, next].join(' → ')}`};
      }
      if (hops.length > this.options.maxRedirects) {
        return {status: 'dead', httpStatus: outcome.status, detail: `重定向超过 ${this.options.maxRedirects} 次`};
      }
      visited.push(next);
      current = next;
    }
  }

  private async withRetries(url: string, counter: Counter): Promise<Outcome> {
    let outcome: Outcome = await this.headThenGet(url, counter);
    for (let retry = 1; retry <= this.options.retries; retry += 1) {
      const wait = this.waitBeforeRetry(outcome, retry);
      if (wait === undefined) return outcome;
      await this.options.sleep(wait);
      outcome = await this.headThenGet(url, counter);
    }
    return outcome;
  }

  /** How long to wait before retry number `retry`, or `undefined` when retrying is pointless. */
  private waitBeforeRetry(outcome: Outcome, retry: number): number | undefined {
    const backoff = this.options.backoffMs * 2 ** (retry - 1);
    if (outcome.kind === 'failure') return outcome.reason === 'dns' || outcome.reason === 'refused' ? undefined : backoff;
    if (outcome.status === 429) {
      const asked = parseRetryAfter(outcome.retryAfter, Date.now());
      if (asked === undefined) return backoff;
      return asked <= this.options.maxRetryAfterMs ? asked : undefined;
    }
    return outcome.status >= 500 ? backoff : undefined;
  }

  private async headThenGet(url: string, counter: Counter): Promise<Outcome> {
    const head = await this.request(url, 'HEAD', counter);
    if (head.kind === 'answer' && ASK_GET_AFTER_HEAD.has(head.status)) return this.request(url, 'GET', counter);
    return head;
  }

  private request(url: string, method: 'HEAD' | 'GET', counter: Counter): Promise<Outcome> {
    return this.limiter.run(new URL(url).host, async () => {
      this.requests += 1;
      counter.requests += 1;
      try {
        const response = await this.options.fetch(url, {
          method,
          redirect: 'manual',
          signal: AbortSignal.timeout(this.options.timeoutMs),
          headers: {'user-agent': this.options.userAgent, accept: '*/*'},
        });
        // Only the status matters: drop the body so the connection is freed.
        await response.body?.cancel();
        return {
          kind: 'answer' as const,
          status: response.status,
          location: response.headers.get('location'),
          retryAfter: response.headers.get('retry-after'),
        };
      } catch (error) {
        return classifyFetchError(error, this.options.timeoutMs);
      }
    });
  }
}

function resolveLocation(location: string, base: string): string | undefined {
  try {
    const next = new URL(location, base);
    return next.protocol === 'http:' || next.protocol === 'https:' ? next.href : undefined;
  } catch {
    // An unparsable Location header is reported as such by the caller.
    return undefined;
  }
}

function judge(status: number, hops: Hop[]): Omit<Verdict, 'requests'> {
  const via = hops.length > 0 ? `，经 ${hops.length} 次重定向` : '';
  if (status >= 200 && status < 300) {
    const permanent = hops.filter((hop) => PERMANENT_REDIRECTS.has(hop.status)).at(-1);
    if (permanent === undefined) return {status: 'ok', httpStatus: status, detail: `HTTP ${status}${via}`};
    return {
      status: 'redirected',
      httpStatus: status,
      newUrl: permanent.to,
      detail: `永久重定向（HTTP ${permanent.status}），应改为 ${permanent.to}`,
    };
  }
  if (DEAD_STATUSES.has(status)) return {status: 'dead', httpStatus: status, detail: `HTTP ${status}${via}`};
  return {status: 'unknown', httpStatus: status, detail: `HTTP ${status}${via}`};
}
