/** The job summary of a run: what was posted, what waits, what could not be suggested and why. */
import type {Selection} from './comments';
import type {Skipped, SkipReason, Suggestion} from './plan';

const REASONS: Record<SkipReason, string> = {
  'unchanged-line': '不在本次改动的行上（本地运行 `npm run lint -- --fix` 修复）',
  'file-not-in-pr': '文件不在本次拉取请求的改动中',
  'no-patch': 'GitHub 没有给出这个文件的差异（文件过大或是二进制）',
  stale: '报告与拉取请求的当前内容不一致',
  overlap: '与同一处的另一条修复重叠，下次推送后再给出',
};

function cell(text: string): string {
  return text.replace(/\r?\n/g, '↵').replace(/\|/g, '\\|').replace(/</g, '&lt;').slice(0, 300);
}

function where(suggestion: Suggestion): string {
  const lines = suggestion.startLine === suggestion.endLine ? `${suggestion.startLine}` : `${suggestion.startLine}-${suggestion.endLine}`;
  return `\`${cell(suggestion.path)}:${lines}\``;
}

export function formatSummary(selection: Selection, skipped: readonly Skipped[], options: {max: number; pull: number}): string {
  const out = ['## 修复建议（llmbook lint）', ''];
  out.push(
    `拉取请求 #${options.pull}：发表 ${selection.post.length} 条建议，${selection.overflow.length} 条超出每次最多 ${options.max} 条的限制，${selection.duplicate.length} 条之前已发表，${skipped.length} 处修复无法作为建议。`,
    '',
  );
  if (selection.overflow.length > 0) {
    out.push('### 未发表的建议', '', '下次推送后会继续发表；也可以在本地运行 `npm run lint -- --fix` 一次全部修复。', '');
    out.push('| 位置 | 原文 | 修改为 |', '| --- | --- | --- |');
    for (const s of selection.overflow) out.push(`| ${where(s)} | ${cell(s.original)} | ${cell(s.replacement)} |`);
    out.push('');
  }
  if (skipped.length > 0) {
    const counts = new Map<SkipReason, number>();
    for (const {reason} of skipped) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    out.push('### 无法作为建议的修复', '', '| 原因 | 条数 |', '| --- | ---: |');
    for (const [reason, count] of counts) out.push(`| ${REASONS[reason]} | ${count} |`);
    out.push('');
  }
  return out.join('\n');
}
