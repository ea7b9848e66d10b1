/**
 * External links written in a Markdown chapter: link, image and definition nodes of the
 * mdast tree (so nothing inside code, inline code or front matter), with their position.
 */
import {visit} from 'unist-util-visit';
import {parseMarkdown} from '../../core/parse';
import type {SourceLocation} from './types';

export interface FoundLink {
  url: string;
  location: SourceLocation;
}

const HTTP_URL = /^https?:\/\//i;

export function isHttpUrl(url: string): boolean {
  if (!HTTP_URL.test(url)) return false;
  return URL.canParse(url);
}

/** Links to http(s) URLs in `text`, reported against `file` (a path relative to the root). */
export function extractMarkdownLinks(text: string, file: string): FoundLink[] {
  const tree = parseMarkdown(text);
  const found: FoundLink[] = [];
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
    if (!isHttpUrl(node.url) || node.position === undefined) return;
    const {line, column} = node.position.start;
    found.push({url: node.url, location: {file, line, column}});
  });
  return found;
}
