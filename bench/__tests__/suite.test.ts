import {describe, expect, it} from 'vitest';
import {CaseFailure, runSuite, summarize, type Case} from '../suite';

function fakeCase(id: string, log: string[], ms: (rep: number) => number, fail?: number): Case {
  return {
    group: 'floors',
    rows: [{id, label: id, baseline: id === 'a' ? undefined : 'a'}],
    async run(rep) {
      log.push(`${id}${rep}`);
      if (rep === fail) throw new CaseFailure(`${id} broke`);
      return {[id]: {ms: ms(rep), files: 3}};
    },
  };
}

describe('runSuite', () => {
  it('interleaves the cases in every repetition and drops the warm-up samples', async () => {
    const log: string[] = [];
    const cases = [fakeCase('a', log, (r) => 100 + r), fakeCase('b', log, (r) => 50 + r)];
    const rows = await runSuite('s', cases, {runs: 2, warmup: true});
    expect(log).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2']);
    expect(rows.map((r) => [r.id, r.samples.map((s) => s.ms)])).toEqual([
      ['a', [101, 102]],
      ['b', [51, 52]],
    ]);
  });

  it('runs a case marked once only in the last repetition, and keeps that sample', async () => {
    const log: string[] = [];
    const slow = {...fakeCase('b', log, (r) => 50 + r), once: true};
    const rows = await runSuite('s', [fakeCase('a', log, (r) => 100 + r), slow], {runs: 2, warmup: true});
    expect(log).toEqual(['a0', 'a1', 'a2', 'b2']);
    expect(rows.map((r) => [r.id, r.samples.map((s) => s.ms)])).toEqual([
      ['a', [101, 102]],
      ['b', [52]],
    ]);
    const single = await runSuite('s', [{...fakeCase('c', log, () => 7), once: true}], {runs: 1, warmup: false});
    expect(single[0].samples.map((s) => s.ms)).toEqual([7]);
  });

  it('marks a failing case’s rows and stops running it, while the others go on', async () => {
    const log: string[] = [];
    const cases = [fakeCase('a', log, () => 1), fakeCase('b', log, () => 1, 0)];
    const rows = await runSuite('s', cases, {runs: 2, warmup: false});
    expect(log).toEqual(['a0', 'b0', 'a1']);
    expect(rows.find((r) => r.id === 'b')?.error).toBe('b broke');
    expect(rows.find((r) => r.id === 'a')?.error).toBeUndefined();
  });

  it('never runs a row that is not available', async () => {
    const log: string[] = [];
    const c = fakeCase('b', log, () => 1);
    c.rows[0].unavailable = 'not available: no CLI';
    await runSuite('s', [c], {runs: 1, warmup: true});
    expect(log).toEqual([]);
  });
});

describe('summarize', () => {
  it('takes medians, the largest peak memory, and the ratio to the baseline row', () => {
    const [a, b] = summarize([
      {id: 'a', label: 'a', suite: 's', samples: [{ms: 100, rssKb: 10}, {ms: 300, rssKb: 30}, {ms: 200, rssKb: 20}]},
      {id: 'b', label: 'b', suite: 's', baseline: 'a', samples: [{ms: 50, cpuMs: 40}, {ms: 70, cpuMs: 60}]},
    ]);
    expect([a.ms, a.rssKb, a.ratio]).toEqual([200, 30, Number.NaN]);
    expect([b.ms, b.cpuMs, b.ratio]).toEqual([60, 50, 0.3]);
  });
});
