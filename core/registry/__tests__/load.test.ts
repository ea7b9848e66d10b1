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
      'fields.yaml:7:5: 未知字段 `summery`；可用字段：`id`、`name`、`aliases`、`type`、`org`、`released`、`kind`、`params`、`parents`、`summary`、`sources`',
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
      'values.yaml:9:14: `via` 的值 `魔法` 无效；可选值：`预训练`、`继续预训练`、`代码训练`、`监督指令微调`、`RLHF`、`对话微调`、`多模态训练`、`规模扩展`、`迭代升级`、`论文成果`',
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
});
