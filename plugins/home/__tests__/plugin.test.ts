/** The home plugin's lifecycle wired the way Docusaurus calls it. */
import type {AllContent, LoadContext, PluginContentLoadedActions, RouteConfig} from '@docusaurus/types';
import {describe, expect, it} from 'vitest';
import pluginHome from '../index';
import {DEFAULT_OPTIONS, type PluginOptions} from '../options';
import type {HomeData} from '../types';

const OPTIONS: PluginOptions = {id: 'default', ...DEFAULT_OPTIONS};
const context = {baseUrl: '/base/'} as unknown as LoadContext;
const docs = [
  {id: 'book/index', title: '前言', description: '写给谁', permalink: '/base/docs/book', lastUpdatedAt: 1000},
  {id: 'contributing/index', title: '贡献指南', description: '如何参与', permalink: '/base/docs/contributing', lastUpdatedAt: 2000},
];

async function run(sidebars: Record<string, unknown>) {
  const routes: RouteConfig[] = [];
  const data = new Map<string, string>();
  const actions: PluginContentLoadedActions = {
    addRoute: (route) => routes.push(route),
    createData: async (name, value) => {
      data.set(name, String(value));
      return `/data/${name}`;
    },
    setGlobalData: () => undefined,
  };
  const allContent = {'docusaurus-plugin-content-docs': {default: {loadedVersions: [{docs, sidebars}]}}} as unknown as AllContent;
  await pluginHome(context, OPTIONS).allContentLoaded?.({allContent, actions});
  return {routes, data};
}

describe('home plugin', () => {
  it('adds the home page at baseUrl with the book sidebar’s data', async () => {
    const {routes, data} = await run({book: [{type: 'doc', id: 'book/index'}]});
    expect(routes).toEqual([{path: '/base/', component: '@site/src/components/Home/index.tsx', exact: true, modules: {home: '/data/home-default.json'}}]);
    const home = JSON.parse(data.get('home-default.json') ?? '{}') as HomeData;
    expect(home.front.map((c) => c.title)).toEqual(['前言']);
    expect(home.contributing?.permalink).toBe('/base/docs/contributing');
    // The contributor guide is not in the book sidebar, so not among the book's recent chapters.
    expect(home.recent.map((c) => c.title)).toEqual(['前言']);
  });

  it('stops with a clear message when the book sidebar is missing', async () => {
    await expect(run({other: []})).rejects.toThrow('找不到文档插件 `default` 的侧边栏 `book`');
  });
});
