#!/usr/bin/env node
/**
 * `npm run lint`: the compiled CLI (see `compile.mjs`), rebuilt first if a source
 * changed. With `LLMBOOK_LINT_PRESET` (a stand-in preset, in TypeScript) the CLI
 * runs from source through tsx instead, since a bundle cannot carry a preset named
 * only at run time; so it does, with a warning, when the bundle cannot be built.
 */
import {pathToFileURL} from 'node:url';

async function fromSource() {
  const {require: tsxRequire} = await import('tsx/cjs/api');
  tsxRequire('./cli.ts', import.meta.url).runCommand();
}

if (process.env.LLMBOOK_LINT_PRESET) {
  await fromSource();
} else {
  const {freshCli} = await import('./compile.mjs');
  let cli;
  try {
    cli = await freshCli();
  } catch (error) {
    // Linting must not depend on the bundler: say why and run the same code from source.
    process.stderr.write(`无法编译 lint 命令（${error instanceof Error ? error.message.split('\n')[0] : String(error)}），改为直接运行 TypeScript 源码（较慢）\n`);
  }
  if (cli) (await import(pathToFileURL(cli).href)).runCommand();
  else await fromSource();
}
