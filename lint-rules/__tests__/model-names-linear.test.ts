/**
 * One text's scan must cost work linear in its length and its name matches: a
 * chapter with a model name every few bytes once took minutes because every match
 * searched the list of runs from its start. This counts work (the callbacks of the
 * array searches the scan makes), not time, so it cannot be flaky on a busy machine.
 */
import {afterEach, describe, expect, it, vi} from 'vitest';
import {modelIndexFor} from '../lib/model-names-index';
import {scanModelNames} from '../lib/model-names-scan';

const SEARCHES = ['find', 'findIndex', 'some', 'every', 'filter', 'map', 'forEach', 'reduce'] as const;

/** How many array-search callbacks `run` makes. */
function countCallbacks(run: () => void): number {
  let calls = 0;
  for (const name of SEARCHES) {
    const original = Array.prototype[name] as (this: unknown[], fn: (...args: unknown[]) => unknown, ...rest: unknown[]) => unknown;
    vi.spyOn(Array.prototype, name).mockImplementation(function (this: unknown[], fn: (...args: unknown[]) => unknown, ...rest: unknown[]) {
      return original.call(
        this,
        (...args: unknown[]) => {
          calls++;
          return fn(...args);
        },
        ...rest,
      );
    } as never);
  }
  try {
    run();
  } finally {
    vi.restoreAllMocks();
  }
  return calls;
}

describe('model-names scan cost', () => {
  afterEach(() => vi.restoreAllMocks());

  it('grows linearly with the number of names (a name followed by a space every 21 characters)', () => {
    const index = modelIndexFor();
    // `GPT-4 ` followed by a word: every match asks for the run after it (the `Claude 4` check).
    const text = (n: number): string => '模型 GPT-4 与 x 的比较，gpt-4 也是。'.repeat(n);
    const findings = (n: number): number => scanModelNames(text(n), index).length;
    expect(findings(10)).toBe(10); // the lowercase spelling is reported once per repeat
    const small = countCallbacks(() => scanModelNames(text(500), index));
    const large = countCallbacks(() => scanModelNames(text(4000), index));
    // 8× the text: linear work is about 8× (plus a constant); the old per-match search was about 64×.
    expect(large).toBeLessThanOrEqual(8 * small + 1000);
  });
});
