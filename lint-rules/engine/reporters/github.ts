/**
 * `--format github` (the default when `GITHUB_ACTIONS=true`): GitHub Actions
 * workflow commands that annotate the lines a contributor got wrong.
 *
 * GitHub shows at most 10 annotations of each severity per step (50 per job)
 * and drops the rest silently, so the most important come first: errors, then
 * warnings, then notices; within each, messages on lines the pull request
 * changed first. At most {@link PER_SEVERITY} of each are printed, then one
 * `::notice::` says how many more there are; the full list with counts per rule
 * goes to the job summary (`$GITHUB_STEP_SUMMARY`).
 *
 * Data and properties are escaped exactly like @actions/core (`escapeData`,
 * `escapeProperty`), so a message cannot end its line and start a command of its
 * own; raw contributor text (the human report) is printed between
 * `::stop-commands::<token>` and `::<token>::` so nothing in it is run.
 */
import {randomBytes} from 'node:crypto';
import type {ChangedLines} from '../files';
import {compareMessages, detailedReason, type FileResult, type LintMessage, type Severity} from '../result';
import {shownPath, writeToString, type ChunkWriter} from './stream';

export const PER_SEVERITY = 10;

/** @actions/core `toCommandValue`. */
export function toCommandValue(input: unknown): string {
  if (input === null || input === undefined) return '';
  if (typeof input === 'string' || input instanceof String) return input as string;
  return JSON.stringify(input);
}

/** @actions/core `escapeData`. */
export function escapeData(value: unknown): string {
  return toCommandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** @actions/core `escapeProperty`. */
export function escapeProperty(value: unknown): string {
  return toCommandValue(value)
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/:/g, '%3A')
    .replace(/,/g, '%2C');
}

/** One workflow command, built like @actions/core's `Command.toString`. */
export function command(name: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(value)}`);
  return `::${name}${props.length > 0 ? ` ${props.join(',')}` : ''}::${escapeData(message)}`;
}

const COMMAND_OF: Record<Severity, string> = {error: 'error', warning: 'warning', info: 'notice'};
const RANK: Record<Severity, number> = {error: 0, warning: 1, info: 2};

export function ruleTitle(message: LintMessage): string {
  return message.ruleId ? `${message.source ?? 'llmbook'}/${message.ruleId}` : message.source ?? 'llmbook';
}

export interface Located {
  file: string;
  message: LintMessage;
  onChangedLine: boolean;
}

export function onChanged(abs: string, message: LintMessage, changed: ChangedLines | undefined): boolean {
  const lines = changed?.get(abs);
  if (!lines) return false;
  if (lines === 'all') return true;
  const first = message.line ?? 1;
  const last = message.endLine ?? first;
  for (let n = first; n <= last; n++) if (lines.has(n)) return true;
  return false;
}

/** Every message, most important first. */
export function rankMessages(results: readonly FileResult[], root: string, changed?: ChangedLines): Located[] {
  const all: Located[] = [];
  for (const result of results) {
    const file = shownPath(result.path, root);
    for (const message of result.messages) all.push({file, message, onChangedLine: onChanged(result.path, message, changed)});
  }
  return all.sort(compareLocated);
}

/** Errors before warnings, changed lines first, then by file and position. */
export function compareLocated(a: Located, b: Located): number {
  return (
    RANK[a.message.severity] - RANK[b.message.severity] ||
    Number(b.onChangedLine) - Number(a.onChangedLine) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    compareMessages(a.message, b.message)
  );
}

/** One `::error …::` / `::warning …::` / `::notice …::` line. */
export function annotation({file, message}: Located): string {
  return command(
    COMMAND_OF[message.severity],
    {
      file,
      line: message.line ?? undefined,
      col: message.column ?? undefined,
      endLine: message.endLine ?? undefined,
      endColumn: message.endColumn ?? undefined,
      title: ruleTitle(message),
    },
    detailedReason(message),
  );
}

export interface GithubOptions {
  /** Repository root (GITHUB_WORKSPACE): annotation paths are relative to it. */
  root: string;
  changed?: ChangedLines;
  /** The human report, printed inside a stop-commands block. */
  rawReport?: string;
  /** For tests; a fresh random token otherwise. */
  token?: string;
}

/**
 * The annotations, fed one file at a time: only the ones shown are kept (the top
 * {@link PER_SEVERITY} of each severity, most important first) and a count of the rest.
 */
export class GithubAnnotations {
  private readonly top: Record<Severity, Located[]> = {error: [], warning: [], info: []};
  private total = 0;

  constructor(private readonly options: {root: string; changed?: ChangedLines}) {}

  private limit(severity: Severity): number {
    // One notice slot is kept for the "more messages" notice itself.
    return severity === 'info' ? PER_SEVERITY - 1 : PER_SEVERITY;
  }

  add(result: FileResult): void {
    if (result.messages.length === 0) return;
    const file = shownPath(result.path, this.options.root);
    for (const message of result.messages) {
      this.total++;
      const located = {file, message, onChangedLine: onChanged(result.path, message, this.options.changed)};
      const list = this.top[message.severity];
      const limit = this.limit(message.severity);
      if (list.length >= limit && compareLocated(located, list[list.length - 1]) >= 0) continue;
      list.push(located);
      list.sort(compareLocated);
      if (list.length > limit) list.pop();
    }
  }

  lines(): string[] {
    const out: string[] = [];
    let shown = 0;
    for (const severity of ['error', 'warning', 'info'] as const) {
      for (const located of this.top[severity]) {
        shown++;
        out.push(annotation(located));
      }
    }
    const hidden = this.total - shown;
    if (hidden > 0) {
      out.push(command('notice', {title: 'llmbook lint'}, `另有 ${hidden} 条消息未作为注释显示（GitHub 每步每种级别最多显示 ${PER_SEVERITY} 条）；完整列表见本次运行的 Summary 或本地运行 \`npm run lint\``));
    }
    return out;
  }

  /**
   * The format's text: the human report (written by `rawReport`) inside a stop-commands
   * block, then the annotations, lines joined with `\n`.
   */
  finish(writer: ChunkWriter, rawReport?: (writer: ChunkWriter) => void, token = randomBytes(16).toString('hex')): void {
    const lines = this.lines();
    if (rawReport) {
      writer.write(`::stop-commands::${token}\n`);
      rawReport(writer);
      writer.write(`\n::${token}::`);
    }
    lines.forEach((line, i) => writer.write(i > 0 || rawReport ? `\n${line}` : line));
  }
}

export function formatGithub(results: readonly FileResult[], options: GithubOptions): string {
  const annotations = new GithubAnnotations(options);
  for (const result of results) annotations.add(result);
  const {rawReport} = options;
  return writeToString((writer) => annotations.finish(writer, rawReport ? (w) => w.write(rawReport) : undefined, options.token));
}

function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

/** The job summary: counts per rule, then every message. */
/** `files`: how many files were linted, when `results` holds only those with messages. */
export function formatSummary(results: readonly FileResult[], options: {root: string; changed?: ChangedLines; files?: number}): string {
  const fileCount = options.files ?? results.length;
  const ranked = rankMessages(results, options.root, options.changed);
  const counts = new Map<string, Record<Severity, number>>();
  for (const {message} of ranked) {
    const title = ruleTitle(message);
    const row = counts.get(title) ?? {error: 0, warning: 0, info: 0};
    row[message.severity]++;
    counts.set(title, row);
  }
  const total = (s: Severity): number => ranked.filter((r) => r.message.severity === s).length;
  const lines = [`## 内容检查（llmbook lint）`, ''];
  if (ranked.length === 0) {
    lines.push(`${fileCount} 个文件，没有发现问题。`, '');
    return lines.join('\n');
  }
  lines.push(`${fileCount} 个文件：${total('error')} 个错误，${total('warning')} 个警告，${total('info')} 条提示。`, '');
  lines.push('| 规则 | 错误 | 警告 | 提示 |', '| --- | ---: | ---: | ---: |');
  for (const [title, row] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`| \`${title}\` | ${row.error} | ${row.warning} | ${row.info} |`);
  }
  lines.push('', '| 级别 | 位置 | 规则 | 消息 |', '| --- | --- | --- | --- |');
  for (const {file, message, onChangedLine} of ranked) {
    const where = `${file}:${message.line ?? 1}:${message.column ?? 1}`;
    lines.push(`| ${message.severity}${onChangedLine ? ' ✎' : ''} | \`${cell(where)}\` | \`${ruleTitle(message)}\` | ${cell(message.message)} |`);
  }
  lines.push('', '✎：本次改动的行。', '');
  return lines.join('\n');
}
