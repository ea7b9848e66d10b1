/**
 * What counts as prose in a Markdown tree, shared by the auto-linker, the timeline and
 * the lint rules so that they agree on where text may be touched. {@link walkProse} is
 * the one walk; what a consumer reads differently (headings, link text, inline code,
 * text inside raw HTML) is one of its options.
 */
import type {Link, Node, Parents, Root, RootContent} from 'mdast';

const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'source', 'area', 'col', 'embed']);

/** +1 per opening tag, -1 per closing tag; comments, void and self-closing tags count 0. */
export function htmlTagBalance(html: string): number {
  let balance = 0;
  for (const [, close, name, selfClosing] of html.matchAll(/<(\/?)([A-Za-z][\w-]*)[^>]*?(\/?)>/g)) {
    if (VOID_ELEMENTS.has(name.toLowerCase()) || selfClosing) continue;
    balance += close ? -1 : 1;
  }
  return balance;
}

/** +1 per raw `<a …>`, -1 per `</a>`: a link an author wrote in HTML. */
export function anchorBalance(html: string): number {
  let balance = 0;
  for (const [, close] of html.matchAll(/<(\/?)a(?=[\s>/])[^>]*>/gi)) balance += close ? -1 : 1;
  return balance;
}

/**
 * Raw `<a>` depth after `node`, counted over the whole document: an `<a href>` on a
 * line of its own opens an HTML block, and the Markdown blocks up to its `</a>`
 * (the link's content) are siblings of it, not children, so inline depth misses them.
 * A link must never be put inside another link.
 */
export function rawAnchorDepth(node: Node, depth: number): number {
  if (node.type !== 'html') return depth;
  return Math.max(0, depth + anchorBalance((node as {value: string} & Node).value));
}

/**
 * Inline HTML depth after `node`: text between `<span>` and `</span>` belongs to the
 * HTML, not to the Markdown prose, and is left alone like the tags themselves.
 */
export function inlineHtmlDepth(node: Node, depth: number): number {
  if (node.type !== 'html') return depth;
  return Math.max(0, depth + htmlTagBalance((node as {value: string} & Node).value));
}

/** An autolink (`<https://…>` or a bare URL): its text is the address, not prose. */
export function isAutolink(link: Link): boolean {
  if (link.children.length !== 1 || link.children[0].type !== 'text') return false;
  const text = link.children[0].value;
  return link.url === text || link.url.endsWith(`//${text}`) || link.url === `mailto:${text}`;
}

/**
 * An autolink by how it is written: its source does not start with `[` (`<https://…>`,
 * a bare URL). GFM makes some bare URLs (`[(https://…`) after parsing, without a
 * position: those are known by their text being part of the URL.
 */
export function isWrittenAutolink(link: Link, source: string): boolean {
  const start = link.position?.start.offset;
  if (start !== undefined) return source[start] !== '[';
  const only = link.children.length === 1 ? link.children[0] : undefined;
  return only?.type === 'text' && link.url.includes(only.value);
}

/** Never prose, whoever reads: code, math, raw HTML, front matter, definitions, images, MDX. */
const NEVER_PROSE: readonly string[] = [
  'code',
  'math',
  'inlineMath',
  'html',
  'yaml',
  'toml',
  'definition',
  'image',
  'imageReference',
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
];

export interface ProseOptions {
  /** Heading text is prose (default `true`). `false`: the visitor sees a heading, the walk does not enter it. */
  headings?: boolean;
  /** Link text is prose (default `true`). `false`: the visitor sees a link, the walk does not enter it. */
  linkText?: boolean;
  /**
   * How an autolink, whose text is its address and never prose, is recognised:
   * `'text'` (default) by {@link isAutolink}; `{source}` by {@link isWrittenAutolink}
   * (so `[https://…](https://…)`, written as a link, is prose).
   */
  autolinks?: 'text' | {source: string};
  /** Inline code is prose (default `false`): model names are read there, terms and spacing are not. */
  inlineCode?: boolean;
  /** Link references and footnote definitions are prose (default `true`). */
  references?: boolean;
  /**
   * Text between raw HTML tags (`<span>…</span>`) is not prose: `'all'` (default) in any
   * parent, the document's top level included; `'inline'` only inside a block (a
   * paragraph, a cell); `'none'`: raw HTML does not change what is prose.
   */
  htmlContent?: 'all' | 'inline' | 'none';
  /** Everything inside an author's raw `<a>…</a>`, across blocks, is not prose (default `false`). */
  rawAnchors?: boolean;
}

export interface ProseContext {
  parent: Parents;
  /** The node's index in `parent.children`. */
  index: number;
  /** From the root down to `parent`. Shared by siblings: copy it to keep it. */
  ancestors: Parents[];
  /** The node is prose: not opaque by type, not an autolink, not inside raw HTML. */
  prose: boolean;
  /** The node is inside raw HTML (between inline tags, or in a raw `<a>` with {@link ProseOptions.rawAnchors}). */
  inHtml: boolean;
}

/** Called for every child of every node the walk enters, in document order; `false` keeps the walk out of the node. */
export type ProseVisitor = (node: RootContent, context: ProseContext) => boolean | void;

/**
 * The one prose walk. The visitor sees every node the walk passes, prose or not (a rule
 * may care about the edge of a code span next to prose, or a heading it does not read);
 * the walk enters only prose nodes, and not headings or links when their text is not prose.
 */
export function walkProse(tree: Root, visitor: ProseVisitor, options: ProseOptions = {}): void {
  const opaque = new Set(NEVER_PROSE);
  if (options.inlineCode !== true) opaque.add('inlineCode');
  if (options.references === false) for (const type of ['linkReference', 'footnoteDefinition']) opaque.add(type);
  const autolinks = options.autolinks ?? 'text';
  const isAutolinkNode = (node: RootContent): boolean =>
    node.type === 'link' && (autolinks === 'text' ? isAutolink(node) : isWrittenAutolink(node, autolinks.source));
  const htmlContent = options.htmlContent ?? 'all';
  const closed = (node: RootContent): boolean =>
    (node.type === 'heading' && options.headings === false) || (node.type === 'link' && options.linkText === false);
  let anchorDepth = 0;

  const walk = (parent: Parents, ancestors: Parents[]): void => {
    const inner = [...ancestors, parent];
    const tracksHtml = htmlContent === 'all' || (htmlContent === 'inline' && parent.type !== 'root');
    let htmlDepth = 0;
    parent.children.forEach((child, index) => {
      if (tracksHtml) htmlDepth = inlineHtmlDepth(child, htmlDepth);
      if (options.rawAnchors === true) anchorDepth = rawAnchorDepth(child, anchorDepth);
      const inHtml = htmlDepth > 0 || anchorDepth > 0;
      const prose = !inHtml && !opaque.has(child.type) && !isAutolinkNode(child);
      const enter = visitor(child, {parent, index, ancestors: inner, prose, inHtml}) !== false;
      if (enter && prose && 'children' in child && !closed(child)) walk(child, inner);
    });
  };
  walk(tree, []);
}
