import {execFileSync} from 'node:child_process';
import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {themes as prismThemes} from 'prism-react-renderer';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import remarkModelLinks from './plugins/remark-model-links';
import {
  BASE_URL,
  EDIT_URL,
  GITHUB_OWNER,
  GITHUB_REPO,
  GITHUB_URL,
  SITE_TITLE,
  SITE_URL,
  TIMELINE_ROUTE,
} from './core/constants';
import {DOWNLOADS} from './core/downloads';

/**
 * Last-updated dates come from git. An exported tarball or a temp copy is not a
 * checkout, and Docusaurus refuses to build there with the dates on: show them only
 * when there is history to read.
 */
function insideGitWorktree(dir: string): boolean {
  try {
    return execFileSync('git', ['rev-parse', '--is-inside-work-tree'], {cwd: dir, stdio: 'pipe'})
      .toString()
      .trim() === 'true';
  } catch {
    return false;
  }
}

const config: Config = {
  title: SITE_TITLE,
  tagline: '基于大语言模型的应用开发实践记录',
  favicon: 'img/favicon.svg',
  url: SITE_URL,
  baseUrl: BASE_URL,
  organizationName: GITHUB_OWNER,
  projectName: GITHUB_REPO,
  trailingSlash: false,

  // Every broken link, anchor or Markdown reference stops the build.
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',

  i18n: {defaultLocale: 'zh-Hans', locales: ['zh-Hans']},

  future: {
    v4: true,
    // rspack and SWC. `LLMBOOK_BUNDLER=webpack` builds with webpack and Babel instead, the
    // fallback a test keeps working (scripts/__tests__/webpack-build.e2e.test.ts).
    faster: process.env.LLMBOOK_BUNDLER !== 'webpack',
  },

  markdown: {
    // `.md` chapters are CommonMark, so `<begin>`, `{` or `a < b` in prose stay text.
    format: 'detect',
    mermaid: true,
    hooks: {
      onBrokenMarkdownLinks: 'throw',
      onBrokenMarkdownImages: 'throw',
    },
  },

  themes: [
    '@docusaurus/theme-mermaid',
    [
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        language: ['en', 'zh'],
        indexBlog: false,
        docsRouteBasePath: '/docs',
        highlightSearchTermsOnTargetPage: true,
        explicitSearchResultPath: true,
      },
    ],
  ],

  // Fills in the sizes of the footer's download links.
  clientModules: ['./src/clientModules/downloadSizes.ts'],

  // The model timeline page (/timeline) and /timeline.json; options in plugins/timeline/options.ts.
  // The home page (/), built from the docs' front matter and git dates; plugins/home/options.ts.
  plugins: [
    ['./plugins/timeline/index.ts', {}],
    // llms.txt, llms-full.txt, a .md beside each chapter, and book.json for `npm run ebook`.
    ['./plugins/llms-txt/index.ts', {}],
    ['./plugins/home/index.ts', {}],
  ],

  presets: [
    [
      'classic',
      {
        docs: {
          sidebarPath: './sidebars.ts',
          editUrl: EDIT_URL,
          showLastUpdateTime: insideGitWorktree(__dirname),
          remarkPlugins: [remarkMath, [remarkModelLinks, {baseUrl: BASE_URL}]],
          rehypePlugins: [rehypeKatex],
        },
        blog: false,
        // KaTeX's stylesheet and fonts are bundled, so math renders offline.
        theme: {customCss: ['./src/css/custom.css', require.resolve('katex/dist/katex.min.css')]},
      } satisfies Preset.Options,
    ],
  ],

  themeConfig: {
    colorMode: {respectPrefersColorScheme: true},
    docs: {sidebar: {hideable: true, autoCollapseCategories: false}},
    navbar: {
      title: 'LLM 应用开发实践笔记',
      logo: {alt: 'LLM 应用开发实践笔记', src: 'img/favicon.svg'},
      items: [
        {type: 'docSidebar', sidebarId: 'book', position: 'left', label: '电子书'},
        {to: `/${TIMELINE_ROUTE}`, label: '模型时间线', position: 'left'},
        {type: 'docSidebar', sidebarId: 'contributing', position: 'left', label: '贡献指南'},
        {href: GITHUB_URL, label: 'GitHub', position: 'right', 'aria-label': 'GitHub 仓库'},
      ],
    },
    footer: {
      style: 'dark',
      // The downloads are written by `npm run ebook` after the build; their sizes are filled
      // in from downloads/manifest.json by src/clientModules/downloadSizes.ts.
      links: [
        {
          title: '下载整本书',
          items: [
            ...DOWNLOADS.map((d) => ({
              html: `<a class="footer__link-item" href="${BASE_URL}${d.path}" download data-download="${d.format}">${d.label}<span data-download-size="${d.format}"></span></a>`,
            })),
            {html: `<a class="footer__link-item" href="${BASE_URL}llms.txt">llms.txt</a>`},
          ],
        },
      ],
      copyright: `${SITE_TITLE} · 内容以 CC BY-SA 4.0 协议开放 · 使用 Docusaurus 构建`,
    },
    prism: {
      theme: prismThemes.github,
      darkTheme: prismThemes.dracula,
      additionalLanguages: ['bash', 'json', 'yaml', 'python'],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
