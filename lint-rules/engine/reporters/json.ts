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
import {countSeverities, type FileResult} from '../result';
import {shownPath} from './stylish';

export const JSON_FORMAT_VERSION = 1;

export function formatJson(results: readonly FileResult[], options: {cwd: string}): string {
  const files = results.map((r) => ({path: shownPath(r.path, options.cwd), fixed: r.fixed === true, messages: r.messages}));
  const counts = {...countSeverities(results), files: results.length};
  return JSON.stringify({version: JSON_FORMAT_VERSION, files, counts}, null, 2);
}
