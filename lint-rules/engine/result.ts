/**
 * A lint result as plain data: what workers send back, what the cache stores and
 * what the reporters read. `VFileMessage`s hold tree nodes (`ancestors`) and
 * methods, so they are reduced to these fields at the edge and rebuilt for
 * vfile-reporter.
 */
import {VFile} from 'vfile';
import {VFileMessage} from 'vfile-message';

export type Severity = 'error' | 'warning' | 'info';

export interface LintMessage {
  /** Short rule id (`terminology`), `null` for messages that come from no rule. */
  ruleId: string | null;
  /** `llmbook` for our rules. */
  source: string | null;
  severity: Severity;
  message: string;
  /** 1-based; `null` when the message has no position. */
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  /** UTF-16 offsets into the file's text, end exclusive. */
  startOffset: number | null;
  endOffset: number | null;
  /** Fixable messages: the text in the range and its replacements (`expected[0]` is the fix). */
  actual?: string;
  expected?: string[];
  /**
   * Replacements of `actual` that are a guess (a word with a second sense, a name
   * that may be a command): shown to people and editors, never applied by `--fix`.
   */
  suggestions?: string[];
  url?: string;
  /** Extra explanation (e.g. why a term was chosen). */
  note?: string;
}

export interface FileResult {
  /** Absolute path. */
  path: string;
  messages: LintMessage[];
  /** `--fix` rewrote the file. */
  fixed?: boolean;
  /** Absolute paths of other files the result depends on (`file.data.lintDependencies`). */
  dependencies?: string[];
}

export function severityOf(message: Pick<VFileMessage, 'fatal'>): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

/** A lint message that may carry suggestions (a field of ours on `VFileMessage`). */
export type SuggestingMessage = VFileMessage & {suggestions?: string[]};

function suggestionsOf(message: SuggestingMessage): string[] | undefined {
  const list = message.suggestions;
  return Array.isArray(list) && list.length > 0 && list.every((s) => typeof s === 'string') ? [...list] : undefined;
}

/**
 * What a person reads under the message in every human format (stylish, GitHub
 * annotations): the suggestions, which `--fix` leaves alone, and the note.
 */
export function detailLines(message: Pick<LintMessage, 'suggestions' | 'note'>): string[] {
  const lines: string[] = [];
  if (message.suggestions?.length) {
    lines.push(`建议：${message.suggestions.map((s) => `\`${s}\``).join(' 或 ')}（需人工确认，\`--fix\` 不会自动修改）`);
  }
  if (message.note) lines.push(`说明：${message.note}`);
  return lines;
}

/** The message with its detail lines, as the human formats print it. */
export function detailedReason(message: LintMessage): string {
  return [message.message, ...detailLines(message).map((line) => `  ${line}`)].join('\n');
}

export function toLintMessage(message: VFileMessage): LintMessage {
  const place = message.place;
  const start = place && 'start' in place ? place.start : place ?? undefined;
  const end = place && 'end' in place ? place.end : undefined;
  const result: LintMessage = {
    ruleId: message.ruleId ?? null,
    source: message.source ?? null,
    severity: severityOf(message),
    message: message.reason,
    line: start?.line ?? null,
    column: start?.column ?? null,
    endLine: end?.line ?? null,
    endColumn: end?.column ?? null,
    startOffset: start?.offset ?? null,
    endOffset: end?.offset ?? null,
  };
  if (typeof message.actual === 'string') result.actual = message.actual;
  if (Array.isArray(message.expected)) result.expected = [...message.expected];
  const suggestions = suggestionsOf(message);
  if (suggestions) result.suggestions = suggestions;
  if (typeof message.url === 'string') result.url = message.url;
  if (typeof message.note === 'string') result.note = message.note;
  return result;
}

/** The fixer's view of a plain message (same protocol as a `VFileMessage`). */
export function fixableView(message: LintMessage): {place: {start: {offset?: number}; end: {offset?: number}}; actual?: string; expected?: string[]} {
  return {
    place: {start: {offset: message.startOffset ?? undefined}, end: {offset: message.endOffset ?? undefined}},
    actual: message.actual,
    expected: message.expected,
  };
}

export function compareMessages(a: LintMessage, b: LintMessage): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || (a.ruleId ?? '').localeCompare(b.ruleId ?? '');
}

/** Rebuild a VFile with messages for vfile-reporter; `shownPath` is what people read. */
export function toVFile(result: FileResult, shownPath: string): VFile {
  const file = new VFile({path: shownPath});
  for (const m of result.messages) {
    const place =
      m.line === null
        ? undefined
        : m.endLine === null
          ? {line: m.line, column: m.column ?? 1}
          : {start: {line: m.line, column: m.column ?? 1}, end: {line: m.endLine, column: m.endColumn ?? 1}};
    const message = new VFileMessage(detailedReason(m), {place, ruleId: m.ruleId ?? undefined, source: m.source ?? undefined});
    message.file = shownPath;
    message.fatal = m.severity === 'error' ? true : m.severity === 'warning' ? false : undefined;
    if (m.url) message.url = m.url;
    if (m.note) message.note = m.note;
    file.messages.push(message);
  }
  return file;
}

export function countSeverities(results: Iterable<FileResult>): Record<Severity, number> {
  const counts: Record<Severity, number> = {error: 0, warning: 0, info: 0};
  for (const result of results) for (const m of result.messages) counts[m.severity]++;
  return counts;
}
