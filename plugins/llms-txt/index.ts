/**
 * Docusaurus plugin: `llms.txt`, `llms-full.txt`, a `.md` copy beside each chapter page,
 * and `book.json` (the book's outline in sidebar order, read by `npm run ebook`).
 * Lifecycle wiring only; the work is in `outline.ts` and `render.ts`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {LoadedContent} from '@docusaurus/plugin-content-docs';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {DEFAULT_PARSE_FRONT_MATTER} from '@docusaurus/utils';
import {DOWNLOADS, DOWNLOADS_DIR, DOWNLOADS_MANIFEST} from '../../core/constants';
import type {DownloadsManifest} from '../../core/downloads';
import type {PluginOptions} from './options';
import {outlineOf, type BookOutline, type OutlineSection} from '../../core/outline';

export type {BookOutline};
import {chapterMarkdown, llmsFullTxt, llmsTxt, markdownPathOf, type SiteInfo} from './render';

export {validateOptions} from './options';

export const PLUGIN_NAME = 'llmbook-llms-txt';
const DOCS_PLUGIN = 'docusaurus-plugin-content-docs';

export default function pluginLlmsTxt(context: LoadContext, options: PluginOptions): Plugin {
  const {siteDir, siteConfig, baseUrl, i18n} = context;
  const site: SiteInfo = {title: siteConfig.title, summary: siteConfig.tagline, url: siteConfig.url, baseUrl};
  let sections: OutlineSection[] = [];

  return {
    name: PLUGIN_NAME,

    async allContentLoaded({allContent}) {
      const content = allContent[DOCS_PLUGIN]?.[options.docsPluginId] as LoadedContent | undefined;
      if (!content) throw new Error(`llms.txt 插件找不到 id 为 \`${options.docsPluginId}\` 的文档插件（选项 \`docsPluginId\`）`);
      sections = outlineOf(content, [options.bookSidebar, ...options.optionalSidebars]);
    },

    async postBuild({outDir}) {
      const [book, ...others] = sections;
      if (!book) return;
      const texts = new Map<string, string>();
      for (const chapter of sections.flatMap((section) => section.chapters)) {
        const filePath = path.join(siteDir, chapter.source);
        const fileContent = await fs.readFile(filePath, 'utf8');
        // The site's own front-matter parser, so llms.txt sees what the docs plugin saw.
        const {content} = await siteConfig.markdown.parseFrontMatter({filePath, fileContent, defaultParseFrontMatter: DEFAULT_PARSE_FRONT_MATTER});
        const markdown = chapterMarkdown(chapter, content);
        texts.set(chapter.id, markdown);
        const target = path.join(outDir, markdownPathOf(chapter.permalink, baseUrl));
        await fs.mkdir(path.dirname(target), {recursive: true});
        await fs.writeFile(target, markdown);
      }
      const extras = DOWNLOADS.map((download) => ({label: download.label, path: download.path}));
      await fs.writeFile(path.join(outDir, 'llms.txt'), llmsTxt(site, book, others, extras));
      const full = book.chapters.map((chapter) => ({chapter, markdown: texts.get(chapter.id) ?? ''}));
      await fs.writeFile(path.join(outDir, 'llms-full.txt'), llmsFullTxt(site, full));
      const outline: BookOutline = {...site, language: i18n.currentLocale, chapters: book.chapters};
      await fs.writeFile(path.join(outDir, options.outlineFilename), `${JSON.stringify(outline, null, 2)}\n`);
      // An empty manifest until `npm run ebook` replaces the folder: every page asks for it
      // (the download sizes), and a build without the downloads must not answer 404.
      const manifest: DownloadsManifest = {generated: '', commit: '', files: []};
      await fs.mkdir(path.join(outDir, DOWNLOADS_DIR), {recursive: true});
      await fs.writeFile(path.join(outDir, DOWNLOADS_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}
