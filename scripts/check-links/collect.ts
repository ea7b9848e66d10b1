/**
 * Gathers the external links of the book: every `.md`/`.mdx` file under the given
 * folders and the registry's sources, de-duplicated by URL (the `#fragment` does not
 * change what the server answers), in order of first appearance.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {FoundLink} from './extract-markdown';
import {extractMarkdownLinks} from './extract-markdown';
import {extractRegistryLinks} from './extract-registry';
import type {Link} from './types';

const MARKDOWN = /\.mdx?$/;

export interface CollectInput {
  /** Repository root: locations are reported relative to it. */
  root: string;
  /** Markdown files or folders, relative to `root`. */
  markdown: string[];
  /** Registry YAML files, relative to `root`; a missing file is left out. */
  registries: string[];
}

export async function collectLinks(input: CollectInput): Promise<Link[]> {
  const found: FoundLink[] = [];
  for (const entry of input.markdown) {
    for (const file of await markdownFiles(path.resolve(input.root, entry))) {
      found.push(...extractMarkdownLinks(await fs.readFile(file, 'utf8'), relative(input.root, file)));
    }
  }
  for (const entry of input.registries) {
    const file = path.resolve(input.root, entry);
    const text = await readIfExists(file);
    if (text !== undefined) found.push(...extractRegistryLinks(text, relative(input.root, file)));
  }
  return dedupe(found);
}

export function linkKey(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

export function dedupe(found: FoundLink[]): Link[] {
  const byUrl = new Map<string, Link>();
  for (const {url, location} of found) {
    const key = linkKey(url);
    const link = byUrl.get(key);
    if (link === undefined) byUrl.set(key, {url: key, locations: [location]});
    else link.locations.push(location);
  }
  return [...byUrl.values()];
}

async function markdownFiles(target: string): Promise<string[]> {
  const stat = await fs.stat(target);
  if (!stat.isDirectory()) return [target];
  const entries = await fs.readdir(target, {recursive: true, withFileTypes: true});
  return entries
    .filter((entry) => entry.isFile() && MARKDOWN.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
