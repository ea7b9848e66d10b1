/**
 * Where, in the original text, a link's or image's destination is written, so a
 * rewrite touches those characters only. mdast gives the node's range and its decoded
 * `url`; the destination's own range is found by reading the node's source the way
 * CommonMark does: after the label's closing `](` (or `]:` for a definition), an
 * optional `<…>` or a run without spaces and with balanced parentheses.
 */
import type {Definition, Image, Link} from 'mdast';

export interface Span {
  start: number;
  end: number;
}

/** End of the bracketed label starting at `open` (`[`), honouring `\` escapes and nesting. */
function labelEnd(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

function destinationAt(text: string, from: number, limit: number): Span | undefined {
  let i = from;
  while (i < limit && /[ \t\n]/.test(text[i])) i++;
  if (text[i] === '<') {
    const close = text.indexOf('>', i);
    return close === -1 || close > limit ? undefined : {start: i, end: close + 1};
  }
  const start = i;
  let depth = 0;
  for (; i < limit; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (/[ \t\n]/.test(c)) break;
    else if (c === '(') depth++;
    else if (c === ')' && depth-- === 0) break;
  }
  return i > start ? {start, end: i} : undefined;
}

/** The destination of an inline link or image; `undefined` for references and autolinks. */
export function destinationSpan(text: string, node: Link | Image | Definition): Span | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  if (node.type === 'definition') {
    const close = labelEnd(text, start + text.slice(start, end).indexOf('['), end);
    return close !== -1 && text[close + 1] === ':' ? destinationAt(text, close + 2, end) : undefined;
  }
  const open = node.type === 'image' ? start + 1 : start;
  if (text[open] !== '[') return undefined;
  const last = node.type === 'link' ? node.children.at(-1)?.position?.end.offset : undefined;
  const close = last !== undefined ? text.indexOf(']', last) : labelEnd(text, open, end);
  if (close === -1 || text[close + 1] !== '(') return undefined;
  return destinationAt(text, close + 2, end);
}

/** A destination as Markdown: `<…>` when it holds spaces or parentheses. */
export function formatDestination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/>/g, '%3E')}>` : url;
}
