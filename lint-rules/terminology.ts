/**
 * 检查正文里的术语写法是否与术语表 `data/terminology.yaml` 一致：产品和项目名的大小写
 * （`Github` → `GitHub`），以及同一概念的不同中文说法（`大型语言模型` → `大语言模型`）。
 *
 * ## 为什么
 *
 * 一本书里同一个东西只应有一种写法。读者看到 `Langchain`、`langchain`、`LangChain`
 * 会以为是三样东西；搜索也只能找到其中一种。术语表记下每个词选了哪种写法、为什么。
 *
 * ## 怎样匹配
 *
 * - 拉丁字母的写法只匹配完整的词，且不区分大小写：`Github的` 会被找到，`GitHubber`
 *   不会；路径、域名和标识符（`.github/`、`github.com`、`api_key`）不会被报告。
 * - 中文变体只按整词匹配：用 `Intl.Segmenter` 分词，变体的边缘落在更长的词里
 *   （`代理人`）时不报告。分词器认不出的长词（`提示语句` 被切成 `提示|语|句`）由术语表
 *   补上：条目用 `allow` 列出例外短语，例如 `代理服务器`、`刷新令牌`、`提示语句`。
 * - `only_when`：有些变体只在某种话题里是错的。`代理` 只在同一段落（标题、表格行）里
 *   出现 `大模型`、`Agent` 这类词时才报告，讲网络代理的书不会收到消息。
 * - 总是取最长的写法：术语表里的推荐写法也参与匹配，所以 `超参数` 不会被当作变体 `超参`。
 * - 全小写的产品名后面紧跟子命令或参数（`docker run`、`git clone`、`npm install`），
 *   或跟着 `用户组`、`命令` 这类词（`docker 用户组`）时，是命令或标识符，不报告。
 * - 只检查正文文本（段落、标题、列表、表格、链接文字）；代码块、行内代码、数学公式、
 *   HTML、链接地址、front matter 都不检查；链接文字就是网址本身时（自动链接）也不检查。
 *
 * ## 修复与建议
 *
 * - **修复**（`--fix` 会应用）：只有一种含义的变体，例如 `Github` → `GitHub`、
 *   `大型语言模型` → `大语言模型`。消息为 ``术语不一致：`X` 应写作 `Y` ``。
 * - **建议**（显示在所有输出格式里，JSON 的 `suggestions` 字段；`--fix` 从不应用）：
 *   条目标了 `fix: suggest` 的变体（`代理` 可能是 proxy，`令牌` 可能是访问凭证，
 *   `精调` 可能是某个平台的产品名），以及全小写的产品名（`docker`、`mysql` 也可能是命令
 *   或包名）。消息以 `术语可能不一致` 开头。
 *
 * 条目的 `note` 显示在消息下方（stylish、GitHub 注释和 JSON 都有）。
 *
 * ## 添加术语
 *
 * 在 `data/terminology.yaml` 里加一个条目：`term`（推荐写法）、`variants`（错误写法）、
 * 可选的 `allow`（例外短语）、`case`（`exact` 为默认，`term` 的其他大小写形式也算错误；
 * `ignore` 接受任何大小写）和 `note`（为什么）。术语表有 JSON Schema，编辑器会提示字段；
 * 术语表出错时 lint 会给出 `文件:行:列` 并以状态码 2 退出。
 *
 * ## 何时关闭
 *
 * 引用原文、讨论某个写法本身时，用 `<!-- lint ignore terminology -->` 关闭下一个节点的检查，
 * 或用 `<!-- lint disable terminology -->` 与 `<!-- lint enable terminology -->` 包住一段。
 * 更好的做法是把原样引用的写法放进行内代码。
 *
 * ## 选项
 *
 * - `file`（字符串，可选）：术语表路径，默认为 `data/terminology.yaml`。
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   在 GitHub 上可以找到 LangChain 的源码，地址是 github.com/langchain-ai。
 *
 *   配置文件放在 `.github/workflows` 目录，`pip install langchain` 即可安装。
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   Github的仓库里有 Langchain 的示例。
 *
 *   大型语言模型可以充当代理，但不是代理服务器。
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:1-1:7: 术语不一致：`Github` 应写作 `GitHub`
 *   1:13-1:22: 术语不一致：`Langchain` 应写作 `LangChain`
 *   3:1-3:7: 术语不一致：`大型语言模型` 应写作 `大语言模型`
 *   3:11-3:13: 术语可能不一致：`代理` 另有别的含义；指本术语时应写作 `智能体`
 *
 * @example
 *   {"name": "not-ok.md", "label": "fixed"}
 *
 *   GitHub的仓库里有 LangChain 的示例。
 *
 *   大语言模型可以充当代理，但不是代理服务器。
 *
 * @example
 *   {"name": "senses.md"}
 *
 *   在 `/etc/environment` 里设置 FTP 代理和系统代理；缓存代理挡在仓库前面。
 *
 *   登录后拿到刷新令牌和身份令牌，令牌桶限制每秒请求数。
 *
 *   这些提示语句很长，代理人签了字。
 *
 * @example
 *   {"name": "commands.md", "label": "input"}
 *
 *   ## 建立 docker 用户组
 *
 *   先 docker run 一个容器，再 git clone 仓库、npm install 依赖。
 *
 *   把 docker 装好，再用 Mysql 存数据。
 *
 * @example
 *   {"name": "commands.md", "label": "output"}
 *
 *   5:3-5:9: 术语可能不一致：`docker` 指产品时应写作 `Docker`；命令、包名或标识符请放进行内代码
 *   5:16-5:21: 术语不一致：`Mysql` 应写作 `MySQL`
 *
 * @example
 *   {"name": "commands.md", "label": "fixed"}
 *
 *   ## 建立 docker 用户组
 *
 *   先 docker run 一个容器，再 git clone 仓库、npm install 依赖。
 *
 *   把 docker 装好，再用 MySQL 存数据。
 *
 * @example
 *   {"name": "links.md", "label": "input"}
 *
 *   见 [Huggingface 文档](https://huggingface.co/docs) 和 <https://github.com>。
 *
 * @example
 *   {"name": "links.md", "label": "output"}
 *
 *   1:4-1:15: 术语不一致：`Huggingface` 应写作 `Hugging Face`
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Node, Parent, Root, Text} from 'mdast';
import type {VFile} from 'vfile';
import {toString} from 'mdast-util-to-string';
import {walkProse} from '../core/prose';
import type {SuggestingMessage} from './engine/result';
import {DEFAULT_TERMINOLOGY_PATH, foldAscii, loadTerminology, termMatcher, type TermList, type TermMatch} from './lib/terminology-data';
import {bookRule, pointAt} from './lib/rule';

export interface TerminologyOptions {
  /** Path of the term list; default `data/terminology.yaml`. */
  file?: string;
}

/** The blocks whose text is the context of an `only_when` entry. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableRow']);

/** A fix says what to write; a suggestion says why it is only a guess. */
function reason(match: TermMatch): string {
  const {found, entry} = match;
  if (match.certain) return `术语不一致：\`${found}\` 应写作 \`${entry.term}\``;
  if (entry.fix === 'suggest') return `术语可能不一致：\`${found}\` 另有别的含义；指本术语时应写作 \`${entry.term}\``;
  return `术语可能不一致：\`${found}\` 指产品时应写作 \`${entry.term}\`；命令、包名或标识符请放进行内代码`;
}

const lists = new Map<string, {mtimeMs: number; list: TermList}>();

/**
 * One load per term-list version: the rule runs once per file, and an editor
 * session must see an edited list without a restart.
 */
function termList(file: string): TermList {
  const resolved = path.resolve(file);
  let mtimeMs = -1;
  try {
    mtimeMs = fs.statSync(resolved).mtimeMs;
  } catch {
    mtimeMs = -1; // loadTerminology reports the unreadable file with its path
  }
  const cached = lists.get(resolved);
  if (cached && cached.mtimeMs === mtimeMs) return cached.list;
  const list = loadTerminology(resolved);
  lists.set(resolved, {mtimeMs, list});
  return list;
}


function checkOptions(options: unknown): TerminologyOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(`terminology 的选项应为对象，例如 \`{file: data/terminology.yaml}\`，收到 \`${JSON.stringify(options)}\``);
  }
  const {file, ...rest} = options as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new Error(`terminology 的未知选项 \`${unknown[0]}\`；可用选项：\`file\``);
  if (file !== undefined && typeof file !== 'string') throw new Error('terminology 的选项 `file` 应为术语表路径（文本）');
  return file === undefined ? {} : {file};
}

function terminology(tree: Root, file: VFile, rawOptions?: unknown): void {
  const options = checkOptions(rawOptions);
  const matcher = termMatcher(termList(options.file ?? DEFAULT_TERMINOLOGY_PATH));
  const source = String(file);
  const point = pointAt(file);

  const blockTexts = new Map<Node, string>();
  /** The folded text of the paragraph, heading or table row around `node`: the context `only_when` reads. */
  const blockText = (node: Text, ancestors: Parent[]): string => {
    const block = [...ancestors].reverse().find((a) => BLOCKS.has(a.type)) ?? node;
    let text = blockTexts.get(block);
    if (text === undefined) {
      text = foldAscii(toString(block));
      blockTexts.set(block, text);
    }
    return text;
  };
  const inContext = (match: TermMatch, node: Text, ancestors: Parent[]): boolean => {
    const words = match.entry.onlyWhen;
    if (words.length === 0 || foldAscii(match.found) === foldAscii(match.entry.term)) return true;
    const text = blockText(node, ancestors);
    return words.some((word) => text.includes(foldAscii(word)));
  };

  const check = (node: Text, ancestors: Parent[]): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    // The source slice, not `node.value`: offsets must be source offsets for the fixer.
    for (const match of matcher.find(source.slice(start, end))) {
      if (!inContext(match, node, ancestors)) continue;
      const {term, note} = match.entry;
      const message: SuggestingMessage = file.message(reason(match), {
        place: {start: point(start + match.start), end: point(start + match.end)},
        ancestors: [...ancestors, node],
      });
      message.actual = match.found;
      if (match.certain) message.expected = [term];
      else message.suggestions = [term];
      if (note) message.note = note;
    }
  };

  // Text in paragraphs, headings, lists, tables and link text; not code, math, HTML, autolinks.
  walkProse(tree, (node, {ancestors, prose}) => {
    if (prose && node.type === 'text') check(node, ancestors);
  });
}

const remarkLintTerminology = bookRule<TerminologyOptions | undefined>(
  'terminology',
  terminology,
);

export default remarkLintTerminology;
