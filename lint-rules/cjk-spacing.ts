/**
 * 检查中文排版：中文与英文、数字之间的空格，全角标点两侧的空格，以及中文句子里的标点。
 * 规则取自《中文文案排版指北》和 AutoCorrect 一致认可的部分：
 *
 * 1. 中文与拉丁字母、阿拉伯数字之间加一个空格：`2020年GPT-3发布` 应写作 `2020 年 GPT-3 发布`。
 *    正文与相邻的行内代码、链接、强调之间同样要有空格；空格加在正文一侧，从不加进代码或链接地址里。
 * 2. 全角标点与中文、英文、数字之间不加空格：`中文 ，英文` 应写作 `中文，英文`。
 *    弯引号（`“”‘’`）也用在英文里，只在另一侧是中文时检查。
 * 3. 中文句子里用全角标点：两个汉字之间的半角 `,` `:` `;` `!` `?` `.` 改为全角；
 *    汉字之后、段落末尾的半角标点同样改为全角（`如下:` 应写作 `如下：`）。
 *    汉字后面的半角 `,` `:` `;` 隔一个空格再接英文时同样改为全角（`问题: LLM` 应写作 `问题：LLM`）。
 *    引号、行内代码、强调、公式、链接之后的半角标点也检查（`"挑战",或许`、`**层归一化**:另一个`、`$V$,所以`）。
 *    括号：汉字后面的 `(…)` 内含中文时，两个括号都改为全角，括号外侧多余的空格在同一个修复里删去
 *    （`从 (容器层) 开始` 应写作 `从（容器层）开始`）；半角与全角混用的一对（`(MQA）`）改正半角的一侧。
 *    小数、版本号（`3.5`）、省略号（`...`）和英文句子里的标点不受影响，因为它们的两侧不是汉字；
 *    字面的分隔符（`IMAGE:TAG`、`key:value`、`10:30`、`16:9`）也不受影响。
 *
 * 只检查正文文本；代码块、行内代码的内容、数学公式、HTML、网址、链接地址、front matter 都不检查。
 *
 * ## 为什么
 *
 * 中英文混排时的空格让英文单词和数字在中文里清晰可辨；全角与半角标点混用会让版面参差不齐。
 * 规则和修复都是机械的，交给工具比交给审阅者更可靠。
 *
 * ## 修复
 *
 * 消息几乎都是修复（`--fix` 会应用），而且只改动最少的字符：缺少空格时插入一个空格，
 * 多余的空格被删除，半角标点（连同它两侧的空格）换成全角标点。唯一的例外是建议：两个汉字
 * 之间紧挨着的 `:`（`镜像名:标签`）可能是字面的分隔符，消息只给出建议，`--fix` 不改。
 *
 * ## 何时关闭
 *
 * 引用原文、展示排版错误本身时，用 `<!-- lint ignore cjk-spacing -->` 关闭下一个节点的检查，
 * 或用 `<!-- lint disable cjk-spacing -->` 与 `<!-- lint enable cjk-spacing -->` 包住一段。
 *
 * ## 选项
 *
 * - `spaceAroundInlineCode`（布尔值，默认 `true`）：中文与相邻的行内代码之间是否必须有空格。
 *   设为 `false` 时不检查行内代码两侧。
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   2022 年 11 月，OpenAI 发布了 ChatGPT。版本号写作 3.5，省略号写作 ...
 *
 *   用 `npm run lint` 检查，再用 [remark](https://remark.js.org) 修复。
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   2020年GPT-3发布。
 *
 *   中文 ，英文。配置如下:
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:5-1:5: 中英文之间缺少空格：`2020年` 应写作 `2020 年`
 *   1:6-1:6: 中英文之间缺少空格：`年GPT` 应写作 `年 GPT`
 *   1:11-1:11: 中英文之间缺少空格：`3发` 应写作 `3 发`
 *   3:3-3:4: 全角标点前后不加空格：`文 ，` 应写作 `文，`
 *   3:12-3:13: 中文句子中应使用全角标点：`下:` 应写作 `下：`
 *
 * @example
 *   {"name": "not-ok.md", "label": "fixed"}
 *
 *   2020 年 GPT-3 发布。
 *
 *   中文，英文。配置如下：
 *
 * @example
 *   {"name": "nodes.md", "label": "input"}
 *
 *   使用`pip`安装[LangChain](https://www.langchain.com)框架(一个开源项目)。
 *
 * @example
 *   {"name": "nodes.md", "label": "output"}
 *
 *   1:3-1:3: 中文与行内代码之间缺少空格：`用pip` 应写作 `用 pip`
 *   1:8-1:8: 中文与行内代码之间缺少空格：`pip安` 应写作 `pip 安`
 *   1:10-1:10: 中英文之间缺少空格：`装LangChain` 应写作 `装 LangChain`
 *   1:48-1:48: 中英文之间缺少空格：`LangChain框` 应写作 `LangChain 框`
 *   1:50-1:51: 中文句子中应使用全角标点：`架(一` 应写作 `架（一`
 *   1:57-1:58: 中文句子中应使用全角标点：`目)` 应写作 `目）`
 *
 * @example
 *   {"name": "nodes.md", "label": "fixed"}
 *
 *   使用 `pip` 安装 [LangChain](https://www.langchain.com) 框架（一个开源项目）。
 *
 * @example
 *   {"name": "separators.md"}
 *
 *   拉取 nginx:latest 镜像，格式是 key:value，会议在 10:30 开始，屏幕比例 16:9。
 *
 * @example
 *   {"name": "recall.md", "label": "input"}
 *
 *   这是 "挑战",或许不难；**层归一化**:另一个方法；$V$,所以如此。
 *
 *   问题: LLM 怎么做？分组查询注意力(MQA）从 (容器层) 开始。
 *
 *   使用 **镜像名:标签** 的格式。
 *
 * @example
 *   {"name": "recall.md", "label": "output"}
 *
 *   1:8-1:9: 中文句子中应使用全角标点：`",或` 应写作 `"，或`
 *   1:22-1:23: 中文句子中应使用全角标点：`:另` 应写作 `：另`
 *   1:32-1:33: 中文句子中应使用全角标点：`,所` 应写作 `，所`
 *   3:3-3:5: 中文句子中应使用全角标点：`题: L` 应写作 `题：L`
 *   3:20-3:21: 中文句子中应使用全角标点：`力(M` 应写作 `力（M`
 *   3:26-3:28: 中文句子中应使用全角标点：`从 (容` 应写作 `从（容`
 *   3:31-3:33: 中文句子中应使用全角标点：`层) 开` 应写作 `层）开`
 *   5:9-5:10: 中文句子中应使用全角标点：`名:标` 应写作 `名：标`
 *
 * @example
 *   {"name": "recall.md", "label": "fixed"}
 *
 *   这是 "挑战"，或许不难；**层归一化**：另一个方法；$V$，所以如此。
 *
 *   问题：LLM 怎么做？分组查询注意力（MQA）从（容器层）开始。
 *
 *   使用 **镜像名:标签** 的格式。
 *
 * @example
 *   {"name": "code-option.md", "config": {"spaceAroundInlineCode": false}}
 *
 *   使用`pip`安装。
 */
import type {InlineCode, Link, Node, Parent, Root, Text} from 'mdast';
import type {VFile} from 'vfile';
import {isAutolink, walkProse} from '../core/prose';
import type {SuggestingMessage} from './engine/result';
import {bookRule, pointAt} from './lib/rule';

export interface CjkSpacingOptions {
  /** Require a space between Chinese text and an adjacent inline code (default `true`). */
  spaceAroundInlineCode?: boolean;
}

const DEFAULTS: Required<CjkSpacingOptions> = {spaceAroundInlineCode: true};

/** Inline nodes whose visible text meets the neighbouring text. */
const PHRASING = new Set(['link', 'linkReference', 'emphasis', 'strong', 'delete']);
/** Inline nodes after which half-width punctuation is checked like after Chinese (`**词**:`, `$V$,`). */
const INLINE = new Set([...PHRASING, 'inlineCode', 'inlineMath']);

// ---------------------------------------------------------------------------
// Character classes (by UTF-16 code unit: one pass, no regex per character).

/** Han, kana, bopomofo; a surrogate half counts when it belongs to the CJK extension planes. */
export function isCjk(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  if (Number.isNaN(c)) return false;
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x3100 && c <= 0x312f) ||
    (c >= 0xd840 && c <= 0xd8bf) || // high surrogate of U+20000–U+3FFFF
    (c >= 0xdc00 && c <= 0xdfff && index > 0 && text.charCodeAt(index - 1) >= 0xd840 && text.charCodeAt(index - 1) <= 0xd8bf)
  );
}

/** ASCII letter or digit. */
export function isLatin(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSpace(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  return c === 32 || c === 9;
}

/** Full-width punctuation that never takes spaces around it. */
const FULL_WIDTH = new Set('，。、；：！？（）《》〈〉「」『』【】〔〕');
/** Curly quotes are full-width in Chinese but also used in English: checked only against Chinese. */
const QUOTES = new Set('“”‘’');
/** Half-width punctuation that becomes full-width between Chinese characters. */
const TO_FULL_WIDTH: Record<string, string> = {',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '.': '。'};

/** Start of the Latin run (letters and digits) ending at `end` (exclusive). */
function latinRunStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && isLatin(text, i - 1)) i--;
  return i;
}

function latinRunEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && isLatin(text, i)) i++;
  return i;
}

/** One character, keeping a surrogate pair whole. */
function charAt(text: string, index: number, step: 1 | -1): string {
  const c = text.charCodeAt(index);
  if (step === 1 && c >= 0xd800 && c <= 0xdbff) return text.slice(index, index + 2);
  if (step === -1 && c >= 0xdc00 && c <= 0xdfff && index > 0) return text.slice(index - 1, index + 1);
  return text[index] ?? '';
}

// ---------------------------------------------------------------------------
// Findings: a range of the source to replace, and the text around it for the message.

interface Finding {
  /** Source offsets of the fix, end exclusive (`start === end` inserts). */
  start: number;
  end: number;
  expected: string;
  reason: string;
  /** Not certain (a `:` between two Chinese words may be a literal separator): a suggestion. */
  suggest?: boolean;
}

const MISSING = '中英文之间缺少空格';
const MISSING_CODE = '中文与行内代码之间缺少空格';
const EXTRA = '全角标点前后不加空格';
const HALF_WIDTH = '中文句子中应使用全角标点';

function say(kind: string, wrong: string, right: string): string {
  return `${kind}：\`${wrong}\` 应写作 \`${right}\``;
}

/** URL-like stretches of prose that GFM did not turn into links: left alone. */
function urlRanges(text: string): Array<[number, number]> {
  if (!text.includes('://') && !text.includes('www.')) return [];
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(/(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>（）\u3000-\u303f\uff00-\uffef]*/gi)) {
    ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

function inRanges(ranges: Array<[number, number]>, index: number): boolean {
  for (const [start, end] of ranges) if (index >= start && index < end) return true;
  return false;
}

/** Missing spaces between Chinese and Latin letters or digits inside one text. */
function missingSpaces(text: string, base: number, urls: Array<[number, number]>, out: Finding[]): void {
  for (let i = 1; i < text.length; i++) {
    const cjkThenLatin = isLatin(text, i) && isCjk(text, i - 1);
    const latinThenCjk = !cjkThenLatin && isCjk(text, i) && isLatin(text, i - 1);
    if (!cjkThenLatin && !latinThenCjk) continue;
    if (inRanges(urls, i - 1) || inRanges(urls, i)) continue;
    const left = cjkThenLatin ? charAt(text, i - 1, -1) : text.slice(latinRunStart(text, i), i);
    const right = cjkThenLatin ? text.slice(i, latinRunEnd(text, i)) : charAt(text, i, 1);
    out.push({start: base + i, end: base + i, expected: ' ', reason: say(MISSING, left + right, `${left} ${right}`)});
  }
}

/** Spaces next to full-width punctuation, when the other side is a visible character. */
function extraSpaces(text: string, base: number, out: Finding[]): void {
  let i = 0;
  while (i < text.length) {
    if (!isSpace(text, i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isSpace(text, i)) i++;
    if (start === 0 || i === text.length) continue;
    const before = text[start - 1];
    const after = text[i];
    const punctBefore = FULL_WIDTH.has(before) || (QUOTES.has(before) && isCjk(text, i));
    const punctAfter = FULL_WIDTH.has(after) || (QUOTES.has(after) && isCjk(text, start - 1));
    if (!punctBefore && !punctAfter) continue;
    const other = punctBefore ? after : before;
    if (other === '\n' || other === '\r') continue;
    const left = charAt(text, start - 1, -1);
    const right = charAt(text, i, 1);
    out.push({start: base + start, end: base + i, expected: '', reason: say(EXTRA, left + text.slice(start, i) + right, left + right)});
  }
}

/** What follows `index` after spaces: a character, or the end of the paragraph or line. */
function nextVisible(text: string, index: number, atParagraphEnd: boolean): {at: number; end: boolean} {
  let i = index;
  while (i < text.length && isSpace(text, i)) i++;
  if (i === text.length) return {at: i, end: atParagraphEnd};
  return {at: i, end: text[i] === '\n' || text[i] === '\r'};
}

function previousVisible(text: string, index: number): number {
  let i = index;
  while (i >= 0 && isSpace(text, i)) i--;
  return i;
}

/** Half-width punctuation that may stand before a space and a Latin word (`问题: LLM`). */
const BEFORE_LATIN = new Set([',', ':', ';']);

/**
 * Does the punctuation at `i` follow Chinese? Directly, after spaces, after a
 * closing straight quote that follows Chinese (`"挑战",`), or — at the start of the
 * text — after an inline node (`**层归一化**:`, `$V$,`), given by `leadingInline`.
 */
function afterChinese(text: string, i: number, leadingInline: boolean): number | undefined {
  const before = previousVisible(text, i - 1);
  if (before < 0) return leadingInline ? -1 : undefined;
  if (isCjk(text, before)) return before;
  if ((text[before] === '"' || text[before] === "'") && isCjk(text, before - 1) && before === i - 1) return before;
  return undefined;
}

/**
 * Half-width `, : ; ! ? .` after a Chinese character (or a quote or inline node
 * ending one), before one or at the end. A `:` with Chinese directly on both sides
 * (`镜像名:标签`) may be a literal separator, so it is only suggested; with a Latin
 * or digit neighbour (`IMAGE:TAG`, `key:value`, `10:30`) it is never reported.
 */
function halfWidthPunctuation(text: string, base: number, atParagraphEnd: boolean, leadingInline: boolean, urls: Array<[number, number]>, out: Finding[]): void {
  for (let i = 0; i < text.length; i++) {
    const full = TO_FULL_WIDTH[text[i]];
    if (full === undefined || inRanges(urls, i)) continue;
    const before = afterChinese(text, i, leadingInline);
    if (before === undefined) continue;
    const next = nextVisible(text, i + 1, atParagraphEnd);
    const latinAfterSpace = BEFORE_LATIN.has(text[i]) && before >= 0 && before === i - 1 && next.at > i + 1 && !next.end && isLatin(text, next.at) && !isLatin(text, next.at - 1);
    if (!next.end && !isCjk(text, next.at) && !latinAfterSpace) continue;
    if (before === -1 && next.end) continue;
    // `...` is an ellipsis, whatever surrounds it.
    if (text[i] === '.' && (text[i + 1] === '.' || text[i - 1] === '.')) continue;
    const left = before < 0 ? '' : charAt(text, before, -1);
    const right = next.end ? '' : charAt(text, next.at, 1);
    const stop = next.end ? i + 1 : next.at;
    const from = before < 0 ? 0 : before + 1;
    const separator = text[i] === ':' && before >= 0 && before === i - 1 && next.at === i + 1 && !next.end;
    out.push({
      start: base + from,
      end: base + stop,
      expected: full,
      reason: say(HALF_WIDTH, left + text.slice(from, stop) + right, left + full + right),
      ...(separator ? {suggest: true} : {}),
    });
  }
}

/** Spaces after `index` that a full-width bracket makes superfluous: up to a visible character on the same line. */
function spacesAfter(text: string, index: number): number {
  let i = index;
  while (i < text.length && isSpace(text, i)) i++;
  return i < text.length && text[i] !== '\n' && text[i] !== '\r' ? i : index;
}

/**
 * `(…)` after a Chinese character with Chinese inside: both brackets become
 * full-width, each fix taking the space beside it (`从 (容器层) 开始` → `从（容器层）开始`)
 * so one pass settles it. A mixed pair (`(MQA）`, `（MQA)`) gets its half-width side.
 */
function parentheses(text: string, base: number, out: Finding[]): void {
  for (let open = text.indexOf('('); open !== -1; open = text.indexOf('(', open + 1)) {
    const close = text.indexOf(')', open + 1);
    const fullClose = text.indexOf('）', open + 1);
    const nested = text.indexOf('(', open + 1);
    const before = previousVisible(text, open - 1);
    if (before < 0 || !isCjk(text, before)) continue;
    const left = charAt(text, before, -1);
    const first = charAt(text, open + 1, 1);
    const openFix = (): Finding => ({start: base + before + 1, end: base + open + 1, expected: '（', reason: say(HALF_WIDTH, `${left}${text.slice(before + 1, open + 1)}${first}`, `${left}（${first}`)});
    if (fullClose !== -1 && (close === -1 || fullClose < close) && (nested === -1 || fullClose < nested)) {
      out.push(openFix());
      continue;
    }
    if (close === -1) return;
    if (nested !== -1 && nested < close) continue;
    let hasCjk = false;
    for (let i = open + 1; i < close && !hasCjk; i++) hasCjk = isCjk(text, i);
    if (!hasCjk) continue;
    out.push(openFix());
    const last = charAt(text, close - 1, -1);
    const stop = spacesAfter(text, close + 1);
    const after = stop > close + 1 ? charAt(text, stop, 1) : '';
    out.push({start: base + close, end: base + stop, expected: '）', reason: say(HALF_WIDTH, `${last}${text.slice(close, stop)}${after}`, `${last}）${after}`)});
  }
  for (let open = text.indexOf('（'); open !== -1; open = text.indexOf('（', open + 1)) {
    const close = text.indexOf(')', open + 1);
    const fullClose = text.indexOf('）', open + 1);
    if (close === -1 || (fullClose !== -1 && fullClose < close)) continue;
    const last = charAt(text, close - 1, -1);
    out.push({start: base + close, end: base + close + 1, expected: '）', reason: say(HALF_WIDTH, `${last})`, `${last}）`)});
  }
}

// ---------------------------------------------------------------------------
// Boundaries between a text and a neighbouring inline node.

type Side = {kind: 'cjk' | 'latin' | 'code' | 'other'; shown: string};

/** The visible character of `node` at its start (`step` 1) or end (`step` -1). */
function edgeOf(node: Node, step: 1 | -1, options: Required<CjkSpacingOptions>): Side {
  if (node.type === 'inlineCode') {
    return options.spaceAroundInlineCode ? {kind: 'code', shown: (node as InlineCode).value} : {kind: 'other', shown: ''};
  }
  if (node.type === 'text') {
    const value = (node as Text).value;
    const index = step === 1 ? 0 : value.length - 1;
    if (isCjk(value, index)) return {kind: 'cjk', shown: charAt(value, index, step)};
    if (isLatin(value, index)) {
      const shown = step === 1 ? value.slice(0, latinRunEnd(value, 0)) : value.slice(latinRunStart(value, value.length));
      return {kind: 'latin', shown};
    }
    return {kind: 'other', shown: ''};
  }
  if (!PHRASING.has(node.type) || (node.type === 'link' && isAutolink(node as Link))) return {kind: 'other', shown: ''};
  const children = (node as Parent).children;
  const child = step === 1 ? children[0] : children[children.length - 1];
  return child ? edgeOf(child, step, options) : {kind: 'other', shown: ''};
}

function boundary(left: Node, right: Node, options: Required<CjkSpacingOptions>, out: Finding[]): void {
  if (left.type !== 'text' && right.type !== 'text') return;
  const a = edgeOf(left, -1, options);
  const b = edgeOf(right, 1, options);
  const pair = `${a.kind}-${b.kind}`;
  if (!['cjk-latin', 'latin-cjk', 'cjk-code', 'code-cjk'].includes(pair)) return;
  // Inside a text both sides are checked by `missingSpaces`; here one side is another node.
  if (left.type === 'text' && right.type === 'text') return;
  const offset = left.type === 'text' ? left.position?.end.offset : right.position?.start.offset;
  if (offset === undefined) return;
  const kind = pair.includes('code') ? MISSING_CODE : MISSING;
  out.push({start: offset, end: offset, expected: ' ', reason: say(kind, a.shown + b.shown, `${a.shown} ${b.shown}`)});
}

// ---------------------------------------------------------------------------


function checkOptions(options: unknown): Required<CjkSpacingOptions> {
  if (options === undefined || options === null) return DEFAULTS;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(`cjk-spacing 的选项应为对象，例如 \`{spaceAroundInlineCode: true}\`，收到 \`${JSON.stringify(options)}\``);
  }
  const {spaceAroundInlineCode, ...rest} = options as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new Error(`cjk-spacing 的未知选项 \`${unknown[0]}\`；可用选项：\`spaceAroundInlineCode\``);
  if (spaceAroundInlineCode !== undefined && typeof spaceAroundInlineCode !== 'boolean') {
    throw new Error('cjk-spacing 的选项 `spaceAroundInlineCode` 应为 `true` 或 `false`');
  }
  return {spaceAroundInlineCode: spaceAroundInlineCode ?? DEFAULTS.spaceAroundInlineCode};
}

function cjkSpacing(tree: Root, file: VFile, rawOptions?: unknown): void {
  const options = checkOptions(rawOptions);
  const source = String(file);
  const point = pointAt(file);

  const report = (findings: Finding[], ancestors: Node[]): void => {
    for (const finding of findings) {
      const message: SuggestingMessage = file.message(finding.reason, {
        place: {start: point(finding.start), end: point(finding.end)},
        ancestors,
      });
      message.actual = source.slice(finding.start, finding.end);
      if (finding.suggest) message.suggestions = [finding.expected];
      else message.expected = [finding.expected];
    }
  };

  const checkText = (node: Text, atParagraphEnd: boolean, leadingInline: boolean, ancestors: Node[]): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    // The source slice, not `node.value`: offsets must be source offsets for the fixer.
    const text = source.slice(start, end);
    const urls = urlRanges(text);
    const findings: Finding[] = [];
    missingSpaces(text, start, urls, findings);
    extraSpaces(text, start, findings);
    halfWidthPunctuation(text, start, atParagraphEnd, leadingInline, urls, findings);
    parentheses(text, start, findings);
    if (findings.length === 0) return;
    findings.sort((x, y) => x.start - y.start || x.end - y.end);
    report(findings, [...ancestors, node]);
  };

  // Every node outside raw HTML: its text is checked when it is prose, and its edges against
  // the previous sibling's (`中文**English**`, `中文\`code\``) whatever it is.
  walkProse(tree, (node, {parent, index, ancestors, inHtml}) => {
    if (inHtml) return;
    const siblings = parent.children;
    if (node.type === 'text') checkText(node, index === siblings.length - 1, index > 0 && INLINE.has(siblings[index - 1].type), ancestors);
    if (index > 0) {
      const findings: Finding[] = [];
      boundary(siblings[index - 1], node, options, findings);
      if (findings.length > 0) report(findings, ancestors);
    }
  });
}

const remarkLintCjkSpacing = bookRule<CjkSpacingOptions | undefined>(
  'cjk-spacing',
  cjkSpacing,
);

export default remarkLintCjkSpacing;
