/**
 * Checks a list of links: excluded ones are skipped, fresh cache entries reused, the
 * rest checked over HTTP under the overall and per-host limits.
 */
import type {ResultCache} from './cache';
import {UrlChecker} from './check-url';
import {isExcluded} from './config';
import {HostLimiter} from './limiter';
import type {CheckOptions} from './options';
import type {CheckResult, Link} from './types';

export interface RunInput {
  links: Link[];
  options: CheckOptions;
  exclude: readonly RegExp[];
  /** Omit to check everything and remember nothing. */
  cache?: ResultCache;
  /** The clock for cache ages; tests set it. */
  now?: () => Date;
  /** Called after each link with the number done so far. */
  onProgress?: (done: number, total: number) => void;
}

export async function checkLinks(input: RunInput): Promise<CheckResult[]> {
  const now = input.now ?? (() => new Date());
  const checker = new UrlChecker(input.options, new HostLimiter(input.options.concurrency, input.options.perHostConcurrency));
  let done = 0;
  const results = await Promise.all(
    input.links.map(async (link) => {
      const result = await checkOne(link, checker, input, now);
      done += 1;
      input.onProgress?.(done, input.links.length);
      return result;
    }),
  );
  return results;
}

async function checkOne(link: Link, checker: UrlChecker, input: RunInput, now: () => Date): Promise<CheckResult> {
  const base = {url: link.url, locations: link.locations};
  if (isExcluded(link.url, input.exclude)) {
    return {...base, status: 'skipped', detail: '按配置排除', requests: 0, cached: false};
  }
  const cached = input.cache?.get(link.url, now());
  if (cached !== undefined) {
    const {status, httpStatus, newUrl, detail} = cached;
    return {...base, status, httpStatus, newUrl, detail, requests: 0, cached: true};
  }
  const verdict = await checker.check(link.url);
  input.cache?.record(link.url, verdict, now());
  return {...base, ...verdict, cached: false};
}
