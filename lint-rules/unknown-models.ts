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
 * registry does not have. The message lists the nearest names of that family (by
 * edit distance, then by the nearest version number). A size is not a version:
 * `Llama 7B` is not reported.
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
 * Whose registry: the registry is this book's. A file outside this repository (another
 * book linted with these rules) is not told to edit `data/models.yaml`: by default
 * the rule says nothing there (`outsideDocs: "off"`); with `outsideDocs: "report"`
 * it reports the name as not recognised and says the registry needs no change.
 *
 * Options: `{registry?: string, outsideDocs?: "off" | "report"}` — `registry` is the
 * path of the registry file, relative to the repository root (default
 * `data/models.yaml`); use the same one as model-names. An invalid registry fails
 * with the registry's own `file:line:column` errors.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   ChatGPT 基于 GPT-3.5，早期的补全模型是 `text-davinci-003`，之后有 GPT-4 和 Claude 2。
 *
 *   Llama 2 有 7B、13B 和 70B 三种规模，Llama 7B 是最小的一种。
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   text-davinci-004 并不存在，GPT-5 也还没有收录。
 *
 *   据说 Claude 4 和 `gpt-6` 也在路上。
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:1-1:17: 未知模型：`text-davinci-004` 不在 `data/models.yaml` 中，请先在注册表中添加；相近的名称：`text-davinci-003`、`text-davinci-002`
 *   1:23-1:28: 未知模型：`GPT-5` 不在 `data/models.yaml` 中，请先在注册表中添加；相近的名称：`GPT-4`、`GPT-3`
 *   3:4-3:12: 未知模型：`Claude 4` 不在 `data/models.yaml` 中，请先在注册表中添加；相近的名称：`Claude 3`、`Claude 2`
 *   3:16-3:21: 未知模型：`gpt-6` 不在 `data/models.yaml` 中，请先在注册表中添加；相近的名称：`GPT-4`、`GPT-3`
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
import {lintRule} from 'unified-lint-rule';
import type {VFile} from 'vfile';
import {RULE_ORIGIN, ruleDocsUrl} from '../core/constants';
import {modelIndexFor, type ModelRegistryOptions} from './lib/model-names-index';
import {isOurBook} from './lib/own-book';
import {findModelNames} from './lib/model-names-scan';

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

const unknownModels = lintRule<Root, UnknownModelsOptions | null | undefined>(
  {origin: `${RULE_ORIGIN}:unknown-models`, url: ruleDocsUrl('unknown-models')},
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
