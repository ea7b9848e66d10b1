/**
 * The built site in Debian's Chromium: what a reader relies on (issue 2), plus the
 * auto-linked model names in a real chapter (issue 4).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {EDIT_URL} from '../../core/constants';
import {createTempSite} from '../../scripts/temp-site';
import {browserUnavailable, launchBrowser, startSite, type Site} from './e2e/site';

const CHAPTER = 'docs/book/llm/hello-chatgpt';
const skip = browserUnavailable();
if (skip) console.warn(`[site.e2e] ${skip}`);

describe.skipIf(skip)('the built site in a browser', () => {
  let site: Site;
  let browser: Browser;

  beforeAll(async () => {
    site = await startSite();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(route: string): Promise<{page: Page; errors: string[]}> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(new URL(route, site.url).href, {waitUntil: 'networkidle'});
    return {page, errors};
  }

  it('loads the home page in Chinese with no console errors', async () => {
    const {page, errors} = await open('');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');
    await expect(page.locator('h1').first().textContent()).resolves.toContain('LLM 应用开发实践笔记');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders math, a diagram and the chapter in the sidebar', async () => {
    const {page, errors} = await open(CHAPTER);
    expect(await page.locator('.katex-display .katex').count()).toBeGreaterThan(0);
    expect(await page.locator('.katex-mathml').first().textContent()).not.toBe('');
    await page.locator('.docusaurus-mermaid-container svg').first().waitFor();
    const active = page.locator('.theme-doc-sidebar-menu a.menu__link--active[aria-current="page"]');
    await expect(active.textContent()).resolves.toBe('你好, ChatGPT');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('points the edit link at the chapter on GitHub', async () => {
    const {page} = await open(CHAPTER);
    const href = await page.locator('a.theme-edit-this-page').getAttribute('href');
    expect(href).toBe(`${EDIT_URL}docs/book/01-llm/01-hello-chatgpt.md`);
    await expect(page.locator('a.theme-edit-this-page').textContent()).resolves.toBe('编辑此页');
    await page.close();
  });

  it('finds a chapter by a Chinese word with the offline search', async () => {
    const {page} = await open('');
    await page.locator('.navbar__search-input').fill('奖励建模');
    const hit = page.locator('[role="listbox"] [role="option"]', {hasText: '你好, ChatGPT'}).first();
    await hit.waitFor({timeout: 15_000});
    await expect(hit.textContent()).resolves.toContain('奖励建模');
    await hit.click();
    await page.waitForURL(/\/docs\/book\/llm\/hello-chatgpt/);
    await page.close();
  });

  it('links the first text-davinci-003 of the chapter to the timeline, and nothing in code', async () => {
    const {page} = await open(CHAPTER);
    const first = page.locator('article a.model-link', {hasText: 'text-davinci-003'}).first();
    expect(await first.getAttribute('href')).toBe('/llm-books/timeline#text-davinci-003');
    // The native tooltip is in the server HTML (no JavaScript); once hydrated the hover card replaces it.
    const html = await (await fetch(new URL(CHAPTER, site.url))).text();
    expect(html).toContain('title="text-davinci-003 · OpenAI · 2022-11');
    expect(await page.locator('article pre a').count()).toBe(0);
    // Quiet styling: body-coloured with a dotted underline, unlike ordinary links, in both themes.
    // (Colour transitions are switched off so the computed colour is the final one.)
    await page.addStyleTag({content: '*, *::before, *::after { transition: none !important; }'});
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
      const styles = await page.evaluate(() => {
        const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
        return {
          model: style('article a.model-link').color,
          text: style('article p').color,
          plain: style('article a[href^="https://"]').color,
          line: style('article a.model-link').textDecorationStyle,
        };
      });
      expect(styles.model).toBe(styles.text);
      expect(styles.plain).not.toBe(styles.text);
      expect(styles.line).toBe('dotted');
    }
    await first.click();
    await page.waitForURL(/\/timeline#text-davinci-003$/);
    await page.locator('[id="text-davinci-003"]').waitFor();
    expect(await page.locator('[id="text-davinci-003"]').isVisible()).toBe(true);
    await page.close();
  });
});

describe('the build as a safety net', () => {
  it('keeps <, { and <tag> in CommonMark prose as text', async () => {
    const site = await createTempSite();
    await fs.copyFile(path.join(__dirname, '__fixtures__', 'prose-with-brackets.md'), path.join(site.dir, 'docs', 'book', 'brackets.md'));
    try {
      await site.build();
      const html = await fs.readFile(path.join(site.dir, 'build', 'docs', 'book', 'brackets.html'), 'utf8');
      expect(html).toContain('{question}');
      expect(html).toContain('a &lt; b');
      // CommonMark reads `<begin>` as an inline HTML tag: the build must survive it, and the
      // prose after it must still be there.
      expect(html).toContain('这些字符都应当原样显示。');
    } finally {
      await site.remove();
    }
  });

  it('fails on a broken internal link', async () => {
    const site = await createTempSite();
    try {
      const chapter = path.join(site.dir, 'docs', 'book', '01-llm', '01-hello-chatgpt.md');
      await fs.appendFile(chapter, '\n另见[不存在的页面](/docs/book/no-such-page)。\n');
      await expect(site.build()).rejects.toThrow(/Docusaurus found broken links[\s\S]*\/docs\/book\/no-such-page/);
    } finally {
      await site.remove();
    }
  });
});
