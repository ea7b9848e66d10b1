/** The speed targets of issues #4, #5, #8 and #14, checked against one run's medians. */
import type {RowSummary} from './suite';
import {formatKb, formatMs, formatPercent, formatRatio, ratio} from './stats';

export interface TargetResult {
  target: string;
  measured: string;
  /** undefined when a row it needs was not measured. */
  met?: boolean;
}

type Rows = Map<string, RowSummary>;

function ms(rows: Rows, id: string): number | undefined {
  const row = rows.get(id);
  return row && Number.isFinite(row.ms) ? row.ms : undefined;
}

function rss(rows: Rows, id: string): number | undefined {
  return rows.get(id)?.rssKb;
}

function check(target: string, value: number, limit: number, shown: string, strict = false): TargetResult {
  if (!Number.isFinite(value)) return {target, measured: 'not measured'};
  return {target, measured: shown, met: strict ? value < limit : value <= limit};
}

export function evaluateTargets(summaries: readonly RowSummary[]): TargetResult[] {
  const rows: Rows = new Map(summaries.map((r) => [r.id, r]));
  const cold = ratio(ms(rows, 'lint-cold'), ms(rows, 'parse'));
  const warm = ratio(ms(rows, 'lint-warm'), ms(rows, 'parse'));
  const coldVsMarkdownlint = ratio(ms(rows, 'lint-cold'), ms(rows, 'markdownlint-cli2'));
  const coldVsRemark = ratio(ms(rows, 'lint-cold'), ms(rows, 'remark-cli'));
  const coldStylish = ratio(ms(rows, 'lint-cold-stylish'), ms(rows, 'lint-cold'));
  const warmStylish = ratio(ms(rows, 'lint-warm-stylish'), ms(rows, 'parse'));
  const warmVsAutocorrect = ratio(ms(rows, 'lint-warm'), ms(rows, 'autocorrect-cli'));
  const mem = ratio(rss(rows, 'lint-cold'), rss(rows, 'parse'));
  const memBook = ratio(rss(rows, 'book-lint-full'), rss(rows, 'book-parse'));
  const memGrowth = ratio(rss(rows, 'book-lint-full'), rss(rows, 'lint-cold'));
  const share = ratio(ms(rows, 'al-real'), ms(rows, 'al-parse'));
  const synth = ratio(ms(rows, 'al-synth'), ms(rows, 'al-real'));
  const build = ratio(ms(rows, 'build-with'), ms(rows, 'build-without'));
  const changed = ratio(ms(rows, 'book-lint-changed'), ms(rows, 'node-start'));
  const dense = ratio(ms(rows, 'lint-4mb-dense'), ms(rows, 'lint-4mb-plain'));
  // Each rule's own cost: in process on parsed trees (bench/children/rules.ts) against the same parse.
  const ruleParse = ms(rows, 'rules-parse');
  const ruleCosts = summaries
    .filter((r) => r.id.startsWith('rule-cost-') && Number.isFinite(r.ms))
    .map((r) => ({name: r.id.slice('rule-cost-'.length), cost: ruleParse === undefined ? Number.NaN : r.ms / ruleParse}));
  const worstRule = ruleCosts.reduce<{name: string; cost: number} | undefined>((worst, r) => (!worst || r.cost > worst.cost ? r : worst), undefined);
  return [
    check('cold full lint ≤ 1.0× parse-only (one thread)', cold, 1.0, formatRatio(cold)),
    check(
      'cold full lint faster than markdownlint-cli2 and remark-cli',
      Math.max(coldVsMarkdownlint, coldVsRemark),
      1,
      `${formatRatio(coldVsMarkdownlint)} markdownlint-cli2, ${formatRatio(coldVsRemark)} remark-cli`,
      true,
    ),
    check('warm full lint ≤ 0.1× parse-only', warm, 0.1, formatRatio(warm)),
    check('cold full lint in the terminal format within 10 % of JSON', coldStylish, 1.1, `${formatRatio(coldStylish)} JSON`),
    check('warm full lint in the terminal format ≤ 0.1× parse-only', warmStylish, 0.1, formatRatio(warmStylish)),
    check('warm full lint faster than AutoCorrect’s CLI', warmVsAutocorrect, 1, `${formatRatio(warmVsAutocorrect)} AutoCorrect`, true),
    check(
      'lint peak memory ≤ 1.5× parse-only',
      Math.max(mem, Number.isFinite(memBook) ? memBook : mem),
      1.5,
      `${formatRatio(mem)} (${formatKb(rss(rows, 'lint-cold'))} vs ${formatKb(rss(rows, 'parse'))}); 5,000 files: ${formatRatio(memBook)}`,
    ),
    check(
      'lint peak memory flat from the scaled corpus to 5,000 files (≤ 1.25×)',
      memGrowth,
      1.25,
      `${formatRatio(memGrowth)} (${formatKb(rss(rows, 'lint-cold'))} → ${formatKb(rss(rows, 'book-lint-full'))})`,
    ),
    check('auto-link ≤ 5 % of remark-parse time', share, 0.05, formatPercent(share)),
    check('auto-link with 5,000 models ≤ 1.3× real registry', synth, 1.3, formatRatio(synth)),
    check('build with our plugins ≤ 1.05× without', build, 1.05, formatRatio(build)),
    check(
      'each rule’s own cost ≤ 0.05× the parse (in process, on parsed trees)',
      worstRule?.cost ?? Number.NaN,
      0.05,
      worstRule ? `${ruleCosts.map((r) => `${r.name} ${formatRatio(r.cost)}`).join(', ')}` : 'not measured',
    ),
    check('a 4 MB chapter dense with model names ≤ 3× the same chapter without (linear in matches)', dense, 3, formatRatio(dense)),
    check('`--changed`, one file in a 5,000-file book ≤ 10× `node -e 0`', changed, 10, `${formatRatio(changed)} (${formatMs(ms(rows, 'book-lint-changed') ?? Number.NaN)})`),
  ];
}
