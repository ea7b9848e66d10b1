import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT_DIR} from '../../core/constants';
import {relaxBrokenLinks, stripOurPlugins} from '../site-config';

const FIXTURES = path.join(__dirname, '..', '__fixtures__', 'site');
const read = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

describe('stripOurPlugins', () => {
  it('removes the auto-link remark plugin and the timeline plugin entries, and nothing else', () => {
    const {text, removed} = stripOurPlugins(read('docusaurus.config.ts.txt'));
    expect(relaxBrokenLinks(text)).toBe(read('docusaurus.config.stripped.txt'));
    expect(removed).toEqual([
      '[remarkModelLinks, {baseUrl: BASE_URL}]',
      "[pluginTimeline, {registryPath: 'data/models.yaml', title: '模型时间线[beta]'}]",
    ]);
  });

  it('removes plugins named by module path too', () => {
    const source = "const c = {plugins: ['./plugins/timeline', ['./plugins/remark-model-links/index.ts', {}], 'x']};";
    expect(stripOurPlugins(source).text).toBe("const c = {plugins: ['x']};");
  });

  it('refuses a config without the auto-link plugin, so a build is never compared with itself', () => {
    expect(() => stripOurPlugins("const c = {plugins: ['./plugins/timeline']};")).toThrow(
      'docusaurus.config.ts: found no remark-model-links entry to remove; the build benchmark needs one to compare',
    );
  });

  it('works on the repository’s own config', () => {
    const source = fs.readFileSync(path.join(ROOT_DIR, 'docusaurus.config.ts'), 'utf8');
    const {text, removed} = stripOurPlugins(source);
    expect(removed.some((r) => r.startsWith('[remarkModelLinks'))).toBe(true);
    expect(text).not.toMatch(/\[\s*remarkModelLinks\s*,/);
  });
});

describe('relaxBrokenLinks', () => {
  it('turns every broken-link `throw` into `warn`', () => {
    expect(relaxBrokenLinks("onBrokenLinks: 'throw', onBrokenAnchors: \"throw\", onDuplicateRoutes: 'throw'")).toBe(
      "onBrokenLinks: 'warn', onBrokenAnchors: 'warn', onDuplicateRoutes: 'throw'",
    );
  });
});
