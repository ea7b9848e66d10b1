/**
 * Pure helpers of the reference-links rule: URL checks done on the URL as written
 * (so a fix edits only the characters it names), URL comparison, and the small
 * glob matcher for the rule's `include` option.
 */

/** Query parameters that only track where a reader came from. `*` matches any suffix. */
export const DEFAULT_TRACKING_PARAMS: readonly string[] = [
  'utm_*',
  'spm',
  'spm_id_from',
  'share_source',
  'share_medium',
  'share_plat',
  'share_session_id',
  'share_tag',
  'share_from',
  'vd_source',
  'from',
  'fbclid',
  'gclid',
  'igshid',
  'mc_cid',
  'mc_eid',
];

/** Hosts that only exist on the reader's own machine: `http://` is right for them. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '0.0.0.0', '[::1]']);

export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** `http://` to a host that is not the reader's own machine. */
export function isInsecure(url: string): boolean {
  if (!/^http:\/\//i.test(url)) return false;
  try {
    return !LOCAL_HOSTS.has(new URL(url).hostname);
  } catch {
    return true; // not parseable, but still written with http://
  }
}

export function trackingMatcher(params: readonly string[]): (key: string) => boolean {
  const exact = new Set(params.filter((p) => !p.endsWith('*')).map((p) => p.toLowerCase()));
  const prefixes = params.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1).toLowerCase());
  return (key) => {
    const lower = key.toLowerCase();
    return exact.has(lower) || prefixes.some((prefix) => lower.startsWith(prefix));
  };
}

function decodeKey(pair: string): string {
  const key = pair.split('=')[0].replace(/\+/g, ' ');
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

export interface QueryEdit {
  /** Offsets into the URL as written: the query, `?` included, fragment excluded. */
  start: number;
  end: number;
  /** The query with the tracking parameters removed (empty when none is left). */
  query: string;
  /** The tracking parameter names found, as written. */
  removed: string[];
}

/**
 * The edit that removes tracking parameters from a URL as written, keeping every
 * other parameter (in order, byte for byte) and the fragment.
 */
export function trackingEdit(raw: string, isTracking: (key: string) => boolean): QueryEdit | undefined {
  const question = raw.indexOf('?');
  if (question < 0) return undefined;
  const hash = raw.indexOf('#', question);
  const end = hash < 0 ? raw.length : hash;
  const pairs = raw.slice(question + 1, end).split('&');
  const kept = pairs.filter((pair) => pair === '' || !isTracking(decodeKey(pair)));
  const removed = pairs.filter((pair) => pair !== '' && isTracking(decodeKey(pair))).map((pair) => pair.split('=')[0]);
  if (removed.length === 0) return undefined;
  const rest = kept.filter((pair) => pair !== '');
  return {start: question, end, query: rest.length > 0 ? `?${rest.join('&')}` : '', removed};
}

/** A URL's identity for "listed twice": https, lower-case host, no tracking, no fragment, no trailing `/`. */
export function comparableUrl(raw: string, isTracking: (key: string) => boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  if (url.protocol === 'http:') url.protocol = 'https:';
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (isTracking(key)) url.searchParams.delete(key);
  const text = url.toString();
  return text.endsWith('/') ? text.slice(0, -1) : text;
}

function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      pattern += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') pattern += '[^/]*';
    else if (ch === '?') pattern += '[^/]';
    else pattern += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

/**
 * Does a `/`-separated path relative to the docs root match an `include` entry?
 * An entry without `*` or `?` is a folder or a file (`book/`, `book/intro.md`);
 * otherwise a glob (`book/**\/*.md`).
 */
export function matchesInclude(relative: string, entry: string): boolean {
  if (!/[*?]/.test(entry)) {
    const folder = entry.replace(/\/+$/, '');
    return folder === '' || folder === '.' || relative === folder || relative.startsWith(`${folder}/`);
  }
  return globToRegExp(entry).test(relative);
}
