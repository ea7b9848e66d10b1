import {describe, expect, it} from 'vitest';
import {keptNotes, NOTES_END, NOTES_START, renderResults, renderTable} from '../report';
import type {RowSummary} from '../suite';
import {evaluateTargets} from '../targets';

function row(id: string, ms: number, extra: Partial<RowSummary> = {}): RowSummary {
  return {id, label: id, suite: 's', samples: [], ms, cpuMs: Number.NaN, ratio: Number.NaN, ...extra};
}

const META = {
  date: '2025-01-01T00:00:00Z',
  node: 'v20.0.0',
  cpus: '2 CPUs (test)',
  memory: '1.0 GB RAM',
  os: 'Linux 6',
  load: 'start 0 / 0 / 0, end 0 / 0 / 0 (1 / 5 / 15 min)',
  corpus: 'x ×1',
  runs: '1 timed run',
  command: 'npm run bench',
};

describe('renderTable', () => {
  it('shows figures, the ratio with its baseline, and why a row has none', () => {
    const table = renderTable([
      {
        title: 'Corpus ×1',
        rows: [
          row('parse', 2000, {cpuMs: 1900, rssKb: 102400, files: 48}),
          row('lint-cold', 1500, {baseline: 'parse', ratio: 0.75, files: 48, messages: 2459}),
          row('rule-x', Number.NaN, {unavailable: 'not available: `x` is not in the preset yet'}),
          row('markdownlint-cli2', Number.NaN, {error: 'markdownlint-cli2 processed 0 files; the corpus has 48\nmore'}),
        ],
      },
    ]);
    expect(table.split('\n')).toEqual([
      '### Corpus ×1',
      '',
      '| case | median wall | median CPU | ratio | peak RSS | files | messages |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      '| parse | 2.00 s | 1.90 s |  | 100 MB | 48 | – |',
      '| lint-cold | 1.50 s | – | 0.75× parse | – | 48 | 2,459 |',
      '| rule-x | not available: `x` is not in the preset yet | | | | | |',
      '| markdownlint-cli2 | failed: markdownlint-cli2 processed 0 files; the corpus has 48 | | | | | |',
      '',
    ]);
  });
});

describe('evaluateTargets', () => {
  it('checks each target against the medians and says when a row was not measured', () => {
    const targets = evaluateTargets([
      row('parse', 2000, {rssKb: 100 * 1024}),
      row('lint-cold', 1800, {rssKb: 140 * 1024}),
      row('lint-warm', 300),
      row('lint-cold-stylish', 1900),
      row('autocorrect-cli', 400),
      row('al-parse', 1000),
      row('al-real', 60),
      row('al-synth', 66),
      row('markdownlint-cli2', 2000),
      row('remark-cli', 1700),
      row('rules-parse', 1000),
      row('rule-cost-terminology', 30),
      row('rule-cost-cjk-spacing', 60),
      row('lint-4mb-plain', 1000),
      row('lint-4mb-dense', 2500),
      row('node-start', 50),
      row('book-lint-changed', 400),
    ]);
    expect(targets.map((t) => [t.target, t.measured, t.met])).toEqual([
      ['cold full lint ≤ 1.0× parse-only (one thread)', '0.90×', true],
      ['cold full lint faster than markdownlint-cli2 and remark-cli', '0.90× markdownlint-cli2, 1.06× remark-cli', false],
      ['warm full lint ≤ 0.1× parse-only', '0.15×', false],
      ['cold full lint in the terminal format within 10 % of JSON', '1.06× JSON', true],
      ['warm full lint in the terminal format ≤ 0.1× parse-only', 'not measured', undefined],
      ['warm full lint faster than AutoCorrect’s CLI', '0.75× AutoCorrect', true],
      ['lint peak memory ≤ 1.5× parse-only', '1.40× (140 MB vs 100 MB); 5,000 files: –', true],
      ['lint peak memory flat from the scaled corpus to 5,000 files (≤ 1.25×)', 'not measured', undefined],
      ['auto-link ≤ 5 % of remark-parse time', '6.0 %', false],
      ['auto-link with 5,000 models ≤ 1.3× real registry', '1.10×', true],
      ['build with our plugins ≤ 1.05× without', 'not measured', undefined],
      ['each rule’s own cost ≤ 0.05× the parse (in process, on parsed trees)', 'terminology 0.030×, cjk-spacing 0.060×', false],
      ['a 4 MB chapter dense with model names ≤ 3× the same chapter without (linear in matches)', '2.50×', true],
      ['`--changed`, one file in a 5,000-file book ≤ 10× `node -e 0`', '8.00× (400.0 ms)', true],
    ]);
  });
});

describe('notes', () => {
  it('keeps the hand-written notes of the previous results file', () => {
    const previous = renderResults(META, [], [], 'The warm run is slower because of X.');
    expect(keptNotes(previous)).toBe('The warm run is slower because of X.');
    expect(renderResults(META, [], [], keptNotes(previous))).toContain(`${NOTES_START}\nThe warm run is slower because of X.\n${NOTES_END}`);
  });

  it('starts with a placeholder when there is no previous file', () => {
    expect(keptNotes(undefined)).toBe('(No notes yet: say here why a target is missed or a peer is faster.)');
  });
});
