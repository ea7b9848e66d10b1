/**
 * The artifact the CI workflow uploads, read as untrusted data: `lint.json` (the
 * lint's `--format json` report, version 1, see lint-rules/engine/reporters/json.ts)
 * and `pr.json` (`{"number": 12, "head_sha": "…"}`). A pull request's CI runs the
 * pull request's own code, so either file may be anything: every field is checked
 * and nothing in them is ever run. Problems name the file and the field.
 */
import type {LintMessage, Severity} from '../../lint-rules/engine/result';

export interface ReportFile {
  /** Repository-relative, `/`-separated. */
  path: string;
  messages: LintMessage[];
}

export interface PullRequestInfo {
  number: number;
  headSha: string;
}

export class ReportError extends Error {
  override name = 'ReportError';
}

/** More than this many messages is not a lint report of this book. */
export const MAX_MESSAGES = 20_000;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ReportError(`${source}: 不是有效的 JSON（${(error as Error).message}）`, {cause: error});
  }
}

/** A repository path that cannot leave the repository: no `..`, no leading `/`, no backslash. */
export function isSafePath(value: string): boolean {
  return value.length > 0 && value.length <= 1000 && !value.startsWith('/') && !value.includes('\\') && !value.split('/').some((part) => part === '..' || part === '.' || part === '') && !/[\0-\x1f]/.test(value);
}

function optionalInt(message: Json, key: string, where: string): number | null {
  const value = message[key];
  if (value === null || value === undefined) return null;
  if (!Number.isSafeInteger(value) || (value as number) < 0) throw new ReportError(`${where}.${key} 应为非负整数或 null，收到 ${JSON.stringify(value)}`);
  return value as number;
}

function optionalString(message: Json, key: string, where: string): string | undefined {
  const value = message[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ReportError(`${where}.${key} 应为字符串，收到 ${JSON.stringify(value)}`);
  return value;
}

function readMessage(value: unknown, where: string): LintMessage {
  if (!isObject(value)) throw new ReportError(`${where} 应为对象`);
  const severity = value.severity;
  if (!SEVERITIES.includes(severity as Severity)) throw new ReportError(`${where}.severity 应为 error、warning 或 info，收到 ${JSON.stringify(severity)}`);
  const text = value.message;
  if (typeof text !== 'string') throw new ReportError(`${where}.message 应为字符串`);
  const ruleId = value.ruleId ?? null;
  const source = value.source ?? null;
  if (ruleId !== null && typeof ruleId !== 'string') throw new ReportError(`${where}.ruleId 应为字符串或 null`);
  if (source !== null && typeof source !== 'string') throw new ReportError(`${where}.source 应为字符串或 null`);
  // Fields this job does not read pass through untouched, so the lint's own `fixOf`
  // keeps deciding what a fix is even when the report gains fields; the ones read here
  // are checked and override.
  const message: LintMessage = {
    ...(value as Partial<LintMessage>),
    ruleId,
    source,
    severity: severity as Severity,
    message: text,
    line: optionalInt(value, 'line', where),
    column: optionalInt(value, 'column', where),
    endLine: optionalInt(value, 'endLine', where),
    endColumn: optionalInt(value, 'endColumn', where),
    startOffset: optionalInt(value, 'startOffset', where),
    endOffset: optionalInt(value, 'endOffset', where),
  };
  const actual = optionalString(value, 'actual', where);
  if (actual !== undefined) message.actual = actual;
  if (value.expected !== undefined) {
    if (!Array.isArray(value.expected) || !value.expected.every((item) => typeof item === 'string')) {
      throw new ReportError(`${where}.expected 应为字符串数组，收到 ${JSON.stringify(value.expected)}`);
    }
    message.expected = [...(value.expected as string[])];
  }
  // A comment is built only from the fix, the message text and our own rule names;
  // `url`, `note` and guesses listed apart from the fix are never shown.
  return message;
}

/** Parse `lint.json`; `source` names it in errors. */
export function parseLintReport(text: string, source = 'lint.json'): ReportFile[] {
  const data = parseJson(text, source);
  if (!isObject(data)) throw new ReportError(`${source}: 应为对象 {"version": 1, "files": […]}`);
  if (data.version !== 1) throw new ReportError(`${source}: version 应为 1（lint 的 JSON 格式版本），收到 ${JSON.stringify(data.version)}`);
  if (!Array.isArray(data.files)) throw new ReportError(`${source}: files 应为数组`);
  let count = 0;
  return data.files.map((file: unknown, i: number) => {
    const where = `${source}: files[${i}]`;
    if (!isObject(file)) throw new ReportError(`${where} 应为对象`);
    if (typeof file.path !== 'string' || !isSafePath(file.path)) {
      throw new ReportError(`${where}.path 应为仓库内的相对路径，例如 "docs/book/a.md"，收到 ${JSON.stringify(file.path)}`);
    }
    if (!Array.isArray(file.messages)) throw new ReportError(`${where}.messages 应为数组`);
    count += file.messages.length;
    if (count > MAX_MESSAGES) throw new ReportError(`${source}: 消息超过 ${MAX_MESSAGES} 条，不像本书的检查报告`);
    return {path: file.path, messages: file.messages.map((m: unknown, j: number) => readMessage(m, `${where}.messages[${j}]`))};
  });
}

/** Parse `pr.json`: the pull request the report belongs to. */
export function parsePullRequestInfo(text: string, source = 'pr.json'): PullRequestInfo {
  const data = parseJson(text, source);
  if (!isObject(data)) throw new ReportError(`${source}: 应为对象，例如 {"number": 12, "head_sha": "…"}`);
  const number = data.number;
  if (!Number.isSafeInteger(number) || (number as number) < 1) throw new ReportError(`${source}: number 应为正整数，收到 ${JSON.stringify(number)}`);
  const headSha = data.head_sha;
  if (typeof headSha !== 'string' || !/^[0-9a-f]{40}$/.test(headSha)) throw new ReportError(`${source}: head_sha 应为 40 位十六进制提交 SHA，收到 ${JSON.stringify(headSha)}`);
  return {number: number as number, headSha};
}
