// The Markdown files below a folder, as every bench child walks them: depth first in
// directory order, skipping dot folders and node_modules. One copy for the children
// (plain ES modules, so Node runs them without a TypeScript loader) and autolink.ts.
import fs from 'node:fs';
import path from 'node:path';

/** @param {string} dir @returns {Generator<string>} */
export function* markdownFiles(dir) {
  for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(full);
    else if (entry.isFile() && entry.name.endsWith('.md')) yield full;
  }
}
