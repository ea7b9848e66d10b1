// Peer: AutoCorrect's Node API (Rust through N-API), `lintFor` on every file in turn.
// Prints {"files","messages"}.
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const autocorrect = require('autocorrect-node');

function* markdown(dir) {
  for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* markdown(full);
    else if (entry.isFile() && entry.name.endsWith('.md')) yield full;
  }
}

let files = 0;
let messages = 0;
for (const file of markdown(process.argv[2])) {
  const result = autocorrect.lintFor(fs.readFileSync(file, 'utf8'), file);
  if (result.error) throw new Error(`${file}: ${result.error}`);
  messages += result.lines.length;
  files++;
}
process.stdout.write(`${JSON.stringify({files, messages})}\n`);
