/**
 * The book's reading order, taken from the docs plugin's own sidebars: one list of
 * chapters, each with the parts (categories) it sits in. Pure: the llms.txt files,
 * `book.json` and the ebook exporter all read the same outline, so they cannot disagree
 * with the sidebar or with each other.
 */
import type {LoadedContent, LoadedVersion} from '@docusaurus/plugin-content-docs';

type Sidebar = LoadedVersion['sidebars'][string];
type SidebarItem = Sidebar[number];

/** A part of the book: a sidebar category. */
export interface OutlinePart {
  label: string;
  /** The category's own description (generated index or `_category_.json`), if any. */
  description?: string;
}

/** A chapter: one doc page, in sidebar order. */
export interface OutlineChapter {
  id: string;
  title: string;
  description?: string;
  /** Full path with baseUrl, e.g. `/llm-books/docs/book/llm/hello-chatgpt`. */
  permalink: string;
  /** Site-relative POSIX path of the Markdown file, e.g. `docs/book/01-llm/01-hello-chatgpt.md`. */
  source: string;
  /** The categories around it, outermost first (empty for a top-level page). */
  parts: OutlinePart[];
}

/** One sidebar as a reading order. */
export interface OutlineSection {
  sidebarId: string;
  chapters: OutlineChapter[];
}

const SITE_ALIAS = '@site/';

function categoryDescription(item: Extract<SidebarItem, {type: 'category'}>): string | undefined {
  if (item.description) return item.description;
  return item.link?.type === 'generated-index' ? item.link.description : undefined;
}

/**
 * Flatten one sidebar into its chapters in reading order. A category whose link is a doc
 * puts that doc first in the part, as the sidebar does; links and HTML items are skipped.
 */
export function sidebarChapters(version: LoadedVersion, sidebarId: string): OutlineChapter[] {
  const sidebar = version.sidebars[sidebarId];
  if (!sidebar) {
    const known = Object.keys(version.sidebars).map((id) => `\`${id}\``).join('、');
    throw new Error(`找不到侧边栏 \`${sidebarId}\`；sidebars.ts 里有：${known || '（无）'}`);
  }
  const docs = new Map(version.docs.map((doc) => [doc.id, doc]));
  const chapters: OutlineChapter[] = [];
  const addDoc = (id: string, parts: OutlinePart[]) => {
    const doc = docs.get(id);
    if (!doc) return; // a draft: listed in the sidebar config, not published
    chapters.push({
      id: doc.id,
      title: doc.title,
      ...(doc.description ? {description: doc.description} : {}),
      permalink: doc.permalink,
      source: doc.source.startsWith(SITE_ALIAS) ? doc.source.slice(SITE_ALIAS.length) : doc.source,
      parts,
    });
  };
  const walk = (items: readonly SidebarItem[], parts: OutlinePart[]) => {
    for (const item of items) {
      if (item.type === 'doc' || item.type === 'ref') addDoc(item.id, parts);
      else if (item.type === 'category') {
        const description = categoryDescription(item);
        const inner = [...parts, {label: item.label, ...(description ? {description} : {})}];
        if (item.link?.type === 'doc') addDoc(item.link.id, inner);
        walk(item.items, inner);
      }
    }
  };
  walk(sidebar, []);
  return chapters;
}

/** The sidebars of the docs plugin's current version, each as a reading order. */
export function outlineOf(content: LoadedContent, sidebarIds: readonly string[]): OutlineSection[] {
  const version = content.loadedVersions.find((v) => v.isLast) ?? content.loadedVersions[0];
  if (!version) throw new Error('文档插件没有任何版本，无法生成 llms.txt');
  return sidebarIds.map((sidebarId) => ({sidebarId, chapters: sidebarChapters(version, sidebarId)}));
}

/** What `book.json` holds: enough for the ebook exporter to find and order every chapter. */
export interface BookOutline {
  title: string;
  summary: string;
  url: string;
  baseUrl: string;
  language: string;
  chapters: OutlineSection['chapters'];
}
