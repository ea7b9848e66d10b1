/**
 * Reading a YAML data file that editors change (`data/models.yaml`,
 * `data/terminology.yaml`): a top-level list under one key, every problem collected
 * with its line and column, thrown together. The registry and the term list share
 * this so their errors look and behave the same.
 */
import fs from 'node:fs';
import path from 'node:path';
import {isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap} from 'yaml';

export interface FileProblem {
  /** Path as shown to people: relative to the working directory when inside it. */
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Every problem of one file; the message lists them as `file:line:col: …`. */
export class FileProblemsError extends Error {
  readonly problems: FileProblem[];

  constructor(what: string, problems: FileProblem[], options?: {cause?: unknown}) {
    const lines = problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
    super(`${what}有 ${problems.length} 处错误：\n${lines.join('\n')}`, options);
    this.problems = problems;
  }
}

export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * The text of a data file; a file that cannot be read is one problem at 1:1, thrown
 * through `fail` (the file's own error class) with the cause kept.
 */
export function readDataFile(file: string, what: string, fail: (problems: FileProblem[], options: {cause: unknown}) => Error): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw fail([{file: displayPath(file), line: 1, column: 1, message: `无法读取${what}：${(error as Error).message}`}], {cause: error});
  }
}

/** `a`、`b`、`c`: how messages list valid values. */
export function listValues(values: readonly string[]): string {
  return values.map((v) => `\`${v}\``).join('、');
}

/** Text of a scalar as written (unquoted `2020` is a number to YAML; keep its text). */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'string') return node.value;
  if (typeof node.value === 'number' && typeof node.source === 'string') return node.source;
  return undefined;
}

/** Collects problems with positions while one file is checked. */
export class Problems {
  readonly items: FileProblem[] = [];
  constructor(
    readonly file: string,
    private readonly lines: LineCounter,
  ) {}

  position(node: Node | null | undefined): {line: number; column: number} {
    const {line, col} = this.lines.linePos(node?.range?.[0] ?? 0);
    return {line, column: col};
  }

  add(node: Node | null | undefined, message: string): void {
    this.items.push({file: this.file, ...this.position(node), message});
  }

  /** Sorted by position, for a stable report. */
  sorted(): FileProblem[] {
    return [...this.items].sort((a, b) => a.line - b.line || a.column - b.column);
  }
}

export interface ListShape {
  /** How people call the file, e.g. `注册表`. */
  label: string;
  /** The one top-level key, e.g. `models`. */
  key: string;
  /** A first line of an item, e.g. `- id: davinci`. */
  itemExample: string;
}

/**
 * Parse the file and return its list items, or the problems that stop reading
 * (YAML syntax, wrong top level). Items that are not maps are reported and skipped.
 */
export function readYamlList(
  source: string,
  file: string,
  shape: ListShape,
): {problems: Problems; items: YAMLMap[]; fatal: boolean} {
  const lines = new LineCounter();
  const doc = parseDocument(source, {lineCounter: lines, prettyErrors: false, uniqueKeys: true});
  const problems = new Problems(displayPath(file), lines);
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const {line, col} = lines.linePos(error.pos[0]);
      problems.items.push({file: problems.file, line, column: col, message: `YAML 语法错误：${error.message.split('\n')[0]}`});
    }
    return {problems, items: [], fatal: true};
  }
  const root = doc.contents;
  const list = isMap(root) ? root.get(shape.key, true) : undefined;
  if (!isMap(root) || !isSeq(list)) {
    problems.add(root as Node, `${shape.label}的顶层应为 \`${shape.key}:\` 列表，例如 \`${shape.key}:\n  ${shape.itemExample}\``);
    return {problems, items: [], fatal: true};
  }
  for (const pair of root.items) {
    const key = scalarText(pair.key);
    if (key !== shape.key) problems.add(pair.key as Node, `未知的顶层字段 \`${String(key)}\`；顶层只有 \`${shape.key}\``);
  }
  const items: YAMLMap[] = [];
  for (const item of list.items) {
    if (isMap(item)) items.push(item);
    else problems.add(item as Node, `\`${shape.key}\` 的每一项应为一个条目，例如 \`${shape.itemExample}\``);
  }
  return {problems, items, fatal: false};
}
