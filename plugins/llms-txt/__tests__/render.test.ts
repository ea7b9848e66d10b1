import {describe, expect, it} from 'vitest';
import type {OutlineChapter} from '../../../core/outline';
import {chapterMarkdown, llmsFullTxt, llmsTxt, markdownPathOf, type SiteInfo} from '../render';

const site: SiteInfo = {title: '书名', summary: '一句话简介', url: 'https://example.org', baseUrl: '/b/'};

function chapter(id: string, title: string, parts: string[], description?: string): OutlineChapter {
  return {id, title, permalink: `/b/docs/${id}`, source: `docs/${id}.md`, parts: parts.map((label) => ({label})), ...(description ? {description} : {})};
}

const book = {
  sidebarId: 'book',
  chapters: [chapter('intro', '前言', [], '写给谁'), chapter('a', '甲', ['第一部分']), chapter('b', '乙', ['第一部分', '小节']), chapter('c', '丙', ['第二部分'])],
};

describe('markdownPathOf', () => {
  it('puts the copy beside the page, relative to the build folder', () => {
    expect(markdownPathOf('/b/docs/book/x', '/b/')).toBe('docs/book/x.md');
    expect(markdownPathOf('/b/docs/', '/b/')).toBe('docs.md');
    expect(markdownPathOf('/b/', '/b/')).toBe('index.md');
  });
});

describe('llmsTxt', () => {
  it('has the title, the summary, the extra links, one section per part in order, and Optional last', () => {
    const guide = {sidebarId: 'guide', chapters: [chapter('guide', '贡献指南', [])]};
    expect(llmsTxt(site, book, [guide], [{label: 'PDF', path: 'downloads/b.pdf'}])).toBe(
      [
        '# 书名',
        '',
        '> 一句话简介',
        '',
        '整本书的其他格式：',
        '',
        '- [PDF](https://example.org/b/downloads/b.pdf)',
        '',
        '## 前言',
        '',
        '- [前言](https://example.org/b/docs/intro.md): 写给谁',
        '',
        '## 第一部分',
        '',
        '- [甲](https://example.org/b/docs/a.md)',
        '- [乙](https://example.org/b/docs/b.md)',
        '',
        '## 第二部分',
        '',
        '- [丙](https://example.org/b/docs/c.md)',
        '',
        '## Optional',
        '',
        '- [贡献指南](https://example.org/b/docs/guide.md)',
        '',
      ].join('\n'),
    );
  });
});

describe('chapterMarkdown and llmsFullTxt', () => {
  it('adds the title as a heading when the chapter has none, and keeps one it has', () => {
    expect(chapterMarkdown(chapter('a', '甲', []), '\n正文。\n')).toBe('# 甲\n\n正文。\n');
    expect(chapterMarkdown(chapter('a', '甲', []), '# 自带标题\n\n正文。')).toBe('# 自带标题\n\n正文。\n');
  });

  it('holds every chapter’s text after the title, each marked with its page', () => {
    const full = llmsFullTxt(site, [
      {chapter: book.chapters[0]!, markdown: '# 前言\n\n第一段。\n'},
      {chapter: book.chapters[1]!, markdown: '# 甲\n\n第二段。\n'},
    ]);
    expect(full).toBe('# 书名\n\n> 一句话简介\n\n<!-- https://example.org/b/docs/intro -->\n\n# 前言\n\n第一段。\n\n<!-- https://example.org/b/docs/a -->\n\n# 甲\n\n第二段。\n');
  });
});
