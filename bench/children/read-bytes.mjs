// Floor: read every Markdown file's bytes, nothing else. Prints {"files","bytes"}.
import fs from 'node:fs';
import {markdownFiles} from './markdown-files.mjs';

let files = 0;
let bytes = 0;
for (const file of markdownFiles(process.argv[2])) {
  bytes += fs.readFileSync(file, 'utf8').length;
  files++;
}
process.stdout.write(`${JSON.stringify({files, bytes})}\n`);
