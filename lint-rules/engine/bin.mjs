#!/usr/bin/env node
/**
 * `npm run lint`: the compiled CLI (see `compile.mjs`), rebuilt first if a source
 * changed. With `LLMBOOK_LINT_PRESET` (a stand-in preset, in TypeScript) the CLI
 * runs from source through tsx instead, since a bundle cannot carry a preset named
 * only at run time.
 */
import {pathToFileURL} from 'node:url';

if (process.env.LLMBOOK_LINT_PRESET) {
  const {require: tsxRequire} = await import('tsx/cjs/api');
  tsxRequire('./cli.ts', import.meta.url).runCommand();
} else {
  const {freshCli} = await import('./compile.mjs');
  const {runCommand} = await import(pathToFileURL(await freshCli()).href);
  runCommand();
}
