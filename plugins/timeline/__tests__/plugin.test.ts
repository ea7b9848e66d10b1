/** The plugin's lifecycle wired the way Docusaurus calls it, against the fixture book. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type {AllContent, LoadContext, PluginContentLoadedActions, RouteConfig} from '@docusaurus/types';
import {afterAll, describe, expect, it, vi} from 'vitest';
import {RegistryError} from '../../../core/registry/load';
import pluginTimeline, {PLUGIN_NAME, type TimelineContent} from '../index';
import type {TimelineJson} from '../json';
import {DEFAULT_OPTIONS, type PluginOptions} from '../options';
import type {TimelinePageData} from '../types';

const BOOK = path.join(__dirname, '__fixtures__', 'book');
const OPTIONS: PluginOptions = {id: 'default', ...DEFAULT_OPTIONS};

// Only the fields the plugin reads; the rest of LoadContext is Docusaurus's business.
const GENERATED = path.join(os.tmpdir(), `timeline-generated-${process.pid}`);
const context = {siteDir: BOOK, baseUrl: '/base/', siteConfig: {url: 'https://example.org'}, generatedFilesDir: GENERATED} as unknown as LoadContext;

const docs = [
  {source: '@site/docs/intro.md', permalink: '/base/docs/intro', title: '引言'},
  {source: '@site/docs/part/chapter.md', permalink: '/base/docs/part/chapter', title: '第二章'},
];

async function run(options: PluginOptions = OPTIONS) {
  const plugin = pluginTimeline(context, options);
  const content = (await plugin.loadContent?.()) as TimelineContent;
  const routes: RouteConfig[] = [];
  const data = new Map<string, string>();
  const actions: PluginContentLoadedActions = {
    addRoute: (route) => routes.push(route),
    createData: async (name, value) => {
      data.set(name, typeof value === 'string' ? value : JSON.stringify(value));
      return `/data/${name}`;
    },
    setGlobalData: () => undefined,
  };
  const allContent: AllContent = {
    [PLUGIN_NAME]: {default: content},
    'docusaurus-plugin-content-docs': {default: {loadedVersions: [{docs}]}},
  };
  await plugin.allContentLoaded?.({allContent, actions});
  return {plugin, content, routes, data};
}

const outDirs: string[] = [];
afterAll(async () => {
  await fs.rm(GENERATED, {recursive: true, force: true});
  for (const dir of outDirs) await fs.rm(dir, {recursive: true, force: true});
});

describe('timeline plugin', () => {
  it('watches the registry and the docs', () => {
    expect(pluginTimeline(context, OPTIONS).getPathsToWatch?.()).toEqual([
      path.join(BOOK, 'data', 'models.yaml'),
      path.join(BOOK, 'docs', '**/*.{md,mdx}'),
    ]);
  });

  it('adds the page at baseUrl + routeBasePath, rendered by the Timeline component with its data', async () => {
    const {routes, data} = await run();
    expect(routes).toEqual([
      {
        path: '/base/timeline',
        component: '@site/src/components/Timeline/index.tsx',
        exact: true,
        modules: {timeline: '/data/timeline-default.json'},
      },
    ]);
    const page = JSON.parse(data.get('timeline-default.json') ?? '{}') as TimelinePageData;
    expect(page.jsonUrl).toBe('/base/timeline.json');
    const code = page.years.flatMap((y) => y.entries).find((e) => e.id === 'code-davinci-002');
    expect(code?.mentions.map((m) => [m.permalink, m.sections.map((s) => s.id)])).toEqual([['/base/docs/intro', ['起源', '细节']]]);
  });

  it('honours a custom route', async () => {
    const {routes} = await run({...OPTIONS, routeBasePath: '/models/'});
    expect(routes[0].path).toBe('/base/models');
  });

  it('writes timeline.json into the build output after the build', async () => {
    const {plugin, content} = await run();
    const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'timeline-out-'));
    outDirs.push(outDir);
    // postBuild receives much more; the plugin reads only outDir.
    await plugin.postBuild?.({outDir, content} as unknown as Parameters<NonNullable<typeof plugin.postBuild>>[0]);
    const json = JSON.parse(await fs.readFile(path.join(outDir, 'timeline.json'), 'utf8')) as TimelineJson;
    expect(json.version).toBe(1);
    expect(json.page).toBe('https://example.org/base/timeline');
    expect(json.models.map((m) => m.id)).toEqual(['bert', 'davinci', 'instructgpt', 'code-davinci-002', 'text-davinci-002', 'text-davinci-003', 'chatgpt']);
    expect(json.models.find((m) => m.id === 'text-davinci-003')?.mentions).toEqual([
      {
        title: '第二章',
        url: 'https://example.org/base/docs/part/chapter',
        count: 1,
        sections: [{title: 'GPT-3.5 系列', url: 'https://example.org/base/docs/part/chapter#gpt35', count: 1}],
      },
    ]);
  });

  it('has the dev server (npm start) serve timeline.json under baseUrl, the same bytes as the build', async () => {
    const {plugin, content} = await run();
    const devServer = (plugin.configureWebpack?.({}, false, {} as never, {} as never) as {devServer: {static: Array<{directory: string; publicPath: string}>}}).devServer;
    expect(devServer.static).toHaveLength(1);
    const [{directory, publicPath}] = devServer.static;
    expect(publicPath).toBe('/base/');
    const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'timeline-out-'));
    outDirs.push(outDir);
    await plugin.postBuild?.({outDir, content} as unknown as Parameters<NonNullable<typeof plugin.postBuild>>[0]);
    expect(await fs.readFile(path.join(directory, 'timeline.json'), 'utf8')).toBe(await fs.readFile(path.join(outDir, 'timeline.json'), 'utf8'));
    expect(plugin.configureWebpack?.({}, true, {} as never, {} as never)).toEqual({});
  });

  it('stops with every registry problem listed by line and column', async () => {
    const plugin = pluginTimeline(context, {...OPTIONS, registryPath: '../bad-models.yaml'});
    let error: unknown;
    try {
      await plugin.loadContent?.();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RegistryError);
    const lines = (error as RegistryError).problems.map((p) => `${p.line}:${p.column}`);
    expect(lines).toEqual(['5:15', '15:13', '18:15']);
    expect((error as Error).message.startsWith('模型注册表有 3 处错误：\n')).toBe(true);
  });

  it('in a production build prints the full problem list without a stack trace and exits 1', async () => {
    const plugin = pluginTimeline(context, {...OPTIONS, registryPath: '../bad-models.yaml'});
    const written: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as typeof process.exit);
    vi.stubEnv('NODE_ENV', 'production');
    try {
      await expect(Promise.resolve().then(() => plugin.loadContent?.())).rejects.toThrow('exit 1');
    } finally {
      vi.unstubAllEnvs();
      write.mockRestore();
      exit.mockRestore();
    }
    const output = written.join('');
    expect(output).toMatch(/^\n\[ERROR\] 模型注册表有 3 处错误：\n/);
    expect(output.match(/bad-models\.yaml:\d+:\d+: /g)).toHaveLength(3);
    expect(output).not.toMatch(/\n\s+at /);
  });
});
