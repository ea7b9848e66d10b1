/**
 * `--format json`: a stable shape for other tools. Version 1:
 *
 * ```json
 * {
 *   "version": 1,
 *   "files": [
 *     {"path": "docs/book/a.md", "fixed": false, "messages": [
 *       {"ruleId": "terminology", "source": "llmbook", "severity": "error",
 *        "message": "术语不一致：`Github` 应写作 `GitHub`",
 *        "line": 3, "column": 5, "endLine": 3, "endColumn": 11,
 *        "startOffset": 40, "endOffset": 46,
 *        "actual": "Github", "expected": ["GitHub"], "url": "https://…"}
 *     ]}
 *   ],
 *   "counts": {"error": 1, "warning": 0, "info": 0, "files": 1}
 * }
 * ```
 *
 * Every linted file is listed (with an empty `messages` when clean); paths are
 * relative to the working directory with `/`; positions are 1-based, offsets are
 * UTF-16 code units, end exclusive; `actual`/`expected`/`suggestions`/`url`/`note`
 * appear only when set. `expected[0]` is a fix `--fix` applies; `suggestions` are
 * replacements of `actual` that need a person (a word with two senses, a name that
 * may be a command) and are never applied;
 * `severity` is `error` (exit 1), `warning` or `info`. New fields may be added;
 * existing ones keep their meaning while `version` is 1.
 */
import type {FileResult, Severity} from '../result';
import {shownPath, writeToString, type ChunkWriter} from './stream';

export const JSON_FORMAT_VERSION = 1;

/** The report, written one file at a time in input order. */
export class JsonStream {
  private files = 0;
  private readonly counts: Record<Severity, number> = {error: 0, warning: 0, info: 0};

  constructor(
    private readonly writer: ChunkWriter,
    private readonly options: {cwd: string; total: number},
  ) {
    writer.write(`{\n  "version": ${JSON_FORMAT_VERSION},\n  "files": [${options.total === 0 ? '],' : ''}\n`);
  }

  add(result: FileResult): void {
    for (const m of result.messages) this.counts[m.severity]++;
    const entry = {path: shownPath(result.path, this.options.cwd), fixed: result.fixed === true, messages: result.messages};
    const text = JSON.stringify(entry, null, 2).replace(/^/gm, '    ');
    this.writer.write(`${this.files > 0 ? ',\n' : ''}${text}`);
    this.files++;
  }

  finish(): void {
    const counts = {...this.counts, files: this.files};
    if (this.options.total > 0) this.writer.write('\n  ],\n');
    this.writer.write(`  "counts": ${JSON.stringify(counts, null, 2).replace(/\n/g, '\n  ')}\n}`);
  }
}

/** The whole report at once: every result streamed in input order. */
export function formatJson(results: readonly FileResult[], options: {cwd: string}): string {
  return writeToString((writer) => {
    const json = new JsonStream(writer, {cwd: options.cwd, total: results.length});
    for (const result of results) json.add(result);
    json.finish();
  });
}
