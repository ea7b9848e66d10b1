/**
 * 章节之间的链接必须能到达：相对链接指向的文件必须存在，`#锚点` 必须是那个文件里的标题（或 HTML 的 `id`）。
 *
 * ## 为什么
 *
 * 读者点开一个失效的链接，会看到 404，或者落在一篇长文的开头。Docusaurus 构建只能发现文件不存在，
 * 发现不了锚点不存在。
 *
 * ## 检查什么
 *
 * 在 `[文字](url)` 链接和 `[标签]: url` 定义里：
 *
 * - `./02-gpt-family.md`、`../01-llm/index.md`：文件相对于当前文件存在（`.md` 或 `.mdx`；
 *   文件夹需要有 `index.md`、`index.mdx` 或 `README.md`；没有扩展名的路径会依次尝试 `.md` 和 `.mdx`）；
 * - `./02-gpt-family.md#gpt-4`、`#参考链接`：锚点是目标文件（或当前文件）里某个标题的 id，
 *   计算方法与 Docusaurus 完全相同：通过 `@docusaurus/utils` 使用 github-slugger（`createSlugger`，
 *   每个文件一个，重复的标题得到 `-1` 后缀），也支持显式 id `## 标题 {#my-id}` 和 `## 标题 <!-- #my-id -->`；
 *   HTML 里的 `id="…"`、`name="…"` 同样算数。百分号编码的锚点先解码再比较；
 * - `/timeline#<id>`：id 是注册表里某个模型的 id。
 *
 * 这里不检查：网站的其他路由（`/docs/…`、`/blog`），由 Docusaurus 构建检查（`onBrokenLinks`）；
 * 外部网址（见 reference-links 规则和定时的外部链接检查）；代码里的链接。
 *
 * ## 修复与建议
 *
 * 失效的链接没有机械的修复办法，所以这条规则的消息都不是修复：消息列出目标文件夹里最接近的文件名，
 * 或者目标文件里最接近的锚点，供作者选择；`--fix` 不会采用它们，拉取请求上也不会变成修改建议。
 * 只比较目标文件自己的标题，所以开销不会随全书变大。每个目标文件的标题在一个进程里只解析一次，
 * 按路径和内容哈希缓存；查阅过的文件记录在 `file.data.lintDependencies` 里，
 * 链接指向的文件改动后，命令行工具的缓存会重新检查这一章。
 *
 * ## 何时关闭
 *
 * 有意展示失效链接的文件可以关闭这条规则。
 *
 * ## 选项
 *
 * `{registry?: string}`：检查 `/timeline#<id>` 链接时使用的注册表，相对于仓库根目录（默认 `data/models.yaml`）。
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   # 标题
 *
 *   ## GPT-4 Turbo
 *
 *   ## 相同的标题
 *
 *   ## 相同的标题
 *
 *   ## 自定义 {#custom}
 *
 *   见 [上文](#gpt-4-turbo)、[第二个](#相同的标题-1)、[自定义](#custom) 和 [时间线](/timeline#gpt-4)。
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   # 标题
 *
 *   ## GPT-4 Turbo
 *
 *   见 [上文](#gpt4-turbo) 和 [时间线](/timeline#gpt-9)。
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   5:3-5:20: 锚点不存在：`#gpt4-turbo` 不是本文件中任何标题的 id；相近的锚点：`#gpt-4-turbo`
 *   5:23-5:45: 时间线锚点不存在：`gpt-9` 不是 `data/models.yaml` 中的模型 id；相近的 id：`gpt-5`、`gpt-4`
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Definition, Link, Root} from 'mdast';
import {SKIP, visitParents} from 'unist-util-visit-parents';
import type {Node} from 'unist';
import type {VFile} from 'vfile';
import {ROOT_DIR, TIMELINE_ROUTE} from '../core/constants';
import {RegistryError} from '../core/registry/load';
import {anchorIds, closest, fileAnchors} from './lib/internal-links-headings';
import {modelIndexFor, type ModelIndex} from './lib/model-names-index';
import {bookRule} from './lib/rule';

export interface InternalLinksOptions {
  /** Registry for `/timeline#<id>` links, relative to the repository root. Default `data/models.yaml`. */
  registry?: string;
}

const MARKDOWN = ['.md', '.mdx'];
const INDEX_FILES = ['index.md', 'index.mdx', 'README.md'];
const quote = (s: string) => `\`${s}\``;

/** How a file link resolved: the Markdown/other file reached, and every path consulted. */
interface Resolution {
  file?: string;
  consulted: string[];
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false; // absent: reported by the caller as a missing target
  }
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false; // absent: reported by the caller as a missing target
  }
}

function resolveTarget(absolute: string): Resolution {
  if (isFile(absolute)) return {file: absolute, consulted: [absolute]};
  const candidates = isDirectory(absolute)
    ? INDEX_FILES.map((name) => path.join(absolute, name))
    : path.extname(absolute) === ''
      ? MARKDOWN.map((ext) => absolute + ext)
      : [absolute];
  const found = candidates.find(isFile);
  return found ? {file: found, consulted: [found]} : {consulted: candidates.filter((c) => MARKDOWN.includes(path.extname(c)))};
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a stray `%` is kept as written
  }
}

function shown(file: string): string {
  const relative = path.relative(ROOT_DIR, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}

/** The nearest Markdown file in the folder a missing target would be in (one `readdir`). */
function nearestFile(missing: string): string | undefined {
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(missing)).filter((name) => MARKDOWN.includes(path.extname(name)));
  } catch {
    return undefined; // the folder is missing too: nothing to suggest
  }
  return closest(path.basename(missing), names, 1)[0];
}

function anchorReason(hash: string, where: string, ids: readonly string[]): string {
  const near = closest(hash, ids);
  const hint = near.length > 0 ? `；相近的锚点：${near.map((id) => quote(`#${id}`)).join('、')}` : '';
  return `锚点不存在：${quote(`#${hash}`)} 不是${where}中任何标题的 id${hint}`;
}

/** `/timeline#id`: `undefined` when the link is not to the timeline, else the id. */
function timelineId(url: string): string | undefined {
  const match = new RegExp(`^/${TIMELINE_ROUTE}/?#(.+)$`).exec(url);
  return match ? decode(match[1]) : undefined;
}

function timelineIndex(registry: string | undefined): ModelIndex | undefined {
  try {
    return modelIndexFor(registry);
  } catch (error) {
    // An invalid registry is reported, with its file:line:column, by model-names.
    if (error instanceof RegistryError) return undefined;
    throw error;
  }
}

const internalLinks = bookRule<InternalLinksOptions | null | undefined>(
  'internal-links',
  (tree, file: VFile, options) => {
    const here = file.path ? path.resolve(file.cwd, file.path) : undefined;
    const dependencies = new Set<string>();
    // Within one file, each target is resolved and read once however often it is linked.
    const resolved = new Map<string, Resolution>();
    const anchorsOf = new Map<string, readonly string[]>();
    let ownIds: readonly string[] | undefined;
    let models: ModelIndex | undefined | null = null;

    const check = (node: Link | Definition, ancestors: Node[]) => {
      const url = node.url;
      const report = (reason: string) => file.message(reason, {place: node.position, ancestors: [...ancestors, node]});
      const timeline = timelineId(url);
      if (timeline !== undefined) {
        if (models === null) models = timelineIndex(options?.registry);
        if (models && !models.ids.has(timeline)) {
          const near = closest(timeline, models.ids);
          const hint = near.length > 0 ? `；相近的 id：${near.map(quote).join('、')}` : '';
          report(`时间线锚点不存在：${quote(timeline)} 不是 ${quote(models.shownFile)} 中的模型 id${hint}`);
        }
        return;
      }
      // Site routes, other schemes (`https:`, `mailto:`) and protocol-relative URLs are not ours.
      if (url === '' || url.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(url)) return;
      const hashAt = url.indexOf('#');
      const target = (hashAt < 0 ? url : url.slice(0, hashAt)).replace(/\?.*$/, '');
      const hash = hashAt < 0 ? '' : decode(url.slice(hashAt + 1));
      if (target === '') {
        ownIds ??= anchorIds(tree);
        if (hash !== '' && !ownIds.includes(hash)) report(anchorReason(hash, '本文件', ownIds));
        return;
      }
      if (!here) return; // no path (stdin): relative files cannot be resolved
      const absolute = path.resolve(path.dirname(here), decode(target));
      let resolution = resolved.get(absolute);
      if (!resolution) {
        resolution = resolveTarget(absolute);
        resolved.set(absolute, resolution);
      }
      for (const consulted of resolution.consulted) dependencies.add(consulted);
      if (!resolution.file) {
        const near = nearestFile(absolute);
        const hint = near ? `；同一文件夹中相近的文件：${quote(near)}` : '';
        report(`链接目标不存在：${quote(target)} 找不到文件 ${quote(shown(absolute))}${hint}`);
        return;
      }
      if (hash === '' || !MARKDOWN.includes(path.extname(resolution.file))) return;
      let ids = anchorsOf.get(resolution.file);
      if (!ids) {
        ids = fileAnchors(resolution.file);
        anchorsOf.set(resolution.file, ids);
      }
      if (!ids.includes(hash)) report(anchorReason(hash, ` ${quote(path.basename(resolution.file))} `, ids));
    };

    visitParents(tree, (node, ancestors) => {
      if (node.type === 'code' || node.type === 'html' || node.type === 'yaml' || node.type === 'math') return SKIP;
      if (node.type === 'link' || node.type === 'definition') check(node, ancestors);
      return undefined;
    });
    const data = file.data as {lintDependencies?: string[]};
    data.lintDependencies = [...new Set([...(data.lintDependencies ?? []), ...dependencies])];
  },
);

export default internalLinks;
