/**
 * `npm run ebook` (PDF + EPUB through Chromium) on the build the `build-with` row just
 * made, measured next to it: the exporter's cost as a ratio of the site build.
 */
import fs from 'node:fs';
import path from 'node:path';
import {DOWNLOADS, ROOT_DIR} from '../../core/constants';
import {CaseFailure, type Case} from '../suite';
import type {BuildSites} from './build';
import {runNode, sampleOf, TSX_IMPORT, type BenchContext} from './context';

export function ebookCases(ctx: BenchContext, sites: () => BuildSites): Case[] {
  return [
    {
      group: 'build',
      once: true,
      rows: [{id: 'ebook', label: 'npm run ebook after the build (PDF + EPUB)', baseline: 'build-with'}],
      async run() {
        const {withPlugins, docs} = sites();
        const buildDir = path.join(withPlugins.dir, 'build');
        const result = await runNode(ctx, {
          label: 'ebook',
          args: ['--import', TSX_IMPORT, path.join(ROOT_DIR, 'scripts', 'ebook', 'cli.ts'), '--build', buildDir, '--site', withPlugins.dir],
          cwd: withPlugins.dir,
        });
        const missing = DOWNLOADS.filter((d) => !fs.existsSync(path.join(buildDir, d.path)));
        if (missing.length > 0) throw new CaseFailure(`npm run ebook did not write ${missing.map((d) => d.path).join(', ')}`);
        return {ebook: sampleOf(result, {files: docs})};
      },
    },
  ];
}
