/**
 * Docusaurus plugin: the model timeline page (`/timeline`) and `/timeline.json`.
 * Lifecycle wiring only; the work is in the pure modules next to this file.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {loadRegistry, RegistryError} from '../../core/registry/load';
import {registryMatcher} from '../../core/registry/matcher';
import type {Registry} from '../../core/registry/types';
import {buildCards} from './cards';
import {buildEntries, buildPageData} from './data';
import {buildTimelineJson, type TimelineJson} from './json';
import {docPagesFrom, groupMentions, type ScannedDoc} from './mentions';
import type {PluginOptions} from './options';
import {scanDocs} from './scan-docs';
import type {TimelineGlobalData} from './types';
import {joinRoute} from './route';

export {validateOptions} from './options';

const serialise = (json: TimelineJson) => `${JSON.stringify(json, null, 2)}\n`;

export const PLUGIN_NAME = 'llmbook-timeline';
const PAGE_COMPONENT = '@site/src/components/Timeline/index.tsx';

export interface TimelineContent {
  registry: Registry;
  scanned: ScannedDoc[];
}

/**
 * A RegistryError lists every problem with file:line:column. In a production build
 * the list is printed alone (the same lines as `npm run lint`) and the build stops
 * with exit code 1: thrown, Docusaurus would wrap it in two stack traces that bury
 * the list. The dev server gets the error thrown, so it shows it and keeps watching.
 */
function loadRegistryOrExit(file: string): Registry {
  try {
    return loadRegistry(file);
  } catch (error) {
    if (!(error instanceof RegistryError) || process.env.NODE_ENV !== 'production') throw error;
    process.stderr.write(`\n[ERROR] ${error.message}\n`);
    process.exit(1);
  }
}

export default function pluginTimeline(context: LoadContext, options: PluginOptions): Plugin<TimelineContent> {
  const {siteDir, baseUrl, siteConfig, generatedFilesDir} = context;
  // `npm start` serves this folder under baseUrl, so /timeline.json is there in development too.
  const devStaticDir = path.join(generatedFilesDir, PLUGIN_NAME, options.id, 'static');
  const registryFile = path.resolve(siteDir, options.registryPath);
  const docsDir = path.resolve(siteDir, options.docsPath);
  const pagePath = joinRoute(baseUrl, options.routeBasePath);
  const jsonPath = options.jsonFilename === false ? null : joinRoute(baseUrl, options.jsonFilename);
  let published: TimelineJson | undefined;

  return {
    name: PLUGIN_NAME,

    getPathsToWatch: () => [registryFile, path.join(docsDir, '**/*.{md,mdx}')],

    loadContent: () => {
      const registry = loadRegistryOrExit(registryFile);
      return {registry, scanned: scanDocs(siteDir, docsDir, registryMatcher(registry))};
    },

    // Runs after the docs plugin has loaded, so the back-links use its real permalinks.
    async allContentLoaded({allContent, actions}) {
      const {registry, scanned} = allContent[PLUGIN_NAME]?.[options.id] as TimelineContent;
      const entries = buildEntries(registry, groupMentions(scanned, docPagesFrom(allContent, options.docsPluginId)));
      const page = buildPageData(entries, {title: options.title, description: options.description, jsonUrl: jsonPath});
      const data = await actions.createData(`timeline-${options.id}.json`, JSON.stringify(page));
      actions.addRoute({path: pagePath, component: PAGE_COMPONENT, exact: true, modules: {timeline: data}});
      published = buildTimelineJson(entries, siteConfig.url, pagePath);
      actions.setGlobalData({pagePath, cards: buildCards(entries)} satisfies TimelineGlobalData);
      if (options.jsonFilename !== false) {
        await fs.mkdir(devStaticDir, {recursive: true});
        await fs.writeFile(path.join(devStaticDir, options.jsonFilename), serialise(published));
      }
    },

    // Only the dev server reads `devServer`; webpack-merge appends this folder to the site's static ones.
    configureWebpack: (_config, isServer) =>
      isServer || options.jsonFilename === false ? {} : ({devServer: {static: [{directory: devStaticDir, publicPath: baseUrl, watch: true}]}} as object),

    async postBuild({outDir}) {
      if (!published || options.jsonFilename === false) return;
      await fs.writeFile(path.join(outDir, options.jsonFilename), serialise(published));
    },
  };
}
