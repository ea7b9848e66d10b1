/**
 * The reading experience of the built site in Debian's Chromium (issue 16): the home page,
 * model hover cards (mouse, keyboard, touch), the lineage diagram, accessibility (axe-core,
 * both colour modes) and phone width. Screenshots at 1280 and 390 px are kept in
 * `test-artifacts/screenshots/` (gitignored) for a person to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {parse as parseYaml} from 'yaml';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {DOCS_DIR, ROOT_DIR, TIMELINE_ROUTE} from '../../core/constants';
import {browserUnavailable, launchBrowser, startSite, type Site} from './e2e/site';

const CHAPTER = 'docs/book/llm/hello-chatgpt';
const SEARCH = 'search?q=%E6%A8%A1%E5%9E%8B';
const PAGES: Record<string, string> = {home: '', chapter: CHAPTER, timeline: TIMELINE_ROUTE, search: SEARCH};
const SCREENSHOTS = path.join(ROOT_DIR, 'test-artifacts', 'screenshots');
const skip = browserUnavailable();
if (skip) console.warn(`[reading.e2e] ${skip}`);

type Scheme = 'light' | 'dark';

/** The `description` front matter of every chapter under docs/book (what the home page must show). */
function chapterDescriptions(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.mdx?$/.test(entry.name) && !entry.name.startsWith('_')) {
        const front = /^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(file, 'utf8'));
        const description = front ? (parseYaml(front[1]) as {description?: string}).description : undefined;
        if (description) found.push(description);
      }
    }
  };
  walk(path.join(ROOT_DIR, DOCS_DIR, 'book'));
  return found;
}

describe.skipIf(skip)('reading the built site', () => {
  let site: Site;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    site = await startSite();
    browser = await launchBrowser();
    fs.mkdirSync(SCREENSHOTS, {recursive: true});
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await site?.close();
  });

  async function open(
    route: string,
    {width = 1280, scheme = 'light' as Scheme, touch = false, javaScript = true} = {},
  ): Promise<{page: Page; errors: string[]}> {
    const context = await browser.newContext({
      viewport: {width, height: 860},
      colorScheme: scheme,
      hasTouch: touch,
      isMobile: touch,
      javaScriptEnabled: javaScript,
      reducedMotion: 'reduce',
    });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(new URL(route, site.url).href, {waitUntil: 'networkidle'});
    if (javaScript) await page.locator('html[data-has-hydrated="true"]').waitFor({state: 'attached'});
    return {page, errors};
  }

  describe('the home page', () => {
    it('shows every chapter with its front-matter description, a reading path and the latest models, without JavaScript', async () => {
      const {page} = await open('', {javaScript: false});
      const text = (await page.locator('main').textContent()) ?? '';
      const descriptions = chapterDescriptions();
      expect(descriptions.length).toBeGreaterThan(3);
      for (const description of descriptions) expect(text).toContain(description);
      await expect(page.locator('#home_path + ol li a').first().getAttribute('href')).resolves.toBe('/llm-books/docs/book');
      expect(await page.locator('#home_models ~ ul li a[href^="/llm-books/timeline#"]').count()).toBeGreaterThan(0);
      expect(await page.locator('#home_contribute ~ p a[href="/llm-books/docs/contributing"]').count()).toBe(1);
    });

    it('lists recently updated chapters with their git dates', async () => {
      const {page} = await open('');
      const dates = await page.locator('#home_recent ~ ul time').allTextContents();
      expect(dates.length).toBeGreaterThan(0);
      for (const date of dates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect([...dates].sort().reverse()).toEqual(dates);
    });
  });

  describe('model hover cards', () => {
    const link = (page: Page) => page.locator('article a.model-link', {hasText: 'text-davinci-003'}).first();
    const card = (page: Page) => page.locator('[role="tooltip"]');

    it('opens on hover with the model’s facts, moves nothing on the page, closes with Esc', async () => {
      const {page, errors} = await open(CHAPTER);
      await link(page).scrollIntoViewIfNeeded();
      const before = await page.evaluate(() => ({height: document.documentElement.scrollHeight, y: document.querySelector('article p:nth-of-type(3)')?.getBoundingClientRect().top}));
      await link(page).hover();
      await card(page).waitFor();
      const text = await card(page).textContent();
      expect(text).toContain('text-davinci-003');
      expect(text).toContain('OpenAI · 2022-11');
      expect(text).toMatch(/在本书中出现 \d+ 次/);
      expect(await link(page).getAttribute('aria-describedby')).toBe(await card(page).getAttribute('id'));
      // No native tooltip on top of the card once hydrated.
      expect(await link(page).getAttribute('title')).toBeNull();
      const after = await page.evaluate(() => ({height: document.documentElement.scrollHeight, y: document.querySelector('article p:nth-of-type(3)')?.getBoundingClientRect().top}));
      expect(after).toEqual(before);
      await page.keyboard.press('Escape');
      await expect.poll(() => card(page).count()).toBe(0);
      expect(errors).toEqual([]);
    });

    it('opens on keyboard focus and closes when focus moves on', async () => {
      const {page} = await open(CHAPTER);
      await link(page).focus();
      await card(page).waitFor();
      const id = await card(page).getAttribute('id');
      expect(await link(page).getAttribute('aria-describedby')).toBe(id);
      const box = await card(page).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 1280).toBe(true);
      await page.keyboard.press('Tab');
      // The next link may be a model link with its own card; this one's card is gone.
      await expect.poll(() => page.locator(`[id="${id}"]`).count()).toBe(0);
      expect(await link(page).getAttribute('aria-describedby')).toBeNull();
    });

    it('on a touch screen, the first tap opens the card and the second follows the link', async () => {
      const {page} = await open(CHAPTER, {width: 390, touch: true});
      await link(page).scrollIntoViewIfNeeded();
      await link(page).tap();
      await card(page).waitFor();
      expect(page.url()).toContain(CHAPTER);
      const box = await card(page).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390 && box.y >= 0 && box.y + box.height <= 860).toBe(true);
      await page.screenshot({path: path.join(SCREENSHOTS, 'hover-card-390-light.png')});
      await link(page).tap();
      await page.waitForURL(/\/timeline#text-davinci-003$/);
    });

    it('reads well in dark mode: the card takes the dark surface colour', async () => {
      const colours: Record<Scheme, string> = {light: '', dark: ''};
      for (const scheme of ['light', 'dark'] as const) {
        const {page} = await open(CHAPTER, {scheme});
        await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe(scheme);
        await link(page).hover();
        await card(page).waitFor();
        colours[scheme] = await card(page).evaluate((el) => getComputedStyle(el).backgroundColor);
        await page.screenshot({path: path.join(SCREENSHOTS, `hover-card-1280-${scheme}.png`)});
        const violations = await axeViolations(page);
        expect(violations).toEqual([]);
      }
      expect(colours.dark).not.toBe(colours.light);
    });

    it('keeps the title tooltip when JavaScript is off', async () => {
      const {page} = await open(CHAPTER, {javaScript: false});
      expect(await link(page).getAttribute('title')).toMatch(/^text-davinci-003 · OpenAI · 2022-11/);
    });
  });

  describe('the lineage diagram', () => {
    it('is one diagram an era, each as tall as its own rows, inside its own scroller', async () => {
      const {page} = await open(TIMELINE_ROUTE);
      const eras = page.locator('#lineage_diagram ~ figure details');
      expect(await eras.count()).toBeGreaterThan(1);
      const heights = await page.locator('#lineage_diagram ~ figure details svg').evaluateAll((svgs) => svgs.map((s) => Number(s.getAttribute('height'))));
      // The first era (2017–2020) is no longer as tall as the busiest year.
      expect(heights[0]).toBeLessThan(Math.max(...heights));
      const succession = await page.locator('path[data-kind="supersedes"]').count();
      const parents = await page.locator('path[data-kind="parent"]').count();
      expect(parents).toBeGreaterThan(0);
      if (succession > 0) {
        const [solid, dashed] = await Promise.all([
          page.locator('path[data-kind="parent"]').first().evaluate((p) => getComputedStyle(p).strokeDasharray),
          page.locator('path[data-kind="supersedes"]').first().evaluate((p) => getComputedStyle(p).strokeDasharray),
        ]);
        expect(dashed).not.toBe(solid);
      }
    });

    it('works from the keyboard: an era folds with Enter, the scroller takes focus, a node follows its link', async () => {
      const {page} = await open(TIMELINE_ROUTE);
      const summary = page.locator('#lineage_diagram ~ figure details > summary').first();
      await summary.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open)).toBe(false);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('region');
      await page.keyboard.press('Tab');
      const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
      expect(href).toMatch(/^#/);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.hash === href);
    });
  });

  describe('accessibility and phone width', () => {
    for (const [name, route] of Object.entries(PAGES)) {
      for (const scheme of ['light', 'dark'] as const) {
        it(`${name} (${scheme}): no serious or critical axe violation`, async () => {
          const {page} = await open(route, {scheme});
          await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe(scheme);
          await page.screenshot({path: path.join(SCREENSHOTS, `${name}-1280-${scheme}.png`), fullPage: name !== 'timeline'});
          expect(await axeViolations(page)).toEqual([]);
        });
      }

      it(`${name}: no horizontal scroll at 390 px`, async () => {
        const {page} = await open(route, {width: 390, touch: true});
        const overflow = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          width: window.innerWidth,
          // What sticks out, to say why when it fails.
          wide: Array.from(document.querySelectorAll('body *'))
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('[role="region"], pre, .table-wrapper, table, .katex-display'))
            .slice(0, 5)
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
        }));
        await page.screenshot({path: path.join(SCREENSHOTS, `${name}-390-light.png`)});
        expect(overflow.scroll, overflow.wide.join(', ')).toBeLessThanOrEqual(overflow.width);
      });
    }
  });
});

/** axe-core's serious and critical violations on the page, as `rule: target` strings. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({content: axe.source});
  const results = await page.evaluate(async () => {
    const run = (window as unknown as {axe: typeof axe}).axe.run;
    const {violations} = await run(document, {resultTypes: ['violations']});
    return violations.map((v) => ({id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' '))}));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.join(' | ')}`);
}
