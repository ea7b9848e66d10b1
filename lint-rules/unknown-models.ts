/**
 * Every model the book names should be in the model registry (`data/models.yaml`).
 *
 * Why: the site links every model name to its place on the timeline and counts
 * which chapters mention it. A model missing from the registry has no timeline
 * entry, so its mentions are neither linked nor counted. Often the name is simply
 * new (the registry has not caught up); sometimes it is a slip (`text-davinci-004`
 * was never released). Either way a person has to decide, so the rule warns and
 * offers no fix: add the model to `data/models.yaml` (see
 * [添加一个模型](../index.md#添加一个模型)), or correct the name.
 *
 * What it reports, in prose (`text`) and in inline code whose whole value is a
 * name: a name that looks like a member of a known family — the letters before
 * the first digit match a registry name's (`text-davinci-004`, `GPT-5`), or a
 * family name followed by a space and a version (`Claude 4`) — with a version the
 * registry does not have. The message lists the nearest names of that family: the
 * nearest generation first, then by edit distance, so `Llama-1` is pointed at
 * `LLaMA` (a family's first model often has no number) rather than `Llama 2`. The
 * registry's families (`type: family`, e.g. `Llama`, `GPT`) group their members
 * even when the names share no spelling. A size is not a version: `Llama 7B` is
 * not reported. A family name (`Llama 系列`, `GPT`) is a known name, never a
 * misspelling of one of its models.
 *
 * A known name spelt wrong (wrong case, wrong or missing separators) is the job of
 * [model-names](./model-names.md), which fixes it; the two rules share one scan of
 * the chapter and never report the same name. The severity is `warn` by default, so
 * a new model does not fail CI while the registry catches up; set it to `error`
 * in `.lintrc.yaml` to require every model to be registered.
 *
 * Names are found with the same matcher and boundaries as the auto-linker
 * (`core/registry/matcher.ts`). Never checked: code blocks, inline code that
 * holds more than a name, URLs, link destinations, HTML, math and front matter.
 *
 * Turn it off for a passage that talks about models the book does not cover
 * (`<!-- lint ignore unknown-models -->` before the paragraph).
 *
 * Options: `{registry?: string}` — path of the registry file, relative to the
 * repository root (default `data/models.yaml`); use the same one as model-names.
 * An invalid registry fails with the registry's own `file:line:column` errors.
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
 *   {"name": "code.md"}
 *
 *   ```python
 *   client.completions.create(model="text-davinci-004")
 *   ```
 *
 *   访问 <https://example.com/gpt-5> 或 [说明](https://example.com/claude-4)，`GPT-5 的发布日期` 不是名称。
 */
import type {Root} from 'mdast';
import {lintRule} from 'unified-lint-rule';
import type {VFile} from 'vfile';
import {RULE_ORIGIN, ruleDocsUrl} from '../core/constants';
import {modelIndexFor, type ModelRegistryOptions} from './lib/model-names-index';
import {findModelNames} from './lib/model-names-scan';

export type UnknownModelsOptions = ModelRegistryOptions;

const quote = (s: string): string => `\`${s}\``;

const unknownModels = lintRule<Root, UnknownModelsOptions | null | undefined>(
  {origin: `${RULE_ORIGIN}:unknown-models`, url: ruleDocsUrl('unknown-models')},
  (tree, file: VFile, options) => {
    const index = modelIndexFor(options?.registry);
    for (const {finding, place, ancestors} of findModelNames(tree, file, index)) {
      if (finding.kind !== 'unknown') continue;
      const nearest = finding.nearest.length > 0 ? `；相近的名称：${finding.nearest.map(quote).join('、')}` : '';
      file.message(`未知模型：${quote(finding.text)} 不在 ${quote(index.shownFile)} 中，请先在注册表中添加${nearest}`, {place, ancestors});
    }
  },
);

export default unknownModels;
