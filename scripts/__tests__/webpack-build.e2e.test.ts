/**
 * The site is built with rspack (`future.faster`); this builds it once with webpack
 * (`LLMBOOK_BUNDLER=webpack`, read by docusaurus.config.ts), so the site stays one rspack
 * bug away from a working fallback rather than from not building. A temp copy with two
 * small pages keeps it cheap; the pages use math, Mermaid and a model link, so our remark
 * plugins and the Mermaid theme run under webpack and Babel too.
 *
 * Without webpack's persistent cache: `node_modules/.cache/webpack` outlives changes it does
 * not see (a cache written by an earlier webpack build made static generation fail with
 * `Cannot read properties of undefined (reading 'id')`), and a test must not depend on it.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {BASE_URL} from '../../core/constants';
import {createTempSite, type TempSite} from '../temp-site';

const DOCS = path.join(__dirname, '__fixtures__', 'webpack-docs');
const ENV = {LLMBOOK_BUNDLER: 'webpack', DOCUSAURUS_NO_PERSISTENT_CACHE: '1'};

describe('the site built with webpack instead of rspack', () => {
  let site: TempSite;

  beforeAll(async () => {
    site = await createTempSite({docsDir: DOCS, prefix: 'llmbook-webpack-'});
    const saved = Object.fromEntries(Object.keys(ENV).map((key) => [key, process.env[key]]));
    Object.assign(process.env, ENV);
    try {
      await site.build();
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  }, 1_800_000);

  afterAll(async () => {
    await site?.remove();
  });

  it('is a webpack build: the config Docusaurus resolved has rspack and SWC off', () => {
    const resolved = fs.readFileSync(path.join(site.dir, '.docusaurus', 'docusaurus.config.mjs'), 'utf8');
    expect(resolved).toMatch(/"rspackBundler": false/);
    expect(resolved).toMatch(/"swcJsLoader": false/);
  });

  it('renders the chapter with its title, math and model link', () => {
    const html = fs.readFileSync(path.join(site.dir, 'build', 'docs', 'book.html'), 'utf8');
    expect(html).toContain('打包器测试页');
    expect(html).toContain('class="katex"');
    expect(html).toContain(`href="${BASE_URL}timeline#gpt-4"`);
  });
});
