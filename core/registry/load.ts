/**
 * The one registry loader: the build, the lint rules and the tests read
 * `data/models.yaml` through it. Every problem is collected, with its line and
 * column, before anything is returned, so a contributor sees all of them at once.
 */
import path from 'node:path';
import {isMap, isScalar, isSeq, type Node, type YAMLMap} from 'yaml';
import {MODELS_FILE, ROOT_DIR} from '../constants';
import {memoized} from '../data-memo';
import {
  displayPath,
  FileProblemsError,
  listValues as list,
  Problems,
  readDataFile,
  readYamlList,
  scalarText,
  type FileProblem,
} from '../yaml-list';
import {certainlyBefore, compareReleaseDates, parseReleaseDate} from './dates';
import {
  DATE_FIELDS,
  ENTRY_TYPES,
  LINEAGE_STAGES,
  MODEL_KINDS,
  MODEL_STATUSES,
  type DateField,
  type EntryType,
  type LineageStage,
  type Lifecycle,
  type ModelEntry,
  type ModelStatus,
  type Registry,
  type ReleaseDate,
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

const FIELDS = [
  'id',
  'name',
  'aliases',
  'type',
  'family',
  'org',
  'released',
  'announced',
  'paper',
  'estimated',
  'kind',
  'params',
  'parents',
  'supersedes',
  'status',
  'deprecated',
  'shutdown',
  'replacement',
  'status_sources',
  'summary',
  'sources',
] as const;
const REQUIRED = ['id', 'name', 'org', 'released', 'kind', 'summary', 'sources'] as const;
const FAMILY_REQUIRED = ['id', 'name', 'org', 'summary', 'sources'] as const;
/** A family's date and kind come from its members; these fields belong on the members. */
const NOT_FOR_FAMILY = ['family', 'released', 'announced', 'paper', 'estimated', 'kind', 'params', 'parents', 'supersedes', 'status', 'deprecated', 'shutdown', 'replacement', 'status_sources'] as const;
const LIFECYCLE_FIELDS = ['deprecated', 'shutdown', 'replacement', 'status_sources'] as const;
const PARENT_FIELDS = ['id', 'via'] as const;
const ID_PATTERN = /^[a-z0-9][a-z0-9.-]*$/;
const DATE_EXAMPLE = '应写作 `YYYY`、`YYYY-MM` 或 `YYYY-MM-DD`，例如 `2022-11` 或 `2022-11-30`';

/**
 * Names that would turn ordinary prose into model links ("a", "the", "model" …):
 * the matcher is case-sensitive, but an English word at the start of a sentence or a
 * common Chinese word would still be linked and linted everywhere in the book.
 */
const ORDINARY_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'can', 'do', 'for', 'from', 'has', 'have', 'he', 'i', 'if',
  'in', 'is', 'it', 'its', 'me', 'my', 'no', 'not', 'of', 'on', 'one', 'or', 'our', 'so', 'that', 'the', 'this', 'to',
  'up', 'us', 'was', 'we', 'will', 'with', 'you', 'all', 'new', 'use', 'how', 'what', 'when', 'which', 'who', 'why',
  'ai', 'api', 'app', 'base', 'bot', 'chat', 'code', 'data', 'llm', 'model', 'models', 'pro', 'max', 'mini', 'turbo',
  'plus', 'ultra', 'lite', 'flash', 'large', 'small', 'medium', 'instruct', 'assistant', 'agent', 'open', 'next',
  '模型', '大模型', '语言模型', '系列', '版本', '助手', '智能体', '对话', '聊天',
]);
/** Shorter names (in characters) match inside too much ordinary text. */
const MIN_NAME_LENGTH = 2;

function nameProblem(value: string): string | undefined {
  if ([...value].length < MIN_NAME_LENGTH) {
    return `名称 \`${value}\` 太短：至少 ${MIN_NAME_LENGTH} 个字符，否则正文中同样的字母都会被当成模型名；请写完整名称，例如 \`o1\`、\`GPT-4\``;
  }
  if (ORDINARY_WORDS.has(value.toLowerCase())) {
    return `名称 \`${value}\` 是普通词语，正文中的同一个词都会被当成模型名；请写带型号的完整名称，例如 \`Claude 3 Haiku\``;
  }
  return undefined;
}

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

function enumField<T extends string>(map: YAMLMap, key: string, values: readonly T[], problems: Problems): T | undefined {
  const text = stringField(map, key, problems, values[0]);
  if (text === undefined) return undefined;
  if (!(values as readonly string[]).includes(text)) {
    problems.add(map.get(key, true) as Node, `\`${key}\` 的值 \`${text}\` 无效；可选值：${list(values)}`);
    return undefined;
  }
  return text as T;
}

function dateField(map: YAMLMap, key: DateField, problems: Problems): ReleaseDate | undefined {
  const text = stringField(map, key, problems, '2022-11');
  if (text === undefined) return undefined;
  const date = parseReleaseDate(text);
  if (!date) problems.add(map.get(key, true) as Node, `\`${key}\` 的值 \`${text}\` 不是有效日期；${DATE_EXAMPLE}`);
  return date;
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

function sourceList(map: YAMLMap, key: string, problems: Problems): string[] {
  const sources = stringList(map, key, problems, 'https://arxiv.org/abs/2005.14165');
  if (map.has(key) && sources.length === 0 && isSeq(map.get(key, true))) {
    problems.add(map.get(key, true) as Node, `\`${key}\` 至少需要一个 \`https://\` 网址`);
  }
  for (const source of sources) checkSource(source.value, source.node, problems);
  return sources.map((s) => s.value);
}

/** A reference to another entry by id, with the node that names it (for messages). */
interface Ref {
  id: string;
  node: Node;
}

/**
 * One entry as read, kept even when some fields are wrong: the uniqueness and
 * relation checks still see its id, names and references, so one bad field never
 * hides (or invents) a problem elsewhere.
 */
interface Draft {
  map: YAMLMap;
  type: EntryType;
  id?: string;
  name?: string;
  aliases: Array<{value: string; node: Node}>;
  released?: ReleaseDate;
  parents: Array<Ref & {via?: LineageStage}>;
  supersedes: Ref[];
  family?: Ref;
  replacement?: Ref;
  position: SourcePosition;
  /** Everything else, when every required field is valid. */
  complete?: Omit<ModelEntry, 'members'>;
}

function readParents(map: YAMLMap, problems: Problems): Draft['parents'] {
  const node = map.get('parents', true);
  const parents: Draft['parents'] = [];
  if (node === undefined) return parents;
  if (!isSeq(node)) {
    problems.add(node as Node, '字段 `parents` 应为列表，例如 `parents: [{id: davinci, via: 代码训练}]`');
    return parents;
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
    if (id === undefined && !item.has('id')) problems.add(item, '`parents` 的每一项需要 `id`，例如 `id: davinci`');
    if (!item.has('via')) problems.add(item, `\`parents\` 的每一项需要 \`via\`，可选值：${list(LINEAGE_STAGES)}`);
    const via = enumField(item, 'via', LINEAGE_STAGES, problems);
    if (id !== undefined) parents.push({id, node: item.get('id', true) as Node, ...(via === undefined ? {} : {via})});
  }
  return parents;
}

function refField(map: YAMLMap, key: string, problems: Problems, example: string): Ref | undefined {
  const id = stringField(map, key, problems, example);
  return id === undefined ? undefined : {id, node: map.get(key, true) as Node};
}

/** `estimated: true` marks every date of the entry; `estimated: [released]` only those named. */
function readEstimated(map: YAMLMap, problems: Problems): Set<DateField> {
  const node = map.get('estimated', true);
  if (node === undefined) return new Set();
  if (isScalar(node) && typeof node.value === 'boolean') return node.value ? new Set(DATE_FIELDS.filter((f) => map.has(f))) : new Set();
  const fields = new Set<DateField>();
  const items = isSeq(node) ? node.items : undefined;
  if (!items) {
    problems.add(node as Node, `字段 \`estimated\` 应为 \`true\` 或日期字段的列表，例如 \`estimated: true\` 或 \`estimated: [released]\``);
    return fields;
  }
  for (const item of items) {
    const text = scalarText(item);
    if (text === undefined || !(DATE_FIELDS as readonly string[]).includes(text)) {
      problems.add(item as Node, `\`estimated\` 中的 \`${String(text)}\` 不是日期字段；可选值：${list(DATE_FIELDS)}`);
    } else if (!map.has(text)) {
      problems.add(item as Node, `\`estimated\` 列出了 \`${text}\`，但条目没有 \`${text}\` 日期`);
    } else {
      fields.add(text as DateField);
    }
  }
  return fields;
}

function checkKeys(map: YAMLMap, type: EntryType, problems: Problems): void {
  for (const pair of map.items) {
    const key = scalarText(pair.key);
    if (!key || !(FIELDS as readonly string[]).includes(key)) {
      problems.add(pair.key as Node, `未知字段 \`${String(key)}\`；可用字段：${list(FIELDS)}`);
    } else if (type === 'family' && (NOT_FOR_FAMILY as readonly string[]).includes(key)) {
      problems.add(pair.key as Node, `系列条目（\`type: family\`）不能写 \`${key}\`：系列的时间取自成员；请写在成员模型上，成员用 \`family: <系列 id>\` 归入系列`);
    }
  }
  const required = type === 'family' ? FAMILY_REQUIRED : REQUIRED;
  for (const key of required) if (!map.has(key)) problems.add(map, `缺少必填字段 \`${key}\``);
}

function readLifecycle(map: YAMLMap, type: EntryType, dates: {deprecated?: ReleaseDate; shutdown?: ReleaseDate}, problems: Problems): {status: ModelStatus; lifecycle?: Lifecycle} | undefined {
  const status = enumField(map, 'status', MODEL_STATUSES, problems) ?? (map.has('status') ? undefined : 'active');
  if (status === undefined) return undefined;
  const statusSources = sourceList(map, 'status_sources', problems);
  if (status === 'active') {
    for (const key of LIFECYCLE_FIELDS) {
      if (map.has(key)) {
        problems.add(map.get(key, true) as Node, `写了 \`${key}\`，但 \`status\` 是 \`active\`（未写时的默认值）；停用或下线的模型应写 \`status: deprecated\` 或 \`status: retired\``);
      }
    }
    return {status};
  }
  const statusNode = map.get('status', true) as Node;
  if (type !== 'model') {
    problems.add(statusNode, '只有模型条目有 `status`；论文、事件和系列没有生命周期');
    return undefined;
  }
  if (status === 'deprecated' && !map.has('deprecated')) {
    problems.add(statusNode, '`status: deprecated` 需要 `deprecated` 日期（厂商宣布停用的日期），例如 `deprecated: 2023-07-06`');
  }
  if (status === 'retired' && !map.has('shutdown')) {
    problems.add(statusNode, '`status: retired` 需要 `shutdown` 日期（接口停止服务的日期），例如 `shutdown: 2024-01-04`');
  }
  if (!map.has('status_sources')) {
    problems.add(statusNode, '停用或下线需要出处：写 `status_sources`，例如 `status_sources: [https://platform.openai.com/docs/deprecations]`');
  }
  const replacement = stringField(map, 'replacement', problems, 'gpt-3.5-turbo-instruct');
  return {
    status,
    lifecycle: {
      status,
      ...(dates.deprecated ? {deprecated: dates.deprecated} : {}),
      ...(dates.shutdown ? {shutdown: dates.shutdown} : {}),
      ...(replacement === undefined ? {} : {replacement}),
      sources: statusSources,
    },
  };
}

function checkNames(claims: Array<{value: string; node: Node}>, problems: Problems): void {
  for (const claim of claims) {
    const problem = nameProblem(claim.value);
    if (problem) problems.add(claim.node, problem);
  }
}

function readEntry(map: YAMLMap, problems: Problems): Draft {
  const type = enumField(map, 'type', ENTRY_TYPES, problems) ?? 'model';
  checkKeys(map, type, problems);

  const id = stringField(map, 'id', problems, 'text-davinci-003');
  if (id !== undefined && !ID_PATTERN.test(id)) {
    problems.add(map.get('id', true) as Node, `\`id\` 的值 \`${id}\` 无效；应为小写字母、数字、\`.\` 和 \`-\` 组成的短名，例如 \`gpt-3.5\``);
  }
  const name = stringField(map, 'name', problems, 'text-davinci-003');
  const aliases = stringList(map, 'aliases', problems, 'GPT-3');
  checkNames([...(name === undefined ? [] : [{value: name, node: map.get('name', true) as Node}]), ...aliases], problems);
  const org = stringField(map, 'org', problems, 'OpenAI');
  const summary = stringField(map, 'summary', problems, '一到两句中文说明');
  const params = stringField(map, 'params', problems, '175B');
  const kind = type === 'family' ? 'family' : enumField(map, 'kind', MODEL_KINDS.filter((k) => k !== 'family'), problems);
  if (type === 'event' && kind !== undefined && kind !== 'paper' && kind !== 'event') {
    problems.add(map.get('kind', true) as Node, `事件条目（\`type: event\`）的 \`kind\` 只能是 \`paper\` 或 \`event\`，不能是 \`${kind}\``);
  }
  const estimated = readEstimated(map, problems);
  const dates: Partial<Record<DateField, ReleaseDate>> = {};
  for (const field of DATE_FIELDS) {
    const date = dateField(map, field, problems);
    if (date) dates[field] = estimated.has(field) ? {...date, estimated: true} : date;
  }
  checkDateOrder(map, dates, problems);
  const sources = sourceList(map, 'sources', problems);
  const parents = readParents(map, problems);
  const supersedes = stringList(map, 'supersedes', problems, 'gpt-4').map(({value, node}) => ({id: value, node}));
  const family = refField(map, 'family', problems, 'gpt');
  const replacement = refField(map, 'replacement', problems, 'gpt-3.5-turbo-instruct');
  const life = readLifecycle(map, type, dates, problems);

  const draft: Draft = {
    map,
    type,
    ...(id === undefined ? {} : {id}),
    ...(name === undefined ? {} : {name}),
    aliases,
    ...(dates.released ? {released: dates.released} : {}),
    parents,
    supersedes,
    ...(family ? {family} : {}),
    ...(replacement ? {replacement} : {}),
    position: problems.position(map),
  };
  const releasedOk = type === 'family' || dates.released !== undefined;
  if (!id || !name || !org || !summary || !kind || !releasedOk || !life) return draft;
  if (map.has('sources') && sources.length === 0) return draft;
  draft.complete = {
    id,
    type,
    name,
    aliases: aliases.map((a) => a.value),
    org,
    // A family's date is filled in from its members in `placeFamilies`.
    released: dates.released ?? {text: '', precision: 'year', earliest: '', latest: ''},
    ...(dates.announced ? {announced: dates.announced} : {}),
    ...(dates.paper ? {paper: dates.paper} : {}),
    kind,
    ...(params === undefined ? {} : {params}),
    parents: parents.flatMap((p) => (p.via === undefined ? [] : [{id: p.id, via: p.via}])),
    supersedes: supersedes.map((s) => s.id),
    ...(family ? {family: family.id} : {}),
    status: life.status,
    ...(life.lifecycle ? {lifecycle: life.lifecycle} : {}),
    summary,
    sources,
    position: draft.position,
  };
  return draft;
}

/** Announced ≤ released ≤ deprecated ≤ shutdown, where the precisions make it certain. */
function checkDateOrder(map: YAMLMap, dates: Partial<Record<DateField, ReleaseDate>>, problems: Problems): void {
  const order: Array<[DateField, DateField, string]> = [
    ['announced', 'released', '宣布不能晚于发布'],
    ['released', 'deprecated', '宣布停用不能早于发布'],
    ['released', 'shutdown', '下线不能早于发布'],
    ['deprecated', 'shutdown', '下线不能早于宣布停用'],
  ];
  for (const [early, late, rule] of order) {
    const a = dates[early];
    const b = dates[late];
    if (a && b && certainlyBefore(b, a)) {
      problems.add(map.get(late, true) as Node, `\`${late}\` 的 \`${b.text}\` 早于 \`${early}\` 的 \`${a.text}\`；${rule}`);
    }
  }
}

function checkUniqueness(drafts: Draft[], problems: Problems): void {
  const ids = new Map<string, Draft>();
  const names = new Map<string, Draft>();
  for (const draft of drafts) {
    const {id, map} = draft;
    if (id !== undefined) {
      const first = ids.get(id);
      if (first) {
        problems.add(map.get('id', true) as Node, `\`id\` \`${id}\` 重复：第 ${first.position.line} 行已经用过；每个模型的 \`id\` 必须唯一`);
      } else {
        ids.set(id, draft);
      }
    }
    const claims = [...(draft.name === undefined ? [] : [{value: draft.name, node: map.get('name', true) as Node}]), ...draft.aliases];
    for (const claim of claims) {
      const owner = names.get(claim.value);
      if (owner && owner !== draft) {
        problems.add(claim.node, `名称 \`${claim.value}\` 已属于 \`${owner.id ?? '?'}\`（第 ${owner.position.line} 行）；一个名称或别名只能指向一个模型`);
      } else {
        names.set(claim.value, draft);
      }
    }
  }
}

/** Drafts by id; the first of two entries with the same id keeps it (the second is reported). */
function indexDrafts(drafts: Draft[]): Map<string, Draft> {
  const byId = new Map<string, Draft>();
  for (const draft of drafts) if (draft.id !== undefined && !byId.has(draft.id)) byId.set(draft.id, draft);
  return byId;
}

const TYPE_LABELS: Record<EntryType, string> = {model: '模型', event: '事件', family: '系列'};

/** A reference that must name an existing entry of one of `types`, other than the entry itself. */
function checkRef(draft: Draft, ref: Ref, byId: Map<string, Draft>, what: string, types: readonly EntryType[], problems: Problems): Draft | undefined {
  const target = byId.get(ref.id);
  if (!target) {
    problems.add(ref.node, `${what} \`${ref.id}\` 不在注册表中；应为本文件中某个条目的 \`id\``);
    return undefined;
  }
  if (target === draft) {
    problems.add(ref.node, `${what} \`${ref.id}\` 不能是条目自己`);
    return undefined;
  }
  if (!types.includes(target.type)) {
    problems.add(ref.node, `${what} \`${ref.id}\` 是${TYPE_LABELS[target.type]}条目；这里只能指向${types.map((t) => TYPE_LABELS[t]).join('或')}条目`);
    return undefined;
  }
  return target;
}

function checkNotBefore(draft: Draft, target: Draft, relation: string, problems: Problems): void {
  if (draft.released && target.released && certainlyBefore(draft.released, target.released)) {
    problems.add(
      draft.map.get('released', true) as Node,
      `\`${draft.id ?? '?'}\` 的发布时间 \`${draft.released.text}\` 早于${relation} \`${target.id ?? '?'}\` 的 \`${target.released.text}\`；${relation === '父模型' ? '子模型不能早于父模型发布' : '后继不能早于它取代的模型发布'}`,
    );
  }
}

function checkRelations(drafts: Draft[], problems: Problems): Map<string, Draft> {
  const byId = indexDrafts(drafts);
  for (const draft of drafts) {
    for (const parent of draft.parents) {
      const target = checkRef(draft, parent, byId, '父模型', ['model', 'event'], problems);
      if (target) checkNotBefore(draft, target, '父模型', problems);
    }
    for (const ref of draft.supersedes) {
      const target = checkRef(draft, ref, byId, '被取代的模型', ['model'], problems);
      if (target) checkNotBefore(draft, target, '被取代的模型', problems);
    }
    if (draft.family) checkRef(draft, draft.family, byId, '系列', ['family'], problems);
    if (draft.replacement) checkRef(draft, draft.replacement, byId, '替代模型', ['model'], problems);
  }
  checkCycles(drafts, byId, problems);
  return byId;
}

/** Depth-first search; each cycle is reported once, at the edge that closes it. */
function checkCycles(drafts: Draft[], byId: Map<string, Draft>, problems: Problems): void {
  const state = new Map<Draft, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (draft: Draft): void => {
    state.set(draft, 'visiting');
    stack.push(draft.id ?? '?');
    for (const parent of draft.parents) {
      const target = byId.get(parent.id);
      if (!target || target === draft) continue;
      const seen = state.get(target);
      if (seen === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(parent.id)), parent.id];
        problems.add(parent.node, `谱系出现循环：${cycle.map((id) => `\`${id}\``).join(' → ')}；父子关系必须从早到晚、不能绕回自身`);
      } else if (seen === undefined) {
        visit(target);
      }
    }
    stack.pop();
    state.set(draft, 'done');
  };
  for (const draft of byId.values()) if (!state.has(draft)) visit(draft);
}

/** Each family gets its members (release order) and sits on the timeline at its first member's date. */
function placeFamilies(entries: Array<Omit<ModelEntry, 'members'>>, drafts: Map<string, Draft>, problems: Problems): ModelEntry[] {
  const members = new Map<string, ModelEntry[]>();
  const result: ModelEntry[] = entries.map((entry) => ({...entry, members: []}));
  for (const entry of result) {
    if (entry.family !== undefined) members.set(entry.family, [...(members.get(entry.family) ?? []), entry]);
  }
  for (const entry of result) {
    if (entry.type !== 'family') continue;
    const list = [...(members.get(entry.id) ?? [])].sort((a, b) => compareReleaseDates(a.released, b.released));
    if (list.length === 0) {
      problems.add(drafts.get(entry.id)?.map, `系列 \`${entry.id}\` 没有成员；在成员模型上写 \`family: ${entry.id}\``);
      continue;
    }
    entry.members = list.map((m) => m.id);
    const {estimated: _ignored, ...first} = list[0].released;
    entry.released = first;
  }
  return result;
}

/** Parse and validate registry text. Throws {@link RegistryError} listing every problem. */
export function parseRegistry(source: string, file: string): Registry {
  const {problems, items, fatal} = readYamlList(source, file, {label: '注册表', key: 'models', itemExample: '- id: davinci'});
  if (fatal) throw new RegistryError(problems.items);
  const drafts = items.map((item) => readEntry(item, problems));
  checkUniqueness(drafts, problems);
  const byId = checkRelations(drafts, problems);
  const entries = placeFamilies(
    drafts.flatMap((d) => (d.complete && byId.get(d.complete.id) === d ? [d.complete] : [])),
    byId,
    problems,
  );
  if (problems.items.length > 0) throw new RegistryError(problems.sorted());
  return {file, entries, byId: new Map(entries.map((e) => [e.id, e]))};
}

export const DEFAULT_MODELS_PATH = path.join(ROOT_DIR, MODELS_FILE);

/** Read and validate the registry file (default `data/models.yaml`). */
export function loadRegistry(file: string = DEFAULT_MODELS_PATH): Registry {
  return memoized('registry', file, () => parseRegistry(readDataFile(file, '模型注册表', (problems, options) => new RegistryError(problems, options)), file));
}
