import {describe, expect, it} from 'vitest';
import {CASE_GROUPS, DEFAULT_OUT, parseOptions, SMOKE_CASES} from '../options';

describe('parseOptions', () => {
  it('defaults to ×10, three runs after a warm-up, every group, written to bench/results.md', () => {
    expect(parseOptions([])).toEqual({
      scale: 10,
      runs: 3,
      warmup: true,
      cases: [...CASE_GROUPS],
      smoke: false,
      out: DEFAULT_OUT,
      keep: false,
      help: false,
    });
  });

  it('--smoke means ×1, one run, no warm-up, the quick groups, nothing written', () => {
    const options = parseOptions(['--smoke']);
    expect(options).toMatchObject({scale: 1, runs: 1, warmup: false, cases: SMOKE_CASES, out: null, smoke: true});
    expect(options.cases).not.toContain('build');
  });

  it('explicit values win over what --smoke implies', () => {
    expect(parseOptions(['--smoke', '--scale', '2', '--cases', 'floors'])).toMatchObject({scale: 2, runs: 1, cases: ['floors']});
  });

  it('reads --flag=value and keeps the groups in their canonical order', () => {
    expect(parseOptions(['--scale=100', '--runs=7', '--cases=peers,floors'])).toMatchObject({scale: 100, runs: 7, cases: ['floors', 'peers']});
  });

  it('rejects a scale that is not a whole number ≥ 1', () => {
    expect(() => parseOptions(['--scale', '0'])).toThrow('--scale needs a whole number ≥ 1, e.g. `--scale 10`; got `0`');
    expect(() => parseOptions(['--runs'])).toThrow('--runs needs a whole number ≥ 1, e.g. `--runs 10`; got ``');
  });

  it('names the unknown case group and lists the valid ones', () => {
    expect(() => parseOptions(['--cases', 'floors,speed'])).toThrow(
      'unknown case group `speed` in --cases; groups: floors, lint, rules, peers, autolink, build, changed',
    );
  });

  it('rejects unknown options', () => {
    expect(() => parseOptions(['--fast'])).toThrow('unknown option `--fast`; run `npm run bench -- --help` for the options');
  });

  it('--no-out prints only', () => {
    expect(parseOptions(['--no-out']).out).toBeNull();
  });
});
