/**
 * Shared by the property tests of terminology and cjk-spacing: a generator of
 * Markdown that mixes Chinese, Latin, digits, punctuation, code, math, links, HTML
 * and front matter, and a plain splice oracle that applies fixes.
 */
import fc from 'fast-check';
import type {Node} from 'unist';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import type {VFileMessage} from 'vfile-message';
import {parsePlugins} from '../preset';

const WORDS = ['中文', '模型', '大型语言模型', '代理', '代理服务器', '提示语', '年', '的', '发布', '如下', '一个', '开源项目'];
const LATIN = ['GPT', 'Github', 'github', 'langchain', 'API', 'api', 'open ai', '3.5', '2020', 'Hugging Face', 'HuggingFace', 'v1.2', 'GPT-3', 'x'];
const PUNCT = [',', ':', ';', '.', '!', '?', '(', ')', '，', '。', '：', '（', '）', '“', '”', ' ', ' ', '  ', '...', '\\*', '&amp;', '-', '_'];
const INLINE = [
  '`github 代码`',
  '`a,b`',
  '[Github 文本](https://github.com/github?x=大型)',
  '[模型](./a.md#大型)',
  '<https://github.com/Github>',
  'https://github.com/langchain',
  'www.github.com/中文',
  '*GPT*',
  '**模型**',
  '$a+b, c$',
  '<b>Github</b>',
  '![图 Github](https://x.org/a.png)',
  '[文本][ref]',
];

const inlineToken = fc.oneof(
  {weight: 4, arbitrary: fc.constantFrom(...WORDS)},
  {weight: 3, arbitrary: fc.constantFrom(...LATIN)},
  {weight: 3, arbitrary: fc.constantFrom(...PUNCT)},
  {weight: 2, arbitrary: fc.constantFrom(...INLINE)},
);

const line = fc.array(inlineToken, {minLength: 1, maxLength: 12}).map((tokens) => tokens.join(''));

const block = fc.oneof(
  {weight: 5, arbitrary: fc.array(line, {minLength: 1, maxLength: 3}).map((lines) => lines.join('\n'))},
  {weight: 1, arbitrary: line.map((l) => `## ${l}`)},
  {weight: 1, arbitrary: line.map((l) => `- ${l}`)},
  {weight: 1, arbitrary: fc.array(line, {minLength: 1, maxLength: 2}).map((lines) => lines.map((l) => `> ${l}`).join('\n'))},
  {weight: 1, arbitrary: line.map((l) => '```js\n' + l + '\n```')},
  {weight: 1, arbitrary: line.map((l) => `| ${l} | 中文 |\n| --- | --- |\n| a | ${l} |`)},
  {weight: 1, arbitrary: fc.constant('$$\nGithub 中文,中文\n$$')},
  {weight: 1, arbitrary: fc.constant('[ref]: https://github.com/Github "大型语言模型"')},
);

/** A Markdown document, sometimes with front matter. */
export const markdown = fc
  .tuple(fc.boolean(), fc.array(block, {minLength: 1, maxLength: 5}))
  .map(([front, blocks]) => `${front ? '---\ntitle: Github的大型语言模型,中文\n---\n\n' : ''}${blocks.join('\n\n')}\n`);

export const PROPERTY_SEED = 20240601;
export const PROPERTY_RUNS = 200;

export interface SpliceFix {
  start: number;
  end: number;
  actual: string;
  expected: string;
  reason: string;
}

/** The fixes messages carry, read from `place` offsets, `actual` and `expected[0]`. */
export function fixesFrom(messages: readonly VFileMessage[]): SpliceFix[] {
  const fixes: SpliceFix[] = [];
  for (const m of messages) {
    const place = m.place;
    if (m.actual === undefined || !m.expected?.length || !place || !('start' in place)) continue;
    const {offset: start} = place.start;
    const {offset: end} = place.end;
    if (start === undefined || end === undefined) continue;
    fixes.push({start, end, actual: m.actual, expected: m.expected[0], reason: m.reason});
  }
  return fixes;
}

/**
 * The oracle: keep the fixes that do not overlap an earlier one (two insertions at
 * one offset overlap), then splice them in from right to left.
 */
export function spliceFixes(text: string, fixes: readonly SpliceFix[]): {text: string; applied: SpliceFix[]} {
  const sorted = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: SpliceFix[] = [];
  let lastEnd = -1;
  let lastInsert = -1;
  for (const fix of sorted) {
    if (fix.start < lastEnd || (fix.start === fix.end && fix.start === lastInsert)) continue;
    applied.push(fix);
    lastEnd = fix.end;
    if (fix.start === fix.end) lastInsert = fix.start;
  }
  let result = text;
  for (const fix of [...applied].reverse()) result = result.slice(0, fix.start) + fix.expected + result.slice(fix.end);
  return {text: result, applied};
}

/** Everything that is not prose: code, math, HTML, URLs, front matter — must survive a fix byte for byte. */
export function untouchable(text: string): string[] {
  const tree = unified().use(remarkParse).use(parsePlugins).parse(text);
  const out: string[] = [];
  const walk = (node: Node): void => {
    const n = node as Node & {value?: string; url?: string};
    if (['code', 'inlineCode', 'math', 'inlineMath', 'html', 'yaml'].includes(node.type)) out.push(`${node.type}:${n.value}`);
    if (typeof n.url === 'string') out.push(`${node.type}:${n.url}`);
    if ('children' in node && Array.isArray(node.children)) for (const child of node.children as Node[]) walk(child);
  };
  walk(tree);
  return out;
}
