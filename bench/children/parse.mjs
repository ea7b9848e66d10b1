// Floor: parse every Markdown file with remark-parse alone (or `--gfm`: with remark-gfm),
// one file after another on one thread, trees dropped as soon as made.
// Prints {"files","bytes","nodes"} — the node count proves the trees were really built.
import fs from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {markdownFiles} from './markdown-files.mjs';

const gfm = process.argv.includes('--gfm');
const processor = gfm ? unified().use(remarkParse).use(remarkGfm) : unified().use(remarkParse);
let files = 0;
let bytes = 0;
let nodes = 0;
for (const file of markdownFiles(process.argv[2])) {
  const text = fs.readFileSync(file, 'utf8');
  const tree = processor.parse(text);
  nodes += tree.children.length;
  bytes += text.length;
  files++;
}
process.stdout.write(`${JSON.stringify({files, bytes, nodes})}\n`);
