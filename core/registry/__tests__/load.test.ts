import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadRegistry, RegistryError, type RegistryProblem} from '../load';

const fixture = (name: string) => path.join(__dirname, '__fixtures__', name);

function problemsOf(name: string): string[] {
  try {
    loadRegistry(fixture(name));
  } catch (error) {
    expect(error).toBeInstanceOf(RegistryError);
    return (error as RegistryError).problems.map(
      (p: RegistryProblem) => `${path.basename(p.file)}:${p.line}:${p.column}: ${p.message}`,
    );
  }
  throw new Error(`${name} loaded without errors`);
}

describe('loadRegistry', () => {
  it('reads a valid registry with dates kept as written', () => {
    const registry = loadRegistry(fixture('valid.yaml'));
    expect(registry.entries.map((e) => e.id)).toEqual(['davinci', 'code-davinci-002', 'instructgpt']);
    const davinci = registry.byId.get('davinci')!;
    expect(davinci.released).toEqual({text: '2020-07', precision: 'month', earliest: '2020-07-01', latest: '2020-07-31'});
    expect(davinci.aliases).toEqual(['GPT-3']);
    expect(davinci.position).toEqual({line: 2, column: 5});
    expect(registry.byId.get('instructgpt')!.released.text).toBe('2022');
    expect(registry.byId.get('instructgpt')!.type).toBe('event');
    expect(registry.byId.get('code-davinci-002')!.parents).toEqual([{id: 'davinci', via: '代码训练'}]);
  });

  it('reports YAML syntax errors with their position', () => {
    const problems = problemsOf('syntax.yaml');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^syntax\.yaml:4:3: YAML 语法错误：Flow sequence/);
  });

  it('reports unknown and missing fields and bad enum values, all at once', () => {
    expect(problemsOf('fields.yaml')).toEqual([
      'fields.yaml:2:5: 缺少必填字段 `summary`',
      'fields.yaml:7:5: 未知字段 `summery`；可用字段：`id`、`name`、`aliases`、`type`、`family`、`org`、`released`、`announced`、`paper`、`estimated`、`kind`、`params`、`parents`、`supersedes`、`status`、`deprecated`、`shutdown`、`replacement`、`status_sources`、`summary`、`sources`',
      'fields.yaml:9:9: `id` 的值 `Bad_Id` 无效；应为小写字母、数字、`.` 和 `-` 组成的短名，例如 `gpt-3.5`',
      'fields.yaml:13:11: `kind` 的值 `gigantic` 无效；可选值：`base`、`code`、`instruction-tuned`、`rlhf`、`chat`、`reasoning`、`multimodal`、`encoder`、`encoder-decoder`、`embedding`、`paper`、`event`',
    ]);
  });

  it('reports a duplicate id and a name claimed by two models', () => {
    expect(problemsOf('duplicates.yaml')).toEqual([
      'duplicates.yaml:10:9: `id` `davinci` 重复：第 2 行已经用过；每个模型的 `id` 必须唯一',
      'duplicates.yaml:18:11: 名称 `GPT-3` 已属于 `davinci`（第 2 行）；一个名称或别名只能指向一个模型',
    ]);
  });

  it('reports an unknown parent, a cycle and a child released before its parent', () => {
    expect(problemsOf('lineage.yaml')).toEqual([
      'lineage.yaml:5:15: `a` 的发布时间 `2022-01` 早于父模型 `c` 的 `2022-03`；子模型不能早于父模型发布',
      'lineage.yaml:18:13: 谱系出现循环：`a` → `c` → `b` → `a`；父子关系必须从早到晚、不能绕回自身',
      'lineage.yaml:20:13: 父模型 `ghost` 不在注册表中；应为本文件中某个条目的 `id`',
      'lineage.yaml:37:15: `early` 的发布时间 `2021-12-31` 早于父模型 `c` 的 `2022-03`；子模型不能早于父模型发布',
    ]);
  });

  it('reports an impossible date, an unknown stage and non-https sources', () => {
    expect(problemsOf('values.yaml')).toEqual([
      'values.yaml:5:15: `released` 的值 `2023-02-30` 不是有效日期；应写作 `YYYY`、`YYYY-MM` 或 `YYYY-MM-DD`，例如 `2022-11` 或 `2022-11-30`',
      'values.yaml:8:13: 父模型 `y` 不在注册表中；应为本文件中某个条目的 `id`',
      'values.yaml:9:14: `via` 的值 `魔法` 无效；可选值：`预训练`、`继续预训练`、`代码训练`、`监督指令微调`、`RLHF`、`强化学习`、`对话微调`、`多模态训练`、`规模扩展`、`迭代升级`、`论文成果`',
      'values.yaml:12:9: 来源 `http://example.com/x` 使用了 `http:`；来源只接受 `https://` 网址，例如 `https://arxiv.org/abs/2203.02155`',
      'values.yaml:13:9: 来源 `javascript:alert(1)` 使用了 `javascript:`；来源只接受 `https://` 网址，例如 `https://arxiv.org/abs/2203.02155`',
      'values.yaml:14:9: 来源 `not a url` 不是有效的网址；应写作 `https://` 开头的完整网址',
    ]);
  });

  it('names the file when it cannot be read, keeping the cause', () => {
    try {
      loadRegistry(fixture('missing.yaml'));
      expect.unreachable();
    } catch (error) {
      expect((error as RegistryError).message).toContain('missing.yaml:1:1: 无法读取模型注册表');
      expect((error as RegistryError).cause).toBeInstanceOf(Error);
    }
  });

  it('keeps an entry with one bad field for the uniqueness and lineage checks (no lost or invented problem)', () => {
    expect(problemsOf('partial.yaml')).toEqual([
      'partial.yaml:9:9: `id` `gpt-1` 重复：第 2 行已经用过；每个模型的 `id` 必须唯一',
      'partial.yaml:12:15: `released` 的值 `2019-02-31` 不是有效日期；应写作 `YYYY`、`YYYY-MM` 或 `YYYY-MM-DD`，例如 `2022-11` 或 `2022-11-30`',
      'partial.yaml:25:13: 父模型 `gpt-2` 不在注册表中；应为本文件中某个条目的 `id`',
    ]);
  });

  it('rejects names that are too short or ordinary words', () => {
    expect(problemsOf('names.yaml')).toEqual([
      'names.yaml:3:11: 名称 `a` 太短：至少 2 个字符，否则正文中同样的字母都会被当成模型名；请写完整名称，例如 `o1`、`GPT-4`',
      'names.yaml:4:15: 名称 `The` 是普通词语，正文中的同一个词都会被当成模型名；请写带型号的完整名称，例如 `Claude 3 Haiku`',
      'names.yaml:4:20: 名称 `模型` 是普通词语，正文中的同一个词都会被当成模型名；请写带型号的完整名称，例如 `Claude 3 Haiku`',
    ]);
  });

  it('checks lifecycle fields: status needs its dates and a source, dates in order, replacement exists', () => {
    expect(problemsOf('lifecycle.yaml')).toEqual([
      'lifecycle.yaml:19:13: 停用或下线需要出处：写 `status_sources`，例如 `status_sources: [https://platform.openai.com/docs/deprecations]`',
      'lifecycle.yaml:20:17: `deprecated` 的 `2023-08` 早于 `released` 的 `2023-09`；宣布停用不能早于发布',
      'lifecycle.yaml:30:15: `shutdown` 的 `2022-12-31` 早于 `released` 的 `2023-01`；下线不能早于发布',
      'lifecycle.yaml:31:18: 替代模型 `ghost` 不在注册表中；应为本文件中某个条目的 `id`',
      'lifecycle.yaml:40:15: 写了 `shutdown`，但 `status` 是 `active`（未写时的默认值）；停用或下线的模型应写 `status: deprecated` 或 `status: retired`',
      'lifecycle.yaml:41:18: 写了 `replacement`，但 `status` 是 `active`（未写时的默认值）；停用或下线的模型应写 `status: deprecated` 或 `status: retired`',
      'lifecycle.yaml:41:18: 替代模型 `quiet` 不能是条目自己',
      'lifecycle.yaml:50:13: 只有模型条目有 `status`；论文、事件和系列没有生命周期',
    ]);
  });

  it('reads families, members, supersedes, announced/paper dates and estimated flags', () => {
    const registry = loadRegistry(fixture('families.yaml'));
    const family = registry.byId.get('llama-family')!;
    expect(family.type).toBe('family');
    expect(family.kind).toBe('family');
    expect(family.members).toEqual(['llama', 'llama-2', 'llama-3']);
    expect(family.released).toEqual({text: '2023-02-24', precision: 'day', earliest: '2023-02-24', latest: '2023-02-24'});
    const llama2 = registry.byId.get('llama-2')!;
    expect(llama2.family).toBe('llama-family');
    expect(llama2.supersedes).toEqual(['llama']);
    expect(llama2.parents).toEqual([{id: 'llama', via: '迭代升级'}]);
    expect(llama2.released.estimated).toBe(true);
    expect(llama2.announced).toMatchObject({text: '2023-07-18', estimated: true});
    expect(llama2.paper).toMatchObject({text: '2023-07-19', estimated: true});
    expect(llama2.status).toBe('active');
    expect(llama2.lifecycle).toBeUndefined();
    expect(registry.byId.get('llama-3')!.released.estimated).toBe(true);
    expect(registry.byId.get('llama')!.released.estimated).toBeUndefined();
  });

  it('reports bad families, successors and estimated lists', () => {
    expect(problemsOf('families-bad.yaml')).toEqual([
      'families-bad.yaml:2:5: 系列 `gpt-family` 没有成员；在成员模型上写 `family: gpt-family`',
      'families-bad.yaml:6:5: 系列条目（`type: family`）不能写 `released`：系列的时间取自成员；请写在成员模型上，成员用 `family: <系列 id>` 归入系列',
      'families-bad.yaml:11:13: 系列 `solo-2` 是模型条目；这里只能指向系列条目',
      'families-bad.yaml:13:15: `released` 的 `2023-05` 早于 `announced` 的 `2023-06`；宣布不能晚于发布',
      'families-bad.yaml:13:15: `solo` 的发布时间 `2023-05` 早于被取代的模型 `solo-2` 的 `2023-08`；后继不能早于它取代的模型发布',
      'families-bad.yaml:15:17: `estimated` 列出了 `paper`，但条目没有 `paper` 日期',
      'families-bad.yaml:15:24: `estimated` 中的 `when` 不是日期字段；可选值：`released`、`announced`、`paper`、`deprecated`、`shutdown`',
      'families-bad.yaml:16:11: `kind` 的值 `family` 无效；可选值：`base`、`code`、`instruction-tuned`、`rlhf`、`chat`、`reasoning`、`multimodal`、`encoder`、`encoder-decoder`、`embedding`、`paper`、`event`',
      'families-bad.yaml:17:26: 被取代的模型 `gpt-family` 是系列条目；这里只能指向模型条目',
    ]);
  });
});
