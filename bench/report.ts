/** The results as Markdown: printed, and written to `bench/results.md` with the notes kept. */
import type {RowSummary} from './suite';
import type {TargetResult} from './targets';
import {formatKb, formatMs, formatRatio} from './stats';

export interface Meta {
  date: string;
  node: string;
  cpus: string;
  memory: string;
  os: string;
  load: string;
  corpus: string;
  runs: string;
  command: string;
}

export interface SuiteSection {
  title: string;
  rows: RowSummary[];
}

export const NOTES_START = '<!-- bench:notes:start -->';
export const NOTES_END = '<!-- bench:notes:end -->';
const DEFAULT_NOTES = '(No notes yet: say here why a target is missed or a peer is faster.)';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function rowLine(row: RowSummary): string {
  if (row.unavailable) return `| ${cell(row.label)} | ${cell(row.unavailable)} | | | | | |`;
  if (row.error) return `| ${cell(row.label)} | failed: ${cell(row.error.split('\n')[0])} | | | | | |`;
  const vs = row.baseline && Number.isFinite(row.ratio) ? `${formatRatio(row.ratio)} ${row.baseline}` : '';
  const cpu = Number.isFinite(row.cpuMs) ? formatMs(row.cpuMs) : '–';
  const count = (n: number | undefined): string => (n === undefined ? '–' : n.toLocaleString('en'));
  return `| ${cell(row.label)} | ${formatMs(row.ms)} | ${cpu} | ${vs} | ${formatKb(row.rssKb)} | ${count(row.files)} | ${count(row.messages)} |`;
}

export function renderTable(sections: readonly SuiteSection[]): string {
  const out: string[] = [];
  for (const section of sections) {
    out.push(`### ${section.title}`, '');
    out.push('| case | median wall | median CPU | ratio | peak RSS | files | messages |');
    out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const row of section.rows) out.push(rowLine(row));
    out.push('');
  }
  return out.join('\n');
}

export function renderTargets(targets: readonly TargetResult[]): string {
  const mark = (met: boolean | undefined): string => (met === undefined ? '–' : met ? 'yes' : '**no**');
  return [
    '| target | measured | met |',
    '| --- | --- | :---: |',
    ...targets.map((t) => `| ${cell(t.target)} | ${cell(t.measured)} | ${mark(t.met)} |`),
    '',
  ].join('\n');
}

/** The hand-written notes of an existing results file, or the placeholder. */
export function keptNotes(previous: string | undefined): string {
  if (!previous) return DEFAULT_NOTES;
  const start = previous.indexOf(NOTES_START);
  const end = previous.indexOf(NOTES_END);
  if (start === -1 || end < start) return DEFAULT_NOTES;
  return previous.slice(start + NOTES_START.length, end).trim() || DEFAULT_NOTES;
}

export function renderResults(meta: Meta, targets: readonly TargetResult[], sections: readonly SuiteSection[], notes: string): string {
  return [
    '# Benchmarks',
    '',
    `Written by \`${meta.command}\`; rerun it to refresh the figures. Everything outside the notes section is generated.`,
    'Ratios compare medians measured in the same run, cases interleaved; "ratio" names the row it divides by.',
    'Wall time includes starting the process; CPU is user + system time of every Node process of the case.',
    '',
    '| | |',
    '| --- | --- |',
    `| date | ${meta.date} |`,
    `| Node | ${meta.node} |`,
    `| machine | ${cell(meta.cpus)}, ${meta.memory}, ${cell(meta.os)} |`,
    `| load average | ${meta.load} |`,
    `| corpus | ${cell(meta.corpus)} |`,
    `| runs | ${meta.runs} |`,
    '',
    '## Targets',
    '',
    renderTargets(targets),
    '## Results',
    '',
    renderTable(sections),
    '## Notes',
    '',
    NOTES_START,
    notes,
    NOTES_END,
    '',
  ].join('\n');
}
