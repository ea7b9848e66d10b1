/**
 * The PDF: one HTML document for the whole book (cover, colophon, contents, parts,
 * chapters, appendix), printed by Chromium with an outline from the headings, tagged,
 * with page numbers. Chromium embeds the fonts it uses (Noto CJK for Chinese).
 */
import type {Browser} from 'playwright-core';
import {escapeXml, newParts} from './html';
import type {RenderedBook} from './types';

/** Print styles on top of the site's own stylesheet (Infima, KaTeX, admonitions). */
export const PRINT_CSS = `
:root {
  --ifm-font-family-base: "Noto Serif CJK SC", "Noto Sans CJK SC", serif;
  --ifm-heading-font-family: "Noto Sans CJK SC", sans-serif;
  --ifm-font-family-monospace: "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace;
  --ifm-background-color: #fff;
}
html { font-size: 10.5pt; background: #fff; }
body { margin: 0; }
.ebook-cover { height: 240mm; display: flex; flex-direction: column; justify-content: center; text-align: center; break-after: page; }
.ebook-cover .ebook-title { font: 700 30pt "Noto Sans CJK SC", sans-serif; margin: 0 0 8mm; }
.ebook-cover .ebook-tagline { font-size: 14pt; color: #444; }
.ebook-cover .ebook-edition { margin-top: 30mm; color: #666; }
.ebook-colophon { break-after: page; padding-top: 150mm; font-size: 9pt; color: #444; }
.ebook-toc { break-after: page; }
.ebook-toc .ebook-toc-title { font: 700 20pt "Noto Sans CJK SC", sans-serif; margin-bottom: 6mm; }
.ebook-toc ol { list-style: none; padding-left: 0; }
.ebook-toc ol ol { padding-left: 6mm; }
.ebook-toc li { margin: 1.5mm 0; }
.ebook-toc .ebook-toc-part { font-weight: 700; margin-top: 4mm; }
.ebook-toc a { color: inherit; text-decoration: none; }
.ebook-part { break-before: page; padding-top: 80mm; text-align: center; }
.ebook-part .ebook-part-title { font: 700 22pt "Noto Sans CJK SC", sans-serif; }
.ebook-part .ebook-part-description { color: #555; max-width: 120mm; margin: 6mm auto 0; }
.ebook-chapter, .ebook-appendix { break-before: page; }
.ebook-chapter header { margin-bottom: 6mm; }
h1, h2, h3, h4 { break-after: avoid; }
img, figure, tr, .katex-display, .ebook-diagram { break-inside: avoid; }
img { max-width: 100%; }
.ebook-diagram { display: block; margin: 4mm auto; max-width: 100%; height: auto; }
pre, pre code { white-space: pre-wrap !important; word-break: break-all; }
.theme-code-block { break-inside: auto; }
a { text-decoration: none; }
.markdown a.model-link { color: inherit; border-bottom: 1px dotted currentColor; }
details { border: 1px solid #ddd; padding: 2mm 3mm; }
details > *:not(summary) { display: block !important; }
`;

function coverHtml(book: RenderedBook): string {
  const {outline, colophon} = book;
  return `<section class="ebook-cover">
<p class="ebook-title">${escapeXml(outline.title)}</p>
<p class="ebook-tagline">${escapeXml(outline.summary)}</p>
<p class="ebook-edition">${escapeXml(colophon.date)} · ${escapeXml(colophon.siteUrl)}</p>
</section>`;
}

export function colophonHtml(book: RenderedBook): string {
  const {outline, colophon} = book;
  return `<p><strong>${escapeXml(outline.title)}</strong></p>
<p>版本：提交 <code>${escapeXml(colophon.commit)}</code>，生成于 ${escapeXml(colophon.date)}。</p>
<p>许可：本书内容以 <a href="${escapeXml(colophon.licenceUrl)}">${escapeXml(colophon.licence)}</a> 协议开放，转载和改编请署名并以相同协议共享。</p>
<p>在线阅读与最新版本：<a href="${escapeXml(colophon.siteUrl)}">${escapeXml(colophon.siteUrl)}</a></p>
<p>本电子书由 <code>npm run ebook</code> 从网站的同一份 Markdown 生成。</p>`;
}

function tocHtml(book: RenderedBook): string {
  const items: string[] = [];
  let previous: RenderedBook['chapters'][number]['chapter'] | undefined;
  for (const {chapter, idPrefix, title} of book.chapters) {
    for (const part of newParts(previous, chapter)) items.push(`<li class="ebook-toc-part">${escapeXml(part.label)}</li>`);
    const depth = chapter.parts.length;
    items.push(`<li style="padding-left:${depth * 6}mm"><a href="#${idPrefix}">${escapeXml(title)}</a></li>`);
    previous = chapter;
  }
  if (book.appendix) items.push(`<li class="ebook-toc-part"><a href="#a">${escapeXml(book.appendix.title)}</a></li>`);
  return `<nav class="ebook-toc"><p class="ebook-toc-title">目录</p><ol>${items.join('\n')}</ol></nav>`;
}

/** The whole book as one HTML document; `base` is where its images and stylesheets are served. */
export function bookHtml(book: RenderedBook, base: string): string {
  const stylesheets = [...new Set(book.chapters.flatMap((c) => c.stylesheets))];
  const body: string[] = [coverHtml(book), `<section class="ebook-colophon">${colophonHtml(book)}</section>`, tocHtml(book)];
  let previous: RenderedBook['chapters'][number]['chapter'] | undefined;
  for (const rendered of book.chapters) {
    for (const part of newParts(previous, rendered.chapter)) {
      const description = part.description ? `<p class="ebook-part-description">${escapeXml(part.description)}</p>` : '';
      body.push(`<section class="ebook-part"><p class="ebook-part-title">${escapeXml(part.label)}</p>${description}</section>`);
    }
    body.push(`<article class="ebook-chapter markdown" id="${rendered.idPrefix}">${rendered.pdfHtml}</article>`);
    previous = rendered.chapter;
  }
  if (book.appendix) body.push(`<section class="ebook-appendix markdown" id="a">${book.appendix.pdfHtml}</section>`);
  return `<!DOCTYPE html>
<html lang="${escapeXml(book.outline.language)}" data-theme="light">
<head>
<meta charset="utf-8">
<base href="${escapeXml(base)}">
<title>${escapeXml(book.outline.title)}</title>
${stylesheets.map((href) => `<link rel="stylesheet" href="${escapeXml(href)}">`).join('\n')}
<style>${PRINT_CSS}</style>
</head>
<body><main class="ebook">
${body.join('\n')}
</main></body>
</html>
`;
}

const FOOTER = `<div style="width:100%;font-size:8pt;color:#666;text-align:center;font-family:'Noto Sans CJK SC',sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

/** Print the book with Chromium: A4, outline from h1–h6, tagged, page numbers in the footer. */
export async function renderPdf(browser: Browser, html: string, base: string): Promise<Buffer> {
  const context = await browser.newContext({colorScheme: 'light'});
  const page = await context.newPage();
  try {
    // Open the site first so the document's origin matches its images and stylesheets.
    await page.goto(base, {waitUntil: 'domcontentloaded'});
    await page.setContent(html, {waitUntil: 'networkidle'});
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      outline: true,
      tagged: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: FOOTER,
      margin: {top: '18mm', bottom: '20mm', left: '16mm', right: '16mm'},
    });
  } finally {
    await context.close();
  }
}
