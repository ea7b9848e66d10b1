/**
 * book.json's GitBook plugins → what this Docusaurus site uses instead. A short report
 * for the person importing, not a config change: the site's config is hand-kept.
 */

export interface PluginAdvice {
  plugin: string;
  /** `true`: the site already has it; `false`: no equivalent, `advice` says what to do. */
  covered: boolean;
  advice: string;
}

const KNOWN: Record<string, {covered: boolean; advice: string}> = {
  katex: {covered: true, advice: 'remark-math + rehype-katex（docusaurus.config.ts 已配置；`$$…$$` 与 `{% math %}` 已转换为 remark-math 语法）'},
  mathjax: {covered: true, advice: 'remark-math + rehype-katex（KaTeX 渲染，少数 MathJax 专有命令需手工检查）'},
  'search-plus': {covered: true, advice: '@easyops-cn/docusaurus-search-local（本地全文搜索，支持中文）'},
  search: {covered: true, advice: '@easyops-cn/docusaurus-search-local'},
  lunr: {covered: true, advice: '@easyops-cn/docusaurus-search-local'},
  'edit-link': {covered: true, advice: 'docs 插件的 `editUrl`（“编辑此页”链接，core/constants.ts 中的 EDIT_URL）'},
  'back-to-top-button': {covered: true, advice: 'Docusaurus 内置“回到顶部”按钮（文档页默认显示）'},
  code: {covered: true, advice: 'Docusaurus 内置代码块复制按钮'},
  'copy-code-button': {covered: true, advice: 'Docusaurus 内置代码块复制按钮'},
  'expandable-chapters': {covered: true, advice: '可折叠的侧边栏分类（_category_.json，默认折叠）'},
  'expandable-chapters-small': {covered: true, advice: '可折叠的侧边栏分类（_category_.json，默认折叠）'},
  splitter: {covered: true, advice: '可隐藏的侧边栏（themeConfig.docs.sidebar.hideable）'},
  'github-buttons': {covered: true, advice: '导航栏右侧的 GitHub 链接（themeConfig.navbar）'},
  github: {covered: true, advice: '导航栏右侧的 GitHub 链接（themeConfig.navbar）'},
  highlight: {covered: true, advice: 'Docusaurus 内置 Prism 代码高亮'},
  fontsettings: {covered: true, advice: '没有对应插件；Docusaurus 内置深色模式切换'},
  'sharing-plus': {covered: false, advice: '没有对应功能：需要分享按钮时在 src/theme 中 swizzle DocItem/Footer 自行添加，否则删除'},
  sharing: {covered: false, advice: '没有对应功能：需要分享按钮时在 src/theme 中 swizzle DocItem/Footer 自行添加，否则删除'},
  donate: {covered: false, advice: '没有对应功能：可在前言或页脚（themeConfig.footer）写一段赞助说明和链接'},
  popup: {covered: false, advice: '没有对应功能：Docusaurus 图片可直接点击打开原图；需要灯箱效果可另装 docusaurus-plugin-image-zoom'},
  statistics: {covered: false, advice: '没有对应功能：需要统计时添加 @docusaurus/plugin-google-gtag 并填入 pluginsConfig 中的统计 id'},
  'hide-element': {covered: false, advice: '没有对应功能：它隐藏的是 GitBook 自带的元素（如 “Published with GitBook”），Docusaurus 没有这些元素，可直接删除'},
};

/** `github-buttons@2.1.0` → `github-buttons`; `-lunr` (turns a default off) → `undefined`. */
function pluginName(spec: string): string | undefined {
  if (spec.startsWith('-')) return undefined;
  return spec.replace(/@[^@]*$/, '').trim();
}

export function pluginReport(plugins: readonly string[]): PluginAdvice[] {
  const seen = new Set<string>();
  const report: PluginAdvice[] = [];
  for (const spec of plugins) {
    const name = pluginName(spec);
    if (!name || seen.has(name)) continue;
    seen.add(name);
    const known = KNOWN[name];
    report.push({
      plugin: name,
      covered: known?.covered ?? false,
      advice: known?.advice ?? '不认识的插件：请查看它在 GitBook 中的作用，再决定用 Docusaurus 插件、swizzle 组件还是删除',
    });
  }
  return report;
}

export function formatPluginReport(report: PluginAdvice[]): string[] {
  return report.map((r) => `  ${r.covered ? '✓' : '✗'} ${r.plugin} → ${r.advice}`);
}
