/**
 * The generated parts of the contributor guide's hand-written pages: the allowed
 * values and fields of the registry and the term list (read from their JSON Schemas),
 * real entries quoted from `data/`, and a lint run shown with its real messages. A
 * page marks each part with a pair of comments,
 *
 *   <!-- generated:model-kinds -->
 *
 *   …
 *
 *   <!-- /generated:model-kinds -->
 *
 * (an argument may follow the name: `<!-- generated:model-entry gpt-3.5-turbo -->`).
 * `npm run docs:guide` rewrites what lies between; `--check` only compares and exits
 * 1 when a page is stale (a test does the same), so the guide cannot drift from the
 * schema, the data or the rules.
 */
import fs from 'node:fs';
import path from 'node:path';
import {DOCS_DIR, MODELS_FILE, ROOT_DIR, TERMINOLOGY_FILE} from '../../core/constants';
import {parseRegistry, RegistryError} from '../../core/registry/load';
import {fixText} from '../engine/fix';
import {formatMessage, lintMarkdown, onlyRule, sortedMessages} from './examples';

export const GUIDE_DIR = path.join(ROOT_DIR, DOCS_DIR, 'contributing');

interface SchemaNode {
  $ref?: string;
  description?: string;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  default?: unknown;
  definitions?: Record<string, SchemaNode>;
}

/** Where the data and schemas are read from: the repository, or a test's copy. */
export interface GuideContext {
  root: string;
}

function readSchema(context: GuideContext, file: string): SchemaNode {
  return JSON.parse(fs.readFileSync(path.join(context.root, file), 'utf8')) as SchemaNode;
}

function resolve(schema: SchemaNode, node: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  const name = node.$ref.replace('#/definitions/', '');
  const target = schema.definitions?.[name];
  if (!target) throw new Error(`${node.$ref}: schema 中没有这个定义`);
  return {...resolve(schema, target), ...node, $ref: undefined};
}

function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** The table of an object's fields: name, required, description (the schema's own words). */
function fieldTable(schema: SchemaNode, entry: SchemaNode): string {
  const required = new Set(entry.required ?? []);
  const rows = Object.entries(entry.properties ?? {}).map(([name, node]) => {
    const field = resolve(schema, node);
    const notes = [field.description ?? ''];
    // Short value lists are shown in the row; long ones have their own generated table.
    if (field.enum && field.enum.length <= 3) notes.push(`可选值：${field.enum.map((v) => `\`${String(v)}\``).join('、')}。`);
    else if (field.enum) notes.push('可选值见下文的表格。');
    if (field.default !== undefined) notes.push(`默认：\`${String(field.default)}\`。`);
    return `| \`${name}\` | ${required.has(name) ? '必填' : '可选'} | ${cell(notes.join(''))} |`;
  });
  return ['| 字段 | 必填 | 说明 |', '| --- | --- | --- |', ...rows].join('\n');
}

/** `value 说明、value 说明` in a schema description: the Chinese label next to each enum value. */
function labelOf(description: string, value: string): string {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const spaced = new RegExp(`(?:^|[：、，；\\s])${escaped} ([^、；（。，]+)`).exec(description);
  if (spaced) return spaced[1].trim();
  const bracketed = new RegExp(`(?:^|[：、，；\\s用或])${escaped}（([^）]+)）`).exec(description);
  return bracketed ? bracketed[1].trim() : '';
}

function enumTable(schema: SchemaNode, definition: string, header: string): string {
  const node = schema.definitions?.[definition];
  if (!node?.enum) throw new Error(`${definition}: schema 中没有这个枚举`);
  const description = node.description ?? '';
  const labels = node.enum.map((value) => labelOf(description, String(value)));
  // A list without labels in the schema is shown as a plain list of the values.
  if (labels.every((label) => label === '')) return node.enum.map((value) => `- \`${String(value)}\``).join('\n');
  const rows = node.enum.map((value, i) => `| \`${String(value)}\` | ${cell(labels[i])} |`);
  return [`| ${header} | 含义 |`, '| --- | --- |', ...rows].join('\n');
}

/** A block of `file`'s list, from `  - <key>: <value>` to the next item, verbatim. */
function quoteEntry(context: GuideContext, file: string, key: string, value: string | undefined): string {
  if (!value) throw new Error(`${file}: 需要给出要引用的条目，例如 <!-- generated:… ${key === 'id' ? 'gpt-4' : '词元'} -->`);
  const lines = fs.readFileSync(path.join(context.root, file), 'utf8').split('\n');
  const start = lines.findIndex((line) => line === `  - ${key}: ${value}`);
  if (start === -1) throw new Error(`${file}: 找不到 \`${key}: ${value}\` 的条目`);
  let end = start + 1;
  while (end < lines.length && lines[end].startsWith('    ')) end++;
  const block = lines.slice(start, end).map((line) => line.slice(2));
  return ['```yaml', ...block, '```'].join('\n');
}

/** Lint `input` with one rule, as the CLI would, and show the messages and the text after `--fix`. */
async function lintDemo(rule: 'terminology', input: string): Promise<string> {
  const config = onlyRule(rule);
  const file = await lintMarkdown(input, config, 'docs/book/demo.md');
  const messages = sortedMessages(file).map(formatMessage);
  const fixed = await fixText(input, async (text) => (await lintMarkdown(text, config, 'docs/book/demo.md')).messages);
  return [
    '```markdown',
    input.replace(/\n$/, ''),
    '```',
    '',
    '`npm run lint` 的消息（每行是位置和消息）：',
    '',
    '```text',
    ...(messages.length > 0 ? messages : ['（没有消息）']),
    '```',
    '',
    '`npm run lint -- --fix` 之后：',
    '',
    '```markdown',
    fixed.text.replace(/\n$/, ''),
    '```',
  ].join('\n');
}

/** The paragraph the term example lints: the variant twice, once inside an allowed phrase. */
export const TERM_DEMO = '模型按令牌计费，中文里一个汉字大约是一到两个令牌。\n\n调用接口之前，先在控制台申请访问令牌。\n';

/** A registry with one new entry that breaks four rules, for the page's error example. */
export const REGISTRY_DEMO = `models:
  - id: gpt-2
    name: GPT-2
    org: OpenAI
    released: 2019-02-14
    kind: base
    summary: OpenAI 的第二代生成式预训练模型。
    sources:
      - https://openai.com/index/better-language-models/

  - id: example-model
    name: Example Model
    org: Example Lab
    released: 2018-06
    kind: chatbot
    parents:
      - id: gpt-2
        via: 微调
    summary: 格式示例，不是真实模型。
    sources:
      - http://example.com/example-model
`;

/** The demo registry and the errors the loader (the one the build and the lint use) reports for it. */
function registryErrors(): string {
  let report: string;
  try {
    parseRegistry(REGISTRY_DEMO, MODELS_FILE);
    throw new Error('REGISTRY_DEMO 应当有错误，却通过了校验；请改写示例');
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error;
    report = error.message;
  }
  return ['```yaml', REGISTRY_DEMO.replace(/\n$/, ''), '```', '', '模型注册表加载器报告的错误（`npm run build` 原样显示这段文字；`npm run lint` 把每一条列在 `data/models.yaml` 下，位置和文字相同）：', '', '```text', report, '```'].join('\n');
}

type Renderer = (argument: string | undefined, context: GuideContext) => string | Promise<string>;

export const RENDERERS: Record<string, Renderer> = {
  'model-fields': (_, context) => {
    const schema = readSchema(context, 'data/models.schema.json');
    return fieldTable(schema, schema.definitions?.entry ?? {});
  },
  'model-parent-fields': (_, context) => {
    const schema = readSchema(context, 'data/models.schema.json');
    return fieldTable(schema, schema.definitions?.parent ?? {});
  },
  'model-kinds': (_, context) => enumTable(readSchema(context, 'data/models.schema.json'), 'kind', '`kind`'),
  'model-via': (_, context) => enumTable(readSchema(context, 'data/models.schema.json'), 'stage', '`via`'),
  'model-dates': (_, context) => {
    const schema = readSchema(context, 'data/models.schema.json');
    return `> ${cell(schema.definitions?.releaseDate?.description ?? '')}`;
  },
  'model-errors': () => registryErrors(),
  'model-entry': (id, context) => quoteEntry(context, MODELS_FILE, 'id', id),
  'term-fields': (_, context) => {
    const schema = readSchema(context, 'data/terminology.schema.json');
    return fieldTable(schema, schema.definitions?.entry ?? {});
  },
  'term-entry': (term, context) => quoteEntry(context, TERMINOLOGY_FILE, 'term', term),
  'term-demo': () => lintDemo('terminology', TERM_DEMO),
};

const REGION = /<!-- generated:([\w-]+)(?: ([^\s>]+))? -->\n[\s\S]*?<!-- \/generated:\1 -->/g;

/** `text` with every generated region rewritten; throws on an unknown region name. */
export async function renderRegions(text: string, source: string, context: GuideContext = {root: ROOT_DIR}): Promise<string> {
  const parts: string[] = [];
  let cursor = 0;
  for (const match of text.matchAll(REGION)) {
    const [whole, name, argument] = match;
    const render = RENDERERS[name];
    if (!render) throw new Error(`${source}: 未知的生成区块 \`${name}\`；可用：${Object.keys(RENDERERS).join('、')}`);
    const open = `<!-- generated:${name}${argument === undefined ? '' : ` ${argument}`} -->`;
    parts.push(text.slice(cursor, match.index), `${open}\n\n${await render(argument, context)}\n\n<!-- /generated:${name} -->`);
    cursor = match.index + whole.length;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/** The guide's pages that hold generated regions: absolute path → regenerated content. */
export async function generateGuide(dir: string = GUIDE_DIR): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
    const file = path.join(dir, name);
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes('<!-- generated:')) continue;
    pages.set(file, await renderRegions(text, path.relative(ROOT_DIR, file)));
  }
  return pages;
}

export async function staleGuidePages(): Promise<string[]> {
  const stale: string[] = [];
  for (const [file, content] of await generateGuide()) if (fs.readFileSync(file, 'utf8') !== content) stale.push(path.relative(ROOT_DIR, file));
  return stale;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--check')) {
    const stale = await staleGuidePages();
    for (const file of stale) console.error(`${file}: 生成的部分已过期；运行 \`npm run docs:guide\` 重新生成`);
    return stale.length > 0 ? 1 : 0;
  }
  const pages = await generateGuide();
  for (const [file, content] of pages) fs.writeFileSync(file, content);
  console.log(`已更新 ${pages.size} 个页面的生成部分`);
  return 0;
}

if (require.main === module) void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
