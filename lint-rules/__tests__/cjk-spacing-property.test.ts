import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {lintMarkdown, onlyRule} from '../docs/examples';
import {fixesFrom, markdown, PROPERTY_RUNS, PROPERTY_SEED, spliceFixes, untouchable} from './rule-properties';

const params = {seed: PROPERTY_SEED, numRuns: PROPERTY_RUNS};

describe.each([
  ['default options', onlyRule('cjk-spacing')],
  ['spaceAroundInlineCode: false', onlyRule('cjk-spacing', {spaceAroundInlineCode: false})],
])('cjk-spacing properties (%s)', (_name, config) => {
  it('never throws, and every message is a fix or a suggestion with the exact source slice of its range', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (text) => {
        const file = await lintMarkdown(text, config);
        expect(file.messages.filter((m) => m.fatal && m.actual === undefined)).toEqual([]);
        const fixes = fixesFrom(file.messages);
        const suggestions = file.messages.filter((m) => !m.expected && (m as {suggestions?: string[]}).suggestions?.length);
        expect(fixes.length + suggestions.length).toBe(file.messages.length);
        for (const fix of fixes) expect(text.slice(fix.start, fix.end)).toBe(fix.actual);
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
        for (const fix of applied) expect(again.has(fix.reason), `${fix.reason}\n${JSON.stringify(fixed)}`).toBe(false);
      }),
      params,
    );
    expect(fixedSome).toBeGreaterThan(PROPERTY_RUNS / 2);
  });
});
