/**
 * Render every chapter of the built site in Chromium, in sidebar order, and take its
 * content for the book (`browser/extract.js` does the work inside the page). Diagrams are
 * drawn by the site's own Mermaid and timeline code, so the book shows what the site shows.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {formatProblems, EbookError, type PageProblem} from './problems';
import {mermaidCount} from './source';
import type {BookOutline, Diagram, RenderedChapter, RenderedPage} from './types';

const EXTRACT_SOURCE = path.join(__dirname, 'browser', 'extract.js');
/** The Markdown body of a doc page (the docs theme's class) and the timeline page's main. */
const DOC_CONTENT = 'article .theme-doc-markdown';
const APPENDIX_CONTENT = 'main';

export interface ExtractOptions {
  browser: Browser;
  /** Origin plus baseUrl of the local server over the build. */
  localUrl: string;
  outline: BookOutline;
  /** Site directory, for reading a chapter's Markdown when it has a problem. */
  siteDir: string;
  /** Route of the appendix (the timeline page), relative to baseUrl; undefined for none. */
  appendixRoute?: string;
}

interface PageResult extends Omit<RenderedPage, 'idPrefix'> {
  problems: PageProblem[];
}

function decodedPath(permalink: string): string {
  return decodeURI(permalink).replace(/\/$/, '');
}

async function renderPage(page: Page, url: string, script: string, args: Record<string, unknown>, diagrams = 0): Promise<PageResult> {
  const response = await page.goto(url, {waitUntil: 'networkidle'});
  if (!response?.ok()) {
    return {problems: [{kind: 'content', detail: `${url} (HTTP ${response?.status() ?? '?'})`}]} as PageResult;
  }
  // Mermaid draws in the browser after hydration: wait for as many diagrams as the
  // Markdown has. One that never draws is a problem of the chapter.
  const drawn = await page
    .waitForFunction((count) => document.querySelectorAll('.docusaurus-mermaid-container svg').length >= count, diagrams, {timeout: 30_000})
    .then(() => true, () => false);
  if (!drawn) return {problems: [{kind: 'diagram', detail: `${diagrams} 张图中有未渲染的`}]} as PageResult;
  return page.evaluate(`(${script})(${JSON.stringify(args)})`) as Promise<PageResult>;
}

/** Render the chapters and the appendix; throws an EbookError listing every problem as file:line:col. */
export async function extractBook(options: ExtractOptions): Promise<{chapters: RenderedChapter[]; appendix?: RenderedPage}> {
  const {browser, localUrl, outline, siteDir} = options;
  const script = await fs.readFile(EXTRACT_SOURCE, 'utf8');
  const localOrigin = new URL(localUrl).origin;
  const chapters = Object.fromEntries(outline.chapters.map((chapter, i) => [decodedPath(chapter.permalink), i + 1]));
  const appendixPath = options.appendixRoute === undefined ? null : decodedPath(`${outline.baseUrl}${options.appendixRoute}`);
  const common = {chapters, appendixPath, publicOrigin: outline.url};
  const context = await browser.newContext({colorScheme: 'light', viewport: {width: 900, height: 1200}});
  const page = await context.newPage();
  const problems: string[] = [];
  const rendered: RenderedChapter[] = [];
  try {
    for (const [i, chapter] of outline.chapters.entries()) {
      const idPrefix = `c${i + 1}`;
      const source = await fs.readFile(path.join(siteDir, chapter.source), 'utf8');
      const args = {...common, selector: DOC_CONTENT, idPrefix};
      const result = await renderPage(page, `${localOrigin}${chapter.permalink}`, script, args, mermaidCount(source));
      if (result.problems.length > 0) {
        problems.push(...formatProblems(chapter.source, source, result.problems));
        continue;
      }
      rendered.push({...result, idPrefix, title: result.title || chapter.title, chapter});
    }
    let appendix: RenderedPage | undefined;
    if (appendixPath !== null && options.appendixRoute !== undefined) {
      const url = `${localOrigin}${outline.baseUrl}${options.appendixRoute}`;
      const result = await renderPage(page, url, script, {...common, selector: APPENDIX_CONTENT, idPrefix: 'a'});
      if (result.problems.length > 0) problems.push(...formatProblems(`${outline.baseUrl}${options.appendixRoute}`, '', result.problems));
      else appendix = {...result, idPrefix: 'a'};
    }
    if (problems.length > 0) throw new EbookError(`无法导出电子书：\n${problems.join('\n')}`);
    return {chapters: rendered, appendix};
  } finally {
    await context.close();
  }
}

/** Draw a diagram's SVG as a PNG (for the EPUB), at twice its natural size, at most 2400 px wide. */
export async function rasterise(browser: Browser, diagrams: readonly Diagram[]): Promise<Buffer[]> {
  const context = await browser.newContext({colorScheme: 'light', deviceScaleFactor: 1});
  const page = await context.newPage();
  const out: Buffer[] = [];
  try {
    for (const diagram of diagrams) {
      const scale = Math.min(2, 2400 / Math.max(1, diagram.width));
      const width = Math.ceil(diagram.width * scale);
      const height = Math.ceil(diagram.height * scale);
      await page.setViewportSize({width, height});
      const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(diagram.svg)}`;
      await page.setContent(`<html><body style="margin:0;background:#fff"><img src="${src}" style="display:block;width:${width}px;height:${height}px"></body></html>`);
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      out.push(await page.screenshot({type: 'png', clip: {x: 0, y: 0, width, height}}));
    }
  } finally {
    await context.close();
  }
  return out;
}
