/**
 * `npm run ebook`: the built site (`build/`, with `book.json` from plugins/llms-txt) →
 * `build/downloads/<book>.pdf`, `<book>.epub` and `manifest.json` (sizes for the site's
 * download links). Chromium renders every chapter in sidebar order; see README.md here.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {BOOK_OUTLINE_JSON, DOWNLOADS, DOWNLOADS_DIR, ROOT_DIR, TIMELINE_ROUTE} from '../../core/constants';
import type {DownloadsManifest} from '../../core/downloads';
import {launchBrowser, startSite} from '../static-site';
import {currentCommit, makeColophon} from './colophon';
import {buildEpub, type PackagedImage} from './epub';
import {extractBook, rasterise} from './extract';
import {bookHtml, renderPdf} from './pdf';
import {EbookError} from './problems';
import type {BookOutline, RenderedBook, RenderedPage} from './types';
import {writeAllOrNothing} from './write';

export interface ExportOptions {
  /** The built site (default `build/`). */
  buildDir?: string;
  /** Where the chapters' Markdown lives (default: the repository). */
  siteDir?: string;
  /** Route of the appendix page relative to baseUrl, or `false` for none. */
  appendixRoute?: string | false;
  log?: (line: string) => void;
}


async function readOutline(buildDir: string): Promise<BookOutline> {
  const file = path.join(buildDir, BOOK_OUTLINE_JSON);
  const text = await fs.readFile(file, 'utf8').catch((error: unknown) => {
    throw new EbookError(`找不到 ${file}：请先运行 npm run build（llms.txt 插件在构建结束时写出它）`, {cause: error});
  });
  return JSON.parse(text) as BookOutline;
}

async function fetchImages(pages: readonly RenderedPage[]): Promise<Map<string, PackagedImage>> {
  const images = new Map<string, PackagedImage>();
  for (const url of new Set(pages.flatMap((page) => page.imageUrls))) {
    const response = await fetch(url);
    if (!response.ok) throw new EbookError(`图片 ${url} 无法读取（HTTP ${response.status}）`);
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    images.set(url, {bytes: Buffer.from(await response.arrayBuffer()), mediaType});
  }
  return images;
}

/** Export the book; resolves with what was written, rejects with an EbookError naming file:line. */
export async function exportBook(options: ExportOptions = {}): Promise<DownloadsManifest> {
  const buildDir = path.resolve(options.buildDir ?? path.join(ROOT_DIR, 'build'));
  const siteDir = path.resolve(options.siteDir ?? ROOT_DIR);
  const started = Date.now();
  const say = options.log ?? (() => undefined);
  const log = (line: string) => say(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);
  const outline = await readOutline(buildDir);
  const site = await startSite(buildDir, outline.baseUrl);
  const browser = await launchBrowser();
  try {
    const appendixRoute = options.appendixRoute === false ? undefined : (options.appendixRoute ?? TIMELINE_ROUTE);
    log(`渲染 ${outline.chapters.length} 章…`);
    const {chapters, appendix} = await extractBook({browser, localUrl: site.url, outline, siteDir, appendixRoute});
    const colophon = makeColophon(`${outline.url}${outline.baseUrl}`, currentCommit(siteDir));
    const book: RenderedBook = {outline, chapters, appendix, colophon};
    const pages: RenderedPage[] = [...chapters, ...(appendix ? [appendix] : [])];

    log('生成 PDF…');
    const pdf = await renderPdf(browser, bookHtml(book, site.url), site.url);
    log('生成 EPUB…');
    const diagrams = new Map<string, Buffer[]>();
    for (const page of pages) if (page.diagrams.length > 0) diagrams.set(page.idPrefix, await rasterise(browser, page.diagrams));
    const epub = await buildEpub(book, {images: await fetchImages(pages), diagrams});

    const bytes: Record<string, Buffer> = {pdf, epub};
    const manifest: DownloadsManifest = {
      generated: colophon.modified,
      commit: colophon.commit,
      files: DOWNLOADS.map((d) => ({format: d.format, label: d.label, path: d.path, bytes: bytes[d.format]?.length ?? 0})),
    };
    const target = path.join(buildDir, DOWNLOADS_DIR);
    await writeAllOrNothing(target, async (temp) => {
      for (const download of DOWNLOADS) {
        const content = bytes[download.format];
        if (content) await fs.writeFile(path.join(temp, path.basename(download.path)), content);
      }
      await fs.writeFile(path.join(temp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    });
    return manifest;
  } finally {
    await browser.close();
    await site.close();
  }
}
