/**
 * Reading a YAML data file that editors change (`data/models.yaml`,
 * `data/terminology.yaml`): a top-level list under one key, every problem collected
 * with its line and column, thrown together. The registry and the term list share
 * this so their errors look and behave the same.
 */
import fs from 'node:fs';
import path from 'node:path';
import {isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLMap} from 'yaml';

/** One problem of a data or config file: every reader of ours reports through this shape. */
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

/** The path as people read it: relative to `cwd` when inside it, else as given. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * The text of a data file; a file that cannot be read is one problem at 1:1, thrown
 * through `fail` (the file's own error class) with the cause kept. `what` names the
 * file in the message (`无法读取术语表：…`); a name that starts with a Latin letter
 * is set off by a space, as the book's CJK spacing wants (`无法读取 lint 配置：…`).
 */
export function readDataFile(file: string, what: string, fail: (problems: FileProblem[], options: {cause: unknown}) => Error): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const name = /^[A-Za-z0-9]/.test(what) ? ` ${what}` : what;
    throw fail([{file: displayPath(file), line: 1, column: 1, message: `无法读取${name}：${(error as Error).message}`}], {cause: error});
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
    return this.positionOf(node?.range?.[0] ?? 0);
  }

  positionOf(offset: number): {line: number; column: number} {
    const {line, col} = this.lines.linePos(offset);
    return {line, column: col};
  }

  /** The problem at `node` (the file's start when it has no position), not yet collected. */
  at(node: Node | null | undefined, message: string): FileProblem {
    return {file: this.file, ...this.position(node), message};
  }

  add(node: Node | null | undefined, message: string): void {
    this.items.push(this.at(node, message));
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
 * Parse a data or config file with positions. Syntax errors are already in
 * `problems` (`YAML 语法错误：…`, or `JSON 语法错误：…` for a JSON file read with the
 * YAML parser); `shown` is the path as messages name it.
 */
export function parseDataFile(source: string, shown: string, syntax: 'YAML' | 'JSON' = 'YAML'): {doc: Document.Parsed; problems: Problems} {
  const lines = new LineCounter();
  const doc = parseDocument(source, {lineCounter: lines, prettyErrors: false, uniqueKeys: true});
  const problems = new Problems(shown, lines);
  for (const error of doc.errors) {
    problems.items.push({file: shown, ...problems.positionOf(error.pos[0]), message: `${syntax} 语法错误：${error.message.split('\n')[0]}`});
  }
  return {doc, problems};
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
  const {doc, problems} = parseDataFile(source, displayPath(file));
  if (problems.items.length > 0) return {problems, items: [], fatal: true};
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
