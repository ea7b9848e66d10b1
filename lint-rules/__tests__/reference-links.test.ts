import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {fixText} from '../engine/fix';
import referenceLinks, {type ReferenceLinksOptions} from '../reference-links';
import {comparableUrl, matchesInclude, trackingEdit, trackingMatcher, DEFAULT_TRACKING_PARAMS} from '../lib/reference-links-url';

const FIXTURES = path.join(__dirname, '__fixtures__', 'reference-links');
const DOCS = path.join(FIXTURES, 'docs');
const OPTIONS: ReferenceLinksOptions = {docsRoot: DOCS};

function parser() {
  return unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMath);
}

async function lint(text: string, options: ReferenceLinksOptions = OPTIONS, filePath: string | undefined = path.join(DOCS, 'book', 'x.md')) {
  const file = new VFile({path: filePath, value: text});
  const processor = parser().use(referenceLinks, options);
  await processor.run(processor.parse(file), file);
  return file.messages;
}

function format(messages: Awaited<ReturnType<typeof lint>>): string[] {
  return messages.map((m) => `${m.place && 'start' in m.place ? `${m.place.start.line}:${m.place.start.column}-${m.place.end.line}:${m.place.end.column}` : '?'}: ${m.reason}`);
}

async function lintFixture(relative: string, options: ReferenceLinksOptions = OPTIONS) {
  const file = path.join(DOCS, relative);
  return lint(fs.readFileSync(file, 'utf8'), options, file);
}

const isTracking = trackingMatcher(DEFAULT_TRACKING_PARAMS);

describe('URL helpers', () => {
  it('removes only tracking parameters and keeps order, other parameters and the fragment', () => {
    expect(trackingEdit('https://b.com/v/?share_source=copy_web&vd_source=0b5a&t=353#c', isTracking)).toEqual({start: 16, end: 59, query: '?t=353', removed: ['share_source', 'vd_source']});
    expect(trackingEdit('https://x.com/?utm_source=a&utm_medium=b', isTracking)?.query).toBe('');
    expect(trackingEdit('https://x.com/?id=1', isTracking)).toBeUndefined();
  });

  it('compares URLs without scheme, case of host, tracking, fragment and trailing slash', () => {
    expect(comparableUrl('HTTP://ARXIV.org/abs/1/?utm_source=x#a', isTracking)).toBe(comparableUrl('https://arxiv.org/abs/1', isTracking));
    expect(comparableUrl('https://arxiv.org/abs/1', isTracking)).not.toBe(comparableUrl('https://arxiv.org/abs/2', isTracking));
  });

  it('matches include entries as folders, files or globs', () => {
    expect(matchesInclude('book/part/a.md', 'book/')).toBe(true);
    expect(matchesInclude('bookish/a.md', 'book')).toBe(false);
    expect(matchesInclude('book/part/a.md', 'book/**/*.md')).toBe(true);
    expect(matchesInclude('book/a.md', 'book/**/*.md')).toBe(true);
    expect(matchesInclude('book/part/a.mdx', 'book/*.md')).toBe(false);
  });
});

describe('reference-links', () => {
  it('checks URLs in links, definitions and autolinks but not in code, with exact messages', async () => {
    expect(format(await lintFixture('book/part/chapter.md'))).toEqual([
      '7:66-7:96: 链接带有跟踪参数：`https://arxiv.org/abs/1706.03762?from=paperswithcode&spm=a.b.c` 应写作 `https://arxiv.org/abs/1706.03762`',
      '9:47-9:64: 链接带有跟踪参数：`https://example.com/autolink?utm_medium=email` 应写作 `https://example.com/autolink`',
      '11:10-11:14: 链接应使用 HTTPS：`http://example.com/paper?id=7&utm_source=feed#section` 应写作 `https://example.com/paper?id=7&utm_source=feed#section`（请确认该网址可以用 HTTPS 打开）',
      '11:34-11:55: 链接带有跟踪参数：`http://example.com/paper?id=7&utm_source=feed#section` 应写作 `http://example.com/paper?id=7#section`',
      '25:3-25:67: 参考链接重复：`HTTPS://ARXIV.ORG/abs/1706.03762#intro` 已在第 23 行列出',
    ]);
  });

  it('points a duplicate at the first listing through `cause`', async () => {
    const duplicate = (await lintFixture('book/part/chapter.md')).find((m) => m.reason.startsWith('参考链接重复'));
    const cause = duplicate?.cause as {place?: {start: {line: number}}} | undefined;
    expect(cause?.place?.start.line).toBe(23);
  });

  it('fixes by editing only the URL query; http → https is a suggestion --fix leaves alone', async () => {
    const file = path.join(DOCS, 'book/part/chapter.md');
    const text = fs.readFileSync(file, 'utf8');
    const result = await fixText(text, (t) => lint(t, OPTIONS, file));
    expect(result.text).toContain('[Attention Is All You Need](https://arxiv.org/abs/1706.03762)。');
    expect(result.text).toContain('[paper]: http://example.com/paper?id=7#section');
    const https = result.messages.find((m) => m.reason.startsWith('链接应使用 HTTPS')) as {actual?: string; suggestions?: string[]} | undefined;
    expect([https?.actual, https?.suggestions]).toEqual(['http', ['https']]);
    expect(result.text).toContain('curl http://example.com/?utm_source=code');
    expect(result.text).toContain('`https://example.com/?spm=inline`');
    expect(result.messages.filter((m) => m.expected)).toEqual([]);
  });

  it('wants the references section last, and only a list in it', async () => {
    expect(format(await lintFixture('book/part/not-last.md'))).toEqual(['9:1-9:6: 参考链接应在章节末尾：`参考链接` 之后还有标题 `附录`，请把参考链接一节移到最后']);
    const text = '# 章\n\n## 参考链接\n\n一段说明文字。\n\n- [论文](https://arxiv.org/abs/1706.03762)\n';
    expect(format(await lint(text))).toEqual(['5:1-5:8: 参考链接一节只应包含列表：这里的 `paragraph` 应改为 `- [说明文字](https://…)` 形式的列表项']);
  });

  it('requires the section only in files under `include`', async () => {
    expect(format(await lintFixture('other.md'))).toEqual([]);
    expect(format(await lintFixture('other.md', {...OPTIONS, include: ['*.md']}))).toEqual(['3:1-3:11: 缺少参考链接：章节应以 `## 参考链接` 一节结尾，列出引用的链接']);
  });

  it('takes the heading text and depth from the options', async () => {
    const text = '# 章\n\n### 延伸阅读\n\n- [论文](https://arxiv.org/abs/1706.03762)\n';
    expect(format(await lint(text, {...OPTIONS, heading: '延伸阅读', depth: 3}))).toEqual([]);
    expect(format(await lint(text, {...OPTIONS, heading: '延伸阅读'}))).toEqual(['3:1-3:4: 参考链接标题级别不对：`### 延伸阅读` 应写作 `## 延伸阅读`']);
  });

  it('reports vague and empty link text, bare URLs and missing alt text', async () => {
    const text = '[点击这里](https://a.com) [Here](https://b.com) [](https://c.com) 见 www.example.com ![ ](x.png)\n\n## 参考链接\n\n- [A](https://a.com)\n';
    expect(format(await lint(text))).toEqual([
      '1:2-1:6: 链接文字没有说明内容：`点击这里` 应写作说明链接去向的文字，例如文章或页面的标题',
      '1:24-1:28: 链接文字没有说明内容：`Here` 应写作说明链接去向的文字，例如文章或页面的标题',
      '1:45-1:62: 链接文字为空：`[](https://c.com)` 应写作 `[说明文字](https://c.com)`',
      '1:65-1:80: 正文里有裸露的网址：`http://www.example.com` 应写作 `[说明文字](http://www.example.com)`；要原样输入的地址请放进行内代码',
      '1:81-1:92: 图片缺少替代文字：`![ ](x.png)` 应写作 `![图片内容的说明](x.png)`',
    ]);
  });
});

const PIECES = ['文字', ' ', '\n', '\n\n', '## 参考链接\n\n', '### 参考链接\n', '- ', '[论文](https://a.com/p?utm_source=x&id=1#f)', '[这里](http://b.com/?spm=1)', 'https://c.com/x?from=y', '<http://d.com/?fbclid=1>', '![](i.png)', '[d]: http://e.com/?gclid=2\n', '```\nhttp://f.com/?utm_source=code\n```\n', '`http://g.com/?spm=1`', '*', '[', ']', '(', ')', '\\', '&amp;'];

/** Code values and every URL except its scheme and query, which the fixes may change. */
function untouchable(text: string): string[] {
  const found: string[] = [];
  visit(parser().parse(text), (node) => {
    if (node.type === 'code' || node.type === 'inlineCode') found.push(node.value);
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') found.push(node.url.replace(/^https?:/i, '').replace(/\?[^#]*/, ''));
  });
  return found;
}

describe('reference-links properties', () => {
  const markdown = fc.array(fc.constantFrom(...PIECES), {maxLength: 25}).map((parts) => parts.join(''));

  it('never throws, and every fix names the exact source text it replaces', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (text) => {
        for (const message of await lint(text)) {
          if (!message.expected) continue;
          const place = message.place as {start: {offset: number}; end: {offset: number}};
          expect(text.slice(place.start.offset, place.end.offset)).toBe(message.actual);
        }
      }),
      {seed: 20240511, numRuns: 300},
    );
  });

  it('fixing keeps code and URL paths byte-identical and is idempotent', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (text) => {
        const once = await fixText(text, (t) => lint(t));
        expect(once.oscillated).toBe(false);
        expect((await fixText(once.text, (t) => lint(t))).text).toBe(once.text);
        expect(untouchable(once.text)).toEqual(untouchable(text));
      }),
      {seed: 20240512, numRuns: 200},
    );
  });

  it('runs without positions (a tree made by a plugin) without throwing', async () => {
    const tree = parser().parse('[这里](http://a.com/?utm_source=x)\n\n![](x.png)\n');
    visit(tree, (node) => {
      delete node.position;
    });
    const file = new VFile({value: ''});
    await unified().use(referenceLinks, OPTIONS).run(tree, file);
    expect(file.messages.map((m) => m.reason)).toHaveLength(5);
  });
});
