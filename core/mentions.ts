/**
 * Which text of a chapter counts as a model mention. The auto-linker wraps these
 * mentions in links and the timeline lists them as back-links, so both read them
 * from here (ARCHITECTURE.md: one matcher, one set of rules).
 */
import type {Heading, InlineCode, Nodes, Parent, Root, Text} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {parse as parseYaml} from 'yaml';
import {headingIds, type HeadingInfo} from './headings';
import {parseMarkdown} from './parse';
import {walkProse} from './prose';
import type {Match, Matcher} from './registry/matcher';

/** The `##`/`###` section a mention stands in. */
export interface Section {
  depth: number;
  text: string;
  id: string;
}

export interface Mention {
  id: string;
  /** The registry spelling that matched (name or alias). */
  name: string;
  /** Offsets in the Markdown source, end exclusive (when the tree has positions). */
  start?: number;
  end?: number;
  section?: Section;
}

/** A text or whole-value inline code node holding mentions, with its place in the tree. */
export interface Candidate {
  node: Text | InlineCode;
  parent: Parent;
  matches: Match[];
  section?: Section;
  /** Changes at each `#`/`##` heading: the scope of "first per section". */
  scope: number;
  /** Set by an inline `<!-- no-model-link -->` marker: skip the first match here. */
  skipFirst: boolean;
}

/** One step of a document walk: a mention to consider, or a model link already there. */
export type ScanEvent =
  | {kind: 'candidate'; candidate: Candidate}
  | {kind: 'linked'; id: string; scope: number};

export interface ScanOptions {
  /** `##` sections whose mentions never count (default `参考链接`). */
  excludeSections?: string[];
  /** Recognises an existing auto-link and returns its model id (keeps reruns idempotent). */
  linkedModel?: (url: string) => string | undefined;
}

/** The marker an author writes before a mention (inline) or a block to keep it unlinked. */
export const NO_LINK_MARKER = 'no-model-link';

function isMarker(node: Nodes): boolean {
  return (
    (node.type === 'html' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') &&
    node.value.includes(NO_LINK_MARKER)
  );
}

/** Page-level opt-out: `model_links: false` in front matter (Docusaurus passes it in `file.data`). */
export function pageOptedOut(tree: Root, frontMatter?: Record<string, unknown>): boolean {
  if (frontMatter && frontMatter.model_links === false) return true;
  const first = tree.children[0];
  if (first?.type !== 'yaml') return false;
  try {
    const data: unknown = parseYaml(first.value);
    return typeof data === 'object' && data !== null && (data as Record<string, unknown>).model_links === false;
  } catch {
    // Broken front matter is the build's and the linter's to report, not ours.
    return false;
  }
}

/** Walk a document in order and report every place a mention may be linked. */
export function scanDocument(tree: Root, matcher: Matcher, options: ScanOptions = {}): ScanEvent[] {
  const exclude = new Set(options.excludeSections ?? ['参考链接']);
  const ids = headingIds(tree);
  const events: ScanEvent[] = [];
  let section: Section | undefined;
  let scope = 0;
  let excludedDepth = Infinity;
  let skipNextBlock = false;

  const enterHeading = (heading: Heading, info: HeadingInfo) => {
    if (heading.depth <= excludedDepth) excludedDepth = Infinity;
    if (exclude.has(info.text)) excludedDepth = Math.min(excludedDepth, heading.depth);
    if (heading.depth <= 2) scope++;
    if (heading.depth >= 2 && heading.depth <= 3) section = {depth: heading.depth, text: info.text, id: info.id};
  };

  /** Parents in which an inline `<!-- no-model-link -->` waits for the next mention. */
  const skipNextInline = new Set<Parent>();

  // Not headings (they set the section), link text, link references, footnotes, or anything
  // inside raw HTML: text between inline tags, or an author's `<a>…</a>` across blocks.
  walkProse(
    tree,
    (child, {parent, inHtml, prose}) => {
      if (child.type === 'heading') {
        const info = ids.get(child);
        if (info) enterHeading(child, info);
        return false;
      }
      if (isMarker(child)) {
        if (parent.type === 'paragraph' || child.type === 'mdxTextExpression') skipNextInline.add(parent);
        else skipNextBlock = true;
        return false;
      }
      if (skipNextBlock && parent.type !== 'paragraph') {
        skipNextBlock = false;
        return false;
      }
      if (excludedDepth !== Infinity || inHtml) return false;
      if (child.type === 'link') {
        const id = options.linkedModel?.(child.url);
        if (id) events.push({kind: 'linked', id, scope});
        return false;
      }
      if (!prose) return false;
      if (child.type === 'text' || child.type === 'inlineCode') {
        const matches = mentionsIn(child, matcher);
        if (matches.length > 0) {
          events.push({kind: 'candidate', candidate: {node: child, parent, matches, section, scope, skipFirst: skipNextInline.delete(parent)}});
        }
      }
      return undefined;
    },
    {headings: false, linkText: false, inlineCode: true, references: false, htmlContent: 'inline', rawAnchors: true},
  );
  return events;
}

function mentionsIn(node: Text | InlineCode, matcher: Matcher): Match[] {
  const matches = matcher.find(node.value);
  if (node.type === 'text') return matches;
  // Inline code counts only when its whole value is a model name.
  const only = matches[0];
  return matches.length === 1 && only.start === 0 && only.end === node.value.length ? matches : [];
}

/** Every mention in a document (all of them, not only the linked ones), in order. */
export function findMentions(tree: Root, matcher: Matcher, options: ScanOptions = {}): Mention[] {
  if (pageOptedOut(tree)) return [];
  const mentions: Mention[] = [];
  for (const event of scanDocument(tree, matcher, options)) {
    if (event.kind !== 'candidate') continue;
    const {node, matches, section, skipFirst} = event.candidate;
    const base = node.position?.start.offset;
    // Offsets inside inline code are shifted by its backticks; report the node's range.
    matches.forEach((match, i) => {
      if (skipFirst && i === 0) return;
      const mention: Mention = {id: match.id, name: match.name, ...(section ? {section} : {})};
      if (base !== undefined && node.type === 'text' && node.position?.end.offset === base + node.value.length) {
        mention.start = base + match.start;
        mention.end = base + match.end;
      } else if (node.position) {
        mention.start = node.position.start.offset;
        mention.end = node.position.end.offset;
      }
      mentions.push(mention);
    });
  }
  return mentions;
}

/** Parse a chapter with the extensions the site uses (front matter, GFM, math). */
export {parseMarkdown};

/** Plain text of a heading or any node, re-exported for callers that group by section. */
export {toString as nodeText};
