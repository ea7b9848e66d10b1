/**
 * Review comments from suggestions: the body (the messages, then a ```suggestion
 * block GitHub turns into a "Commit suggestion" button), a hidden key so the same
 * suggestion is never posted twice across pushes, and the cap per run.
 *
 * The key hashes the file, the original lines and their replacement, not the line
 * number: a push that moves the paragraph down keeps the key, a push that changes
 * the paragraph makes a new one. The report is untrusted, so the body shows only our
 * own rule names and links, and the message text with its mentions defused.
 */
import {createHash} from 'node:crypto';
import {RULE_NAMES, RULE_ORIGIN, ruleDocsUrl} from '../../core/constants';
import type {LintMessage} from '../../lint-rules/engine/result';
import type {Suggestion} from './plan';

/** The default cap on comments per run; the rest go to the job summary. */
export const DEFAULT_MAX_COMMENTS = 10;

const MARKER = /<!-- llmbook-suggestion:([0-9a-f]{16}) -->/g;

export function suggestionKey(suggestion: Pick<Suggestion, 'path' | 'original' | 'replacement'>): string {
  return createHash('sha256').update(`${suggestion.path}\0${suggestion.original}\0${suggestion.replacement}`).digest('hex').slice(0, 16);
}

/** Keys of the suggestions already posted, read from existing review comments. */
export function postedKeys(comments: ReadonlyArray<{body?: string | null}>): Set<string> {
  const keys = new Set<string>();
  for (const comment of comments) for (const match of (comment.body ?? '').matchAll(MARKER)) keys.add(match[1]);
  return keys;
}

/** A fence longer than any backtick run in `text`, so the suggestion shows verbatim. */
function fence(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** `@name` would notify someone: a zero-width joiner after `@` keeps the text and drops the mention. */
function defuse(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/@(?=[\w-])/g, '@\u200d').slice(0, 500);
}

export function ruleLabel(message: LintMessage): string {
  const rule = message.ruleId;
  if (rule !== null && (RULE_NAMES as readonly string[]).includes(rule)) return `[\`${RULE_ORIGIN}/${rule}\`](${ruleDocsUrl(rule)})`;
  return '`llmbook`';
}

export function commentBody(suggestion: Suggestion): string {
  const lines = suggestion.messages.map((message) => `- ${ruleLabel(message)}：${defuse(message.message)}`);
  const block = suggestion.replacement;
  const marks = fence(block);
  return [
    `<!-- llmbook-suggestion:${suggestionKey(suggestion)} -->`,
    `内容检查可以自动修复${suggestion.messages.length > 1 ? '这几处' : '这一处'}（与本地 \`npm run lint -- --fix\` 的结果相同）：`,
    '',
    ...lines,
    '',
    `${marks}suggestion`,
    block,
    marks,
    '',
    '点击「Commit suggestion」即可采纳；多条建议可以先「Add suggestion to batch」再一起提交。',
  ].join('\n');
}

export interface ReviewComment {
  path: string;
  line: number;
  start_line?: number;
  side: 'RIGHT';
  start_side?: 'RIGHT';
  body: string;
}

export function reviewComment(suggestion: Suggestion): ReviewComment {
  const comment: ReviewComment = {path: suggestion.path, line: suggestion.endLine, side: 'RIGHT', body: commentBody(suggestion)};
  if (suggestion.startLine !== suggestion.endLine) {
    comment.start_line = suggestion.startLine;
    comment.start_side = 'RIGHT';
  }
  return comment;
}

export interface Selection {
  /** To post now, in file and line order. */
  post: Suggestion[];
  /** Over the cap: listed in the summary, posted by a later run if still wanted. */
  overflow: Suggestion[];
  /** Already posted by an earlier run. */
  duplicate: Suggestion[];
}

/** Drop what was posted before, then keep at most `max` (in file and line order). */
export function selectSuggestions(suggestions: readonly Suggestion[], posted: ReadonlySet<string>, max = DEFAULT_MAX_COMMENTS): Selection {
  const sorted = [...suggestions].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.startLine - b.startLine);
  const duplicate: Suggestion[] = [];
  const fresh: Suggestion[] = [];
  const seen = new Set<string>();
  for (const suggestion of sorted) {
    const key = suggestionKey(suggestion);
    if (posted.has(key) || seen.has(key)) duplicate.push(suggestion);
    else fresh.push(suggestion);
    seen.add(key);
  }
  return {post: fresh.slice(0, Math.max(0, max)), overflow: fresh.slice(Math.max(0, max)), duplicate};
}
