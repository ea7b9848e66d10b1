import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {applyFixes, fixOf, fixText, fixTextSync, type Fix, type FixableMessage} from '../engine/fix';

const SEED = 20240601;
const RUNS = {seed: SEED, numRuns: 300};

/** The plain oracle: splice the chosen fixes into the text, last first. */
function splice(text: string, fixes: readonly Fix[]): string {
  let result = text;
  for (const fix of [...fixes].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, fix.start) + fix.expected + result.slice(fix.end);
  }
  return result;
}

const alphabet = fc.constantFrom('a', 'b', 'A', '中', '文', ' ', '\n', '`');
const textArb = fc.array(alphabet, {maxLength: 40}).map((chars) => chars.join(''));
const replacementArb = fc.array(alphabet, {maxLength: 4}).map((chars) => chars.join(''));

/** Any fixes on `text`: ranges anywhere, `actual` mostly right, sometimes wrong. */
function fixesOn(text: string): fc.Arbitrary<Fix[]> {
  const fix = fc
    .tuple(fc.nat(text.length), fc.nat(text.length), replacementArb, fc.boolean(), replacementArb)
    .map(([a, b, expected, honest, other]): Fix => {
      const start = Math.min(a, b);
      const end = Math.max(a, b);
      return {start, end, expected, actual: honest ? text.slice(start, end) : other};
    });
  return fc.array(fix, {maxLength: 8});
}

const scenario = textArb.chain((text) => fixesOn(text).map((fixes) => ({text, fixes})));

/** Disjoint, honest fixes: cut the text into pieces and replace some of them. */
const disjointScenario = textArb.chain((text) =>
  fc.uniqueArray(fc.nat(text.length), {maxLength: 10}).chain((cuts) => {
    const points = [...cuts].sort((a, b) => a - b);
    const ranges: Array<[number, number]> = [];
    for (let i = 0; i + 1 < points.length; i += 2) ranges.push([points[i], points[i + 1]]);
    return fc.array(replacementArb, {minLength: ranges.length, maxLength: ranges.length}).map((repl) => ({
      text,
      fixes: ranges.map(([start, end], i): Fix => ({start, end, actual: text.slice(start, end), expected: repl[i]})),
    }));
  }),
);

describe('applyFixes (one pass)', () => {
  it('agrees with a plain string-splice oracle on disjoint fixes and applies all of them', () => {
    fc.assert(
      fc.property(disjointScenario, ({text, fixes}) => {
        const result = applyFixes(text, fixes);
        expect(result.text).toBe(splice(text, fixes));
        expect(result.applied).toHaveLength(fixes.length);
      }),
      RUNS,
    );
  });

  it('applies a non-overlapping subset, equal to the oracle over that subset', () => {
    fc.assert(
      fc.property(scenario, ({text, fixes}) => {
        const result = applyFixes(text, fixes);
        expect(result.text).toBe(splice(text, result.applied));
        for (let i = 1; i < result.applied.length; i++) {
          const [prev, cur] = [result.applied[i - 1], result.applied[i]];
          expect(cur.start).toBeGreaterThanOrEqual(prev.end);
          expect(cur.start === cur.end && prev.start === prev.end && cur.start === prev.start).toBe(false);
        }
        expect(result.applied.length + result.deferred.length + result.stale.length).toBe(fixes.length);
        for (const fix of result.stale) expect(text.slice(fix.start, fix.end)).not.toBe(fix.actual);
      }),
      RUNS,
    );
  });

  it('leaves every byte outside the applied ranges unchanged', () => {
    fc.assert(
      fc.property(scenario, ({text, fixes}) => {
        const {text: out, applied} = applyFixes(text, fixes);
        let cursorIn = 0;
        let cursorOut = 0;
        for (const fix of applied) {
          const gap = text.slice(cursorIn, fix.start);
          expect(out.slice(cursorOut, cursorOut + gap.length)).toBe(gap);
          cursorOut += gap.length + fix.expected.length;
          cursorIn = fix.end;
        }
        expect(out.slice(cursorOut)).toBe(text.slice(cursorIn));
      }),
      RUNS,
    );
  });

  it('defers a fix that starts inside the previous one', () => {
    const text = 'abcdef';
    const first: Fix = {start: 1, end: 4, actual: 'bcd', expected: 'X'};
    const inside: Fix = {start: 3, end: 5, actual: 'de', expected: 'Y'};
    const after: Fix = {start: 4, end: 5, actual: 'e', expected: 'Z'};
    const result = applyFixes(text, [inside, after, first]);
    expect(result.text).toBe('aXZf');
    expect(result.deferred).toEqual([inside]);
  });

  it('applies one of two insertions at the same offset and defers the other', () => {
    const result = applyFixes('ab', [
      {start: 1, end: 1, actual: '', expected: ' '},
      {start: 1, end: 1, actual: '', expected: ' '},
    ]);
    expect(result.text).toBe('a b');
    expect(result.deferred).toHaveLength(1);
  });

  it('skips a fix whose range no longer holds `actual`', () => {
    const result = applyFixes('Github 的', [{start: 0, end: 6, actual: 'GitLab', expected: 'GitHub'}]);
    expect(result.text).toBe('Github 的');
    expect(result.stale).toHaveLength(1);
  });
});

describe('fixOf (the message protocol)', () => {
  it('reads only place offsets, actual and expected[0]', () => {
    const message: FixableMessage = {
      place: {start: {offset: 2}, end: {offset: 8}},
      actual: 'Github',
      expected: ['GitHub', 'github'],
    };
    expect(fixOf(message)).toEqual({start: 2, end: 8, actual: 'Github', expected: 'GitHub'});
  });

  it('ignores messages without a range, without actual, or without expected', () => {
    expect(fixOf({place: {offset: 3}, actual: 'a', expected: ['b']})).toBeUndefined();
    expect(fixOf({place: {start: {offset: 0}, end: {offset: 1}}, expected: ['b']})).toBeUndefined();
    expect(fixOf({place: {start: {offset: 0}, end: {offset: 1}}, actual: 'a', expected: []})).toBeUndefined();
    expect(fixOf({place: {start: {}, end: {offset: 1}}, actual: 'a', expected: ['b']})).toBeUndefined();
  });
});

/** A fake rule: every run of `a` longer than one is one fix per overlapping `aa`. */
function squeezeA(text: string): FixableMessage[] {
  const messages: FixableMessage[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    if (text[i] === 'a' && text[i + 1] === 'a') {
      messages.push({place: {start: {offset: i}, end: {offset: i + 2}}, actual: 'aa', expected: ['a']});
    }
  }
  return messages;
}

describe('fixText (the pass loop)', () => {
  const aText = fc.array(fc.constantFrom('a', 'a', 'b', ' '), {maxLength: 60}).map((c) => c.join(''));

  it('converges to the oracle, leaves nothing fixable, and fixing twice equals fixing once', () => {
    fc.assert(
      fc.property(aText, (text) => {
        const once = fixTextSync(text, squeezeA);
        expect(once.text).toBe(text.replace(/a+/g, 'a'));
        expect(once.messages).toEqual([]);
        expect(once.oscillated).toBe(false);
        const twice = fixTextSync(once.text, squeezeA);
        expect(twice.text).toBe(once.text);
        expect(twice.changed).toBe(false);
      }),
      {seed: SEED, numRuns: 200},
    );
  });

  it('counts passes: overlapping fixes wait for the next pass', () => {
    const result = fixTextSync('aaaa', squeezeA);
    expect(result).toMatchObject({text: 'a', passes: 2, changed: true, oscillated: false});
  });

  it('detects oscillation when pass n repeats pass n - 2', async () => {
    const flip = (text: string): FixableMessage[] => {
      const at = text.indexOf('foo');
      if (at >= 0) return [{place: {start: {offset: at}, end: {offset: at + 3}}, actual: 'foo', expected: ['bar']}];
      const bt = text.indexOf('bar');
      if (bt >= 0) return [{place: {start: {offset: bt}, end: {offset: bt + 3}}, actual: 'bar', expected: ['foo']}];
      return [];
    };
    const result = await fixText('x foo y', flip);
    expect(result).toMatchObject({oscillated: true, passes: 2, text: 'x foo y', changed: false});
  });

  it('stops after the pass limit', () => {
    let n = 0;
    const grow = (text: string): FixableMessage[] => [
      {place: {start: {offset: text.length}, end: {offset: text.length}}, actual: '', expected: [String(n++ % 10)]},
    ];
    const result = fixTextSync('', grow, 10);
    expect(result.text).toBe('0123456789');
    expect(result.passes).toBe(10);
  });
});
