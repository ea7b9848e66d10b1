/**
 * The anchors a Markdown file offers, computed the way Docusaurus computes heading
 * ids (`@docusaurus/mdx-loader`, `remark/headings`): one github-slugger per file via
 * `createSlugger` from `@docusaurus/utils`, explicit `{#custom-id}` through its
 * `parseMarkdownHeadingId` (not registered with the slugger, as in Docusaurus),
 * `<!-- #id -->` comment ids, and the text of the heading without its HTML.
 * HTML `id="…"` / `name="…"` attributes count too, since a browser scrolls to them.
 *
 * Each target file is read, hashed and (only when its bytes changed) parsed once
 * per process, so checking a book's links costs one parse per linked file.
 */
import fs from 'node:fs';
// The two modules `@docusaurus/utils` re-exports, imported directly: the package's index
// loads webpack helpers too (~350 ms), which every lint worker would pay for nothing.
import {parseMarkdownHeadingId} from '@docusaurus/utils/lib/markdownHeadingIdUtils';
import {createSlugger} from '@docusaurus/utils/lib/slugger';
import type {Heading, Root} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {visit} from 'unist-util-visit';
import {nearest} from '../../core/did-you-mean';
import {sha1} from '../../core/hash';
import {parseMarkdown} from '../../core/parse';

/** `<!-- #my-id -->` as the last child of a heading (Docusaurus: first word, must start with `#`). */
function commentId(heading: Heading): string | undefined {
  const last = heading.children[heading.children.length - 1];
  if (last?.type !== 'html') return undefined;
  const match = /^<!--([\s\S]*)-->$/.exec(last.value);
  const first = match?.[1].trim().split(' ')[0];
  return first?.startsWith('#') ? first.slice(1) || undefined : undefined;
}

const HTML_ID = /\s(?:id|name)\s*=\s*["']([^"']+)["']/g;

/** Every anchor id of a parsed file, in document order. */
export function anchorIds(tree: Root): string[] {
  const slugger = createSlugger();
  const ids: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'heading') {
      const explicit = commentId(node);
      if (explicit) {
        ids.push(explicit);
      } else {
        const textNodes = node.children.filter((child) => child.type !== 'html');
        const text = toString(textNodes.length > 0 ? textNodes : node);
        ids.push(parseMarkdownHeadingId(text).id ?? slugger.slug(text));
      }
    } else if (node.type === 'html') {
      HTML_ID.lastIndex = 0;
      for (let m = HTML_ID.exec(node.value); m; m = HTML_ID.exec(node.value)) ids.push(m[1]);
    }
  });
  return ids;
}

const cache = new Map<string, {hash: string; ids: readonly string[]}>();

/** The anchors of the file at `absolute` (which must exist), cached by path and content hash. */
export function fileAnchors(absolute: string): readonly string[] {
  const content = fs.readFileSync(absolute, 'utf8');
  const hash = sha1(content);
  const hit = cache.get(absolute);
  if (hit && hit.hash === hash) return hit.ids;
  const ids = anchorIds(parseMarkdown(content));
  cache.set(absolute, {hash, ids});
  return ids;
}

/** Up to `limit` candidates close to `wanted` (edit distance at most a third of its length, at least 2). */
export function closest(wanted: string, candidates: Iterable<string>, limit = 2): string[] {
  return nearest(wanted, candidates, {limit, maxDistance: Math.max(2, Math.floor(wanted.length / 3))});
}
