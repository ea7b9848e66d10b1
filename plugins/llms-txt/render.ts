/**
 * llms.txt (https://llmstxt.org): the title, a one-line summary, then one `##` section
 * per part with a link to each chapter's Markdown copy; llms-full.txt holds the text of
 * every chapter. Pure: the outline and the chapters' source text go in, strings come out.
 */
import type {OutlineChapter, OutlineSection} from '../../core/outline';

export interface SiteInfo {
  title: string;
  /** One sentence: the blockquote under the title. */
  summary: string;
  /** Origin, e.g. `https://morsoli.github.io`. */
  url: string;
  baseUrl: string;
}

/** Extra links listed under their own heading (the downloads). */
export interface ExtraLink {
  label: string;
  path: string;
  note?: string;
}

/** `/llm-books/docs/book/x` → `docs/book/x.md` (relative to the build folder). */
export function markdownPathOf(permalink: string, baseUrl: string): string {
  const route = permalink.startsWith(baseUrl) ? permalink.slice(baseUrl.length) : permalink.replace(/^\//, '');
  return `${route.replace(/\/$/, '') || 'index'}.md`;
}

/** The chapter's Markdown (front matter already removed), its title as the first heading. */
export function chapterMarkdown(chapter: OutlineChapter, content: string): string {
  const body = content.trim();
  const titled = body.startsWith('# ') ? body : `# ${chapter.title}\n\n${body}`;
  return `${titled}\n`;
}

/**
 * Consecutive chapters under the same outermost part share one section; top-level pages
 * before the first part form a section named after the first of them.
 */
function sectionsOf(chapters: readonly OutlineChapter[]): {label: string; chapters: OutlineChapter[]}[] {
  const sections: {label: string; key: string; chapters: OutlineChapter[]}[] = [];
  for (const chapter of chapters) {
    const key = chapter.parts[0]?.label ?? '';
    const last = sections.at(-1);
    if (last && last.key === key) last.chapters.push(chapter);
    else sections.push({label: key || chapter.title, key, chapters: [chapter]});
  }
  return sections;
}

function linkLine(site: SiteInfo, chapter: OutlineChapter): string {
  const url = `${site.url}${site.baseUrl}${markdownPathOf(chapter.permalink, site.baseUrl)}`;
  return `- [${chapter.title}](${url})${chapter.description ? `: ${chapter.description}` : ''}`;
}

/** llms.txt: the book's sections first, then `## Optional` for the other sidebars. */
export function llmsTxt(site: SiteInfo, book: OutlineSection, others: readonly OutlineSection[], extras: readonly ExtraLink[] = []): string {
  const lines = [`# ${site.title}`, '', `> ${site.summary}`, ''];
  if (extras.length > 0) {
    lines.push('整本书的其他格式：', '');
    for (const extra of extras) {
      lines.push(`- [${extra.label}](${site.url}${site.baseUrl}${extra.path})${extra.note ? `: ${extra.note}` : ''}`);
    }
    lines.push('');
  }
  for (const section of sectionsOf(book.chapters)) {
    lines.push(`## ${section.label}`, '', ...section.chapters.map((chapter) => linkLine(site, chapter)), '');
  }
  const optional = others.flatMap((other) => other.chapters);
  if (optional.length > 0) lines.push('## Optional', '', ...optional.map((chapter) => linkLine(site, chapter)), '');
  return lines.join('\n');
}

/** llms-full.txt: the title and summary, then every chapter of the book in full. */
export function llmsFullTxt(site: SiteInfo, chapters: readonly {chapter: OutlineChapter; markdown: string}[]): string {
  const parts = [`# ${site.title}\n\n> ${site.summary}\n`];
  for (const {chapter, markdown} of chapters) {
    parts.push(`<!-- ${site.url}${chapter.permalink} -->\n\n${markdown}`);
  }
  return parts.join('\n');
}
