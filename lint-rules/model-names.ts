/**
 * Model names must be spelt the way the model registry (`data/models.yaml`) spells
 * them, and every model the book names must be in the registry.
 *
 * Why: the site links every model name to its place on the timeline and counts
 * which chapters mention it. A name written `chatgpt` or `GPT3` is neither linked
 * nor counted, and a model missing from the registry has no timeline entry at all.
 *
 * What it reports, in prose (`text`) and in inline code whose whole value is a name:
 *
 * - a known name in the wrong case (`chatgpt`, `Gpt-4`, `CHATGPT`) — fixable;
 * - a known name with wrong or missing separators (`GPT3`, `GPT 4`,
 *   `text-davinci003`, `text_davinci_003`, `PaLM2`) — fixable when exactly one
 *   registry name has that spelling-free form. Digits are never merged:
 *   `GPT-35` is not taken for `GPT-3.5`;
 * - a name that looks like a member of a known family (the letters before the
 *   first digit match a registry name's: `text-davinci-004`, `GPT-5`, `Claude 4`)
 *   but is not in the registry — not fixable: add the model to `data/models.yaml`
 *   first. The message lists the nearest names of that family.
 *
 * Names are found with the same matcher and the same boundaries as the auto-linker
 * (`plugins/registry/matcher.ts`), so `基于GPT3的` is checked and `GPT4Tools` or
 * `gpt-3.5-turbo-0613` are not taken for model names. Registry ids are the API
 * spelling and are accepted as the whole value of inline code (`` `gpt-4` ``).
 * Never checked: code blocks, inline code that holds more than a name, URLs,
 * link destinations, HTML, math and front matter.
 *
 * Turn it off for a passage that quotes another text verbatim
 * (`<!-- lint ignore model-names -->` before the paragraph).
 *
 * Options: `{registry?: string}` — path of the registry file, relative to the
 * repository root (default `data/models.yaml`). The registry is loaded once per
 * process and reloaded only when the file changes; an invalid registry fails with
 * the registry's own `file:line:column` errors.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   ChatGPT 基于 GPT-3.5，接口模型是 `gpt-3.5-turbo`，早期的补全模型是 `text-davinci-003`。
 *
 *   基于code-davinci-002的模型，以及 GPT-4 Turbo 和 Llama 2。
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   chatgpt 于 2022 年发布，Gpt-4 于 2023 年发布。
 *
 *   基于GPT3的模型，以及 text-davinci003 和 `text_davinci_003`。
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:1-1:8: 模型名称写法不对：`chatgpt` 应写作 `ChatGPT`
 *   1:20-1:25: 模型名称写法不对：`Gpt-4` 应写作 `GPT-4`
 *   3:3-3:7: 模型名称写法不对：`GPT3` 应写作 `GPT-3`
 *   3:14-3:29: 模型名称写法不对：`text-davinci003` 应写作 `text-davinci-003`
 *   3:33-3:49: 模型名称写法不对：`text_davinci_003` 应写作 `text-davinci-003`
 *
 * @example
 *   {"name": "not-ok.md", "label": "fixed"}
 *
 *   ChatGPT 于 2022 年发布，GPT-4 于 2023 年发布。
 *
 *   基于GPT-3的模型，以及 text-davinci-003 和 `text-davinci-003`。
 *
 * @example
 *   {"name": "unknown.md", "label": "input"}
 *
 *   text-davinci-004 并不存在，GPT-5 也还没有收录。
 *
 * @example
 *   {"name": "unknown.md", "label": "output"}
 *
 *   1:1-1:17: 未知模型：`text-davinci-004` 不在 `data/models.yaml` 中，请先在注册表中添加；相近的名称：`text-davinci-003`、`text-davinci-002`
 *   1:23-1:28: 未知模型：`GPT-5` 不在 `data/models.yaml` 中，请先在注册表中添加；相近的名称：`GPT-4`、`GPT-3`
 *
 * @example
 *   {"name": "code.md"}
 *
 *   ```python
 *   client.completions.create(model="text-davinci-004")  # chatgpt
 *   ```
 *
 *   访问 <https://example.com/chatgpt> 或 [说明](https://example.com/gpt3)。
 */
import type {InlineCode, Nodes, Root, Text} from 'mdast';
import {lintRule} from 'unified-lint-rule';
import {SKIP, visitParents} from 'unist-util-visit-parents';
import type {VFile} from 'vfile';
import {location} from 'vfile-location';
import {RULE_ORIGIN, ruleDocsUrl} from '../plugins/constants';
import {modelIndexFor, type ModelIndex} from './model-names-index';
import {scanModelNames, scanWholeValue, type Finding} from './model-names-scan';

export interface ModelNamesOptions {
  /** Path of the registry, relative to the repository root; default `data/models.yaml`. */
  registry?: string;
}

/** Subtrees whose text is not prose. */
const SKIPPED = new Set(['code', 'html', 'yaml', 'math', 'inlineMath', 'definition']);

function reasonOf(finding: Finding, index: ModelIndex): string {
  const quote = (s: string) => `\`${s}\``;
  switch (finding.kind) {
    case 'spelling':
      return `模型名称写法不对：${quote(finding.text)} 应写作 ${quote(finding.expected)}`;
    case 'ambiguous':
      return `模型名称写法不对：${quote(finding.text)} 应写作 ${finding.candidates.map(quote).join(' 或 ')} 之一`;
    case 'unknown': {
      const nearest = finding.nearest.length > 0 ? `；相近的名称：${finding.nearest.map(quote).join('、')}` : '';
      return `未知模型：${quote(finding.text)} 不在 ${quote(index.shownFile)} 中，请先在注册表中添加${nearest}`;
    }
  }
}

/** An autolink (`<https://…>` or a bare URL): its text is the URL, not prose. */
function isAutolink(node: Nodes, source: string): boolean {
  return node.type === 'link' && node.position?.start.offset !== undefined && source[node.position.start.offset] !== '[';
}

/**
 * Where the value's `[start, end)` sits in the source. Equal to the node's own
 * offsets when the value is the source verbatim; otherwise the finding's text is
 * looked up in the node's source (after `from`), and `undefined` means it cannot be
 * placed exactly (escapes or entities inside the name).
 */
function sourceRange(source: string, node: Text | InlineCode, finding: Finding, cursor: {at: number}): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  if (node.type === 'text' && source.slice(start, end) === node.value) return [start + finding.start, start + finding.end];
  const found = source.slice(0, end).indexOf(finding.text, Math.max(start, cursor.at));
  if (found < 0) return undefined;
  cursor.at = found + finding.text.length;
  return [found, cursor.at];
}

const modelNames = lintRule<Root, ModelNamesOptions | null | undefined>(
  {origin: `${RULE_ORIGIN}:model-names`, url: ruleDocsUrl('model-names')},
  (tree, file: VFile, options) => {
    const index = modelIndexFor(options?.registry);
    const source = String(file);
    const place = location(file);
    visitParents(tree, (node, ancestors) => {
      if (SKIPPED.has(node.type) || isAutolink(node, source)) return SKIP;
      let findings: Finding[] = [];
      if (node.type === 'text') findings = scanModelNames(node.value, index);
      else if (node.type === 'inlineCode') findings = [scanWholeValue(node.value, index)].filter((f) => f !== undefined);
      else return undefined;
      const cursor = {at: 0};
      for (const finding of findings) {
        const range = sourceRange(source, node, finding, cursor);
        const reason = reasonOf(finding, index);
        if (!range) {
          file.message(reason, {place: node.position, ancestors: [...ancestors, node]});
          continue;
        }
        const start = place.toPoint(range[0]);
        const end = place.toPoint(range[1]);
        const message = file.message(reason, {place: start && end ? {start, end} : node.position, ancestors: [...ancestors, node]});
        if (finding.kind === 'spelling' && start && end) {
          message.actual = source.slice(range[0], range[1]);
          message.expected = [finding.expected];
        }
      }
      return undefined;
    });
  },
);

export default modelNames;
