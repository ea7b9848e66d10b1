import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createMatcher, type Match} from '../matcher';

const NAMES: Array<[string, string]> = [
  ['davinci', 'davinci'],
  ['GPT-3', 'davinci'],
  ['code-davinci-002', 'code-davinci-002'],
  ['text-davinci-002', 'text-davinci-002'],
  ['text-davinci-003', 'text-davinci-003'],
  ['ChatGPT', 'chatgpt'],
  ['GPT-3.5', 'gpt-3.5'],
  ['GPT-4', 'gpt-4'],
  ['GPT-4 Turbo', 'gpt-4-turbo'],
  ['文心一言', 'ernie-bot'],
  ['Claude', 'claude'],
];

const matcher = createMatcher(NAMES);
const found = (text: string) => matcher.find(text).map((m) => text.slice(m.start, m.end));
const ids = (text: string) => matcher.find(text).map((m) => m.id);

describe('createMatcher', () => {
  it('matches names next to Chinese characters and full-width punctuation', () => {
    expect(found('基于code-davinci-002的模型')).toEqual(['code-davinci-002']);
    expect(found('（ChatGPT）')).toEqual(['ChatGPT']);
    expect(found('GPT-4、Claude 和文心一言都是')).toEqual(['GPT-4', 'Claude', '文心一言']);
  });

  it('does not match a name inside a longer Latin name', () => {
    expect(found('text-davinci-002')).toEqual(['text-davinci-002']);
    expect(found('GPT-4o 发布')).toEqual([]);
    expect(found('davinci2 and xdavinci and davinci_x')).toEqual([]);
    expect(found('GPT-4.5')).toEqual([]);
    expect(found('my-davinci')).toEqual([]);
  });

  it('accepts sentence punctuation after a name', () => {
    expect(found('We used GPT-4. Then davinci, then ChatGPT!')).toEqual(['GPT-4', 'davinci', 'ChatGPT']);
    expect(found('GPT-4-类模型')).toEqual(['GPT-4']);
  });

  it('takes the longest match', () => {
    expect(found('GPT-3.5 与 GPT-3')).toEqual(['GPT-3.5', 'GPT-3']);
    expect(ids('GPT-4 Turbo 比 GPT-4 便宜')).toEqual(['gpt-4-turbo', 'gpt-4']);
  });

  it('maps aliases to their entry', () => {
    expect(matcher.find('初代 GPT-3')).toEqual([{start: 3, end: 8, id: 'davinci', name: 'GPT-3'}]);
  });

  it('is case-sensitive unless asked to fold case', () => {
    expect(found('chatgpt 和 Gpt-4')).toEqual([]);
    const folded = createMatcher(NAMES, {foldCase: true});
    expect(folded.find('chatgpt 和 Gpt-4').map((m) => m.name)).toEqual(['ChatGPT', 'GPT-4']);
  });

  it('counts names once', () => {
    expect(matcher.size).toBe(NAMES.length);
  });

  it('finds the same names as a naive scan over every name (property)', () => {
    const alphabet = fc.constantFrom('davinci', 'GPT-4', 'GPT-4 Turbo', 'GPT-3', '.5', '-', 'text-', '的', '文心一言', ' ', 'a', '1', '。', 'ChatGPT', '_');
    fc.assert(
      fc.property(fc.array(alphabet, {maxLength: 20}), (parts) => {
        const text = parts.join('');
        const matches = matcher.find(text);
        expectNonOverlapping(matches);
        for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.name);
        expect(matches).toEqual(naiveFind(text));
      }),
      {seed: 20261129, numRuns: 2000},
    );
  });
});

function expectNonOverlapping(matches: Match[]): void {
  for (let i = 1; i < matches.length; i++) expect(matches[i].start).toBeGreaterThanOrEqual(matches[i - 1].end);
}

/** Oracle: at each position try every name, longest first, with the boundary rule written out plainly. */
function naiveFind(text: string): Match[] {
  const word = /[A-Za-z0-9_]/;
  const extendsAt = (i: number, step: number) =>
    word.test(text[i] ?? '') || (/[.-]/.test(text[i] ?? '') && word.test(text[i + step] ?? ''));
  const sorted = [...NAMES].sort((a, b) => b[0].length - a[0].length);
  const out: Match[] = [];
  let i = 0;
  while (i < text.length) {
    const hit = sorted.find(([name]) => {
      if (!text.startsWith(name, i)) return false;
      const end = i + name.length;
      if (word.test(name[0]) && extendsAt(i - 1, -1)) return false;
      return !(word.test(name[name.length - 1]) && extendsAt(end, 1));
    });
    if (hit) {
      out.push({start: i, end: i + hit[0].length, id: hit[1], name: hit[0]});
      i += hit[0].length;
    } else {
      i++;
    }
  }
  return out;
}
