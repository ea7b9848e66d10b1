/**
 * The fenced code blocks of a chapter, with where they stand: the fence's line and column
 * and the line their first line of code is on, so a problem inside a block is reported at
 * its place in the chapter.
 */
import type {Code} from 'mdast';
import {visit} from 'unist-util-visit';
import {parseMarkdown} from '../../core/parse';

export interface CodeBlock {
  /** Path of the chapter, as given. */
  file: string;
  /** The info string's language, lower-cased (`ts`, `python` …); empty when none. */
  lang: string;
  /** The rest of the info string (`title="chat.ts" runnable`). */
  meta: string;
  value: string;
  /** 1-based line and column of the opening fence. */
  line: number;
  column: number;
  /** 1-based line of the block's first line of code. */
  firstLine: number;
}

export function codeBlocks(file: string, markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  visit(parseMarkdown(markdown), 'code', (node: Code) => {
    if (!node.position) return;
    const {line, column} = node.position.start;
    const fenced = /^\s*(```|~~~)/.test(markdown.slice(node.position.start.offset ?? 0, (node.position.start.offset ?? 0) + 8));
    blocks.push({
      file,
      lang: (node.lang ?? '').toLowerCase(),
      meta: node.meta ?? '',
      value: node.value,
      line,
      column,
      firstLine: fenced ? line + 1 : line,
    });
  });
  return blocks;
}

/** `title="chat.ts"` from a block's meta. */
export function metaTitle(meta: string): string | undefined {
  return /(?:^|\s)title=(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(meta)?.slice(1).find((v) => v !== undefined);
}

/** A bare word in the meta (`runnable`, `nocheck`). */
export function metaFlag(meta: string, flag: string): boolean {
  return meta.split(/\s+/).includes(flag);
}
