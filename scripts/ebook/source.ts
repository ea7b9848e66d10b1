/** What the exporter needs to know from a chapter's Markdown before it looks at the page. */
import type {Code, Root} from 'mdast';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';

/**
 * How many Mermaid diagrams the chapter has. The site draws them in the browser after
 * hydration (nothing of them is in the built HTML), so the exporter waits for this many.
 */
export function mermaidCount(markdown: string): number {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  let count = 0;
  visit(tree, 'code', (node: Code) => {
    if (node.lang === 'mermaid') count++;
  });
  return count;
}
