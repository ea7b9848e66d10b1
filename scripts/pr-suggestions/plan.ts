/**
 * Which lint messages become suggested changes, and what each suggestion says.
 *
 * A message becomes a suggestion only when `npm run lint -- --fix` would apply it:
 * the same `fixOf` the fixer uses (a range, `actual` and `expected[0]`). Messages
 * without a fix, and whatever a rule offers only as a guess beside it, never do.
 *
 * GitHub applies a suggestion by replacing whole lines, so fixes whose lines
 * overlap are merged into one suggestion covering those lines, applied with the
 * fixer's own `applyFixes` (overlapping fixes wait, as they do locally). A fix is
 * suggested only when every line it spans was added by the pull request, in one
 * hunk, and the text there still reads `actual`; otherwise it is listed as skipped
 * with the reason.
 */
import {applyFixes, fixOf, type Fix} from '../../lint-rules/engine/fix';
import {fixableView, type LintMessage} from '../../lint-rules/engine/result';
import {addedBlock, addedLines} from './diff';
import type {ReportFile} from './report';

/** A fixable message with its position (1-based lines, UTF-16 columns). */
export interface Fixable {
  path: string;
  message: LintMessage;
  fix: Fix;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Suggestion {
  path: string;
  /** First and last line replaced (equal for a one-line suggestion). */
  startLine: number;
  endLine: number;
  /** The lines as the pull request has them, and as the fixes leave them. */
  original: string;
  replacement: string;
  /** The messages whose fixes the suggestion applies, in text order. */
  messages: LintMessage[];
}

export type SkipReason = 'unchanged-line' | 'file-not-in-pr' | 'no-patch' | 'stale' | 'overlap';

export interface Skipped {
  path: string;
  message: LintMessage;
  reason: SkipReason;
}

export interface Plan {
  suggestions: Suggestion[];
  skipped: Skipped[];
}

/** A changed file of the pull request; `patch` is absent for binary or very large diffs. */
export interface PullFile {
  filename: string;
  status?: string;
  patch?: string;
}

/** The messages of a report that carry a fix `--fix` would apply. */
export function fixableMessages(files: readonly ReportFile[]): Fixable[] {
  const out: Fixable[] = [];
  for (const file of files) {
    for (const message of file.messages) {
      const fix = fixOf(fixableView(message));
      const {line, column, endLine, endColumn} = message;
      if (!fix || line === null || column === null || endLine === null || endColumn === null || endLine < line) continue;
      out.push({path: file.path, message, fix, line, column, endLine, endColumn});
    }
  }
  return out;
}

/** Fixables of one file grouped so that no two groups share a line. */
export function groupByLines(fixables: readonly Fixable[]): Fixable[][] {
  const sorted = [...fixables].sort((a, b) => a.line - b.line || a.column - b.column || a.endLine - b.endLine);
  const groups: Fixable[][] = [];
  let last = -1;
  for (const fixable of sorted) {
    const current = groups[groups.length - 1];
    if (current && fixable.line <= last) {
      current.push(fixable);
      last = Math.max(last, fixable.endLine);
    } else {
      groups.push([fixable]);
      last = fixable.endLine;
    }
  }
  return groups;
}

/** Offset of (line, column) inside `lines`, which start at line `first`. */
function localOffset(lines: readonly string[], first: number, line: number, column: number): number {
  let offset = 0;
  for (let n = first; n < line; n++) offset += lines[n - first].length + 1;
  return offset + column - 1;
}

function suggestGroup(path: string, group: readonly Fixable[], lines: readonly string[], first: number, skipped: Skipped[]): Suggestion | undefined {
  const text = lines.join('\n');
  const byFix = new Map<Fix, Fixable>();
  const local = group.map((fixable) => {
    const fix: Fix = {
      start: localOffset(lines, first, fixable.line, fixable.column),
      end: localOffset(lines, first, fixable.endLine, fixable.endColumn),
      actual: fixable.fix.actual,
      expected: fixable.fix.expected,
    };
    byFix.set(fix, fixable);
    return fix;
  });
  const result = applyFixes(text, local);
  for (const fix of result.stale) skipped.push({path, message: byFix.get(fix)!.message, reason: 'stale'});
  for (const fix of result.deferred) skipped.push({path, message: byFix.get(fix)!.message, reason: 'overlap'});
  if (result.applied.length === 0 || result.text === text) return undefined;
  const last = first + lines.length - 1;
  return {path, startLine: first, endLine: last, original: text, replacement: result.text, messages: result.applied.map((fix) => byFix.get(fix)!.message)};
}

/** Suggestions for the fixes on lines the pull request added; everything else skipped with a reason. */
export function planSuggestions(files: readonly ReportFile[], pullFiles: readonly PullFile[]): Plan {
  const byPath = new Map(pullFiles.filter((file) => file.status !== 'removed').map((file) => [file.filename, file]));
  const suggestions: Suggestion[] = [];
  const skipped: Skipped[] = [];
  const fixables = fixableMessages(files);
  const perPath = new Map<string, Fixable[]>();
  for (const fixable of fixables) perPath.set(fixable.path, [...(perPath.get(fixable.path) ?? []), fixable]);
  for (const [path, list] of perPath) {
    const pull = byPath.get(path);
    if (!pull || pull.patch === undefined) {
      for (const {message} of list) skipped.push({path, message, reason: pull ? 'no-patch' : 'file-not-in-pr'});
      continue;
    }
    const added = addedLines(pull.patch);
    // Fixes on lines the pull request did not add are skipped first, so that the
    // groups below span added lines only (overlapping ranges share a line, hence a hunk).
    const onAdded = list.filter((fixable) => {
      const ok = addedBlock(added, fixable.line, fixable.endLine) !== undefined;
      if (!ok) skipped.push({path, message: fixable.message, reason: 'unchanged-line'});
      return ok;
    });
    for (const group of groupByLines(onAdded)) {
      const first = group[0].line;
      const last = Math.max(...group.map((f) => f.endLine));
      const lines = addedBlock(added, first, last)!;
      const suggestion = suggestGroup(path, group, lines, first, skipped);
      if (suggestion) suggestions.push(suggestion);
    }
  }
  return {suggestions, skipped};
}
