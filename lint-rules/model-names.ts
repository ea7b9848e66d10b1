/**
 * Model names must be spelt the way the model registry (`data/models.yaml`) spells
 * them.
 *
 * Why: the site links every model name to its place on the timeline and counts
 * which chapters mention it. A name written `chatgpt` or `GPT3` is neither linked
 * nor counted.
 *
 * What it reports, in prose (`text`) and in inline code whose whole value is a name:
 *
 * - a known name in the wrong case (`chatgpt`, `Gpt-4`, `CHATGPT`) — fixable;
 * - a known name with wrong or missing separators (`GPT3`, `GPT 4`,
 *   `text-davinci003`, `text_davinci_003`, `PaLM2`) — fixable when exactly one
 *   registry name has that spelling-free form, otherwise the message lists the
 *   candidates. Digits are never merged: `gpt-35-turbo` (Azure's spelling) is not
 *   taken for `gpt-3.5-turbo`.
 *
 * A family name (`Llama`, `GPT`, `Llama 系列`: a `type: family` entry of the
 * registry) is a known name and is never rewritten into one model's spelling; a
 * mis-cased form that could be either (`llama`: `LLaMA` or `Llama`) lists both and
 * offers no fix.
 *
 * A model-like name that the registry does not hold at all is not a misspelling:
 * the rule [unknown-models](./unknown-models.md) reports it, as a warning by
 * default. Both rules share one scan of the chapter.
 *
 * Names are found with the same matcher and the same boundaries as the auto-linker
 * (`core/registry/matcher.ts`), so `基于GPT3的` is checked and `GPT4Tools` or
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
 *   Llama 系列从 Llama-1 到 Llama 3 都公开了权重；第一代写作 LLaMA，GPT 和 Claude 也是系列名。
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   chatgpt 于 2022 年发布，Gpt-4 于 2023 年发布。
 *
 *   基于GPT3的模型，以及 text-davinci003 和 `text_davinci_003`。
 *
 *   llama 有好几代，GPT 4 是其中一个系列的第四代。
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:1-1:8: 模型名称写法不对：`chatgpt` 应写作 `ChatGPT`
 *   1:20-1:25: 模型名称写法不对：`Gpt-4` 应写作 `GPT-4`
 *   3:3-3:7: 模型名称写法不对：`GPT3` 应写作 `GPT-3`
 *   3:14-3:29: 模型名称写法不对：`text-davinci003` 应写作 `text-davinci-003`
 *   3:33-3:49: 模型名称写法不对：`text_davinci_003` 应写作 `text-davinci-003`
 *   5:1-5:6: 模型名称写法不对：`llama` 应写作 `Llama` 或 `LLaMA` 之一
 *   5:12-5:17: 模型名称写法不对：`GPT 4` 应写作 `GPT-4`
 *
 * @example
 *   {"name": "not-ok.md", "label": "fixed"}
 *
 *   ChatGPT 于 2022 年发布，GPT-4 于 2023 年发布。
 *
 *   基于GPT-3的模型，以及 text-davinci-003 和 `text-davinci-003`。
 *
 *   llama 有好几代，GPT-4 是其中一个系列的第四代。
 *
 * @example
 *   {"name": "unknown.md"}
 *
 *   GPT-5 和 text-davinci-004 不在注册表中：它们不是拼写错误，由 unknown-models 报告。
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
import type {Root} from 'mdast';
import {lintRule} from 'unified-lint-rule';
import type {VFile} from 'vfile';
import {RULE_ORIGIN, ruleDocsUrl} from '../core/constants';
import {modelIndexFor, type ModelRegistryOptions} from './lib/model-names-index';
import {findModelNames, type Finding} from './lib/model-names-scan';

export type ModelNamesOptions = ModelRegistryOptions;

const quote = (s: string): string => `\`${s}\``;

/** The message for a known name spelt wrong; `undefined` for the findings `unknown-models` reports. */
function reasonOf(finding: Finding): string | undefined {
  switch (finding.kind) {
    case 'spelling':
      return `模型名称写法不对：${quote(finding.text)} 应写作 ${quote(finding.expected)}`;
    case 'ambiguous':
      return `模型名称写法不对：${quote(finding.text)} 应写作 ${finding.candidates.map(quote).join(' 或 ')} 之一`;
    case 'unknown':
      return undefined;
  }
}

const modelNames = lintRule<Root, ModelNamesOptions | null | undefined>(
  {origin: `${RULE_ORIGIN}:model-names`, url: ruleDocsUrl('model-names')},
  (tree, file: VFile, options) => {
    const index = modelIndexFor(options?.registry);
    for (const {finding, place, actual, ancestors} of findModelNames(tree, file, index)) {
      const reason = reasonOf(finding);
      if (reason === undefined) continue;
      const message = file.message(reason, {place, ancestors});
      if (finding.kind === 'spelling' && actual !== undefined) {
        message.actual = actual;
        message.expected = [finding.expected];
      }
    }
  },
);

export default modelNames;
