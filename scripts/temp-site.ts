/**
 * Make a throwaway copy of this site in a temp folder, for tests and benchmarks that
 * need a real Docusaurus build without touching the repository's own `build/`.
 *
 * The copy shares `node_modules` through a symlink and is not a git checkout, like an
 * exported tarball would be.
 */
import {execFile} from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {ROOT_DIR} from '../core/constants';

const run = promisify(execFile);

/** What a site needs besides its docs. */
const SITE_FILES = [
  'docusaurus.config.ts',
  'sidebars.ts',
  'tsconfig.json',
  'package.json',
  'src',
  'static',
  'plugins',
  'core',
  'data',
];

export interface TempSiteOptions {
  /** Folder copied as `docs/` (default: the repository's `docs/`). */
  docsDir?: string;
  /** Prefix of the temp folder name. */
  prefix?: string;
}

export interface TempSite {
  dir: string;
  /** Run `docusaurus build`; resolves with its output, rejects with it on failure. */
  build(extraArgs?: string[]): Promise<{stdout: string; stderr: string}>;
  remove(): Promise<void>;
}

function skipTests(src: string): boolean {
  return !/[\\/](__tests__|__fixtures__)([\\/]|$)/.test(src);
}

export async function createTempSite(options: TempSiteOptions = {}): Promise<TempSite> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), options.prefix ?? 'llmbook-site-'));
  for (const name of SITE_FILES) {
    await fs.cp(path.join(ROOT_DIR, name), path.join(dir, name), {recursive: true, filter: skipTests});
  }
  await fs.cp(options.docsDir ?? path.join(ROOT_DIR, 'docs'), path.join(dir, 'docs'), {recursive: true});
  await fs.symlink(path.join(ROOT_DIR, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const docusaurus = path.join(ROOT_DIR, 'node_modules', '.bin', 'docusaurus');
  return {
    dir,
    async build(extraArgs = []) {
      return run(docusaurus, ['build', dir, ...extraArgs], {
        cwd: dir,
        maxBuffer: 64 * 1024 * 1024,
        env: {...process.env, FORCE_COLOR: '0'},
      });
    },
    async remove() {
      await fs.rm(dir, {recursive: true, force: true});
    },
  };
}
