/**
 * Heading ids exactly as Docusaurus gives them: one github-slugger per document
 * (repeated headings get `-1`, `-2` …), an explicit `{#custom-id}` wins. Built on
 * Docusaurus's own `createSlugger` and `parseMarkdownHeadingId`, so the anchors we
 * link to are the anchors the site has.
 */
import {createSlugger, parseMarkdownHeadingId} from '@docusaurus/utils';
import type {Heading, Root} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {visit} from 'unist-util-visit';

export interface HeadingInfo {
  id: string;
  /** Text as shown, without a `{#id}` suffix. */
  text: string;
  depth: number;
}

function headingText(heading: Heading): string {
  const visible = heading.children.filter((child) => child.type !== 'html');
  return toString(visible.length > 0 ? visible : heading);
}

/** Ids of every heading of a document, in document order. */
export function headingIds(tree: Root): Map<Heading, HeadingInfo> {
  const slugger = createSlugger();
  const ids = new Map<Heading, HeadingInfo>();
  visit(tree, 'heading', (heading) => {
    const existing = (heading.data as {id?: string} | undefined)?.id;
    const parsed = parseMarkdownHeadingId(headingText(heading), 'classic');
    // Inside Docusaurus its own headings plugin has run first and stored the id.
    const id = existing ?? parsed.id ?? slugger.slug(parsed.text);
    ids.set(heading, {id, text: parsed.text.trim(), depth: heading.depth});
  });
  return ids;
}
