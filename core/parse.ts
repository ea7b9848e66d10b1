/**
 * The one Markdown parser setup: the syntax a chapter of this site is written in, as the
 * site's Docusaurus config reads it (`markdown.format: 'detect'`: a `.md` chapter is
 * CommonMark with GFM; YAML front matter; `$…$` / `$$…$$` math through remark-math, which
 * the docs plugin is given). Every tool that reads a chapter parses it through here, so a
 * link, a heading or a model name is seen the same way by the auto-linker, the timeline,
 * the lint, the link checker and the importer.
 */
import type {Root} from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import {unified, type PluggableList} from 'unified';

/** The syntax extensions on top of remark-parse, for processors that add their own plugins. */
export const SITE_SYNTAX: PluggableList = [[remarkFrontmatter, ['yaml']], remarkGfm, remarkMath];

const parser = unified().use(remarkParse).use(SITE_SYNTAX).freeze();

/** A chapter's mdast tree, with positions. */
export function parseMarkdown(source: string): Root {
  return parser.parse(source);
}
