/**
 * 书中提到的每个模型都应该登记在模型注册表 `data/models.yaml` 里。
 *
 * ## 为什么
 *
 * 网站会把正文里的每个模型名称链接到它在模型时间线上的位置，并统计哪些章节提到了它。
 * 注册表里没有的模型在时间线上没有条目，它的名称既不会被链接，也不会被统计。
 * 这样的名称常常只是新模型（注册表还没跟上），有时则是笔误（`text-davinci-004` 从未发布过）。
 * 两种情况都需要人来判断，所以这条规则只给出警告，不提供修复：把模型登记到 `data/models.yaml`（见[添加一个模型](../add-model.md)），
 * 或者改正名称。
 *
 * ## 检查什么
 *
 * 在正文文本和整个内容恰好是一个名称的行内代码里，报告看起来属于某个已知系列、
 * 但版本不在注册表里的名称：第一个数字之前的字母与注册表里的某个名称相同（`text-davinci-004`、
 * `GPT-5`），或者是系列名后跟一个空格和版本号（`Claude 4`）。消息列出同一系列里最接近的名称：先按最接近的代际，
 * 再按编辑距离，所以 `Llama-1` 指向 `LLaMA`（一个系列的第一个模型常常不带编号），而不是 `Llama 2`。
 * 注册表里的系列（`type: family`，例如 `Llama`、`GPT`）即使名称拼写不同，也会把成员归在一起。
 * 规模不是版本：`Llama 7B` 不会被报告。系列名（`Llama 系列`、`GPT`）是已知名称，不是某个模型的拼写错误。
 *
 * 已知名称的写法错误（大小写、分隔符）归 [model-names](./model-names.md) 规则处理，
 * 它会修复这类错误；两条规则共用对一章的同一次扫描，从不报告同一个名称。
 * 这条规则默认是警告（`warn`），所以新模型不会在注册表跟上之前让 CI 失败；
 * 在 `.lintrc.yaml` 里设为 `error`，就要求每个模型都先登记。
 *
 * 名称的查找与自动链接使用同一个匹配器和同样的边界（`core/registry/matcher.ts`）。
 * 代码块、内容不只是一个名称的行内代码、网址、链接地址、HTML、数学公式和 front matter 都不检查。
 *
 * 注册表是本书自己的。本仓库之外的文件（用这些规则检查的另一本书）不会被要求去改 `data/models.yaml`：
 * 默认在那里什么也不报（`outsideDocs: "off"`）；设为 `outsideDocs: "report"` 时，
 * 只报告这个名称无法识别，并说明注册表不需要改动。
 *
 * ## 修复与建议
 *
 * 没有修复。消息里列出的相近名称只是建议，`--fix` 不会采用，拉取请求上也不会变成修改建议：
 * 要么登记新模型，要么由作者选出正确的名称。
 *
 * ## 何时关闭
 *
 * 一段文字谈到本书不涉及的模型时，在段落前写 `<!-- lint ignore unknown-models -->`。
 *
 * ## 选项
 *
 * `{registry?: string, outsideDocs?: "off" | "report"}`：`registry` 是注册表文件的路径，
 * 相对于仓库根目录（默认 `data/models.yaml`），应与 model-names 使用同一个；
 * 注册表无效时，以注册表自己的 `文件:行:列` 错误失败。`outsideDocs` 见上文。
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   ChatGPT 基于 GPT-3.5，早期的补全模型是 `text-davinci-003`，之后有 GPT-4 和 Claude 2。
 *
 *   Llama 2 有 7B、13B 和 70B 三种规模，Llama 7B 是最小的一种。
 *
 *   Llama 系列从 Llama-1 到 Llama 4 都公开了权重，GPT 系列则只有 gpt-oss 公开。
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   text-davinci-004 并不存在，GPT-7 也还没有收录。
 *
 *   据说 Claude 9 和 `gpt-8` 也在路上，Llama 0 则从未有过。
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:1-1:17: 未知模型：`text-davinci-004` 不在 `data/models.yaml` 中，请先在注册表中添加；相近的名称：`text-davinci-003`、`text-davinci-002`
 *   1:23-1:28: 未知模型：`GPT-7` 不在 `data/models.yaml` 中，请先在注册表中添加；相近的名称：`GPT-5.1`、`GPT-5`
 *   3:4-3:12: 未知模型：`Claude 9` 不在 `data/models.yaml` 中，请先在注册表中添加；相近的名称：`Claude Opus 4.5`、`Claude Haiku 4.5`
 *   3:16-3:21: 未知模型：`gpt-8` 不在 `data/models.yaml` 中，请先在注册表中添加；相近的名称：`GPT-5.1`、`GPT-5`
 *   3:28-3:35: 未知模型：`Llama 0` 不在 `data/models.yaml` 中，请先在注册表中添加；相近的名称：`Llama 1`、`Llama-1`
 *
 * @example
 *   {"name": "/tmp/other-book/ch01.md"}
 *
 *   text-davinci-004 并不存在，GPT-5 也还没有收录。
 *
 * @example
 *   {"name": "/tmp/other-book/ch02.md", "label": "input", "config": {"outsideDocs": "report"}}
 *
 *   text-davinci-004 并不存在。
 *
 * @example
 *   {"name": "/tmp/other-book/ch02.md", "label": "output", "config": {"outsideDocs": "report"}}
 *
 *   1:1-1:17: 未知模型：`text-davinci-004` 不是已收录的模型名，名称无误时可忽略（本书不需要修改 `data/models.yaml`）；相近的名称：`text-davinci-003`、`text-davinci-002`
 *
 * @example
 *   {"name": "code.md"}
 *
 *   ```python
 *   client.completions.create(model="text-davinci-004")
 *   ```
 *
 *   访问 <https://example.com/gpt-5> 或 [说明](https://example.com/claude-4)，`GPT-5 的发布日期` 不是名称。
 */
import type {Root} from 'mdast';
import type {VFile} from 'vfile';
import {modelIndexFor, type ModelRegistryOptions} from './lib/model-names-index';
import {isOurBook} from './lib/own-book';
import {findModelNames} from './lib/model-names-scan';
import {bookRule} from './lib/rule';

export interface UnknownModelsOptions extends ModelRegistryOptions {
  /** Files outside this repository: `off` (default) says nothing, `report` reports without asking to edit our registry. */
  outsideDocs?: 'off' | 'report';
}

function outsideDocsOf(options: UnknownModelsOptions | null | undefined): 'off' | 'report' {
  const value = options?.outsideDocs ?? 'off';
  if (value !== 'off' && value !== 'report') {
    throw new Error(`unknown-models 的选项 \`outsideDocs\` 应为 \`off\` 或 \`report\`，收到 \`${String(value)}\``);
  }
  return value;
}

const quote = (s: string): string => `\`${s}\``;

const unknownModels = bookRule<UnknownModelsOptions | null | undefined>(
  'unknown-models',
  (tree, file: VFile, options) => {
    const ours = isOurBook(file);
    if (!ours && outsideDocsOf(options) === 'off') return;
    const index = modelIndexFor(options?.registry);
    for (const {finding, place, ancestors} of findModelNames(tree, file, index)) {
      if (finding.kind !== 'unknown') continue;
      const nearest = finding.nearest.length > 0 ? `；相近的名称：${finding.nearest.map(quote).join('、')}` : '';
      const what = ours
        ? `不在 ${quote(index.shownFile)} 中，请先在注册表中添加`
        : `不是已收录的模型名，名称无误时可忽略（本书不需要修改 ${quote(index.shownFile)}）`;
      file.message(`未知模型：${quote(finding.text)} ${what}${nearest}`, {place, ancestors});
    }
  },
);

export default unknownModels;
