/**
 * The EPUB 3 package: one XHTML file per chapter (the browser's own XML serialisation of
 * the rendered page), math as MathML, diagrams as PNG, a navigation document nested by
 * part, metadata (title, zh-Hans, a stable identifier, dcterms:modified, rights).
 * Zipped with JSZip; `mimetype` first and stored, as the OCF container requires.
 */
import crypto from 'node:crypto';
import JSZip from 'jszip';
import {colophonHtml} from './pdf';
import {escapeXml} from './html';
import {EbookError} from './problems';
import type {OutlineChapter, RenderedBook} from './types';

/** Media types an EPUB 3 reading system must support for images (core media types). */
const IMAGE_TYPES: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
};

/** An image the package must carry: its bytes and media type. */
export interface PackagedImage {
  bytes: Buffer;
  mediaType: string;
}

/** The images of the book, fetched by URL, and the diagrams as PNG by chapter prefix. */
export interface EpubAssets {
  images: Map<string, PackagedImage>;
  diagrams: Map<string, Buffer[]>;
}

const STYLE_CSS = `
body { font-family: "Noto Serif CJK SC", serif; line-height: 1.7; }
h1, h2, h3, h4 { font-family: "Noto Sans CJK SC", sans-serif; line-height: 1.3; }
pre { white-space: pre-wrap; word-break: break-all; font-size: 0.85em; background: #f6f8fa; padding: 0.6em; }
code { font-family: monospace; }
table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: 0.2em 0.4em; }
img { max-width: 100%; } img.ebook-diagram { display: block; margin: 1em auto; }
math[display="block"] { display: block; margin: 1em 0; }
.cover { text-align: center; margin-top: 30%; } .cover .title { font-size: 2em; font-weight: bold; }
nav ol { list-style: none; }
`;

/** A stable urn:uuid for the book, derived from its URL (name-based, SHA-1, like a v5 UUID). */
export function bookIdentifier(url: string): string {
  const hex = crypto.createHash('sha1').update(url).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function xhtml(lang: string, title: string, body: string, bodyType?: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}">
<head>
<meta charset="utf-8"/>
<title>${escapeXml(title)}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body${bodyType ? ` epub:type="${bodyType}"` : ''}>
${body}
</body>
</html>
`;
}

interface NavNode {
  label: string;
  href?: string;
  children: NavNode[];
}

/** The chapters as a tree of parts, for the navigation document. */
export function navTree(entries: readonly {chapter: OutlineChapter; title: string; href: string}[]): NavNode[] {
  const roots: NavNode[] = [];
  for (const {chapter, title, href} of entries) {
    let level = roots;
    for (const part of chapter.parts) {
      let node = level.at(-1);
      if (!node || node.href !== undefined || node.label !== part.label) {
        node = {label: part.label, children: []};
        level.push(node);
      }
      level = node.children;
    }
    level.push({label: title, href, children: []});
  }
  return roots;
}

function navList(nodes: readonly NavNode[]): string {
  const items = nodes.map((node) => {
    const label = node.href ? `<a href="${escapeXml(node.href)}">${escapeXml(node.label)}</a>` : `<span>${escapeXml(node.label)}</span>`;
    return `<li>${label}${node.children.length > 0 ? navList(node.children) : ''}</li>`;
  });
  return `<ol>${items.join('')}</ol>`;
}

function withImages(body: string, urls: readonly string[], names: Map<string, string>, where: string): string {
  return body.replace(/src="ebook-image:(\d+)"/g, (_, index: string) => {
    const url = urls[Number(index)];
    const name = url === undefined ? undefined : names.get(url);
    if (!name) throw new EbookError(`${where}: 图片 ${url ?? index} 没有打包进 EPUB`);
    return `src="${name}"`;
  });
}

/** Build the EPUB file. */
export async function buildEpub(book: RenderedBook, assets: EpubAssets): Promise<Buffer> {
  const {outline, colophon} = book;
  const lang = outline.language;
  const zip = new JSZip();
  zip.file('mimetype', 'application/epub+zip', {compression: 'STORE'});
  zip.file(
    'META-INF/container.xml',
    `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`,
  );
  const manifest: string[] = [
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    '<item id="style" href="style.css" media-type="text/css"/>',
    '<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>',
  ];
  const spine: string[] = ['<itemref idref="cover"/>', '<itemref idref="nav"/>'];
  zip.file('OEBPS/style.css', STYLE_CSS);

  const imageNames = new Map<string, string>();
  for (const [i, [url, image]] of [...assets.images].entries()) {
    const ext = IMAGE_TYPES[image.mediaType];
    if (!ext) throw new EbookError(`图片 ${url} 的类型 ${image.mediaType} 不能放进 EPUB；请改用 PNG、JPEG、GIF 或 SVG`);
    const name = `images/image-${i + 1}.${ext}`;
    imageNames.set(url, name);
    zip.file(`OEBPS/${name}`, image.bytes);
    manifest.push(`<item id="image-${i + 1}" href="${name}" media-type="${image.mediaType}"/>`);
  }
  for (const [prefix, pngs] of assets.diagrams) {
    pngs.forEach((png, i) => {
      const name = `images/${prefix}-diagram-${i}.png`;
      zip.file(`OEBPS/${name}`, png);
      manifest.push(`<item id="${prefix}-diagram-${i}" href="${name}" media-type="image/png"/>`);
    });
  }

  const addContent = (id: string, file: string, title: string, body: string, bodyType?: string) => {
    const text = xhtml(lang, title, body, bodyType);
    const properties = [text.includes('<math') ? 'mathml' : '', text.includes('<svg') ? 'svg' : ''].filter(Boolean).join(' ');
    zip.file(`OEBPS/${file}`, text);
    manifest.push(`<item id="${id}" href="${file}" media-type="application/xhtml+xml"${properties ? ` properties="${properties}"` : ''}/>`);
    spine.push(`<itemref idref="${id}"/>`);
  };

  const cover = `<section class="cover" epub:type="titlepage"><p class="title">${escapeXml(outline.title)}</p><p>${escapeXml(outline.summary)}</p></section>
<section class="colophon" epub:type="copyright-page">${colophonHtml(book)}</section>`;
  zip.file('OEBPS/cover.xhtml', xhtml(lang, outline.title, cover, 'frontmatter'));

  const navEntries = book.chapters.map((c) => ({chapter: c.chapter, title: c.title, href: `${c.idPrefix.replace(/^c/, 'chapter-')}.xhtml`}));
  for (const rendered of book.chapters) {
    const file = `${rendered.idPrefix.replace(/^c/, 'chapter-')}.xhtml`;
    const body = withImages(rendered.epubXhtml, rendered.imageUrls, imageNames, rendered.chapter.source);
    addContent(rendered.idPrefix, file, rendered.title, `<section epub:type="chapter">${body}</section>`, 'bodymatter');
  }
  const nav = navList(navTree(navEntries));
  let appendixItem = '';
  if (book.appendix) {
    const body = withImages(book.appendix.epubXhtml, book.appendix.imageUrls, imageNames, book.appendix.title);
    addContent('appendix', 'appendix.xhtml', book.appendix.title, `<section epub:type="appendix">${body}</section>`, 'backmatter');
    appendixItem = `<li><a href="appendix.xhtml">${escapeXml(book.appendix.title)}</a></li>`;
  }
  const navBody = `<nav epub:type="toc" id="toc"><h1>目录</h1>${nav.replace(/<\/ol>$/, `${appendixItem}</ol>`)}</nav>
<nav epub:type="landmarks" hidden=""><ol><li><a epub:type="cover" href="cover.xhtml">封面</a></li><li><a epub:type="bodymatter" href="${escapeXml(navEntries[0]?.href ?? 'cover.xhtml')}">正文</a></li></ol></nav>`;
  zip.file('OEBPS/nav.xhtml', xhtml(lang, '目录', navBody));

  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${lang}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">${bookIdentifier(`${outline.url}${outline.baseUrl}`)}</dc:identifier>
<dc:title>${escapeXml(outline.title)}</dc:title>
<dc:language>${escapeXml(lang)}</dc:language>
<dc:description>${escapeXml(outline.summary)}</dc:description>
<dc:date>${colophon.date}</dc:date>
<dc:rights>${escapeXml(`${colophon.licence} ${colophon.licenceUrl}`)}</dc:rights>
<dc:source>${escapeXml(colophon.siteUrl)}</dc:source>
<meta property="dcterms:modified">${colophon.modified}</meta>
</metadata>
<manifest>
${manifest.join('\n')}
</manifest>
<spine>
${spine.join('\n')}
</spine>
</package>
`;
  zip.file('OEBPS/content.opf', opf);
  return zip.generateAsync({type: 'nodebuffer', compression: 'DEFLATE', mimeType: 'application/epub+zip'});
}
