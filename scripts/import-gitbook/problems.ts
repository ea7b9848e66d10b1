/**
 * What the importer could not do, or did differently from GitBook, with the place it
 * happened. Errors stop the import before anything is written; warnings are listed and
 * the import goes on.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  severity: Severity;
  /** Path relative to the book folder, posix style (`01-llm/01-2.md`). */
  file: string;
  line: number;
  column: number;
  message: string;
  /** The original exception, when one caused this problem. */
  cause?: unknown;
}

const LABEL: Record<Severity, string> = {error: '错误', warning: '警告', info: '说明'};

export function problem(
  severity: Severity,
  file: string,
  place: {line: number; column: number} | undefined,
  message: string,
  cause?: unknown,
): Problem {
  return {severity, file, line: place?.line ?? 1, column: place?.column ?? 1, message, ...(cause === undefined ? {} : {cause})};
}

/** `book/SUMMARY.md:12:5: 错误：…`; `prefix` is the book folder as the user typed it. */
export function formatProblem(p: Problem, prefix = ''): string {
  const file = prefix ? `${prefix.replace(/[\\/]+$/, '')}/${p.file}` : p.file;
  return `${file}:${p.line}:${p.column}: ${LABEL[p.severity]}：${p.message}`;
}

export function byPlace(a: Problem, b: Problem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}

export class ImportError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => formatProblem(p)).join('\n'));
    this.name = 'ImportError';
  }
}
