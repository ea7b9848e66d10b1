import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {corpus} from '../../../test-support/corpus';
import type {LayoutItem} from '../layout';
import type {SummaryEntry} from '../summary';

export const FIXTURES = path.resolve(__dirname, '../__fixtures__');
/** The real GitBook book, read-only (skip the suites that need it when `BOOK.present` is false). */
export const BOOK = corpus();
export const CORPUS = BOOK.dir;
export const fixture = (name: string) => path.join(FIXTURES, name);

/** The tree as indented lines: `▸` part, `•` chapter, `↗` external link. */
export function outline(entries: SummaryEntry[], depth = 0): string[] {
  return entries.flatMap((e) => {
    const pad = '  '.repeat(depth);
    if (e.kind === 'external') return [`${pad}↗ ${e.title} ${e.href}`];
    const head = e.kind === 'part' ? `${pad}▸ ${e.title}` : `${pad}• ${e.title} ${e.path}`;
    return [head, ...outline(e.children, depth + 1)];
  });
}

/** The layout as the sidebar will show it: one line per item, `out` and position. */
export function layoutLines(items: LayoutItem[]): string[] {
  return items.map((i) =>
    i.kind === 'category'
      ? `${i.out}/ ${i.position} ${i.label}`
      : i.kind === 'external'
        ? `${i.out} ${i.position} ${i.title} → ${i.href}`
        : `${i.out} ${i.position} ${i.title} ← ${i.source}`,
  );
}

/** Every file under `dir`, relative posix path → content. */
export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const walk = async (rel: string) => {
    for (const entry of await fs.readdir(path.join(dir, rel), {withFileTypes: true})) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else files.set(child, await fs.readFile(path.join(dir, child)));
    }
  };
  await walk('');
  return new Map([...files].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

export async function tempDir(prefix = 'gitbook-import-test-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}
