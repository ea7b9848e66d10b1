/**
 * SUMMARY.md → the book's tree, read from the mdast of the file (remark-parse), not
 * from its lines.
 *
 * Tabs: GitBook authors indent with tabs and spaces in one file. A leading tab is read
 * as one indentation level, the level being the file's smallest space indent (2 or 4).
 * For a 4-space file that is exactly what CommonMark (tab stops of 4) and GitBook's own
 * parser (kramed, which turns a tab into 4 spaces) do; for a 2-space file it keeps a
 * tab-indented item one level down instead of two, which is what the author saw in
 * the editor.
 *
 * Parts: a `##` heading starts a part; a list item without a link whose children are
 * chapters is a part too (GitBook 3 shows both as unlinked headers). Several lists
 * in a row (GitBook allows a blank line or another bullet character between them)
 * are one sequence.
 */
import type {Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent} from 'mdast';
import {toString} from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {type Problem, problem} from './problems';

interface Place {
  line: number;
  column: number;
}

export interface ChapterEntry {
  kind: 'chapter';
  title: string;
  /** Book-relative posix path of the chapter file, without `./`. */
  path: string;
  /** The link as written in SUMMARY.md. */
  href: string;
  place: Place;
  children: SummaryEntry[];
}

export interface PartEntry {
  kind: 'part';
  title: string;
  place: Place;
  children: SummaryEntry[];
}

export interface ExternalEntry {
  kind: 'external';
  title: string;
  href: string;
  place: Place;
}

export type SummaryEntry = ChapterEntry | PartEntry | ExternalEntry;

export interface Summary {
  entries: SummaryEntry[];
  problems: Problem[];
}

/** `https:`, `mailto:`, `//cdn…`: anything that is not a path inside the book. */
export function isExternalUrl(url: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//');
}

/**
 * An external URL that a generated page may link to: `http(s)://`, protocol-relative
 * `//host`, or `mailto:`. Any other scheme (`javascript:`, `data:`, `file:`, `vbscript:`)
 * could run or read something in the reader's browser, so it is never written into a page.
 */
export function isSafeExternalUrl(url: string): boolean {
  return /^(?:https?:\/\/|\/\/|mailto:)/i.test(url.trim());
}

/**
 * The file's indentation level: the most common step by which a list line is indented
 * more than the list line above it (ties go to the smaller step); 4 when nothing is
 * indented with spaces.
 */
export function indentUnit(text: string): number {
  const counts = new Map<number, number>();
  let previous = 0;
  for (const m of text.matchAll(/^([ \t]*)(?:[*+-]|\d+[.)])[ \t]/gm)) {
    const lead = m[1];
    if (!lead.includes('\t') && lead.length > previous) {
      const step = lead.length - previous;
      counts.set(step, (counts.get(step) ?? 0) + 1);
    }
    previous = lead.includes('\t') ? previous : lead.length;
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return ranked.length > 0 ? ranked[0][0] : 4;
}

/** Replace each leading tab with one indentation level (see the header comment). */
export function normalizeTabs(text: string): string {
  const unit = indentUnit(text);
  return text.replace(/^[ \t]+/gm, (lead) => lead.replace(/\t/g, ' '.repeat(unit)));
}

function placeOf(node: {position?: {start: {line: number; column: number}}}): Place {
  return {line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1};
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** Book-relative posix path of a SUMMARY link, or `undefined` when it leaves the book. */
export function bookPath(href: string): string | undefined {
  const withoutHash = safeDecode(href.replace(/[#?].*$/, ''));
  if (withoutHash.startsWith('/') || /^[a-z]:/i.test(withoutHash)) return undefined;
  const parts: string[] = [];
  for (const segment of withoutHash.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join('/');
}

class SummaryReader {
  readonly problems: Problem[] = [];
  constructor(readonly file: string) {}

  readRoot(root: Root): SummaryEntry[] {
    const top: SummaryEntry[] = [];
    let part: PartEntry | undefined;
    for (const node of root.children) {
      if (node.type === 'heading' && node.depth === 1 && top.length === 0 && !part) continue;
      if (node.type === 'heading') {
        part = this.headingPart(node);
        top.push(part);
      } else if (node.type === 'thematicBreak') {
        part = undefined;
      } else if (node.type === 'list') {
        (part ? part.children : top).push(...this.readList(node));
      } else if (node.type !== 'html' || !/^<!--[\s\S]*-->\s*$/.test(node.value)) {
        this.ignored(node);
      }
    }
    return top;
  }

  private headingPart(node: Heading): PartEntry {
    return {kind: 'part', title: toString(node).trim(), place: placeOf(node), children: []};
  }

  private ignored(node: RootContent): void {
    this.problems.push(
      problem('warning', this.file, placeOf(node), `忽略了目录中不是列表、也不是 \`##\` 标题的内容（\`${node.type}\`）`),
    );
  }

  private readList(list: List): SummaryEntry[] {
    return list.children.flatMap((item) => this.readItem(item));
  }

  private readItem(item: ListItem): SummaryEntry[] {
    const place = placeOf(item);
    const paragraph = item.children.find((c): c is Paragraph => c.type === 'paragraph');
    const children = item.children.filter((c): c is List => c.type === 'list').flatMap((l) => this.readList(l));
    const link = paragraph ? linkOf(paragraph.children) : undefined;
    const title = (link ? toString(link) : paragraph ? toString(paragraph) : '').trim();
    if (!link) {
      if (children.length > 0) return [{kind: 'part', title, place, children}];
      this.problems.push(problem('warning', this.file, place, `条目 \`${title}\` 既没有链接也没有子条目，已跳过`));
      return [];
    }
    if (isExternalUrl(link.url) && !isSafeExternalUrl(link.url)) {
      this.problems.push(
        problem('error', this.file, place, `条目 \`${title}\` 的链接 \`${link.url}\` 不是 http(s) 地址，已拒绝（外部链接应以 \`https://\` 开头）`),
      );
      return children;
    }
    if (isExternalUrl(link.url)) {
      const external: ExternalEntry = {kind: 'external', title, href: link.url, place};
      if (children.length === 0) return [external];
      this.problems.push(
        problem('warning', this.file, place, `外部链接 \`${link.url}\` 不能有子条目：已改为分类 \`${title}\`，链接放在它的第一项`),
      );
      return [{kind: 'part', title, place, children: [external, ...children]}];
    }
    const path = bookPath(link.url);
    if (path === undefined || path === '') {
      this.problems.push(
        problem('error', this.file, place, `章节 \`${link.url}\` 在书的目录之外，已拒绝（章节应是书目录内的相对路径，如 \`./01-llm/01-1.md\`）`),
      );
      return children;
    }
    return [{kind: 'chapter', title, path, href: link.url, place, children}];
  }
}

type Link = Extract<PhrasingContent, {type: 'link'}>;

/** The item's link, when the item's text is a link (GitBook ignores text around it). */
function linkOf(children: PhrasingContent[]): Link | undefined {
  return children.find((c): c is Link => c.type === 'link');
}

export function parseSummary(text: string, file = 'SUMMARY.md'): Summary {
  const reader = new SummaryReader(file);
  const root = unified().use(remarkParse).parse(normalizeTabs(text));
  const entries = reader.readRoot(root);
  return {entries, problems: reader.problems};
}
