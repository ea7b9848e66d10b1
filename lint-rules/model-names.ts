/**
 * 检查模型名称的写法是否与模型注册表 `data/models.yaml` 完全一致。
 *
 * ## 为什么
 *
 * 网站会把正文里的每个模型名称链接到它在模型时间线上的位置，并统计哪些章节提到了它。
 * 写成 `chatgpt` 或 `GPT3` 的名称既不会被链接，也不会被统计。
 *
 * ## 检查什么
 *
 * 在正文文本和整个内容恰好是一个名称的行内代码里，报告：
 *
 * - 大小写不对的已知名称（`chatgpt`、`Gpt-4`、`CHATGPT`）；
 * - 分隔符写错或漏写的已知名称（`GPT3`、`GPT 4`、`text-davinci003`、`text_davinci_003`、
 *   `PaLM2`）。去掉分隔符后恰好只对应注册表里的一个名称时可以修复，否则消息列出所有候选。
 *   数字从不合并：Azure 的写法 `gpt-35-turbo` 不会被当作 `gpt-3.5-turbo`。
 *
 * 系列名称（`Llama`、`GPT`、`Llama 系列`，即注册表里 `type: family` 的条目）是已知名称，
 * 永远不会被改写成某一个模型的写法；既可能指系列也可能指模型的错误大小写（`llama`：`LLaMA` 还是 `Llama`）
 * 会列出两个候选，不提供修复。
 *
 * 注册表里根本没有的、看起来像模型的名称不算拼写错误，由 [unknown-models](./unknown-models.md) 规则报告（默认是警告）。
 * 两条规则共用对一章的同一次扫描。
 *
 * 名称的查找与自动链接使用同一个匹配器和同样的边界（`core/registry/matcher.ts`），
 * 所以 `基于GPT3的` 会被检查，而 `GPT4Tools`、`gpt-3.5-turbo-0613` 不会被当作模型名称。
 * 注册表里的 id 是 API 里的写法，作为行内代码的全部内容时是正确的（`` `gpt-4` ``）。
 * 代码块、内容不只是一个名称的行内代码、网址、链接地址、HTML、数学公式和 front matter 都不检查。
 *
 * ## 修复与建议
 *
 * 大小写错误，以及只对应一个注册表名称的分隔符错误，都是修复：`npm run lint -- --fix` 会直接改成注册表里的写法，
 * 拉取请求上也会给出可以一键采纳的修改建议。对应多个候选的写法不会被自动修改，
 * 消息列出候选，由作者选择。
 *
 * ## 何时关闭
 *
 * 逐字引用别的文本时，在段落前写 `<!-- lint ignore model-names -->`。
 *
 * ## 选项
 *
 * `{registry?: string}`：注册表文件的路径，相对于仓库根目录（默认 `data/models.yaml`）。
 * 每个进程只加载一次注册表，文件改动后才重新加载；注册表无效时，以注册表自己的 `文件:行:列` 错误失败。
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
import type {VFile} from 'vfile';
import {modelIndexFor, type ModelRegistryOptions} from './lib/model-names-index';
import {findModelNames, type Finding} from './lib/model-names-scan';
import {bookRule} from './lib/rule';

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

const modelNames = bookRule<ModelNamesOptions | null | undefined>(
  'model-names',
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
