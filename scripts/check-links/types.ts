/** Shapes shared by the external link checker's modules. */

/** Where a link stands in the repository (path relative to the repository root). */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** One distinct URL and every place it is written. */
export interface Link {
  url: string;
  locations: SourceLocation[];
}

/**
 * - `ok`: answered 2xx (possibly after temporary redirects);
 * - `redirected`: answered 2xx after a permanent redirect (301/308): `newUrl` is where it moved;
 * - `dead`: 404, 410, a host that does not resolve, or a redirect loop;
 * - `unknown`: 429, 5xx, a timeout or another error after the retries: not called broken;
 * - `skipped`: excluded by a pattern in the config, or its host (or a redirect's) is a loopback, private or link-local address.
 */
export type LinkStatus = 'ok' | 'redirected' | 'dead' | 'unknown' | 'skipped';

/** What checking one URL found out, before it is joined with the link's locations. */
export interface Verdict {
  status: LinkStatus;
  /** Last HTTP status seen, absent when no response came. */
  httpStatus?: number;
  /** For `redirected`: the target of the last permanent redirect. */
  newUrl?: string;
  /** One short Chinese sentence for people (e.g. `HTTP 404`). */
  detail: string;
  /** HTTP requests made (0 when skipped or taken from the cache). */
  requests: number;
}

export interface CheckResult extends Verdict {
  url: string;
  locations: SourceLocation[];
  /** True when the verdict came from the cache file instead of the network. */
  cached: boolean;
}
