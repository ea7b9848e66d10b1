/**
 * The lint cache, on ESLint's `--cache` model: one JSON file under
 * `node_modules/.cache/llmbook-lint/`.
 *
 * - The whole cache is keyed on everything every result depends on: the resolved
 *   config, the registry's and the term list's bytes, the tool's own sources and
 *   the installed dependency versions. Any change there drops every entry.
 * - Each entry is keyed on the file's bytes (sha1) and on the bytes of each file
 *   its result depends on (`file.data.lintDependencies`, e.g. the chapters whose
 *   headings internal-links consulted; a missing file counts as "absent").
 * - The fast path: a file whose mtime and size equal the stored ones is taken to
 *   hold the stored bytes, so a warm run stats files and hashes nothing. Only
 *   when mtime or size moved is the file read and hashed; same hash → still valid.
 */
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {ROOT_DIR} from '../../core/constants';
import {sha1} from '../../core/hash';
import type {LintMessage} from './result';
import type {TaskResult} from './worker';
import {writeAtomic} from './files';

export const CACHE_FORMAT = 3;
const CACHE_FILE = 'cache.json';

interface Stamp {
  mtimeMs: number;
  size: number;
  hash: string;
}

/** A message packed as numbers: indices into the string table, -1 for none (see `pack`). */
type Packed = number[];

interface Entry extends Stamp {
  messages: Packed[];
  /** Dependency path → its stamp when the result was computed, `null` when absent. */
  deps: Record<string, Stamp | null>;
}

interface CacheData {
  format: number;
  key: string;
  /** Rule ids, URLs and message texts repeat across the book: stored once. */
  strings: string[];
  entries: Record<string, Entry>;
}

const SEVERITY_CODES = ['error', 'warning', 'info'] as const;

function hashFile(file: string): string {
  try {
    return sha1(fs.readFileSync(file));
  } catch {
    return 'absent';
  }
}

/** The tool's version: its own sources, the shared registry code and the lockfile. */
export function toolVersion(): string {
  const hash = createHash('sha1');
  // Every source file below these folders (tests aside): rules, their helpers, the engine, the kernel.
  const addSources = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '__tests__' && entry.name !== '__fixtures__') addSources(full);
      } else if (entry.name.endsWith('.ts')) {
        hash.update(path.relative(ROOT_DIR, full)).update(fs.readFileSync(full));
      }
    }
  };
  addSources(path.join(ROOT_DIR, 'lint-rules'));
  addSources(path.join(ROOT_DIR, 'core'));
  for (const file of [path.join(ROOT_DIR, 'package-lock.json')]) {
    hash.update(file).update(hashFile(file));
  }
  return hash.digest('hex');
}

export interface CacheKeyParts {
  config: unknown;
  /** Data files every result depends on (registry, term list). */
  dataFiles: string[];
  /** The preset module, so a stand-in preset never shares results with the real one. */
  presetModule: string;
  tool?: string;
}

export function cacheKey(parts: CacheKeyParts): string {
  const data = parts.dataFiles.map((file) => [file, hashFile(file)]);
  return sha1(JSON.stringify({config: parts.config, data, preset: parts.presetModule, tool: parts.tool ?? toolVersion()}));
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isIndex = (value: unknown, below: number): boolean => Number.isInteger(value) && (value as number) >= -1 && (value as number) < below;

function isStamp(value: unknown): value is Stamp {
  return isObject(value) && isCount(value.mtimeMs) && isCount(value.size) && typeof value.hash === 'string';
}

/** A packed message (see `pack`) whose every index points into a table of `strings` strings. */
function isPacked(value: unknown, strings: number): value is Packed {
  if (!Array.isArray(value) || value.length < 14) return false;
  if (!Number.isInteger(value[0]) || value[0] < 0 || value[0] >= SEVERITY_CODES.length) return false;
  for (const i of [1, 2, 3, 4, 5, 12]) if (!isIndex(value[i], strings)) return false;
  for (let i = 6; i < 12; i++) if (!Number.isInteger(value[i]) || value[i] < -1) return false;
  const expected = value[13] as unknown;
  if (!isIndex(expected, Infinity)) return false;
  const count = expected as number;
  // `count` expected values, then any number of suggestions (see `pack`).
  if (value.length < 14 + Math.max(count, 0)) return false;
  return value.slice(14).every((i) => isIndex(i, strings) && i >= 0);
}

/**
 * The cache file's data if every part has the shape `get` relies on, else
 * `undefined` (the run then lints everything and writes a fresh cache): a cache
 * is a copy of results, so any doubt costs time, never a wrong report or a crash.
 */
export function validCacheData(value: unknown): CacheData | undefined {
  if (!isObject(value) || value.format !== CACHE_FORMAT || typeof value.key !== 'string') return undefined;
  const {strings, entries} = value;
  if (!Array.isArray(strings) || !strings.every((text) => typeof text === 'string')) return undefined;
  if (!isObject(entries)) return undefined;
  for (const entry of Object.values(entries)) {
    if (!isStamp(entry) || !Array.isArray((entry as Partial<Entry>).messages) || !isObject((entry as Partial<Entry>).deps)) return undefined;
    const {messages, deps} = entry as Entry;
    if (!messages.every((p) => isPacked(p, strings.length))) return undefined;
    if (!Object.values(deps).every((dep) => dep === null || isStamp(dep))) return undefined;
  }
  return value as unknown as CacheData;
}

export class LintCache {
  private data: CacheData;
  private dirty = false;
  /** Stamps checked in this run, so a chapter linked from 200 others is checked once. */
  private readonly checked = new Map<string, Stamp | null>();

  private constructor(
    readonly file: string,
    key: string,
    data: CacheData | undefined,
  ) {
    this.data = data && data.key === key ? data : {format: CACHE_FORMAT, key, strings: [], entries: {}};
    if (this.data !== data) this.dirty = true;
    this.data.strings.forEach((text, i) => this.stringIndex.set(text, i));
  }

  private readonly stringIndex = new Map<string, number>();

  private intern(text: string | null | undefined): number {
    if (text === null || text === undefined) return -1;
    let index = this.stringIndex.get(text);
    if (index === undefined) {
      index = this.data.strings.push(text) - 1;
      this.stringIndex.set(text, index);
    }
    return index;
  }

  private pack(m: LintMessage): Packed {
    const numbers = [m.line, m.column, m.endLine, m.endColumn, m.startOffset, m.endOffset].map((n) => n ?? -1);
    const expected = (m.expected ?? []).map((e) => this.intern(e));
    return [
      SEVERITY_CODES.indexOf(m.severity),
      this.intern(m.ruleId),
      this.intern(m.source),
      this.intern(m.message),
      this.intern(m.url),
      this.intern(m.note),
      ...numbers,
      this.intern(m.actual),
      m.expected === undefined ? -1 : expected.length,
      ...expected,
      ...(m.suggestions ?? []).map((e) => this.intern(e)),
    ];
  }

  private unpack(p: Packed): LintMessage {
    const text = (i: number): string | null => (i < 0 ? null : this.data.strings[i]);
    const num = (i: number): number | null => (p[i] < 0 ? null : p[i]);
    const message: LintMessage = {
      ruleId: text(p[1]),
      source: text(p[2]),
      severity: SEVERITY_CODES[p[0]],
      message: text(p[3]) ?? '',
      line: num(6),
      column: num(7),
      endLine: num(8),
      endColumn: num(9),
      startOffset: num(10),
      endOffset: num(11),
    };
    if (p[12] >= 0) message.actual = this.data.strings[p[12]];
    if (p[13] >= 0) message.expected = p.slice(14, 14 + p[13]).map((i) => this.data.strings[i]);
    const suggestions = p.slice(14 + Math.max(p[13], 0)).map((i) => this.data.strings[i]);
    if (suggestions.length > 0) message.suggestions = suggestions;
    if (p[4] >= 0) message.url = this.data.strings[p[4]];
    if (p[5] >= 0) message.note = this.data.strings[p[5]];
    return message;
  }

  static load(dir: string, key: string): LintCache {
    const file = path.join(dir, CACHE_FILE);
    let data: CacheData | undefined;
    try {
      data = validCacheData(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch {
      data = undefined; // no cache yet, or a damaged one (even a folder in its place): start empty
    }
    return new LintCache(file, key, data);
  }

  /** The file's current stamp, re-hashing only when mtime or size moved from `known`. */
  private stamp(file: string, known: Stamp | null | undefined): Stamp | null {
    const seen = this.checked.get(file);
    if (seen !== undefined) return seen;
    let stamp: Stamp | null;
    try {
      const stat = fs.statSync(file);
      stamp =
        known && known.mtimeMs === stat.mtimeMs && known.size === stat.size
          ? known
          : {mtimeMs: stat.mtimeMs, size: stat.size, hash: sha1(fs.readFileSync(file))};
    } catch {
      stamp = null;
    }
    this.checked.set(file, stamp);
    return stamp;
  }

  private sameStamp(file: string, known: Stamp | null): boolean {
    const now = this.stamp(file, known);
    if (now === null || known === null) return now === known;
    return now.hash === known.hash;
  }

  /** The stored messages if the file and everything it depends on are unchanged. */
  get(file: string): LintMessage[] | undefined {
    const entry = this.data.entries[file];
    if (!entry) return undefined;
    if (!this.sameStamp(file, entry)) return undefined;
    for (const [dep, known] of Object.entries(entry.deps)) {
      if (!this.sameStamp(dep, known)) return undefined;
    }
    const now = this.checked.get(file);
    if (now && now.mtimeMs !== entry.mtimeMs) {
      // Same bytes, new mtime (e.g. a fresh checkout): remember it so the next run takes the fast path.
      Object.assign(entry, {mtimeMs: now.mtimeMs, size: now.size});
      this.dirty = true;
    }
    return entry.messages.map((p) => this.unpack(p));
  }

  set(result: TaskResult): void {
    if (!result.hash) return; // crashed: never cache
    const deps: Record<string, Stamp | null> = {};
    for (const dep of result.dependencies ?? []) {
      if (dep === result.path) continue;
      deps[dep] = this.stamp(dep, undefined);
    }
    const stamp = {mtimeMs: result.mtimeMs, size: result.size, hash: result.hash};
    this.checked.set(result.path, stamp);
    this.data.entries[result.path] = {...stamp, messages: result.messages.map((m) => this.pack(m)), deps};
    this.dirty = true;
  }

  save(): void {
    if (!this.dirty) return;
    fs.mkdirSync(path.dirname(this.file), {recursive: true});
    writeAtomic(this.file, JSON.stringify(this.data));
    this.dirty = false;
  }
}
