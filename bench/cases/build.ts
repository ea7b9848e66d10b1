/**
 * Docusaurus build of a fixed small book (the repository's `docs/`) in two temp copies
 * of the site: as configured, and with our plugins taken out of the config. Cold
 * builds (no persistent bundler cache), alternating which goes first.
 */
import fs from 'node:fs';
import path from 'node:path';
import {MODEL_LINK_CLASS, ROOT_DIR} from '../../core/constants';
import {createTempSite, type TempSite} from '../../scripts/temp-site';
import {relaxBrokenLinks, stripOurPlugins} from '../site-config';
import {CaseFailure, type Case, type Sample} from '../suite';
import {binScript, runNode, sampleOf, type BenchContext} from './context';

function countMarkdown(dir: string): number {
  let n = 0;
  for (const entry of fs.readdirSync(dir, {withFileTypes: true, recursive: true})) {
    if (entry.isFile() && /\.mdx?$/.test(entry.name)) n++;
  }
  return n;
}

/** How many elements carry the model-link class in the built HTML. */
export function countModelLinks(buildDir: string): number {
  let n = 0;
  // The HTML is minified: `class=model-link` loses its quotes when it holds one class.
  const pattern = new RegExp(`<a\\b[^>]*\\bclass=(?:"[^"]*|'[^']*)?\\b${MODEL_LINK_CLASS}\\b`, 'g');
  for (const entry of fs.readdirSync(buildDir, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const text = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    n += text.match(pattern)?.length ?? 0;
  }
  return n;
}

export interface BuildSites {
  withPlugins: TempSite;
  without: TempSite;
  removed: string[];
  docs: number;
}

export async function createBuildSites(): Promise<BuildSites> {
  const withPlugins = await createTempSite({prefix: 'llmbook-bench-with-'});
  const without = await createTempSite({prefix: 'llmbook-bench-without-'});
  const configOf = (site: TempSite): string => path.join(site.dir, 'docusaurus.config.ts');
  const source = fs.readFileSync(configOf(withPlugins), 'utf8');
  const stripped = stripOurPlugins(source);
  fs.writeFileSync(configOf(withPlugins), relaxBrokenLinks(source));
  fs.writeFileSync(configOf(without), relaxBrokenLinks(stripped.text));
  return {withPlugins, without, removed: stripped.removed, docs: countMarkdown(path.join(ROOT_DIR, 'docs'))};
}

export function buildCases(ctx: BenchContext, sites: () => BuildSites): Case[] {
  const build = async (id: string, site: TempSite): Promise<Sample> => {
    const out = path.join(site.dir, 'build');
    fs.rmSync(out, {recursive: true, force: true});
    const result = await runNode(ctx, {
      label: id,
      args: [binScript('@docusaurus/core', 'docusaurus'), 'build', site.dir, '--out-dir', out],
      cwd: site.dir,
      env: {DOCUSAURUS_NO_PERSISTENT_CACHE: '1'},
    });
    const links = countModelLinks(out);
    if (id === 'build-with' && links === 0) throw new CaseFailure('the build with our plugins has no model links; the plugin did not run');
    if (id === 'build-without' && links > 0) throw new CaseFailure(`the build without our plugins still has ${links} model links`);
    return sampleOf(result, {files: sites().docs, messages: links});
  };
  return [
    {
      group: 'build',
      rows: [
        {id: 'build-without', label: 'Docusaurus build, without our plugins'},
        {id: 'build-with', label: 'Docusaurus build, with our plugins', baseline: 'build-without'},
      ],
      async run(rep) {
        const {withPlugins, without} = sites();
        const order: Array<[string, TempSite]> = [['build-with', withPlugins], ['build-without', without]];
        if (rep % 2 === 1) order.reverse();
        const samples: Record<string, Sample> = {};
        for (const [id, site] of order) samples[id] = await build(id, site);
        return samples;
      },
    },
  ];
}
