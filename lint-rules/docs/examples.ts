/**
 * Reads a rule's documentation from its header comment: the prose, and the
 * `@example` blocks in the remark-lint style. The example harness
 * (`__tests__/examples.test.ts`) runs the examples; `docs.ts` turns the same comment
 * into the rule's page, so documentation and tests cannot drift apart.
 *
 * ```
 *  * @example
 *  *   {"name": "not-ok.md", "label": "input", "config": {"option": true}}
 *  *
 *  *   Markdown, indented by two spaces.
 * ```
 *
 * Labels: `input` (the default: Markdown to lint), `output` (the exact messages,
 * `line:column-line:column: reason`, one a line), `fixed` (the text after `--fix`).
 * Blocks with the same `name` form one case; a case without `output` expects no message.
 */
import fs from 'node:fs';
import path from 'node:path';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {VFile} from 'vfile';
import type {VFileMessage} from 'vfile-message';
import {RULE_NAMES, type RuleName} from '../../core/constants';
import type {LintConfig} from '../engine/config';
import {createPreset} from '../preset';

export const EXAMPLE_LABELS = ['input', 'output', 'fixed'] as const;
export type ExampleLabel = (typeof EXAMPLE_LABELS)[number];

export interface ExampleCase {
  name: string;
  /** Rule options, from the `config` field of any block of the case. */
  config?: unknown;
  /** The Markdown, ending in a newline like a file. */
  input: string;
  /** Expected messages, `line:column-line:column: reason`. */
  output: string[];
  /** Text after `--fix`, when the case documents it. */
  fixed?: string;
}

export interface RuleDoc {
  rule: string;
  /** The prose of the header comment (Markdown), before the first tag. */
  description: string;
  cases: ExampleCase[];
}

export const LINT_RULES_DIR = path.resolve(__dirname, '..');

/** The rule files that exist, in the order of `RULE_NAMES`. */
export function ruleFiles(dir: string = LINT_RULES_DIR): Array<{rule: RuleName; file: string}> {
  return RULE_NAMES.map((rule) => ({rule, file: path.join(dir, `${rule}.ts`)})).filter(({file}) => fs.existsSync(file));
}

/** The first `/** … *\/` comment of a file, with the leading ` * ` of each line removed. */
export function headerComment(source: string): string | undefined {
  const match = /^\s*\/\*\*([\s\S]*?)\*\//.exec(source);
  if (!match) return undefined;
  return match[1]
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').replace(/^\s*$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

interface Block {
  name: string;
  label: ExampleLabel;
  config?: unknown;
  body: string;
}

function parseBlock(lines: string[], rule: string): Block {
  const [head = '', ...rest] = lines.map((line) => line.replace(/^ {2}/, ''));
  let meta: {name?: unknown; label?: unknown; config?: unknown};
  try {
    meta = JSON.parse(head) as typeof meta;
  } catch (error) {
    throw new Error(`${rule}: @example 的第一行应为 JSON，例如 {"name": "ok.md"}，收到 ${head}`, {cause: error});
  }
  if (typeof meta.name !== 'string') throw new Error(`${rule}: @example 缺少 "name"：${head}`);
  const label = meta.label ?? 'input';
  if (!(EXAMPLE_LABELS as readonly unknown[]).includes(label)) {
    throw new Error(`${rule}: @example 的 "label" 应为 input、output 或 fixed，收到 ${JSON.stringify(label)}`);
  }
  if (rest[0] === '') rest.shift();
  while (rest.length > 0 && rest[rest.length - 1] === '') rest.pop();
  return {name: meta.name, label: label as ExampleLabel, config: meta.config, body: rest.join('\n')};
}

/** Parse a rule file's header comment into its description and example cases. */
export function parseRuleDoc(source: string, rule: string): RuleDoc {
  const comment = headerComment(source);
  if (comment === undefined) throw new Error(`${rule}: 规则文件应以 /** … */ 头部注释开始`);
  const sections = comment.split(/^(?=@\w+)/m);
  const description = sections[0].trim();
  const cases = new Map<string, ExampleCase>();
  for (const section of sections.slice(1)) {
    const [tag, ...lines] = section.split('\n');
    if (tag.trim() !== '@example') continue;
    const block = parseBlock(lines, rule);
    const current = cases.get(block.name) ?? {name: block.name, input: '', output: []};
    if (block.config !== undefined) current.config = block.config;
    if (block.label === 'input') current.input = `${block.body}\n`;
    else if (block.label === 'output') current.output = block.body.split('\n').filter((line) => line !== '');
    else current.fixed = `${block.body}\n`;
    cases.set(block.name, current);
  }
  return {rule, description, cases: [...cases.values()]};
}

export function readRuleDoc(file: string, rule: string): RuleDoc {
  return parseRuleDoc(fs.readFileSync(file, 'utf8'), rule);
}

// ---------------------------------------------------------------------------
// Running one rule the way the CLI does (the same preset), for the harness and rule tests.

/** The config that turns on `rule` alone, with `options` when given. */
export function onlyRule(rule: RuleName, options?: unknown): LintConfig {
  const rules: LintConfig['rules'] = {};
  for (const name of RULE_NAMES) rules[name] = 'off';
  rules[rule] = options === undefined ? 'error' : ['error', options as Record<string, unknown>];
  return {rules};
}

/** Lint `text` with the preset for `config`; `file` names the VFile (for rules that resolve paths). */
export async function lintMarkdown(text: string, config: LintConfig, file = 'example.md'): Promise<VFile> {
  const vfile = new VFile({path: file, value: text});
  const processor = unified().use(remarkParse).use(createPreset(config));
  await processor.run(processor.parse(vfile), vfile);
  return vfile;
}

/** `line:column-line:column: reason`, the form of `output` examples. */
export function formatMessage(message: VFileMessage): string {
  const place = message.place;
  const range =
    place && 'start' in place
      ? `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
      : `${place?.line ?? 1}:${place?.column ?? 1}`;
  return `${range}: ${message.reason}`;
}

/** Messages in text order (rules report in their own order; the harness compares sorted). */
export function sortedMessages(file: VFile): VFileMessage[] {
  const start = (m: VFileMessage): number =>
    m.place && 'start' in m.place ? (m.place.start.offset ?? 0) : 0;
  return [...file.messages].sort((a, b) => start(a) - start(b) || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
}
