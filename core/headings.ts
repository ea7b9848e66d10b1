/**
 * Heading ids exactly as Docusaurus gives them (`@docusaurus/mdx-loader`,
 * `remark/headings`): one github-slugger per document through Docusaurus's own
 * `createSlugger` (repeated headings get `-1`, `-2` …); an explicit `{#custom-id}`
 * (through its `parseMarkdownHeadingId`, not registered with the slugger) or a
 * trailing `<!-- #custom-id -->` comment wins; the text is the heading's without its
 * HTML. The one home of heading ids: the timeline's back-links, the outline and the
 * `internal-links` rule all use it, so the anchors we link to are the site's.
 */
// The two modules `@docusaurus/utils` re-exports, imported directly: the package's index
// loads webpack helpers too (~250 ms), which every lint worker would pay for nothing.
import {parseMarkdownHeadingId} from '@docusaurus/utils/lib/markdownHeadingIdUtils.js';
import {createSlugger} from '@docusaurus/utils/lib/slugger.js';
import type {Heading, Root} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {visit} from 'unist-util-visit';

export interface HeadingInfo {
  id: string;
  /** Text as shown, without a `{#id}` suffix. */
  text: string;
  depth: number;
}

type Slugger = ReturnType<typeof createSlugger>;

/** `<!-- #my-id -->` as the last child of a heading (Docusaurus: first word, must start with `#`). */
function commentId(heading: Heading): string | undefined {
  const last = heading.children[heading.children.length - 1];
  if (last?.type !== 'html') return undefined;
  const match = /^<!--([\s\S]*)-->$/.exec(last.value);
  const first = match?.[1].trim().split(' ')[0];
  return first?.startsWith('#') ? first.slice(1) || undefined : undefined;
}

function headingText(heading: Heading): string {
  const visible = heading.children.filter((child) => child.type !== 'html');
  return toString(visible.length > 0 ? visible : heading);
}

function headingInfo(heading: Heading, slugger: Slugger): HeadingInfo {
  const parsed = parseMarkdownHeadingId(headingText(heading), 'classic');
  // Inside Docusaurus its own headings plugin has run first and stored the id.
  const stored = (heading.data as {id?: string} | undefined)?.id;
  const id = stored ?? commentId(heading) ?? parsed.id ?? slugger.slug(parsed.text);
  return {id, text: parsed.text.trim(), depth: heading.depth};
}

/** Ids of every heading of a document, in document order. */
export function headingIds(tree: Root): Map<Heading, HeadingInfo> {
  const slugger = createSlugger();
  const ids = new Map<Heading, HeadingInfo>();
  visit(tree, 'heading', (heading) => {
    ids.set(heading, headingInfo(heading, slugger));
  });
  return ids;
}

const HTML_ID = /\s(?:id|name)\s*=\s*["']([^"']+)["']/g;

/**
 * Every anchor a reader's browser can scroll to, in document order: the heading ids,
 * and HTML `id="…"` / `name="…"` attributes.
 */
export function anchorIds(tree: Root): string[] {
  const slugger = createSlugger();
  const ids: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'heading') {
      ids.push(headingInfo(node, slugger).id);
    } else if (node.type === 'html') {
      HTML_ID.lastIndex = 0;
      for (let m = HTML_ID.exec(node.value); m; m = HTML_ID.exec(node.value)) ids.push(m[1]);
    }
  });
  return ids;
}
