/**
 * 书中的代码不能调用已被厂商下线或停用的模型。
 *
 * ## 为什么
 *
 * 读者会复制示例代码直接运行。调用 `text-davinci-003` 的代码从 2024-01-04 起就会报错；
 * `gpt-4-0314` 这类已停用的快照会在某一天失效，而正文里看不出是哪一天。注册表（`data/models.yaml`）
 * 记录了每个模型的 `status`、`deprecated` 和 `shutdown` 日期以及厂商给出的 `replacement`，
 * 并以厂商的停用公告为来源；这条规则读的就是这些字段。
 *
 * ## 检查什么
 *
 * 已下线（`retired`）或已停用（`deprecated`）模型的 API 名称（注册表 id，或小写的名称、别名，
 * 例如 `text-davinci-003`）被用作一次调用的模型时报告：
 *
 * - 在代码块里：引号（`"` 或 `'`）中的字符串整个就是这个名称
 *   （`model="text-davinci-003"`、`"model": "gpt-4-0314"`、`engine='davinci'`），或者是 `--model`
 *   选项的值；标记为 `markdown`、`md`、`mdx` 或 `text` 的代码块展示的是文字，不检查；
 * - 在行内代码里：同样的写法，但只在模型键之后（`model=`、`model:`、`engine=`、`model_name=` 等），
 *   因为只有一个名称的行内代码（`` `text-davinci-003` ``）是正文讲述历史时提到模型的方式。
 *
 * 正文从不检查：讲一个已下线模型的历史不是错误。
 *
 * ## 修复与建议
 *
 * 没有修复。消息给出下线（或停用）日期和替代模型；换一个模型，回答就会不同，
 * 所以需要作者自己改代码并检查输出。
 *
 * ## 何时关闭
 *
 * 有意展示旧调用的代码块（迁移指南里的“改之前”），在代码块前写 `<!-- lint ignore retired-models -->`。
 *
 * ## 选项
 *
 * `{registry?: string}`：注册表文件的路径，相对于仓库根目录（默认 `data/models.yaml`），
 * 应与 model-names 使用同一个。注册表无效时，以注册表自己的 `文件:行:列` 错误失败。
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   2022 年 11 月发布的 `text-davinci-003` 在 2024 年初下线，今天请用 `gpt-3.5-turbo-instruct`。
 *
 *   ```python
 *   client.completions.create(model="gpt-3.5-turbo-instruct", prompt="你好")
 *   ```
 *
 *   text-davinci-003 和 davinci 都已经成为历史。
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   ```python
 *   response = openai.Completion.create(engine="text-davinci-003", prompt=prompt)
 *   chat = ChatOpenAI(model_name='gpt-4-0314')
 *   ```
 *
 *   调用时写 `model="code-davinci-002"` 即可。
 *
 *   ```bash
 *   llm --model davinci "你好"
 *   ```
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   2:45-2:61: 已下线的模型：`text-davinci-003` 已于 2024-01-04 停止服务，调用会报错；请改用 `gpt-3.5-turbo-instruct`
 *   3:31-3:41: 已下线的模型：`gpt-4-0314` 已于 2026-03-26 停止服务，调用会报错；请改用仍在服务的模型
 *   6:14-6:30: 已下线的模型：`code-davinci-002` 已于 2023-03-23 停止服务，调用会报错；请改用仍在服务的模型
 *   9:13-9:20: 已下线的模型：`davinci` 已于 2024-01-04 停止服务，调用会报错；请改用 `davinci-002`
 *
 * @example
 *   {"name": "ignored.md"}
 *
 *   <!-- lint ignore retired-models -->
 *
 *   ```python
 *   # 迁移前的写法
 *   openai.Completion.create(engine="text-davinci-003")
 *   ```
 */
import type {Code, InlineCode, Root} from 'mdast';
import {visitParents} from 'unist-util-visit-parents';
import type {VFile} from 'vfile';
import {location} from 'vfile-location';
import {modelIndexFor, type EndedModel, type ModelRegistryOptions} from './lib/model-names-index';
import {bookRule} from './lib/rule';

export type RetiredModelsOptions = ModelRegistryOptions;

/** A use of an ended model: offsets into the code's value, the quotes excluded. */
export interface ModelCall {
  start: number;
  end: number;
  name: string;
  model: EndedModel;
}

/** A quoted API name, or the value of `--model`: the name is group 2 or group 3. */
const CALL = /(["'])([a-z0-9][a-z0-9.-]*)\1|--model[= ]([a-z0-9][a-z0-9.-]*)(?![A-Za-z0-9._-])/g;
/** Code blocks that show Markdown or plain text: a name there is a mention, as in prose. */
const PROSE_LANGS = new Set(['markdown', 'md', 'mdx', 'text', 'txt', 'plain']);
/** A model key right before a value in inline code: `model=`, `"model": `, `engine = `. */
const MODEL_KEY = /\b(?:model|engine|model_name|modelName|model_id|modelId|deployment_id)["']?\s*[:=]\s*$/;

/**
 * The calls of ended models in `code`. With `keyed`, a quoted name counts only after a
 * model key (inline code); in a code block every quoted name counts.
 */
export function findModelCalls(code: string, ended: ReadonlyMap<string, EndedModel>, keyed: boolean): ModelCall[] {
  const calls: ModelCall[] = [];
  CALL.lastIndex = 0;
  for (let m = CALL.exec(code); m; m = CALL.exec(code)) {
    const name = m[2] ?? m[3];
    const model = ended.get(name);
    if (!model) continue;
    if (m[2] !== undefined && keyed && !MODEL_KEY.test(code.slice(0, m.index))) continue;
    const start = m[2] !== undefined ? m.index + 1 : m.index + m[0].length - name.length;
    calls.push({start, end: start + name.length, name, model});
  }
  return calls;
}

const quote = (s: string): string => `\`${s}\``;

export function reasonOf(call: ModelCall): string {
  const {lifecycle, replacement} = call.model;
  const instead = replacement === undefined ? '请改用仍在服务的模型' : `请改用 ${quote(replacement)}`;
  if (lifecycle.status === 'retired') {
    const when = lifecycle.shutdown ? `已于 ${lifecycle.shutdown.text} 停止服务` : '已停止服务';
    return `已下线的模型：${quote(call.name)} ${when}，调用会报错；${instead}`;
  }
  const announced = lifecycle.deprecated ? `已于 ${lifecycle.deprecated.text} 宣布停用` : '已宣布停用';
  const until = lifecycle.shutdown ? `将于 ${lifecycle.shutdown.text} 停止服务` : '随时可能停止服务';
  return `已停用的模型：${quote(call.name)} ${announced}，${until}；${instead}`;
}

/**
 * Where the call sits in the source: the code's value is the source minus fences and
 * container indentation, so the name is looked up after the previous one, within
 * the node's range.
 */
function sourceOffset(source: string, node: Code | InlineCode, call: ModelCall, cursor: {at: number}): number | undefined {
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  if (from === undefined || to === undefined) return undefined;
  const found = source.slice(0, to).indexOf(call.name, Math.max(from, cursor.at));
  if (found < 0) return undefined;
  cursor.at = found + call.name.length;
  return found;
}

const retiredModels = bookRule<RetiredModelsOptions | null | undefined>(
  'retired-models',
  (tree, file: VFile, options) => {
    const {ended} = modelIndexFor(options?.registry);
    if (ended.size === 0) return;
    const source = String(file);
    const place = location(file);
    visitParents(tree, (node, parents) => {
      if (node.type !== 'code' && node.type !== 'inlineCode') return;
      if (node.type === 'code' && node.lang && PROSE_LANGS.has(node.lang.toLowerCase())) return;
      const cursor = {at: 0};
      // A code block's value starts after its opening fence line; skip the info string.
      const start = node.position?.start.offset;
      if (node.type === 'code' && start !== undefined && /^[ \t]*(?:```|~~~)/.test(source.slice(start, start + 8))) {
        const fenceEnd = source.indexOf('\n', start);
        cursor.at = fenceEnd < 0 ? start : fenceEnd;
      }
      for (const call of findModelCalls(node.value, ended, node.type === 'inlineCode')) {
        const offset = sourceOffset(source, node, call, cursor);
        const start = offset === undefined ? undefined : place.toPoint(offset);
        const end = offset === undefined ? undefined : place.toPoint(offset + call.name.length);
        file.message(reasonOf(call), {place: start && end ? {start, end} : node.position, ancestors: [...parents, node]});
      }
    });
  },
);

export default retiredModels;
