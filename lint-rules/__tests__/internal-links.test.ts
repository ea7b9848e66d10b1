import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type {Heading, Root} from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import internalLinks from '../internal-links';
import {anchorIds} from '../lib/internal-links-headings';

const BOOK = path.join(__dirname, '__fixtures__', 'internal-links', 'book');

function parser() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMath);
}

async function lintFile(file: string, text = fs.readFileSync(file, 'utf8')) {
  const vfile = new VFile({path: file, value: text});
  const processor = parser().use(internalLinks);
  await processor.run(processor.parse(vfile), vfile);
  return vfile;
}

function format(file: VFile): string[] {
  return file.messages.map((m) => `${m.place && 'start' in m.place ? `${m.place.start.line}:${m.place.start.column}-${m.place.end.line}:${m.place.end.column}` : '?'}: ${m.reason}`);
}

/** Heading ids as Docusaurus' own remark plugin sets them (`@docusaurus/mdx-loader`). */
async function docusaurusIds(markdown: string): Promise<string[]> {
  const mod = (await import('@docusaurus/mdx-loader/lib/remark/headings/index.js')) as {default: {default?: unknown}};
  const plugin = (mod.default.default ?? mod.default) as (options: {anchorsMaintainCase: boolean}) => (tree: Root) => Promise<void>;
  const tree = parser().parse(markdown);
  await plugin({anchorsMaintainCase: false})(tree);
  const ids: string[] = [];
  visit(tree, 'heading', (node: Heading) => {
    ids.push(String((node.data as {id?: string}).id));
  });
  return ids;
}

describe('internal-links', () => {
  it('reports missing files and anchors, with the nearest file or anchors of the one target', async () => {
    const relFixture = path.relative(path.resolve(__dirname, '../..'), BOOK);
    expect(format(await lintFile(path.join(BOOK, '01-part', '01-a.md')))).toEqual([
      '7:3-7:32: 锚点不存在：`#section-3` 不是 `02-b.md` 中任何标题的 id；相近的锚点：`#section-two`',
      `11:3-11:21: 链接目标不存在：\`./02-c.md\` 找不到文件 \`${relFixture}/01-part/02-c.md\`；同一文件夹中相近的文件：\`02-b.md\``,
      '12:18-12:32: 锚点不存在：`#本章木标` 不是本文件中任何标题的 id；相近的锚点：`#本章目标`',
      `15:1-15:21: 链接目标不存在：\`./missing.md\` 找不到文件 \`${relFixture}/01-part/missing.md\``,
    ]);
  });

  it('records every file whose headings it consulted, and missing targets, for the cache', async () => {
    const file = await lintFile(path.join(BOOK, '01-part', '01-a.md'));
    expect([...((file.data as {lintDependencies?: string[]}).lintDependencies ?? [])].sort()).toEqual(
      [
        path.join(BOOK, '01-part', '02-b.md'),
        path.join(BOOK, '01-part', '02-c.md'),
        path.join(BOOK, '01-part', 'missing.md'),
        path.join(BOOK, '02-part', 'index.md'),
        path.join(BOOK, '02-part', 'intro.md'),
      ].sort(),
    );
  });

  it('sees a changed target file (cache keyed by content, not just path)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'internal-links-'));
    const a = path.join(dir, 'a.md');
    const b = path.join(dir, 'b.md');
    fs.writeFileSync(a, '[b](./b.md#new-heading)\n');
    fs.writeFileSync(b, '## Old heading\n');
    expect(format(await lintFile(a))).toEqual(['1:1-1:24: 锚点不存在：`#new-heading` 不是 `b.md` 中任何标题的 id；相近的锚点：`#old-heading`']);
    fs.writeFileSync(b, '## New heading\n');
    expect(format(await lintFile(a))).toEqual([]);
    fs.rmSync(dir, {recursive: true});
  });

  it('checks only same-file anchors when the file has no path', async () => {
    const file = new VFile({value: '## 一\n\n[x](./nowhere.md) [y](#二)\n'});
    const processor = parser().use(internalLinks);
    await processor.run(processor.parse(file), file);
    expect(format(file)).toEqual(['3:19-3:26: 锚点不存在：`#二` 不是本文件中任何标题的 id；相近的锚点：`#一`']);
  });
});

describe('heading ids', () => {
  const pieces = ['Hello', 'GPT-4', '中文', ' ', '  ', '`code`', '*em*', '**强**', '[链接](https://x.com)', '&amp;', '!', '?', '.', '-', '_', '(1)', '{#my-id}', ' {#custom}', '<span>html</span>', 'Ünïcödé', '😀', '参考链接'];
  const heading = fc.array(fc.constantFrom(...pieces), {minLength: 1, maxLength: 6}).map((parts) => parts.join(''));

  it('equal the ids Docusaurus itself gives the same headings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({min: 1, max: 4}), heading), {minLength: 1, maxLength: 8}), async (headings) => {
        const markdown = headings.map(([depth, text]) => `${'#'.repeat(depth)} ${text}`).join('\n\n');
        expect(anchorIds(parser().parse(markdown))).toEqual(await docusaurusIds(markdown));
      }),
      {seed: 20240521, numRuns: 300},
    );
  });
});

describe('internal-links properties', () => {
  const pieces = ['[a](./02-b.md)', '[b](./02-b.md#section-two)', '[c](#x)', '[d](../02-part/)', '[e](./zz.md#y)', '[f](%)', '[g](#%E4)', '## x\n', '\n', ' ', '`[h](./q.md)`', '```\n[i](./q.md)\n```\n', '[', ']', '(', ')', '#', '<a id="x">'];

  it('never throws, and never reports a link to an existing heading', async () => {
    const file = path.join(BOOK, '01-part', 'generated.md');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...pieces), {maxLength: 20}).map((p) => p.join('')), async (text) => {
        const vfile = await lintFile(file, text);
        for (const message of vfile.messages) {
          expect(message.reason).not.toContain('#section-two`');
          expect(message.expected).toBeUndefined();
        }
      }),
      {seed: 20240522, numRuns: 200},
    );
  });
});
