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

/** The extensions one source needs; `key` names the combination (for caching processors). */
export interface Syntax {
  key: string;
  plugins: PluggableList;
}

const SYNTAXES: readonly Syntax[] = [
  {key: 'gfm', plugins: [remarkGfm]},
  {key: 'front-matter+gfm', plugins: [[remarkFrontmatter, ['yaml']], remarkGfm]},
  {key: 'gfm+math', plugins: [remarkGfm, remarkMath]},
  {key: 'front-matter+gfm+math', plugins: SITE_SYNTAX},
];

/**
 * The part of {@link SITE_SYNTAX} that can change how `source` parses: front matter only
 * when the file starts with `---` (the only place it is recognised), math only when it
 * has a `$` (the only character that opens math). The tree is the one SITE_SYNTAX gives
 * (a test parses every chapter and the GitBook corpus both ways); the other extensions
 * would only cost time (math and front matter are about 15 % of a parse).
 */
export function syntaxFor(source: string): Syntax {
  const frontMatter = source.startsWith('---') || source.startsWith('\uFEFF---');
  const math = source.includes('$');
  return SYNTAXES[(frontMatter ? 1 : 0) + (math ? 2 : 0)];
}

const parsers = new Map<string, ReturnType<typeof parserFor>>();

function parserFor(syntax: Syntax) {
  return unified().use(remarkParse).use(syntax.plugins).freeze();
}

/** A chapter's mdast tree, with positions (as SITE_SYNTAX parses it). */
export function parseMarkdown(source: string): Root {
  const syntax = syntaxFor(source);
  let parser = parsers.get(syntax.key);
  if (!parser) parsers.set(syntax.key, (parser = parserFor(syntax)));
  return parser.parse(source);
}
