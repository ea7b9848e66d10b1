// Floor: read every Markdown file's bytes, nothing else. Prints {"files","bytes"}.
import fs from 'node:fs';
import path from 'node:path';

function* markdown(dir) {
  for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* markdown(full);
    else if (entry.isFile() && entry.name.endsWith('.md')) yield full;
  }
}

let files = 0;
let bytes = 0;
for (const file of markdown(process.argv[2])) {
  bytes += fs.readFileSync(file, 'utf8').length;
  files++;
}
process.stdout.write(`${JSON.stringify({files, bytes})}\n`);
