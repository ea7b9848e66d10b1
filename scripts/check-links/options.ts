/**
 * Options of the external link checker. `DEFAULT_OPTIONS` holds every default;
 * `config.json` next to this file overrides them for the project, tests inject
 * their own (short timeouts, a recording `sleep`).
 */
import {guardedFetch, resolveHost, type ResolveHost} from './addresses';

export interface CheckOptions {
  /** Milliseconds a request may wait for response headers before it counts as a timeout. */
  timeoutMs: number;
  /** Extra attempts after the first one on network errors, timeouts, 429 and 5xx. */
  retries: number;
  /** Wait before the first retry; doubled for each further retry. */
  backoffMs: number;
  /** Longest `Retry-After` the checker waits for; a longer one leaves the link `unknown`. */
  maxRetryAfterMs: number;
  /** Redirects followed before the link counts as `dead`. */
  maxRedirects: number;
  /** Requests in flight at once, over all hosts. */
  concurrency: number;
  /** Requests in flight at once to one host (`host:port`). */
  perHostConcurrency: number;
  /** Sent with every request; some sites refuse requests without one. */
  userAgent: string;
  /** Waits between attempts; tests replace it to record the waits and skip them. */
  sleep: (ms: number) => Promise<void>;
  /** The HTTP client: undici's fetch, checking each connection's address (`guardedFetch`); tests replace it. */
  fetch: typeof fetch;
  /** Request loopback, private and link-local addresses too (see addresses.ts); off by default. */
  allowPrivateAddresses: boolean;
  /** Host name → its addresses (DNS); tests replace it. */
  resolveHost: ResolveHost;
}

/** Project settings read from `config.json`; all optional. */
export interface ConfigFile {
  /** JavaScript regular expressions; a URL matching any of them is `skipped`. */
  exclude: string[];
  /** Result cache, relative to the repository root. */
  cacheFile: string;
  /** A cached success older than this is checked again. */
  cacheMaxAgeDays: number;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  maxRetryAfterMs: number;
  maxRedirects: number;
  concurrency: number;
  perHostConcurrency: number;
  /** Request loopback, private and link-local addresses (a local mirror); off by default. */
  allowPrivateAddresses: boolean;
}

export const DEFAULT_CONFIG: ConfigFile = {
  exclude: [],
  cacheFile: '.link-check-cache.json',
  cacheMaxAgeDays: 28,
  timeoutMs: 15_000,
  retries: 2,
  backoffMs: 1_000,
  maxRetryAfterMs: 60_000,
  maxRedirects: 5,
  concurrency: 8,
  perHostConcurrency: 2,
  allowPrivateAddresses: false,
};

export const DEFAULT_OPTIONS: CheckOptions = {
  timeoutMs: DEFAULT_CONFIG.timeoutMs,
  retries: DEFAULT_CONFIG.retries,
  backoffMs: DEFAULT_CONFIG.backoffMs,
  maxRetryAfterMs: DEFAULT_CONFIG.maxRetryAfterMs,
  maxRedirects: DEFAULT_CONFIG.maxRedirects,
  concurrency: DEFAULT_CONFIG.concurrency,
  perHostConcurrency: DEFAULT_CONFIG.perHostConcurrency,
  userAgent: 'Mozilla/5.0 (compatible; llm-books-link-check/1.0; +https://github.com/morsoli/llm-books)',
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  fetch: guardedFetch(DEFAULT_CONFIG.allowPrivateAddresses),
  allowPrivateAddresses: DEFAULT_CONFIG.allowPrivateAddresses,
  resolveHost,
};

/** The checker options a config file asks for, on top of the defaults. */
export function optionsFromConfig(config: ConfigFile, overrides: Partial<CheckOptions> = {}): CheckOptions {
  return {
    ...DEFAULT_OPTIONS,
    timeoutMs: config.timeoutMs,
    retries: config.retries,
    backoffMs: config.backoffMs,
    maxRetryAfterMs: config.maxRetryAfterMs,
    maxRedirects: config.maxRedirects,
    concurrency: config.concurrency,
    perHostConcurrency: config.perHostConcurrency,
    allowPrivateAddresses: config.allowPrivateAddresses,
    fetch: config.allowPrivateAddresses === DEFAULT_CONFIG.allowPrivateAddresses ? DEFAULT_OPTIONS.fetch : guardedFetch(config.allowPrivateAddresses),
    ...overrides,
  };
}
