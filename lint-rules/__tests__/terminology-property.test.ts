import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {lintMarkdown, onlyRule} from '../docs/examples';
import {fixesFrom, markdown, PROPERTY_RUNS, PROPERTY_SEED, spliceFixes, untouchable} from './rule-properties';

const config = onlyRule('terminology');
const params = {seed: PROPERTY_SEED, numRuns: PROPERTY_RUNS};

describe('terminology properties', () => {
  it('never throws, and every fixable message names the exact source slice of its range', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (text) => {
        const file = await lintMarkdown(text, config);
        expect(file.messages.filter((m) => m.fatal && m.ruleId !== 'terminology')).toEqual([]);
        for (const fix of fixesFrom(file.messages)) expect(text.slice(fix.start, fix.end)).toBe(fix.actual);
        for (const m of file.messages) expect(m.actual, m.reason).toBeDefined();
      }),
      params,
    );
  });

  it('applying the fixes keeps code, math, HTML and URLs byte-identical, and re-linting finds none of them', async () => {
    let fixedSome = 0;
    await fc.assert(
      fc.asyncProperty(markdown, async (text) => {
        const {text: fixed, applied} = spliceFixes(text, fixesFrom((await lintMarkdown(text, config)).messages));
        if (applied.length > 0) fixedSome++;
        expect(untouchable(fixed)).toEqual(untouchable(text));
        const again = new Set((await lintMarkdown(fixed, config)).messages.map((m) => m.reason));
        for (const fix of applied) expect(again.has(fix.reason), fix.reason).toBe(false);
      }),
      params,
    );
    // The generator must exercise the fixes, or the property says nothing.
    expect(fixedSome).toBeGreaterThan(PROPERTY_RUNS / 4);
  });
});
