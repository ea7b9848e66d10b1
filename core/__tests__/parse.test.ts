/**
 * `syntaxFor` leaves out the extensions a file cannot use (front matter, math): the tree
 * must be the one the site's full syntax gives, positions included, for every chapter
 * of our book, the GitBook corpus and the sources that sit on each boundary.
 */
import fs from 'node:fs';
import path from 'node:path';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {describe, expect, it} from 'vitest';
import {available, corpus, suiteName} from '../../test-support/corpus';
import {DOCS_DIR, ROOT_DIR} from '../constants';
import {parseMarkdown, SITE_SYNTAX, syntaxFor} from '../parse';

const full = unified().use(remarkParse).use(SITE_SYNTAX).freeze();

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function expectSameTree(source: string, label: string): void {
  expect(parseMarkdown(source), label).toEqual(full.parse(source));
}

describe('syntaxFor', () => {
  it('picks front matter only at the start of a file and math only where a $ is', () => {
    expect(syntaxFor('# t\n').key).toBe('gfm');
    expect(syntaxFor('---\ntitle: t\n---\n# t\n').key).toBe('front-matter+gfm');
    expect(syntaxFor('\uFEFF---\ntitle: t\n---\n').key).toBe('front-matter+gfm');
    expect(syntaxFor('价格 $5').key).toBe('gfm+math');
    expect(syntaxFor('---\na: 1\n---\n$$\nx\n$$\n').key).toBe('front-matter+gfm+math');
  });

  it('gives the full syntax’s tree on the boundary cases', () => {
    const cases = [
      '---\ntitle: t\n---\n\n# 标题\n',
      '\uFEFF---\ntitle: t\n---\n',
      '# t\n\n---\n\nafter a thematic break, not front matter\n',
      'text\n---\n',
      '行内 $x^2$ 与块：\n\n$$\n\\sum_i x_i\n$$\n',
      '| a | b |\n| - | - |\n| $1 | 2 |\n',
      'www.example.com and https://example.com/a_b ~~del~~ [^1]\n\n[^1]: note\n',
      '`$HOME` in code and \\$ escaped\n',
    ];
    for (const source of cases) expectSameTree(source, JSON.stringify(source));
  });

  it('gives the full syntax’s tree for every chapter of the book', () => {
    const files = markdownFiles(path.join(ROOT_DIR, DOCS_DIR));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expectSameTree(fs.readFileSync(file, 'utf8'), file);
  });

  const folder = corpus();
  it.skipIf(!folder.present)(suiteName('gives the full syntax’s tree for every file of the GitBook corpus', folder), () => {
    const dir = available(folder)!;
    const files = markdownFiles(dir);
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) expectSameTree(fs.readFileSync(file, 'utf8'), file);
  });
});
