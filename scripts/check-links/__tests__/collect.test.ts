import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {collectLinks} from '../collect';
import {extractMarkdownLinks} from '../extract-markdown';
import {extractRegistryLinks, RegistryReadError} from '../extract-registry';

const FIXTURES = path.join(__dirname, '../__fixtures__');
const read = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

describe('extractMarkdownLinks', () => {
  it('finds links, autolinks, images and definitions with their positions, nothing from code or front matter', () => {
    const found = extractMarkdownLinks(read('book/part/chapter.md'), 'docs/chapter.md');
    expect(found).toEqual([
      {url: 'https://inline.example.org/page#section', location: {file: 'docs/chapter.md', line: 8, column: 7}},
      {url: 'https://autolink.example.org/', location: {file: 'docs/chapter.md', line: 8, column: 64}},
      {url: 'https://inline.example.org/page#other', location: {file: 'docs/chapter.md', line: 10, column: 11}},
      {url: 'https://images.example.org/figure.png', location: {file: 'docs/chapter.md', line: 12, column: 1}},
      {url: 'https://definition.example.org/paper', location: {file: 'docs/chapter.md', line: 26, column: 1}},
    ]);
  });

  it('turns a GFM www literal into an http link', () => {
    expect(extractMarkdownLinks('见 www.example.org 。\n', 'a.md')).toEqual([
      {url: 'http://www.example.org', location: {file: 'a.md', line: 1, column: 3}},
    ]);
  });
});

describe('extractRegistryLinks', () => {
  it('reads each source URL with its line, as a string or as a map with `url`', () => {
    expect(extractRegistryLinks(read('models.yaml'), 'data/models.yaml')).toEqual([
      {url: 'https://source-a.example.org/paper', location: {file: 'data/models.yaml', line: 5, column: 9}},
      {url: 'https://inline.example.org/page', location: {file: 'data/models.yaml', line: 6, column: 9}},
      {url: 'https://source-b.example.org/blog', location: {file: 'data/models.yaml', line: 10, column: 14}},
    ]);
  });

  it('names the file, line and column of a YAML syntax error', () => {
    const extract = (): unknown => extractRegistryLinks(read('models-broken.yaml'), 'data/models.yaml');
    expect(extract).toThrow(RegistryReadError);
    expect(extract).toThrow(
      'data/models.yaml:4:1: YAML 语法错误：Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
  });

  it('reads the lifecycle’s status_sources too, and reports a wrong top level as the loader does', () => {
    const text = 'models:\n  - id: a\n    status_sources:\n      - https://status.example.org/deprecations\n    sources:\n      - https://a.example.org/\n';
    expect(extractRegistryLinks(text, 'data/models.yaml').map((l) => [l.url, l.location.line])).toEqual([
      ['https://status.example.org/deprecations', 4],
      ['https://a.example.org/', 6],
    ]);
    expect(() => extractRegistryLinks('model:\n  - id: a\n', 'data/models.yaml')).toThrow('data/models.yaml:1:1: 注册表的顶层应为 `models:` 列表');
  });
});

describe('collectLinks', () => {
  it('walks .md and .mdx files, adds registry sources and merges the same URL (ignoring #fragments)', async () => {
    const links = await collectLinks({
      root: FIXTURES,
      markdown: ['book'],
      registries: ['models.yaml', 'missing.yaml'],
    });
    expect(links.map((link) => link.url)).toEqual([
      'https://inline.example.org/page',
      'https://autolink.example.org/',
      'https://images.example.org/figure.png',
      'https://definition.example.org/paper',
      'https://source-a.example.org/paper',
      'https://source-b.example.org/blog',
    ]);
    expect(links[0].locations).toEqual([
      {file: 'book/part/chapter.md', line: 8, column: 7},
      {file: 'book/part/chapter.md', line: 10, column: 11},
      {file: 'book/part/other.mdx', line: 3, column: 3},
      {file: 'models.yaml', line: 6, column: 9},
    ]);
  });
});
