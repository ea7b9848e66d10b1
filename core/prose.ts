/**
 * What counts as prose in a Markdown tree, shared by the auto-linker and the lint
 * rules so that they agree on where text may be touched.
 */
import type {Link, Node} from 'mdast';

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
