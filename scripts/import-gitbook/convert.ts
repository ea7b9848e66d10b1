/**
 * One chapter: GitBook Markdown → Docusaurus CommonMark (`.md`), as a list of edits of
 * the original text (never a re-serialisation): new front matter, link and image
 * destinations, and GitBook template tags. Everything else stays byte for byte.
 */
import type {Definition, Image, Link, Nodes, Root} from 'mdast';
import {visit} from 'unist-util-visit';
import {location} from 'vfile-location';
import YAML from 'yaml';
import {parseMarkdown} from '../../core/parse';
import {type Edit, applyEdits} from './edits';
import {destinationSpan, formatDestination} from './links';
import {type Problem, problem} from './problems';
import {type Range, convertTags} from './tags';

/** What to do with one link or image destination. */
export type Resolution =
  | {kind: 'keep'}
  | {kind: 'rewrite'; url: string; note?: Problem}
  /** The target cannot be reached: the node becomes its text plus a visible note. */
  | {kind: 'unlink'; note: Problem};

export interface ResolveRequest {
  url: string;
  image: boolean;
  place: {line: number; column: number};
}

export interface ChapterInput {
  /** Book-relative path of the chapter, for messages. */
  file: string;
  source: string;
  /** Front matter keys the importer sets (title, sidebar_position…), merged over the chapter's own. */
  frontMatter: Record<string, unknown>;
  resolve(request: ResolveRequest): Resolution;
}

export interface ChapterOutput {
  text: string;
  problems: Problem[];
}

function span(node: Nodes): Range | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : {start, end};
}

/** Where GitBook leaves `{% … %}` alone. */
function codeRanges(tree: Root): Range[] {
  const ranges: Range[] = [];
  visit(tree, (node) => {
    if (node.type === 'code' || node.type === 'inlineCode') {
      const range = span(node);
      if (range) ranges.push(range);
    }
  });
  return ranges;
}

function frontMatterEdit(tree: Root, source: string, file: string, keys: Record<string, unknown>, problems: Problem[]): Edit {
  const first = tree.children[0];
  let own: Record<string, unknown> = {};
  let range: Range = {start: 0, end: 0};
  if (first?.type === 'yaml') {
    range = span(first) ?? range;
    try {
      const parsed: unknown = YAML.parse(first.value);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) own = parsed as Record<string, unknown>;
    } catch (cause) {
      problems.push(problem('warning', file, first.position?.start, '章节自带的 front matter 不是合法的 YAML，已替换为导入器生成的 front matter', cause));
    }
  }
  const yaml = YAML.stringify({...own, ...keys}, {lineWidth: 0}).trimEnd();
  // A chapter's own front matter is replaced in place; a new one is followed by a blank line.
  const after = range.end === 0 ? '\n\n' : '';
  return {start: range.start, end: range.end, text: `---\n${yaml}\n---${after}`};
}

/** The visible replacement of a node whose target cannot be reached. */
function unlinkText(source: string, node: Link | Image, url: string): string {
  if (node.type === 'image') {
    const alt = node.alt ? `：${node.alt}` : '';
    return `（图片缺失${alt}，原地址 \`${url}\`）`;
  }
  const first = node.children[0]?.position?.start.offset;
  const last = node.children.at(-1)?.position?.end.offset;
  const label = first !== undefined && last !== undefined ? source.slice(first, last) : '';
  return `${label}（原链接 \`${url}\` 无法转换）`;
}

function linkEdits(tree: Root, input: ChapterInput, problems: Problem[]): Edit[] {
  const edits: Edit[] = [];
  const {source} = input;
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
    const target = node as Link | Image | Definition;
    const destination = destinationSpan(source, target);
    if (!destination) return;
    const place = {line: target.position?.start.line ?? 1, column: target.position?.start.column ?? 1};
    const resolution = input.resolve({url: target.url, image: target.type === 'image', place});
    if (resolution.kind === 'keep') return;
    problems.push(...(resolution.kind === 'unlink' ? [resolution.note] : resolution.note ? [resolution.note] : []));
    const nodeRange = span(target);
    if (resolution.kind === 'unlink' && target.type !== 'definition' && nodeRange) {
      edits.push({...nodeRange, text: unlinkText(source, target, target.url)});
    } else if (resolution.kind === 'rewrite') {
      edits.push({...destination, text: formatDestination(resolution.url)});
    }
  });
  return edits;
}

export function convertChapter(input: ChapterInput): ChapterOutput {
  const problems: Problem[] = [];
  const tree = parseMarkdown(input.source);
  const where = location(input.source);
  const place = (offset: number) => {
    const point = where.toPoint(offset);
    return {line: point?.line ?? 1, column: point?.column ?? 1};
  };
  const tags = convertTags(input.source, input.file, codeRanges(tree), place);
  problems.push(...tags.problems);
  const edits = [frontMatterEdit(tree, input.source, input.file, input.frontMatter, problems), ...linkEdits(tree, input, problems), ...tags.edits];
  const {text, skipped} = applyEdits(input.source, edits);
  for (const edit of skipped) {
    problems.push(problem('warning', input.file, place(edit.start), `这里的链接与 GitBook 标签重叠，未改写为 \`${edit.text}\``));
  }
  return {text, problems};
}
