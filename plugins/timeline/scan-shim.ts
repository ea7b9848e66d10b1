/**
 * TEMPORARY SHIM — delete when `plugins/remark-model-links/scan.ts` lands.
 *
 * Stands in for the owner's shared mention scanner with the agreed signature, so the
 * timeline can be written and tested before it exists. Only `scan-docs.ts` and the
 * tests import it, through `./scan`.
 */
import GithubSlugger from 'github-slugger';
import type {Heading, Root, RootContent} from 'mdast';
import {toString} from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {parse as parseYaml} from 'yaml';
import type {Matcher} from '../registry/matcher';

export interface Mention {
  id: string;
  name: string;
  start: number;
  end: number;
  /** nearest preceding ## (or ###) heading */
  section?: {depth: number; text: string; id: string};
}

export function parseMarkdown(source: string): Root {
  return unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMath).parse(source);
}

const SKIP = new Set(['code', 'html', 'link', 'linkReference', 'definition', 'image', 'imageReference', 'heading', 'yaml', 'toml', 'math', 'inlineMath']);
const EXPLICIT_ID = /\s*\{#([^}]+)\}\s*$/;

function headingInfo(node: Heading, slugger: GithubSlugger): {depth: number; text: string; id: string} {
  const raw = toString(node);
  const explicit = EXPLICIT_ID.exec(raw);
  const text = explicit ? raw.slice(0, explicit.index) : raw;
  return {depth: node.depth, text, id: explicit ? explicit[1] : slugger.slug(text)};
}

export function findMentions(tree: Root, matcher: Matcher): Mention[] {
  const front = tree.children.find((n) => n.type === 'yaml');
  if (front && front.type === 'yaml') {
    const data: unknown = parseYaml(front.value);
    if (data && typeof data === 'object' && (data as Record<string, unknown>).model_links === false) return [];
  }
  const mentions: Mention[] = [];
  const slugger = new GithubSlugger();
  let section: Mention['section'];
  let skipSection = false;
  const walk = (node: RootContent): void => {
    if (node.type === 'heading') {
      const info = headingInfo(node, slugger);
      if (node.depth === 2) skipSection = info.text.trim() === '参考链接';
      if (node.depth === 2 || node.depth === 3) section = info;
      return;
    }
    if (skipSection || SKIP.has(node.type)) return;
    const start = node.position?.start.offset;
    if (node.type === 'text' || node.type === 'inlineCode') {
      if (start === undefined) return;
      const base = node.type === 'text' ? start : start + 1;
      const found = matcher.find(node.value);
      for (const m of found) {
        if (node.type === 'inlineCode' && (m.start !== 0 || m.end !== node.value.length)) continue;
        mentions.push({id: m.id, name: m.name, start: base + m.start, end: base + m.end, section});
      }
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  for (const child of tree.children) walk(child);
  return mentions;
}
