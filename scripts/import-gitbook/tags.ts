/**
 * GitBook's template tags (`{% hint %}`, `{% raw %}`, `{% math %}`, `{% include %}` …).
 *
 * GitBook runs its template engine over the page text before Markdown, except inside
 * code, so this module does the same: it lexes tags in the raw text and skips the
 * ranges of code nodes that the caller found in the mdast. Each tag becomes an edit of
 * the original text; a tag it cannot convert stays visible, wrapped in inline code so
 * neither the build nor the reader loses it, and is reported with its line.
 */
import type {Edit} from './edits';
import type {Problem} from './problems';
import {problem} from './problems';

/** GitBook hint styles → Docusaurus admonition types. */
export const HINT_STYLES: Record<string, string> = {
  info: 'info',
  warning: 'warning',
  danger: 'danger',
  success: 'tip',
  tip: 'tip',
};

export interface Range {
  start: number;
  end: number;
}

export interface TagResult {
  edits: Edit[];
  problems: Problem[];
}

interface Tag {
  start: number;
  end: number;
  name: string;
  args: string;
  raw: string;
}

const TAG = /\{%-?\s*([A-Za-z_]\w*)([\s\S]*?)-?%\}/g;

function findTags(text: string, skip: Range[]): Tag[] {
  const tags: Tag[] = [];
  for (const m of text.matchAll(TAG)) {
    const start = m.index;
    if (skip.some((r) => start >= r.start && start < r.end)) continue;
    tags.push({start, end: start + m[0].length, name: m[1], args: m[2].trim(), raw: m[0]});
  }
  return tags;
}

/** Wrap a tag in inline code, with enough backticks to hold any it contains. */
export function escapeTag(raw: string): string {
  const longest = Math.max(0, ...[...raw.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 ? `${fence} ${raw} ${fence}` : `${fence}${raw}${fence}`;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

/** A directive fence (`:::info`, `:::`) alone on its line, at the line's indentation. */
function ownLine(text: string, tag: Tag, fence: string): Edit {
  const start = lineStart(text, tag.start);
  const indent = /^[ \t>]*/.exec(text.slice(start))?.[0] ?? '';
  const before = text.slice(start, tag.start).trim() === '' ? '' : `\n${indent}`;
  const after = text.slice(tag.end, lineEnd(text, tag.end)).trim() === '' ? '' : `\n${indent}`;
  return {start: tag.start, end: tag.end, text: `${before}${fence}${after}`};
}

class TagConverter {
  readonly edits: Edit[] = [];
  readonly problems: Problem[] = [];
  constructor(
    readonly text: string,
    readonly file: string,
    readonly place: (offset: number) => {line: number; column: number},
  ) {}

  flag(tag: Tag, why: string): void {
    this.edits.push({start: tag.start, end: tag.end, text: escapeTag(tag.raw)});
    this.problems.push(problem('warning', this.file, this.place(tag.start), `${why}；原样保留为行内代码 ${escapeTag(tag.raw)}，请手工处理`));
  }

  drop(tag: Tag): void {
    this.edits.push({start: tag.start, end: tag.end, text: ''});
  }

  run(tags: Tag[]): void {
    const hints: Tag[] = [];
    for (let i = 0; i < tags.length; i++) {
      const tag = tags[i];
      switch (tag.name) {
        case 'raw':
          i = this.raw(tags, i);
          break;
        case 'math':
          i = this.math(tags, i);
          break;
        case 'hint':
          this.hint(tag, hints);
          break;
        case 'endhint':
          this.endhint(tag, hints);
          break;
        case 'include':
          this.flag(tag, '`{% include %}` 没有转换（Docusaurus 没有对应的语法，可把被引用的内容复制进来，或改写成 MDX 导入）');
          break;
        default:
          this.flag(tag, `不认识的 GitBook 标签 \`${tag.name}\``);
      }
    }
    for (const open of hints) this.flag(open, '`{% hint %}` 没有对应的 `{% endhint %}`');
  }

  /** `{% raw %}…{% endraw %}`: the tags go, the content stays as written. */
  private raw(tags: Tag[], i: number): number {
    const close = tags.findIndex((t, j) => j > i && t.name === 'endraw');
    if (close === -1) {
      this.flag(tags[i], '`{% raw %}` 没有对应的 `{% endraw %}`');
      return i;
    }
    this.drop(tags[i]);
    this.drop(tags[close]);
    return close;
  }

  /** `{% math %}…{% endmath %}` (gitbook-plugin-katex) is `$$…$$`, inline or block alike. */
  private math(tags: Tag[], i: number): number {
    const close = i + 1 < tags.length && tags[i + 1].name === 'endmath' ? i + 1 : -1;
    if (close === -1) {
      this.flag(tags[i], '`{% math %}` 没有紧跟的 `{% endmath %}`');
      return i;
    }
    this.edits.push({start: tags[i].start, end: tags[i].end, text: '$$'});
    this.edits.push({start: tags[close].start, end: tags[close].end, text: '$$'});
    return close;
  }

  private hint(tag: Tag, open: Tag[]): void {
    if (open.length > 0) {
      this.flag(tag, '嵌套的 `{% hint %}` 没有转换');
      return;
    }
    const style = /style\s*=\s*["']?([\w-]+)/.exec(tag.args)?.[1] ?? 'info';
    const type = HINT_STYLES[style];
    if (!type) {
      this.problems.push(
        problem('warning', this.file, this.place(tag.start), `提示样式 \`${style}\` 没有对应的提示框类型，已改为 \`note\`（可用：${Object.keys(HINT_STYLES).map((s) => `\`${s}\``).join('、')}）`),
      );
    }
    this.edits.push(ownLine(this.text, tag, `:::${type ?? 'note'}`));
    open.push(tag);
  }

  private endhint(tag: Tag, open: Tag[]): void {
    if (open.length === 0) {
      this.flag(tag, '`{% endhint %}` 前面没有 `{% hint %}`');
      return;
    }
    open.pop();
    this.edits.push(ownLine(this.text, tag, ':::'));
  }
}

/**
 * Convert the template tags of one chapter.
 * @param skip ranges of code (fenced, indented, inline) where GitBook does not look for tags
 */
export function convertTags(
  text: string,
  file: string,
  skip: Range[],
  place: (offset: number) => {line: number; column: number},
): TagResult {
  const converter = new TagConverter(text, file, place);
  converter.run(findTags(text, skip));
  return {edits: converter.edits, problems: converter.problems};
}
