/**
 * Cases, rows and the runner. A suite's cases share one setup (a corpus copy, a
 * git book, two sites) and are interleaved: each repetition runs every case of the
 * suite once, so a slow minute on a shared machine hits all of them alike.
 */
import {performance} from 'node:perf_hooks';
import type {CaseGroup} from './options';
import {median, ratio} from './stats';

/** One measurement of one row. */
export interface Sample {
  ms: number;
  cpuMs?: number;
  rssKb?: number;
  /** Files the tool reports it processed (checked against the corpus). */
  files?: number;
  /** Messages (or links, for the auto-linker) it reported. */
  messages?: number;
}

export interface RowSpec {
  id: string;
  label: string;
  /** Row whose median wall time is the denominator of this row's ratio. */
  baseline?: string;
  /** Set when the row cannot be measured here; shown instead of figures. */
  unavailable?: string;
}

export interface Case {
  group: CaseGroup;
  rows: RowSpec[];
  /** One repetition (`rep` 0 is the warm-up when there is one); a sample per available row. */
  run(rep: number): Promise<Record<string, Sample>>;
  /**
   * Run only in the last repetition, without a warm-up: a case so slow (a minute or more)
   * that one run is long enough to read and several would keep the default run over 15
   * minutes. Its table row then rests on one sample.
   */
  once?: boolean;
}

export interface Suite {
  name: string;
  /** Make what the cases share (a corpus copy, a git book, two sites) and the cases. */
  setup(): Promise<Case[]>;
  /** Shown above the suite's rows in the table, e.g. the corpus size (after setup). */
  describe(): string;
  teardown?(): Promise<void>;
}

/** A run of a tool that did not do its job (crashed, or processed no files). */
export class CaseFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaseFailure';
  }
}

export interface RowResult extends RowSpec {
  suite: string;
  samples: Sample[];
  error?: string;
}

export interface RowSummary extends RowResult {
  ms: number;
  cpuMs: number;
  rssKb?: number;
  files?: number;
  messages?: number;
  ratio: number;
}

export interface Progress {
  (text: string): void;
}

export interface RunPlan {
  runs: number;
  warmup: boolean;
  progress?: Progress;
}

function available(spec: RowSpec): boolean {
  return spec.unavailable === undefined;
}

/** Run every case of a suite `warmup + runs` times, interleaved; collect samples per row. */
export async function runSuite(name: string, cases: readonly Case[], plan: RunPlan): Promise<RowResult[]> {
  const rows = new Map<string, RowResult>();
  for (const c of cases) for (const spec of c.rows) rows.set(spec.id, {...spec, suite: name, samples: []});
  const failed = new Set<Case>();
  const reps = plan.runs + (plan.warmup ? 1 : 0);
  const started = performance.now();
  const done = {steps: 0, total: reps * cases.length};
  for (let rep = 0; rep < reps; rep++) {
    const warm = plan.warmup && rep === 0;
    for (const c of cases) {
      done.steps++;
      if (failed.has(c) || !c.rows.some(available)) continue;
      if (c.once && rep !== reps - 1) continue;
      const label = c.rows.filter(available).map((r) => r.id).join(', ');
      const elapsed = ((performance.now() - started) / 1000).toFixed(0);
      plan.progress?.(`${name} [${done.steps}/${done.total}] ${warm ? 'warm-up' : `run ${rep + (plan.warmup ? 0 : 1)}/${plan.runs}`}: ${label} (${elapsed} s)`);
      try {
        const samples = await c.run(rep);
        if (warm && !c.once) continue;
        for (const [id, sample] of Object.entries(samples)) rows.get(id)?.samples.push(sample);
      } catch (error) {
        failed.add(c);
        const message = error instanceof Error ? error.message : String(error);
        for (const spec of c.rows) if (available(spec)) rows.get(spec.id)!.error = message;
      }
    }
  }
  return [...rows.values()];
}

function last<T>(values: readonly T[]): T | undefined {
  return values[values.length - 1];
}

/** Medians per row and each row's ratio to its baseline row. */
export function summarize(results: readonly RowResult[]): RowSummary[] {
  const partial = results.map((r) => {
    const cpu = r.samples.map((s) => s.cpuMs).filter((v): v is number => v !== undefined);
    const rss = r.samples.map((s) => s.rssKb).filter((v): v is number => v !== undefined);
    return {
      ...r,
      ms: median(r.samples.map((s) => s.ms)),
      cpuMs: cpu.length > 0 ? median(cpu) : Number.NaN,
      rssKb: rss.length > 0 ? Math.max(...rss) : undefined,
      files: last(r.samples)?.files,
      messages: last(r.samples)?.messages,
      ratio: Number.NaN,
    };
  });
  const byId = new Map(partial.map((r) => [r.id, r]));
  for (const row of partial) {
    if (row.baseline) row.ratio = ratio(row.ms, byId.get(row.baseline)?.ms);
  }
  return partial;
}
