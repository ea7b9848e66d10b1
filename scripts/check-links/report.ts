/**
 * Reports of a link check: plain text for the terminal, Markdown for the job summary
 * and the issue, JSON for tools.
 */
import type {CheckResult, LinkStatus, SourceLocation} from './types';

export const STATUSES: readonly LinkStatus[] = ['ok', 'redirected', 'dead', 'unknown', 'skipped'];

const SECTION_TITLES: Record<'dead' | 'unknown' | 'redirected', string> = {
  dead: '失效链接（dead）',
  unknown: '暂时无法确认（unknown）',
  redirected: '已永久重定向（redirected）',
};

const REPORTED = ['dead', 'unknown', 'redirected'] as const;

export function countByStatus(results: readonly CheckResult[]): Record<LinkStatus, number> {
  const counts: Record<LinkStatus, number> = {ok: 0, redirected: 0, dead: 0, unknown: 0, skipped: 0};
  for (const result of results) counts[result.status] += 1;
  return counts;
}

export function summaryLine(results: readonly CheckResult[]): string {
  const counts = countByStatus(results);
  const cached = results.filter((result) => result.cached).length;
  const parts = STATUSES.map((status) => `${status} ${counts[status]}`).join('，');
  return `共 ${results.length} 个外部链接：${parts}（其中 ${cached} 个来自缓存）`;
}

function place(location: SourceLocation): string {
  return `${location.file}:${location.line}:${location.column}`;
}

/** Dead, unknown and redirected links with every place they stand, then the counts. */
export function formatText(results: readonly CheckResult[]): string {
  const lines: string[] = [];
  for (const status of REPORTED) {
    const matching = results.filter((result) => result.status === status);
    if (matching.length === 0) continue;
    lines.push(`${SECTION_TITLES[status]}：`);
    for (const result of matching) {
      lines.push(`  ${result.url}  ${result.detail}`);
      for (const location of result.locations) lines.push(`    ${place(location)}`);
    }
    lines.push('');
  }
  lines.push(summaryLine(results));
  return `${lines.join('\n')}\n`;
}

/** A Markdown code span that survives any backticks inside `text`. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function formatMarkdown(results: readonly CheckResult[]): string {
  const counts = countByStatus(results);
  const lines = ['## 外部链接检查', '', '| 状态 | 数量 |', '| --- | ---: |'];
  for (const status of STATUSES) lines.push(`| ${status} | ${counts[status]} |`);
  lines.push('', summaryLine(results), '');
  for (const status of REPORTED) {
    const matching = results.filter((result) => result.status === status);
    if (matching.length === 0) continue;
    lines.push(`### ${SECTION_TITLES[status]}`, '', '| 链接 | 结果 | 位置 |', '| --- | --- | --- |');
    for (const result of matching) {
      const where = result.locations.map((location) => code(place(location))).join('<br>');
      lines.push(`| ${cell(code(result.url))} | ${cell(result.detail)} | ${cell(where)} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

export function formatJson(results: readonly CheckResult[]): string {
  return `${JSON.stringify({summary: countByStatus(results), results}, null, 2)}\n`;
}
