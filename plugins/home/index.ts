/**
 * Docusaurus plugin: the home page (`/`), fed by what the docs plugin loaded (parts,
 * chapters, descriptions, git dates). Lifecycle wiring only; the work is in data.ts.
 */
import type {LoadContext, Plugin} from '@docusaurus/types';
import {buildHomeData, type DocLike, type SidebarItemLike} from './data';
import type {PluginOptions} from './options';

export {validateOptions} from './options';

export const PLUGIN_NAME = 'llmbook-home';
const PAGE_COMPONENT = '@site/src/components/Home/index.tsx';
const DOCS_PLUGIN = 'docusaurus-plugin-content-docs';

interface DocsContent {
  loadedVersions: Array<{docs: DocLike[]; sidebars: Record<string, SidebarItemLike[]>}>;
}

export default function pluginHome(context: LoadContext, options: PluginOptions): Plugin {
  return {
    name: PLUGIN_NAME,

    async allContentLoaded({allContent, actions}) {
      const docs = allContent[DOCS_PLUGIN]?.[options.docsPluginId] as DocsContent | undefined;
      const version = docs?.loadedVersions[0];
      const sidebar = version?.sidebars[options.sidebarId];
      if (!version || !sidebar) {
        throw new Error(`llmbook-home：找不到文档插件 \`${options.docsPluginId}\` 的侧边栏 \`${options.sidebarId}\`；请检查 sidebars.ts 或本插件的 \`sidebarId\` 选项`);
      }
      const home = buildHomeData({
        docs: version.docs,
        sidebar,
        contributing: version.docs.find((d) => d.id === options.contributingDocId),
        recentCount: options.recentCount,
      });
      const data = await actions.createData(`home-${options.id}.json`, JSON.stringify(home));
      actions.addRoute({path: context.baseUrl, component: PAGE_COMPONENT, exact: true, modules: {home: data}});
    },
  };
}
