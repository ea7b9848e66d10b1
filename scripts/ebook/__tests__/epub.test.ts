import JSZip from 'jszip';
import {describe, expect, it} from 'vitest';
import {bookIdentifier, buildEpub, navTree} from '../epub';
import type {OutlineChapter, RenderedBook} from '../types';

function chapter(id: string, parts: string[]): OutlineChapter {
  return {id, title: id, permalink: `/b/${id}`, source: `docs/${id}.md`, parts: parts.map((label) => ({label}))};
}

const book: RenderedBook = {
  outline: {title: '书名', summary: '简介', url: 'https://example.org', baseUrl: '/b/', language: 'zh-Hans', chapters: []},
  chapters: [
    {chapter: chapter('intro', []), title: '前言', idPrefix: 'c1', pdfHtml: '', epubXhtml: '<p xmlns="http://www.w3.org/1999/xhtml">你好</p>', diagrams: [], imageUrls: [], stylesheets: []},
    {
      chapter: chapter('a', ['第一部分']),
      title: '甲',
      idPrefix: 'c2',
      pdfHtml: '',
      epubXhtml: '<p xmlns="http://www.w3.org/1999/xhtml"><math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math><img src="ebook-image:0" alt=""/></p>',
      diagrams: [],
      imageUrls: ['http://local/b/img/a.png'],
      stylesheets: [],
    },
  ],
  colophon: {commit: 'abc123', date: '2026-01-02', modified: '2026-01-02T03:04:05Z', licence: 'CC BY-SA 4.0', licenceUrl: 'https://creativecommons.org/licenses/by-sa/4.0/', siteUrl: 'https://example.org/b/'},
};
const PNG = Buffer.from('89504e470d0a1a0a', 'hex');

describe('navTree', () => {
  it('nests chapters under their parts and starts a new part node when the part changes', () => {
    const tree = navTree([
      {chapter: chapter('intro', []), title: '前言', href: 'c1.xhtml'},
      {chapter: chapter('a', ['一']), title: '甲', href: 'c2.xhtml'},
      {chapter: chapter('b', ['一', '小节']), title: '乙', href: 'c3.xhtml'},
      {chapter: chapter('c', ['二']), title: '丙', href: 'c4.xhtml'},
    ]);
    expect(tree.map((n) => n.label)).toEqual(['前言', '一', '二']);
    expect(tree[1]?.children.map((n) => n.label)).toEqual(['甲', '小节']);
    expect(tree[1]?.children[1]?.children.map((n) => n.href)).toEqual(['c3.xhtml']);
  });
});

describe('bookIdentifier', () => {
  it('is a stable name-based UUID URN', () => {
    const id = bookIdentifier('https://example.org/b/');
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bookIdentifier('https://example.org/b/')).toBe(id);
    expect(bookIdentifier('https://example.org/c/')).not.toBe(id);
  });
});

describe('buildEpub', () => {
  it('stores mimetype first and uncompressed, as the OCF container requires', async () => {
    const epub = await buildEpub(book, {images: new Map([['http://local/b/img/a.png', {bytes: PNG, mediaType: 'image/png'}]]), diagrams: new Map()});
    expect(epub.subarray(30, 38).toString()).toBe('mimetype');
    expect(epub.readUInt16LE(8)).toBe(0); // compression method: stored
    expect(epub.subarray(38, 58).toString()).toBe('application/epub+zip');
  });

  it('declares MathML, names images as package files, and carries the metadata', async () => {
    const epub = await buildEpub(book, {images: new Map([['http://local/b/img/a.png', {bytes: PNG, mediaType: 'image/png'}]]), diagrams: new Map()});
    const zip = await JSZip.loadAsync(epub);
    const opf = await zip.file('OEBPS/content.opf')!.async('string');
    expect(opf).toContain('<item id="c2" href="chapter-2.xhtml" media-type="application/xhtml+xml" properties="mathml"/>');
    expect(opf).toContain('<item id="c1" href="chapter-1.xhtml" media-type="application/xhtml+xml"/>');
    expect(opf).toContain('<dc:language>zh-Hans</dc:language>');
    expect(opf).toContain('<meta property="dcterms:modified">2026-01-02T03:04:05Z</meta>');
    expect(opf).toContain('<dc:rights>CC BY-SA 4.0 https://creativecommons.org/licenses/by-sa/4.0/</dc:rights>');
    const chapterTwo = await zip.file('OEBPS/chapter-2.xhtml')!.async('string');
    expect(chapterTwo).toContain('<img src="images/image-1.png" alt=""/>');
    const nav = await zip.file('OEBPS/nav.xhtml')!.async('string');
    expect(nav).toContain('<ol><li><a href="chapter-1.xhtml">前言</a></li><li><span>第一部分</span><ol><li><a href="chapter-2.xhtml">甲</a></li></ol></li></ol>');
  });

  it('refuses an image type an EPUB reader need not show', async () => {
    const assets = {images: new Map([['http://local/b/img/a.webp', {bytes: PNG, mediaType: 'image/webp'}]]), diagrams: new Map()};
    await expect(buildEpub(book, assets)).rejects.toThrow('图片 http://local/b/img/a.webp 的类型 image/webp 不能放进 EPUB；请改用 PNG、JPEG、GIF 或 SVG');
  });
});
