/**
 * The one registry loader: the build, the lint rules and the tests read
 * `data/models.yaml` through it. Every problem is collected, with its line and
 * column, before anything is returned, so a contributor sees all of them at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import {isMap, isSeq, type Node, type YAMLMap} from 'yaml';
import {MODELS_FILE, ROOT_DIR} from '../constants';
import {
  displayPath,
  FileProblemsError,
  listValues as list,
  Problems,
  readYamlList,
  scalarText,
  type FileProblem,
} from '../yaml-list';
import {certainlyBefore, parseReleaseDate} from './dates';
import {
  LINEAGE_STAGES,
  MODEL_KINDS,
  type LineageStage,
  type ModelEntry,
  type ModelKind,
  type Parent,
  type Registry,
  type SourcePosition,
} from './types';

export type RegistryProblem = FileProblem;
export {displayPath};

/** Thrown when the registry cannot be used; `problems` lists every one found. */
export class RegistryError extends FileProblemsError {
  constructor(problems: RegistryProblem[], options?: {cause?: unknown}) {
    super('模型注册表', problems, options);
    this.name = 'RegistryError';
  }
}

const FIELDS = ['id', 'name', 'aliases', 'type', 'org', 'released', 'kind', 'params', 'parents', 'summary', 'sources'] as const;
const REQUIRED = ['id', 'name', 'org', 'released', 'kind', 'summary', 'sources'] as const;
const PARENT_FIELDS = ['id', 'via'] as const;
const ID_PATTERN = /^[a-z0-9][a-z0-9.-]*$/;

function stringField(map: YAMLMap, key: string, problems: Problems, example: string): string | undefined {
  const node = map.get(key, true);
  if (node === undefined) return undefined;
  const text = scalarText(node);
  if (text === undefined || text.trim() === '') {
    problems.add(node as Node, `字段 \`${key}\` 应为非空文本，例如 \`${key}: ${example}\``);
    return undefined;
  }
  return text;
}

function stringList(map: YAMLMap, key: string, problems: Problems, example: string): Array<{value: string; node: Node}> {
  const node = map.get(key, true);
  if (node === undefined) return [];
  if (!isSeq(node)) {
    problems.add(node as Node, `字段 \`${key}\` 应为列表，例如 \`${key}: [${example}]\``);
    return [];
  }
  const result: Array<{value: string; node: Node}> = [];
  for (const item of node.items) {
    const text = scalarText(item);
    if (text === undefined || text.trim() === '') {
      problems.add(item as Node, `\`${key}\` 的每一项应为非空文本，例如 \`${example}\``);
    } else {
      result.push({value: text, node: item as Node});
    }
  }
  return result;
}

function checkSource(url: string, node: Node, problems: Problems): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined; // reported below as not a URL
  }
  if (!parsed) {
    problems.add(node, `来源 \`${url}\` 不是有效的网址；应写作 \`https://\` 开头的完整网址`);
  } else if (parsed.protocol !== 'https:') {
    problems.add(node, `来源 \`${url}\` 使用了 \`${parsed.protocol}\`；来源只接受 \`https://\` 网址，例如 \`https://arxiv.org/abs/2203.02155\``);
  }
}

interface Draft {
  entry: ModelEntry;
  map: YAMLMap;
  parentNodes: Node[];
}

function readParents(map: YAMLMap, problems: Problems): {parents: Parent[]; nodes: Node[]} {
  const node = map.get('parents', true);
  const parents: Parent[] = [];
  const nodes: Node[] = [];
  if (node === undefined) return {parents, nodes};
  if (!isSeq(node)) {
    problems.add(node as Node, '字段 `parents` 应为列表，例如 `parents: [{id: davinci, via: 代码训练}]`');
    return {parents, nodes};
  }
  for (const item of node.items) {
    if (!isMap(item)) {
      problems.add(item as Node, '`parents` 的每一项应写作 `{id: <父模型 id>, via: <训练阶段>}`');
      continue;
    }
    for (const pair of item.items) {
      const key = scalarText(pair.key);
      if (!key || !(PARENT_FIELDS as readonly string[]).includes(key)) {
        problems.add(pair.key as Node, `\`parents\` 中的未知字段 \`${String(key)}\`；可用字段：${list(PARENT_FIELDS)}`);
      }
    }
    const id = stringField(item, 'id', problems, 'davinci');
    const via = stringField(item, 'via', problems, '代码训练');
    if (id === undefined && !item.has('id')) problems.add(item, '`parents` 的每一项需要 `id`，例如 `id: davinci`');
    if (via === undefined && !item.has('via')) problems.add(item, `\`parents\` 的每一项需要 \`via\`，可选值：${list(LINEAGE_STAGES)}`);
    if (via !== undefined && !(LINEAGE_STAGES as readonly string[]).includes(via)) {
      problems.add(item.get('via', true) as Node, `\`via\` 的值 \`${via}\` 无效；可选值：${list(LINEAGE_STAGES)}`);
    }
    if (id !== undefined && via !== undefined) {
      parents.push({id, via: via as LineageStage});
      nodes.push(item.get('id', true) as Node);
    }
  }
  return {parents, nodes};
}

function readEntry(map: YAMLMap, problems: Problems): Draft | undefined {
  for (const pair of map.items) {
    const key = scalarText(pair.key);
    if (!key || !(FIELDS as readonly string[]).includes(key)) {
      problems.add(pair.key as Node, `未知字段 \`${String(key)}\`；可用字段：${list(FIELDS)}`);
    }
  }
  const missing = REQUIRED.filter((key) => !map.has(key));
  for (const key of missing) problems.add(map, `缺少必填字段 \`${key}\``);

  const id = stringField(map, 'id', problems, 'text-davinci-003');
  if (id !== undefined && !ID_PATTERN.test(id)) {
    problems.add(map.get('id', true) as Node, `\`id\` 的值 \`${id}\` 无效；应为小写字母、数字、\`.\` 和 \`-\` 组成的短名，例如 \`gpt-3.5\``);
  }
  const name = stringField(map, 'name', problems, 'text-davinci-003');
  const org = stringField(map, 'org', problems, 'OpenAI');
  const summary = stringField(map, 'summary', problems, '一到两句中文说明');
  const params = stringField(map, 'params', problems, '175B');
  const type = stringField(map, 'type', problems, 'model') ?? 'model';
  if (type !== 'model' && type !== 'event') {
    problems.add(map.get('type', true) as Node, `\`type\` 的值 \`${type}\` 无效；可选值：\`model\`、\`event\``);
  }
  const kind = stringField(map, 'kind', problems, 'base');
  if (kind !== undefined && !(MODEL_KINDS as readonly string[]).includes(kind)) {
    problems.add(map.get('kind', true) as Node, `\`kind\` 的值 \`${kind}\` 无效；可选值：${list(MODEL_KINDS)}`);
  }
  const releasedText = stringField(map, 'released', problems, '2022-11');
  const released = releasedText === undefined ? undefined : parseReleaseDate(releasedText);
  if (releasedText !== undefined && !released) {
    problems.add(map.get('released', true) as Node, `\`released\` 的值 \`${releasedText}\` 不是有效日期；应写作 \`YYYY\`、\`YYYY-MM\` 或 \`YYYY-MM-DD\`，例如 \`2022-11\` 或 \`2022-11-30\``);
  }
  const aliases = stringList(map, 'aliases', problems, 'GPT-3');
  const sources = stringList(map, 'sources', problems, 'https://arxiv.org/abs/2005.14165');
  if (map.has('sources') && sources.length === 0 && isSeq(map.get('sources', true))) {
    problems.add(map.get('sources', true) as Node, '`sources` 至少需要一个 `https://` 网址');
  }
  for (const source of sources) checkSource(source.value, source.node, problems);
  const {parents, nodes} = readParents(map, problems);

  if (!id || !name || !org || !summary || !released || !kind) return undefined;
  return {
    entry: {
      id,
      type: type === 'event' ? 'event' : 'model',
      name,
      aliases: aliases.map((a) => a.value),
      org,
      released,
      kind: kind as ModelKind,
      ...(params === undefined ? {} : {params}),
      parents,
      summary,
      sources: sources.map((s) => s.value),
      position: problems.position(map),
    },
    map,
    parentNodes: nodes,
  };
}

function checkUniqueness(drafts: Draft[], problems: Problems): void {
  const ids = new Map<string, Draft>();
  const names = new Map<string, Draft>();
  for (const draft of drafts) {
    const {entry, map} = draft;
    const first = ids.get(entry.id);
    if (first) {
      problems.add(map.get('id', true) as Node, `\`id\` \`${entry.id}\` 重复：第 ${first.entry.position.line} 行已经用过；每个模型的 \`id\` 必须唯一`);
    } else {
      ids.set(entry.id, draft);
    }
    const claims: Array<{value: string; node: Node}> = [{value: entry.name, node: map.get('name', true) as Node}];
    const aliasNodes = map.get('aliases', true);
    if (isSeq(aliasNodes)) {
      aliasNodes.items.forEach((node, i) => {
        const value = entry.aliases[i];
        if (value !== undefined) claims.push({value, node: node as Node});
      });
    }
    for (const claim of claims) {
      const owner = names.get(claim.value);
      if (owner && owner !== draft) {
        problems.add(claim.node, `名称 \`${claim.value}\` 已属于 \`${owner.entry.id}\`（第 ${owner.entry.position.line} 行）；一个名称或别名只能指向一个模型`);
      } else {
        names.set(claim.value, draft);
      }
    }
  }
}

function checkLineage(drafts: Draft[], problems: Problems): void {
  const byId = new Map(drafts.map((d) => [d.entry.id, d]));
  for (const draft of drafts) {
    draft.entry.parents.forEach((parent, i) => {
      const node = draft.parentNodes[i];
      const target = byId.get(parent.id);
      if (!target) {
        problems.add(node, `父模型 \`${parent.id}\` 不在注册表中；应为本文件中某个条目的 \`id\``);
      } else if (parent.id === draft.entry.id) {
        problems.add(node, `\`${parent.id}\` 不能是自己的父模型`);
      } else if (certainlyBefore(draft.entry.released, target.entry.released)) {
        problems.add(
          draft.map.get('released', true) as Node,
          `\`${draft.entry.id}\` 的发布时间 \`${draft.entry.released.text}\` 早于父模型 \`${parent.id}\` 的 \`${target.entry.released.text}\`；子模型不能早于父模型发布`,
        );
      }
    });
  }
  checkCycles(drafts, byId, problems);
}

/** Depth-first search; each cycle is reported once, at the edge that closes it. */
function checkCycles(drafts: Draft[], byId: Map<string, Draft>, problems: Problems): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (draft: Draft): void => {
    state.set(draft.entry.id, 'visiting');
    stack.push(draft.entry.id);
    draft.entry.parents.forEach((parent, i) => {
      const target = byId.get(parent.id);
      if (!target || parent.id === draft.entry.id) return;
      const seen = state.get(parent.id);
      if (seen === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(parent.id)), parent.id];
        problems.add(draft.parentNodes[i], `谱系出现循环：${cycle.map((id) => `\`${id}\``).join(' → ')}；父子关系必须从早到晚、不能绕回自身`);
      } else if (seen === undefined) {
        visit(target);
      }
    });
    stack.pop();
    state.set(draft.entry.id, 'done');
  };
  for (const draft of drafts) if (!state.has(draft.entry.id)) visit(draft);
}

/** Parse and validate registry text. Throws {@link RegistryError} listing every problem. */
export function parseRegistry(source: string, file: string): Registry {
  const {problems, items, fatal} = readYamlList(source, file, {label: '注册表', key: 'models', itemExample: '- id: davinci'});
  if (fatal) throw new RegistryError(problems.items);
  const drafts: Draft[] = [];
  for (const item of items) {
    const draft = readEntry(item, problems);
    if (draft) drafts.push(draft);
  }
  checkUniqueness(drafts, problems);
  checkLineage(drafts, problems);
  if (problems.items.length > 0) throw new RegistryError(problems.sorted());
  const entries = drafts.map((d) => d.entry);
  return {file, entries, byId: new Map(entries.map((e) => [e.id, e]))};
}

export const DEFAULT_MODELS_PATH = path.join(ROOT_DIR, MODELS_FILE);

/** Read and validate the registry file (default `data/models.yaml`). */
export function loadRegistry(file: string = DEFAULT_MODELS_PATH): Registry {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new RegistryError(
      [{file: displayPath(file), line: 1, column: 1, message: `无法读取模型注册表：${(error as Error).message}`}],
      {cause: error},
    );
  }
  return parseRegistry(source, file);
}
