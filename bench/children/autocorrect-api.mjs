// Peer: AutoCorrect's Node API (Rust through N-API), `lintFor` on every file in turn.
// Prints {"files","messages"}.
import fs from 'node:fs';
import {createRequire} from 'node:module';
import {markdownFiles} from './markdown-files.mjs';

const require = createRequire(import.meta.url);
const autocorrect = require('autocorrect-node');

let files = 0;
let messages = 0;
for (const file of markdownFiles(process.argv[2])) {
  const result = autocorrect.lintFor(fs.readFileSync(file, 'utf8'), file);
  if (result.error) throw new Error(`${file}: ${result.error}`);
  messages += result.lines.length;
  files++;
}
process.stdout.write(`${JSON.stringify({files, messages})}\n`);
