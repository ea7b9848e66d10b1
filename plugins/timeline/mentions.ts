/**
 * Back-links: which chapters (and which sections of them) mention each model.
 * Pure: the scan results and the docs plugin's pages go in, a map by model id comes out.
 */
import type {LoadedContent} from '@docusaurus/plugin-content-docs';
import type {AllContent} from '@docusaurus/types';
import type {Mention} from '../../core/mentions';
import type {ChapterMention} from './types';

/** The mentions found in one Markdown file. */
export interface ScannedDoc {
  /** Site-relative POSIX path, e.g. `docs/book/01-llm/01-hello-chatgpt.md`. */
  source: string;
  mentions: Mention[];
}

/** A doc page as the docs plugin publishes it. */
export interface DocPage {
  /** Site-relative POSIX path of its Markdown file. */
  source: string;
  /** Full path with baseUrl. */
  permalink: string;
  title: string;
}

const DOCS_PLUGIN = 'docusaurus-plugin-content-docs';
const SITE_ALIAS = '@site/';

/** The published doc pages of one docs plugin instance (drafts excluded by the docs plugin). */
export function docPagesFrom(allContent: AllContent, docsPluginId: string): DocPage[] {
  // The docs plugin's own content type; AllContent leaves every plugin's content `unknown`.
  const content = allContent[DOCS_PLUGIN]?.[docsPluginId] as LoadedContent | undefined;
  if (!content) {
    throw new Error(
      `时间线插件找不到 id 为 \`${docsPluginId}\` 的文档插件；请在插件选项 \`docsPluginId\` 中写上站点文档插件的 id（默认 \`default\`）`,
    );
  }
  return content.loadedVersions.flatMap((version) =>
    version.docs.map((doc) => ({
      source: doc.source.startsWith(SITE_ALIAS) ? doc.source.slice(SITE_ALIAS.length) : doc.source,
      permalink: doc.permalink,
      title: doc.title,
    })),
  );
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Group the mentions by model: one {@link ChapterMention} for each chapter that names
 * the model, listing the sections in document order. Chapters come in source-path
 * order (the book's numbered folders), so the result is stable from build to build.
 * Files that are not published pages (partials, drafts) are left out.
 */
export function groupMentions(scanned: readonly ScannedDoc[], pages: readonly DocPage[]): Map<string, ChapterMention[]> {
  const pageBySource = new Map(pages.map((page) => [page.source, page]));
  const result = new Map<string, ChapterMention[]>();
  const docs = [...scanned].sort((a, b) => byCodeUnits(a.source, b.source));
  for (const doc of docs) {
    const page = pageBySource.get(doc.source);
    if (!page) continue;
    const chapters = new Map<string, ChapterMention>();
    // The scanner reports mentions in document order.
    for (const mention of doc.mentions) {
      let chapter = chapters.get(mention.id);
      if (!chapter) {
        chapter = {title: page.title, permalink: page.permalink, source: page.source, count: 0, sections: []};
        chapters.set(mention.id, chapter);
        const list = result.get(mention.id) ?? [];
        list.push(chapter);
        result.set(mention.id, list);
      }
      chapter.count++;
      const section = mention.section;
      if (!section) continue;
      const known = chapter.sections.find((s) => s.id === section.id);
      if (known) known.count++;
      else chapter.sections.push({text: section.text, id: section.id, count: 1});
    }
  }
  return result;
}
