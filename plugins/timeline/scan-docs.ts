/**
 * Reads the Markdown files under the docs folder and finds the model mentions in each,
 * through the shared scanner (the same eligibility rules as the auto-linker).
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Matcher} from '../../core/registry/matcher';
import type {ScannedDoc} from './mentions';
import {findMentions, parseMarkdown} from '../../core/mentions';

const MARKDOWN = /\.mdx?$/;

/** Files the docs plugin never publishes (its default `exclude`): `_partials`, tests. */
function excluded(name: string): boolean {
  return name.startsWith('_') || name === '__tests__' || /\.test\.mdx?$/.test(name);
}

function markdownFiles(dir: string): string[] {
  const files: string[] = [];
  for (const dirent of fs.readdirSync(dir, {withFileTypes: true})) {
    if (excluded(dirent.name)) continue;
    const full = path.join(dir, dirent.name);
    if (dirent.isDirectory()) files.push(...markdownFiles(full));
    else if (dirent.isFile() && MARKDOWN.test(dirent.name)) files.push(full);
  }
  return files.sort();
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** Every Markdown file under `docsDir`, with `source` relative to `siteDir`. */
export function scanDocs(siteDir: string, docsDir: string, matcher: Matcher): ScannedDoc[] {
  return markdownFiles(docsDir).map((file) => {
    const tree = parseMarkdown(fs.readFileSync(file, 'utf8'));
    return {source: toPosix(path.relative(siteDir, file)), mentions: findMentions(tree, matcher)};
  });
}
