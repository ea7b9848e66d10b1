/**
 * npm run ebook [-- --build <dir>] [--site <dir>] [--no-appendix]
 *
 * --build: the built site (default build/); --site: where its docs/ are (default: here).
 *
 * Writes build/downloads/<book>.pdf, <book>.epub and manifest.json from the built site.
 * Run after `npm run build`. Exit code 1 with `file:line:col` lines when a chapter cannot
 * be exported; nothing is written then.
 */
import path from 'node:path';
import {parseArgs} from 'node:util';
import {exportBook} from './index';
import {EbookError} from './problems';

async function main(): Promise<number> {
  const {values} = parseArgs({options: {build: {type: 'string'}, site: {type: 'string'}, 'no-appendix': {type: 'boolean'}}});
  const started = Date.now();
  const manifest = await exportBook({
    buildDir: values.build,
    siteDir: values.site,
    appendixRoute: values['no-appendix'] ? false : undefined,
    log: (line) => console.log(line),
  });
  for (const file of manifest.files) console.log(`${path.join(values.build ?? 'build', file.path)}  ${(file.bytes / 1024 / 1024).toFixed(1)} MB`);
  console.log(`完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof EbookError ? error.message : error);
    process.exit(1);
  },
);
