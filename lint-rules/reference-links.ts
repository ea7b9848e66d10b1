/**
 * 链接应是读者可以信赖、可以点开的参考：每一章以列出资料来源的参考链接一节（`## 参考链接`）结尾，
 * 链接文字说明它指向什么，网址干净。
 *
 * ## 检查什么
 *
 * - 在章节里（`include` 指定的文件），最后一节是指定级别的参考链接标题，
 *   其下是一个列表，每一项以一个链接开头（`- [说明文字](https://…)：可选的说明`）；
 *   标题级别不对（`### 参考链接`）可以修复。`include` 之外的文件不要求有这一节，
 *   但有的话同样检查。导航页和索引页从不需要这一节：`SUMMARY.md`、`_sidebar.md`、`CHANGELOG.md`、
 *   没有一段正文的页面，以及正文大多是链接文字的 `README.md` 或 `index.md`；
 * - 参考链接列表里同一个网址不出现两次（比较时忽略跟踪参数、片段和末尾的 `/`，
 *   并把 `http` 当作 `https`）；消息指向第一次出现的位置；
 * - 链接文字说明链接是什么：不为空，也不是 `点击这里`、`这里`、`链接`、`here`、`link` 这类词；
 * - 网址使用 `https://`（指向 `localhost` 的链接除外）；
 * - 网址里没有跟踪参数（`utm_*`、`spm`、`share_source`、`vd_source`、`from`、
 *   `fbclid`、`gclid` 等）；
 * - 正文里没有裸露的网址（没有写成 `[]()` 或 `<>` 的 `https://…`）：写成 `[说明文字](https://…)`，
 *   读者才知道链接是什么；要原样输入的地址放进行内代码。电子邮件地址（`mailto:`）不算网址。
 *   紧跟在 `](` 后面的网址是解析器读不出的链接地址（其中有空格），消息会直接说明；
 * - 每张图片都有替代文字。
 *
 * 代码、行内代码和 HTML 里的网址不是链接，不检查。网址是否还能打开由定时的外部链接检查（`scripts/check-links`）负责，
 * 不归这条规则。
 *
 * ## 修复与建议
 *
 * 以下是修复，`npm run lint -- --fix` 会直接改好，拉取请求上也会给出可以一键采纳的修改建议：
 *
 * - 参考链接标题的级别；
 * - 删除跟踪参数：只改网址的查询部分，其他参数和 `#片段` 保持原样。
 *
 * 把 `http` 改成 `https` 只是建议，`--fix` 不会采用：规则无法知道网站是否支持 HTTPS，
 * 请用 `https` 打开一次再手动修改（或在编辑器里采用建议）。
 *
 * 其余消息（缺少参考链接一节、重复的网址、含糊的链接文字、裸露的网址、缺少替代文字）需要作者自己动手。
 *
 * ## 何时关闭
 *
 * 夹在章节之间、但不是章节的页面，可以关闭这条规则；有意引用的链接，在前面写 `<!-- lint ignore reference-links -->`。
 *
 * ## 选项
 *
 * 全部可选：
 *
 * - `include`（`string[]`，默认 `["book/"]`）：哪些文件是章节，可以是文件夹、
 *   文件或通配符（`**`、`*`），相对于 `docsRoot`；
 * - `docsRoot`（`string`，默认 `"docs"`）：相对于仓库根目录；
 * - `heading`（`string` 或 `string[]`，默认 `"参考链接"`）：标题文字，或几个都接受的文字
 *   （`["参考链接", "参考资料", "延伸阅读"]`），消息里用第一个；`depth`（`number`，默认 `2`）；
 * - `vagueText`（`string[]`）：不说明任何内容的链接文字，比较时不区分大小写；
 * - `trackingParams`（`string[]`）：要删除的查询参数；`utm_*` 匹配所有以 `utm_` 开头的参数。
 *
 * @example
 *   {"name": "ok.md", "config": {"include": ["**"], "docsRoot": "."}}
 *
 *   # 标题
 *
 *   正文见 [GPT-4 技术报告](https://arxiv.org/abs/2303.08774)。
 *
 *   ![模型谱系图](./lineage.png)
 *
 *   ## 参考链接
 *
 *   - [GPT-4 技术报告](https://arxiv.org/abs/2303.08774)：OpenAI 的技术报告
 *   - [Introducing ChatGPT](https://openai.com/index/chatgpt/)
 *
 * @example
 *   {"name": "not-ok.md", "label": "input", "config": {"include": ["**"], "docsRoot": "."}}
 *
 *   # 标题
 *
 *   视频在[这里](http://www.bilibili.com/video/BV1xx?share_source=copy_web&t=30#reply)，
 *   论文见 https://arxiv.org/abs/2303.08774 。
 *
 *   ![](./lineage.png)
 *
 *   ### 参考链接
 *
 *   - [论文](https://arxiv.org/abs/2303.08774?utm_source=x)
 *   - [同一篇论文](https://arxiv.org/abs/2303.08774/)
 *   - 没有链接的一项
 *
 * @example
 *   {"name": "not-ok.md", "label": "output", "config": {"include": ["**"], "docsRoot": "."}}
 *
 *   3:5-3:7: 链接文字没有说明内容：`这里` 应写作说明链接去向的文字，例如文章或页面的标题
 *   3:9-3:13: 链接应使用 HTTPS：`http://www.bilibili.com/video/BV1xx?share_source=copy_web&t=30#reply` 应写作 `https://www.bilibili.com/video/BV1xx?share_source=copy_web&t=30#reply`（请确认该网址可以用 HTTPS 打开）
 *   3:44-3:71: 链接带有跟踪参数：`http://www.bilibili.com/video/BV1xx?share_source=copy_web&t=30#reply` 应写作 `http://www.bilibili.com/video/BV1xx?t=30#reply`
 *   4:5-4:37: 正文里有裸露的网址：`https://arxiv.org/abs/2303.08774` 应写作 `[说明文字](https://arxiv.org/abs/2303.08774)`；要原样输入的地址请放进行内代码
 *   6:1-6:19: 图片缺少替代文字：`![](./lineage.png)` 应写作 `![图片内容的说明](./lineage.png)`
 *   8:1-8:4: 参考链接标题级别不对：`### 参考链接` 应写作 `## 参考链接`
 *   10:40-10:53: 链接带有跟踪参数：`https://arxiv.org/abs/2303.08774?utm_source=x` 应写作 `https://arxiv.org/abs/2303.08774`
 *   11:3-11:45: 参考链接重复：`https://arxiv.org/abs/2303.08774/` 已在第 10 行列出
 *   12:1-12:10: 参考链接的列表项应以链接开头：写作 `[说明文字](https://…)`，说明放在链接之后
 *
 * @example
 *   {"name": "not-ok.md", "label": "fixed", "config": {"include": ["**"], "docsRoot": "."}}
 *
 *   # 标题
 *
 *   视频在[这里](http://www.bilibili.com/video/BV1xx?t=30#reply)，
 *   论文见 https://arxiv.org/abs/2303.08774 。
 *
 *   ![](./lineage.png)
 *
 *   ## 参考链接
 *
 *   - [论文](https://arxiv.org/abs/2303.08774)
 *   - [同一篇论文](https://arxiv.org/abs/2303.08774/)
 *   - 没有链接的一项
 *
 * @example
 *   {"name": "SUMMARY.md", "config": {"include": ["**"], "docsRoot": "."}}
 *
 *   # 目录
 *
 *   * [前言](README.md)
 *   * [第一章](ch01.md)
 *
 * @example
 *   {"name": "part/README.md", "config": {"include": ["**"], "docsRoot": "."}}
 *
 *   # 第一部分
 *
 *   本部分包括：
 *
 *   * [安装](install.md)
 *   * [配置镜像加速](mirror.md)
 *   * [常见问题与排错](faq.md)
 *
 * @example
 *   {"name": "further.md", "config": {"include": ["**"], "docsRoot": ".", "heading": ["参考链接", "延伸阅读"]}}
 *
 *   # 标题
 *
 *   有问题请写信到 someone@example.com。
 *
 *   ## 延伸阅读
 *
 *   - [GPT-4 技术报告](https://arxiv.org/abs/2303.08774)
 *
 * @example
 *   {"name": "space.md", "label": "input", "config": {"include": ["**"], "docsRoot": "."}}
 *
 *   见 [幻灯片](https://example.com/How to Scale.pdf)。
 *
 *   ## 参考链接
 *
 *   - [幻灯片](https://example.com/slides.pdf)
 *
 * @example
 *   {"name": "space.md", "label": "output", "config": {"include": ["**"], "docsRoot": "."}}
 *
 *   1:9-1:32: 链接地址无效：`https://example.com/How` 之后的地址含有空格或换行，链接不会生效；空格写作 `%20`，或把地址写在 `<…>` 里
 *
 * @example
 *   {"name": "missing.md", "label": "input", "config": {"include": ["**"], "docsRoot": "."}}
 *
 *   # 标题
 *
 *   正文。
 *
 * @example
 *   {"name": "missing.md", "label": "output", "config": {"include": ["**"], "docsRoot": "."}}
 *
 *   3:1-3:4: 缺少参考链接：章节应以 `## 参考链接` 一节结尾，列出引用的链接
 */
import path from 'node:path';
import type {Definition, Heading, Image, Link, List, Nodes, Root, RootContent} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {SKIP, visitParents} from 'unist-util-visit-parents';
import type {Node} from 'unist';
import type {VFile} from 'vfile';
import {location} from 'vfile-location';
import {VFileMessage} from 'vfile-message';
import {DOCS_DIR, ROOT_DIR} from '../core/constants';
import type {SuggestingMessage} from './engine/result';
import {bookRule} from './lib/rule';
import {
  comparableUrl,
  DEFAULT_TRACKING_PARAMS,
  isInsecure,
  isWebUrl,
  matchesInclude,
  trackingEdit,
  trackingMatcher,
} from './lib/reference-links-url';

export interface ReferenceLinksOptions {
  /** Which files are chapters: folders, files or globs relative to `docsRoot`. Default `['book/']`. */
  include?: string[];
  /** The docs folder, relative to the repository root. Default `'docs'`. */
  docsRoot?: string;
  /**
   * Text of the references heading, or several accepted texts (`['参考链接',
   * '参考资料', '延伸阅读']`): the first is the one messages and fixes name. Default `'参考链接'`.
   */
  heading?: string | string[];
  /** Depth of the references heading. Default `2`. */
  depth?: number;
  /** Link texts that say nothing, compared ignoring case. */
  vagueText?: string[];
  /** Query parameters removed by the fix; `utm_*` matches a prefix. */
  trackingParams?: string[];
}

export const DEFAULT_OPTIONS = {
  include: ['book/'],
  docsRoot: DOCS_DIR,
  heading: '参考链接',
  depth: 2,
  vagueText: ['点击这里', '点击此处', '点这里', '点此', '这里', '此处', '链接', '这个链接', '原文链接', '地址', 'here', 'click here', 'link', 'this link'],
  trackingParams: [...DEFAULT_TRACKING_PARAMS],
} satisfies Required<ReferenceLinksOptions>;

type Settings = Omit<Required<ReferenceLinksOptions>, 'heading'> & {heading: string; accepted: string[]};

function settingsOf(options: ReferenceLinksOptions | null | undefined): Settings {
  const merged = {...DEFAULT_OPTIONS, ...Object.fromEntries(Object.entries(options ?? {}).filter(([, v]) => v !== undefined))} as Required<ReferenceLinksOptions>;
  const accepted = (Array.isArray(merged.heading) ? merged.heading : [merged.heading]).map((h) => h.trim()).filter((h) => h !== '');
  if (accepted.length === 0) throw new Error('reference-links 的选项 `heading` 应为标题文字或文字列表，例如 `参考链接` 或 `[参考链接, 参考资料]`');
  return {...merged, heading: accepted[0], accepted};
}

/** Navigation and index pages by name: GitBook's SUMMARY, docsify's sidebars, change logs. */
const NAVIGATION_FILES = new Set(['summary.md', '_sidebar.md', '_navbar.md', '_coverpage.md', 'changelog.md', 'changes.md', 'history.md']);

/**
 * A page that is navigation, not a chapter: a known navigation file, a page with
 * no paragraph of prose, or an index (`README.md`, `index.md`) whose text is
 * mostly link text (a part's table of contents).
 */
export function isNavigationPage(tree: Root, file: VFile): boolean {
  const name = path.basename(file.path ?? '').toLowerCase();
  if (NAVIGATION_FILES.has(name)) return true;
  let prose = 0;
  let linked = 0;
  let paragraphs = 0;
  visitParents(tree, (node: Nodes, ancestors: Node[]) => {
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml' || node.type === 'heading' || node.type === 'math') return SKIP;
    if (node.type === 'paragraph') paragraphs++;
    if (node.type === 'text' || node.type === 'inlineCode') {
      const size = node.value.trim().length;
      prose += size;
      if (ancestors.some((a) => a.type === 'link' || a.type === 'linkReference')) linked += size;
    }
    return undefined;
  });
  if (paragraphs === 0) return true;
  const index = /^(readme|index)\.mdx?$/.test(name);
  return index && linked >= prose * 0.5;
}

/** Is this file a chapter? A file without a path (stdin, an editor buffer) counts as one. */
function isChapter(file: VFile, settings: Settings): boolean {
  if (!file.path) return true;
  const root = path.resolve(ROOT_DIR, settings.docsRoot);
  const relative = path.relative(root, path.resolve(file.cwd, file.path)).split(path.sep).join('/');
  if (relative.startsWith('../') || path.isAbsolute(relative)) return false;
  return settings.include.some((entry) => matchesInclude(relative, entry));
}

const quote = (s: string) => `\`${s}\``;

/** Offsets of the URL as written in the source, when it is there verbatim. */
function rawUrlRange(source: string, node: Link | Image | Definition): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  // After the link text (or label), so a URL also written as the text is not taken for the destination.
  let from = start;
  const last = node.type === 'link' && source[start] === '[' ? node.children[node.children.length - 1] : undefined;
  if (last) from = last.position?.end.offset ?? start;
  else if (node.type !== 'link' || source[start] === '[') from = source.indexOf(']', start);
  const found = source.slice(0, end).indexOf(node.url, from);
  return found < 0 ? undefined : [found, found + node.url.length];
}

/** A link written as a bare URL (GFM autolink literal), not `[text](url)` nor `<url>`. */
function isBareUrl(node: Link, source: string): boolean {
  const start = node.position?.start.offset;
  return start !== undefined && source[start] !== '[' && source[start] !== '<';
}

interface Reporter {
  (reason: string, node: Node, ancestors: Node[], range?: [number, number], fix?: string, cause?: VFileMessage, suggestion?: boolean): void;
  /** Emit the collected messages in source order (the section check runs after the walk). */
  flush(): void;
}

function makeReporter(file: VFile, source: string): Reporter {
  const place = location(file);
  const queue: Array<{at: number; emit: () => void}> = [];
  const report = (reason: string, node: Node, ancestors: Node[], range?: [number, number], fix?: string, cause?: VFileMessage, suggestion = false) => {
    const start = range ? place.toPoint(range[0]) : undefined;
    const end = range ? place.toPoint(range[1]) : undefined;
    const at = range ? range[0] : (node.position?.start.offset ?? 0);
    queue.push({
      at,
      emit() {
        const message: SuggestingMessage = file.message(reason, {
          place: start && end ? {start, end} : node.position,
          ancestors: [...ancestors, node],
          ...(cause ? {cause} : {}),
        });
        if (fix !== undefined && range && start && end) {
          message.actual = source.slice(range[0], range[1]);
          if (suggestion) message.suggestions = [fix];
          else message.expected = [fix];
        }
      },
    });
  };
  report.flush = () => {
    for (const item of queue.sort((a, b) => a.at - b.at)) item.emit();
    queue.length = 0;
  };
  return report;
}

/**
 * A bare URL in prose. Not an e-mail address (`mailto:`). A URL right after `](`
 * is the destination of a link the parser could not read (a space in it), and
 * says so.
 */
function reportBareUrl(node: Link, ancestors: Node[], source: string, report: Reporter): void {
  if (/^mailto:/i.test(node.url)) return;
  const start = node.position?.start.offset ?? 0;
  if (source.slice(Math.max(0, start - 2), start) === '](') {
    report(`链接地址无效：${quote(node.url)} 之后的地址含有空格或换行，链接不会生效；空格写作 \`%20\`，或把地址写在 \`<…>\` 里`, node, ancestors);
    return;
  }
  report(`正文里有裸露的网址：${quote(node.url)} 应写作 ${quote(`[说明文字](${node.url})`)}；要原样输入的地址请放进行内代码`, node, ancestors);
}

function checkUrl(node: Link | Image | Definition, ancestors: Node[], source: string, report: Reporter, isTracking: (key: string) => boolean): void {
  if (!isWebUrl(node.url)) return;
  const raw = rawUrlRange(source, node);
  // A bare `www.` link has no scheme in the source: the bare-URL message covers it.
  if (isInsecure(node.url) && (raw || !(node.type === 'link' && isBareUrl(node, source)))) {
    const secure = `https${node.url.slice(4)}`;
    const reason = `链接应使用 HTTPS：${quote(node.url)} 应写作 ${quote(secure)}（请确认该网址可以用 HTTPS 打开）`;
    report(reason, node, ancestors, raw ? [raw[0], raw[0] + 4] : undefined, 'https', undefined, true);
  }
  const edit = trackingEdit(node.url, isTracking);
  if (edit) {
    const clean = node.url.slice(0, edit.start) + edit.query + node.url.slice(edit.end);
    const range: [number, number] | undefined = raw ? [raw[0] + edit.start, raw[0] + edit.end] : undefined;
    report(`链接带有跟踪参数：${quote(node.url)} 应写作 ${quote(clean)}`, node, ancestors, range, edit.query);
  }
}

function checkLinkText(node: Link, ancestors: Node[], source: string, report: Reporter, vague: Set<string>): void {
  if (isBareUrl(node, source) || source[node.position?.start.offset ?? 0] === '<') return;
  const text = toString(node).trim();
  const first = node.children[0]?.position?.start.offset;
  const last = node.children[node.children.length - 1]?.position?.end.offset;
  const range: [number, number] | undefined = first !== undefined && last !== undefined ? [first, last] : undefined;
  if (text === '') {
    report(`链接文字为空：${quote(`[](${node.url})`)} 应写作 ${quote(`[说明文字](${node.url})`)}`, node, ancestors);
  } else if (vague.has(text.toLowerCase())) {
    report(`链接文字没有说明内容：${quote(text)} 应写作说明链接去向的文字，例如文章或页面的标题`, node, ancestors, range);
  }
}

function checkImage(node: Image, ancestors: Node[], source: string, report: Reporter): void {
  if ((node.alt ?? '').trim() !== '') return;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const written = start !== undefined && end !== undefined ? source.slice(start, end) : `![](${node.url})`;
  report(`图片缺少替代文字：${quote(written)} 应写作 ${quote(`![图片内容的说明](${node.url})`)}`, node, ancestors);
}

/** The link a references list item starts with, if any. */
function leadingLink(item: RootContent): Link | undefined {
  if (item.type !== 'listItem') return undefined;
  const paragraph = item.children[0];
  const first = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined;
  return first?.type === 'link' ? first : undefined;
}

function checkList(list: List, root: Root, source: string, report: Reporter, isTracking: (key: string) => boolean): void {
  const seen = new Map<string, Link>();
  for (const item of list.children) {
    const link = leadingLink(item);
    if (!link) {
      report('参考链接的列表项应以链接开头：写作 `[说明文字](https://…)`，说明放在链接之后', item, [root, list]);
      continue;
    }
    if (!isWebUrl(link.url)) continue;
    const key = comparableUrl(link.url, isTracking);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, link);
      continue;
    }
    const line = first.position?.start.line ?? 0;
    const cause = new VFileMessage('第一次列出的位置', {place: first.position});
    report(`参考链接重复：${quote(link.url)} 已在第 ${line} 行列出`, link, [root, list, item], undefined, undefined, cause);
  }
}

function headingSource(depth: number, text: string): string {
  return `${'#'.repeat(depth)} ${text}`;
}

function checkSection(root: Root, chapter: boolean, settings: Settings, source: string, report: Reporter, isTracking: (key: string) => boolean): void {
  const children = root.children.filter((node) => node.type !== 'yaml' && !(node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim())));
  let index = -1;
  for (let i = children.length - 1; i >= 0 && index < 0; i--) {
    const node = children[i];
    if (node.type === 'heading' && settings.accepted.includes(toString(node).trim())) index = i;
  }
  const wanted = headingSource(settings.depth, settings.heading);
  if (index < 0) {
    const last = children[children.length - 1];
    if (chapter && last) report(`缺少参考链接：章节应以 ${quote(wanted)} 一节结尾，列出引用的链接`, last, [root]);
    return;
  }
  const heading = children[index] as Heading;
  const text = toString(heading).trim();
  const start = heading.position?.start.offset;
  if (heading.depth !== settings.depth) {
    const atx = start !== undefined && source.startsWith('#'.repeat(heading.depth), start);
    const range: [number, number] | undefined = atx && start !== undefined ? [start, start + heading.depth] : undefined;
    report(`参考链接标题级别不对：${quote(headingSource(heading.depth, text))} 应写作 ${quote(headingSource(settings.depth, text))}`, heading, [root], range, atx ? '#'.repeat(settings.depth) : undefined);
  }
  const section = children.slice(index + 1);
  const later = section.find((node): node is Heading => node.type === 'heading');
  if (later) {
    report(`参考链接应在章节末尾：${quote(text)} 之后还有标题 ${quote(toString(later))}，请把参考链接一节移到最后`, later, [root]);
    return;
  }
  if (section.length === 0) {
    report(`参考链接一节是空的：在 ${quote(headingSource(heading.depth, text))} 下用列表列出引用的链接`, heading, [root]);
    return;
  }
  for (const node of section) {
    if (node.type === 'list') checkList(node, root, source, report, isTracking);
    else report(`参考链接一节只应包含列表：这里的 ${quote(node.type)} 应改为 \`- [说明文字](https://…)\` 形式的列表项`, node, [root]);
  }
}

const referenceLinks = bookRule<ReferenceLinksOptions | null | undefined>(
  'reference-links',
  (tree, file: VFile, options) => {
    const settings = settingsOf(options);
    const source = String(file);
    const report = makeReporter(file, source);
    const isTracking = trackingMatcher(settings.trackingParams);
    const vague = new Set(settings.vagueText.map((text) => text.toLowerCase()));
    visitParents(tree, (node: Nodes, ancestors: Node[]) => {
      switch (node.type) {
        case 'code':
        case 'html':
        case 'yaml':
        case 'math':
          return SKIP;
        case 'link':
          checkLinkText(node, ancestors, source, report, vague);
          checkUrl(node, ancestors, source, report, isTracking);
          if (isBareUrl(node, source)) reportBareUrl(node, ancestors, source, report);
          return undefined;
        case 'definition':
          checkUrl(node, ancestors, source, report, isTracking);
          return undefined;
        case 'image':
          checkImage(node, ancestors, source, report);
          checkUrl(node, ancestors, source, report, isTracking);
          return undefined;
        case 'imageReference':
          if (node.alt === undefined || node.alt === null || node.alt.trim() === '') {
            report(`图片缺少替代文字：${quote(`![][${node.identifier}]`)} 应写作 ${quote(`![图片内容的说明][${node.identifier}]`)}`, node, ancestors);
          }
          return undefined;
        default:
          return undefined;
      }
    });
    checkSection(tree, isChapter(file, settings) && !isNavigationPage(tree, file), settings, source, report, isTracking);
    report.flush();
  },
);

export default referenceLinks;
