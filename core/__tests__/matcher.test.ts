import {describe, expect, it} from 'vitest';
import {createTrieMatcher, type TrieOptions} from '../matcher';

const found = (keys: string[], text: string, options?: TrieOptions) =>
  createTrieMatcher(keys.map((key) => [key, key] as const), options)
    .find(text)
    .map((m) => text.slice(m.start, m.end));

describe('createTrieMatcher', () => {
  it('takes the leftmost, then the longest match, and never overlaps', () => {
    expect(found(['提示', '提示工程', '工程师'], '提示工程师')).toEqual(['提示工程']);
  });

  it('keeps the value of the first key inserted at a node', () => {
    const matcher = createTrieMatcher([['GitHub', 1], ['Github', 2]], {foldCase: true});
    expect(matcher.find('github').map((m) => m.value)).toEqual([1]);
    expect(matcher.size).toBe(1);
  });

  it('name boundaries: a path or an address around a name does not cut it out', () => {
    expect(found(['github'], 'a/github/x @github')).toEqual(['github', 'github']);
    expect(found(['github'], 'github.com, github.')).toEqual(['github']);
  });

  it('token boundaries: no match inside a path, an address or an identifier', () => {
    expect(found(['github'], 'a/github .github @github github/ github.com', {boundary: 'token'})).toEqual([]);
    expect(found(['github'], '在 github。', {boundary: 'token'})).toEqual(['github']);
  });

  it('a space in a key matches a run of whitespace only when asked', () => {
    expect(found(['Hugging Face'], 'Hugging\n  Face')).toEqual([]);
    expect(found(['Hugging Face'], 'Hugging\n  Face', {spaceMatchesWhitespace: true})).toEqual(['Hugging\n  Face']);
  });
});
