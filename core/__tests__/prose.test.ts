import type {Root} from 'mdast';
import {describe, expect, it} from 'vitest';
import {parseMarkdown} from '../parse';
import {walkProse, type ProseOptions} from '../prose';

/** The values of the prose text (and inline code) nodes the walk passes, in order. */
function proseText(markdown: string, options?: ProseOptions): string[] {
  const tree: Root = parseMarkdown(markdown);
  const seen: string[] = [];
  walkProse(
    tree,
    (node, {prose}) => {
      if (prose && (node.type === 'text' || node.type === 'inlineCode')) seen.push(node.value);
    },
    options,
  );
  return seen;
}

describe('walkProse', () => {
  it('reads headings, paragraphs and link text, not code, math, HTML or autolinks, by default', () => {
    const markdown = '# 标题\n\n正文 `code` $x$ [链接](https://a.example) <https://b.example>\n\n```\ncode\n```\n';
    expect(proseText(markdown)).toEqual(['标题', '正文 ', ' ', ' ', '链接', ' ']);
  });

  it('leaves headings and link text out when asked, and reads inline code when asked', () => {
    const markdown = '# 标题\n\n正文 `code` [链接](https://a.example)\n';
    expect(proseText(markdown, {headings: false, linkText: false, inlineCode: true})).toEqual(['正文 ', 'code', ' ']);
  });

  it('text between raw HTML tags: everywhere, only inside blocks, or not at all', () => {
    const markdown = '<div>\n\n块内\n\n</div>\n\n段落 <span>标签内</span> 后\n';
    expect(proseText(markdown)).toEqual(['段落 ', ' 后']);
    expect(proseText(markdown, {htmlContent: 'inline'})).toEqual(['块内', '段落 ', ' 后']);
    expect(proseText(markdown, {htmlContent: 'none'})).toEqual(['块内', '段落 ', '标签内', ' 后']);
  });

  it('an author’s raw <a> hides the blocks it wraps when rawAnchors is set', () => {
    const markdown = '<a href="x">\n\n链接内\n\n</a>\n\n链接外\n';
    expect(proseText(markdown, {htmlContent: 'none', rawAnchors: true})).toEqual(['链接外']);
  });

  it('autolinks by text or by source: a link written with brackets is prose by source', () => {
    const markdown = '[https://a.example](https://a.example) <https://b.example>\n';
    expect(proseText(markdown)).toEqual([' ']);
    expect(proseText(markdown, {autolinks: {source: markdown}})).toEqual(['https://a.example', ' ']);
  });

  it('a visitor returning false keeps the walk out of a node', () => {
    const tree = parseMarkdown('> 引用\n\n正文\n');
    const seen: string[] = [];
    walkProse(tree, (node) => {
      if (node.type === 'text') seen.push(node.value);
      return node.type !== 'blockquote';
    });
    expect(seen).toEqual(['正文']);
  });
});
