/**
 * The timeline page of the built site in Debian's Chromium (issue 3): anchors, the
 * lineage links, the 本书中提及 back-links and the filters.
 *
 * Runs against `build/` (after `npm run build`); `LLMBOOK_BUILD_DIR` points it at
 * another build, e.g. a temp copy made with scripts/temp-site.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {TIMELINE_JSON, TIMELINE_ROUTE} from '../../core/constants';
import type {TimelineJson} from '../../plugins/timeline/json';
import {BUILD_DIR, browserUnavailable, launchBrowser, startSite, type Site} from './e2e/site';

const ROOT = process.env.LLMBOOK_BUILD_DIR ?? BUILD_DIR;
const skip =
  process.env.LLMBOOK_BUILD_DIR === undefined
    ? browserUnavailable()
    : fs.existsSync(path.join(ROOT, 'index.html'))
      ? undefined
      : `没有找到 ${ROOT}/index.html`;
if (skip) console.warn(`[timeline.e2e] ${skip}`);

/** Is the element's top edge inside the viewport (below the sticky navbar)? */
async function inView(page: Page, id: string): Promise<boolean> {
  return page.evaluate((target) => {
    const element = document.getElementById(target);
    if (!element) return false;
    const {top, bottom} = element.getBoundingClientRect();
    return top >= 0 && bottom <= window.innerHeight;
  }, id);
}

function entry(page: Page, id: string) {
  return page.locator(`article[aria-labelledby="${id}"]`);
}

describe.skipIf(skip)('the timeline page in a browser', () => {
  let site: Site;
  let browser: Browser;

  beforeAll(async () => {
    site = await startSite(ROOT);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(hash = ''): Promise<{page: Page; errors: string[]}> {
    const page = await browser.newPage({viewport: {width: 1280, height: 800}});
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(new URL(`${TIMELINE_ROUTE}${hash}`, site.url).href, {waitUntil: 'networkidle'});
    // Docusaurus marks the page once React has hydrated it; the filters work from then on.
    await page.locator('html[data-has-hydrated="true"]').waitFor({state: 'attached'});
    return {page, errors};
  }

  it('scrolls /timeline#code-davinci-002 to that entry, with no console errors', async () => {
    const {page, errors} = await open('#code-davinci-002');
    // The theme's hash link adds a zero-width space after the heading text.
    await expect(page.locator('h3#code-davinci-002').textContent()).resolves.toBe('code-davinci-002\u200b');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(await inView(page, 'code-davinci-002')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows the parent link to #davinci and the child link to #text-davinci-002', async () => {
    const {page} = await open('#code-davinci-002');
    const article = entry(page, 'code-davinci-002');
    await article.locator('dd a[href="#davinci"]').click();
    await page.waitForURL(/\/timeline#davinci$/);
    expect(await inView(page, 'davinci')).toBe(true);

    await page.goto(new URL(`${TIMELINE_ROUTE}#code-davinci-002`, site.url).href);
    await article.locator('dd a[href="#text-davinci-002"]').click();
    await page.waitForURL(/\/timeline#text-davinci-002$/);
    expect(await inView(page, 'text-davinci-002')).toBe(true);
    await page.close();
  });

  it('lists the chapters that mention code-davinci-002, and each link opens that chapter at that section', async () => {
    const {page} = await open('#code-davinci-002');
    const links = entry(page, 'code-davinci-002').locator('dt:text-is("本书中提及") + dd a');
    const targets = await links.evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
    expect(targets).toContain('/llm-books/docs/book/llm/hello-chatgpt');
    expect(targets).toContain('/llm-books/docs/book/llm/hello-chatgpt#一张时间表');
    for (const target of targets) {
      await page.goto(new URL(`${TIMELINE_ROUTE}#code-davinci-002`, site.url).href, {waitUntil: 'networkidle'});
      await links.and(page.locator(`[href="${target}"]`)).first().click();
      const [pathname, hash = ''] = target.split('#');
      await page.waitForURL((url) => url.pathname === encodeURI(pathname) && decodeURIComponent(url.hash) === (hash ? `#${hash}` : ''));
      const chapter = page.locator('.theme-doc-markdown');
      await chapter.waitFor();
      // The chapter really names the model (as a link or in code), and the section exists and is shown.
      await expect(chapter.textContent()).resolves.toContain('code-davinci-002');
      if (hash) {
        await page.locator(`[id="${hash}"]`).waitFor();
        expect(await inView(page, hash)).toBe(true);
      }
    }
    await page.close();
  });

  it('hides other organisations when only OpenAI is selected, and shows all again', async () => {
    const {page} = await open();
    const status = page.locator('p[role="status"]');
    const total = await page.locator('li[data-org]').count();
    const openai = await page.locator('li[data-org="OpenAI"]').count();
    expect(openai).toBeGreaterThan(0);
    expect(total).toBeGreaterThan(openai);

    const orgs = page.locator('fieldset', {has: page.locator('legend', {hasText: '组织'})});
    await orgs.getByRole('button', {name: '清空'}).click();
    await expect.poll(() => status.textContent()).toBe('没有符合筛选条件的条目。');
    await orgs.getByRole('checkbox', {name: /^OpenAI/}).check();
    await expect.poll(() => status.textContent()).toBe(`显示 ${openai} / ${total} 个条目`);

    const shown = await page.locator('li[data-org]:visible').evaluateAll((items) => items.map((li) => li.getAttribute('data-org')));
    expect(new Set(shown)).toEqual(new Set(['OpenAI']));
    expect(shown).toHaveLength(openai);
    await expect(page.locator('h3#bert').isVisible()).resolves.toBe(false);

    await orgs.getByRole('button', {name: '全选'}).click();
    await expect.poll(() => page.locator('li[data-org]:visible').count()).toBe(total);
    await page.close();
  });

  it('clears the filters when a link leads to an entry they hide', async () => {
    const {page} = await open();
    const orgs = page.locator('fieldset', {has: page.locator('legend', {hasText: '组织'})});
    await orgs.getByRole('button', {name: '清空'}).click();
    await orgs.getByRole('checkbox', {name: /^Google/}).check();
    await expect.poll(() => page.locator('h3#davinci').isVisible()).toBe(false);
    await page.locator('svg a[href="#davinci"]:not([data-ghost])').click();
    await page.waitForURL(/\/timeline#davinci$/);
    await expect.poll(() => page.locator('h3#davinci').isVisible()).toBe(true);
    await expect.poll(() => inView(page, 'davinci')).toBe(true);
    await expect(orgs.getByRole('checkbox', {name: /^OpenAI/}).isChecked()).resolves.toBe(true);
    await page.close();
  });

  it('hides the retired models with the 已下线 box, badges them, and shows them again', async () => {
    const {page} = await open();
    const status = page.locator('p[role="status"]');
    const total = await page.locator('li[data-status]').count();
    const retired = await page.locator('li[data-status="retired"]').count();
    expect(retired).toBeGreaterThan(0);
    // A retired entry carries a visible 已下线 badge, its shutdown date and its replacement.
    const old = entry(page, 'text-davinci-003');
    await expect(old.locator('p', {hasText: '已下线'}).count()).resolves.toBe(1);
    await expect(old.locator('dd', {hasText: '2024-01-04'}).locator('a[href="#gpt-3.5-turbo-instruct"]').count()).resolves.toBe(1);

    const box = page.locator('fieldset', {has: page.locator('legend', {hasText: '状态'})}).getByRole('checkbox', {name: /^已下线/});
    await box.uncheck();
    await expect.poll(() => status.textContent()).toBe(`显示 ${total - retired} / ${total} 个条目`);
    await expect.poll(() => page.locator('h3#text-davinci-003').isVisible()).toBe(false);
    const shown = await page.locator('li[data-status]:visible').evaluateAll((items) => items.map((li) => li.getAttribute('data-status')));
    expect(shown).not.toContain('retired');
    await expect(page.locator('h3[id="gpt-3.5-turbo-instruct"]').isVisible()).resolves.toBe(true);

    await box.check();
    await expect.poll(() => page.locator('li[data-status]:visible').count()).toBe(total);
    await page.close();
  });

  it('marks an estimated release date and links a family to its members', async () => {
    const {page} = await open('#llama-family');
    await expect(entry(page, 'code-davinci-002').locator('abbr', {hasText: '估计'}).count()).resolves.toBe(1);
    await expect(entry(page, 'davinci').locator('abbr').count()).resolves.toBe(0);
    const members = entry(page, 'llama-family').locator('dt:text-is("成员") + dd a');
    expect(await members.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))).toEqual(
      expect.arrayContaining(['#llama', '#llama-2', '#llama-4']),
    );
    await page.close();
  });

  it('filters by kind from the keyboard', async () => {
    const {page} = await open();
    const code = page.locator('fieldset', {has: page.locator('legend', {hasText: '类型'})}).getByRole('checkbox', {name: /^代码模型/});
    await code.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => code.isChecked()).toBe(false);
    await expect.poll(() => page.locator('h3#code-davinci-002').isVisible()).toBe(false);
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('h3#code-davinci-002').isVisible()).toBe(true);
    await page.close();
  });

  it('shows the entries and the lineage diagram without JavaScript, nodes linking to entries', async () => {
    const context = await browser.newContext({javaScriptEnabled: false});
    const page = await context.newPage();
    await page.goto(new URL(TIMELINE_ROUTE, site.url).href);
    expect(await page.locator('h3#code-davinci-002').isVisible()).toBe(true);
    expect(await page.locator('#lineage_diagram ~ figure svg a[href="#code-davinci-002"]:not([data-ghost])').count()).toBe(1);
    const labels = await page.locator('#lineage_diagram ~ figure svg text').allTextContents();
    expect(labels).toContain('← 代码训练');
    await context.close();

    const {page: live} = await open();
    await live.locator('svg a[href="#text-davinci-002"]:not([data-ghost])').click();
    await live.waitForURL(/\/timeline#text-davinci-002$/);
    expect(await inView(live, 'text-davinci-002')).toBe(true);
    await live.close();
  });

  it('publishes /timeline.json with the registry and the back-links', async () => {
    const response = await fetch(new URL(TIMELINE_JSON, site.url));
    expect(response.status).toBe(200);
    const json = (await response.json()) as TimelineJson;
    const model = json.models.find((m) => m.id === 'code-davinci-002');
    expect(model?.parents).toEqual([{id: 'davinci', via: '代码训练'}]);
    expect(model?.url).toBe('https://morsoli.github.io/llm-books/timeline#code-davinci-002');
    expect(model?.mentions.map((m) => m.url)).toContain('https://morsoli.github.io/llm-books/docs/book/llm/hello-chatgpt');
    expect(model).toMatchObject({estimated: true, status: 'retired', shutdown: {text: '2023-03-23', estimated: false}});
    expect(json.models.find((m) => m.id === 'llama-family')).toMatchObject({type: 'family', members: expect.arrayContaining(['llama', 'llama-4'])});
  });
});
