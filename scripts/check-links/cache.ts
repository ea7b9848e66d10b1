/**
 * The result cache: a JSON file of successes with the time each was checked, so a
 * weekly run only re-checks what is older than the max age. Failures are never
 * cached: a dead or unknown link is checked again on every run.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {Verdict} from './types';

const CACHE_VERSION = 1;

export interface CacheEntry {
  status: 'ok' | 'redirected';
  httpStatus?: number;
  newUrl?: string;
  detail: string;
  /** ISO 8601 time of the check. */
  checkedAt: string;
}

interface CacheData {
  version: number;
  entries: Record<string, CacheEntry>;
}

export interface LoadedCache {
  cache: ResultCache;
  /** Set when the file existed but could not be used; the run starts with an empty cache. */
  warning?: string;
}

export class ResultCache {
  private constructor(
    private readonly file: string,
    private readonly maxAgeMs: number,
    private readonly entries: Map<string, CacheEntry>,
  ) {}

  static empty(file: string, maxAgeMs: number): ResultCache {
    return new ResultCache(file, maxAgeMs, new Map());
  }

  static async load(file: string, maxAgeMs: number): Promise<LoadedCache> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {cache: ResultCache.empty(file, maxAgeMs)};
      throw new Error(`无法读取链接缓存 ${file}`, {cause: error});
    }
    const entries = parseCache(text);
    if (entries === undefined) {
      return {
        cache: ResultCache.empty(file, maxAgeMs),
        warning: `链接缓存 ${file} 不是本工具写的 JSON（应为 {"version": ${CACHE_VERSION}, "entries": {…}}），本次忽略并重新检查`,
      };
    }
    return {cache: new ResultCache(file, maxAgeMs, entries)};
  }

  /** The cached success for `url`, if it was checked less than the max age before `now`. */
  get(url: string, now: Date): CacheEntry | undefined {
    const entry = this.entries.get(url);
    if (entry === undefined) return undefined;
    const age = now.getTime() - Date.parse(entry.checkedAt);
    return age >= 0 && age < this.maxAgeMs ? entry : undefined;
  }

  /** Records a fresh verdict: successes are kept, anything else removes the entry. */
  record(url: string, verdict: Verdict, now: Date): void {
    if (verdict.status !== 'ok' && verdict.status !== 'redirected') {
      this.entries.delete(url);
      return;
    }
    this.entries.set(url, {
      status: verdict.status,
      httpStatus: verdict.httpStatus,
      newUrl: verdict.newUrl,
      detail: verdict.detail,
      checkedAt: now.toISOString(),
    });
  }

  /** Writes the entries that are still fresh at `now` (atomically: a temp file, then rename). */
  async save(now: Date): Promise<void> {
    const fresh: Record<string, CacheEntry> = {};
    for (const url of [...this.entries.keys()].sort()) {
      const entry = this.get(url, now);
      if (entry !== undefined) fresh[url] = entry;
    }
    const data: CacheData = {version: CACHE_VERSION, entries: fresh};
    await fs.mkdir(path.dirname(this.file), {recursive: true});
    const temp = `${this.file}.${process.pid}.tmp`;
    await fs.writeFile(temp, `${JSON.stringify(data, null, 2)}\n`);
    await fs.rename(temp, this.file);
  }
}

function parseCache(text: string): Map<string, CacheEntry> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // Reported by the caller as an unusable cache file.
    return undefined;
  }
  if (!isCacheData(data)) return undefined;
  const entries = new Map<string, CacheEntry>();
  for (const [url, entry] of Object.entries(data.entries)) {
    if (isCacheEntry(entry)) entries.set(url, entry);
  }
  return entries;
}

function isCacheData(data: unknown): data is CacheData {
  if (typeof data !== 'object' || data === null) return false;
  const record = data as Partial<CacheData>;
  return record.version === CACHE_VERSION && typeof record.entries === 'object' && record.entries !== null;
}

function isCacheEntry(entry: unknown): entry is CacheEntry {
  if (typeof entry !== 'object' || entry === null) return false;
  const record = entry as Partial<CacheEntry>;
  return (
    (record.status === 'ok' || record.status === 'redirected') &&
    typeof record.checkedAt === 'string' &&
    !Number.isNaN(Date.parse(record.checkedAt)) &&
    typeof record.detail === 'string'
  );
}
