/**
 * The one trie matcher. Model names (`core/registry/matcher.ts`: the auto-linker, the
 * timeline, the model-name lint rules) and the term list (the terminology rule) are both
 * found through it, so "longest match, one pass, whole words only" means the same thing
 * for both; what differs is stated as options.
 *
 * A trie over the keys: one left-to-right pass over the text, and at each position a walk
 * no longer than the longest key. Matches never overlap: the leftmost wins, the longest at
 * that position, and the search goes on after it.
 */

export interface TrieMatch<T> {
  /** UTF-16 offsets into the searched text, end exclusive. */
  start: number;
  end: number;
  /** The value stored with the key that matched. */
  value: T;
}

export interface TrieMatcher<T> {
  /** Every non-overlapping match, leftmost first, the longest at each position. */
  find(text: string): Array<TrieMatch<T>>;
  /** How many distinct keys the matcher knows. */
  readonly size: number;
}

/**
 * When a match whose edge is an ASCII letter, digit or `_` is cut out of a longer Latin
 * token (a match with a Chinese or punctuation edge is always whole there):
 *
 * - `name`: a letter, digit or `_` beside it, or a `.` / `-` leading on into one
 *   (`GPT-4o`, `GPT-4.5`, `my-davinci`); a full stop ending a sentence does not (`GPT-4.`).
 * - `token`: as `name`, and also paths, addresses and identifiers: before the match any of
 *   `. / \ @ # $ % ~ & =` (`.github/`, `@openai`, `a/github`); after it `/`, `\` or `@`
 *   (`github/`, `docker@`). What the term list needs, where `github` in a path is no typo.
 */
export type Boundary = 'name' | 'token';

export interface TrieOptions {
  /** Match ASCII letters regardless of case (default `false`). */
  foldCase?: boolean;
  /** `name` (default) or `token`; see {@link Boundary}. */
  boundary?: Boundary;
  /**
   * A space in a key matches any run of spaces, tabs and line breaks in the text
   * (default `false`: a space matches a space). A soft line break inside a multi-word
   * term is layout, not another spelling.
   */
  spaceMatchesWhitespace?: boolean;
}

interface TrieNode<T> {
  children: Map<number, TrieNode<T>>;
  /** Set where a key ends: the value of the first key inserted there. */
  hit?: {value: T};
}

const A = 65;
const Z = 90;
const a = 97;
const z = 122;
const ZERO = 48;
const NINE = 57;
const UNDERSCORE = 95;
const DOT = 46;
const HYPHEN = 45;
const SPACE = 32;

/** ASCII letter, digit or `_`: always continues a Latin token. */
function isWordCode(code: number): boolean {
  return (code >= a && code <= z) || (code >= A && code <= Z) || (code >= ZERO && code <= NINE) || code === UNDERSCORE;
}

function lower(code: number): number {
  return code >= A && code <= Z ? code + 32 : code;
}

function isBlank(code: number): boolean {
  return code === SPACE || code === 9 || code === 10 || code === 13;
}

/** `name`: would the character at `index` (looking away from the match, `step` = ±1) extend a Latin name? */
function extendsName(text: string, index: number, step: 1 | -1): boolean {
  const code = text.charCodeAt(index);
  if (Number.isNaN(code)) return false;
  if (isWordCode(code)) return true;
  if (code === DOT || code === HYPHEN) return isWordCode(text.charCodeAt(index + step));
  return false;
}

/** `token`: does the character at `index`, just before a match, join it to a longer token? */
function tokenBefore(text: string, index: number): boolean {
  if (index < 0) return false;
  const code = text.charCodeAt(index);
  return isWordCode(code) || './\\@#$%~&='.includes(text[index]) || (code === HYPHEN && isWordCode(text.charCodeAt(index - 1)));
}

/** `token`: does the character at `index`, just after a match, join it to a longer token? */
function tokenAfter(text: string, index: number): boolean {
  if (index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (isWordCode(code) || text[index] === '/' || text[index] === '\\' || text[index] === '@') return true;
  return (code === DOT || code === HYPHEN) && isWordCode(text.charCodeAt(index + 1));
}

const JOINS: Record<Boundary, {before: (text: string, index: number) => boolean; after: (text: string, index: number) => boolean}> = {
  name: {before: (text, index) => extendsName(text, index, -1), after: (text, index) => extendsName(text, index, 1)},
  token: {before: tokenBefore, after: tokenAfter},
};

export function createTrieMatcher<T>(entries: Iterable<readonly [key: string, value: T]>, options: TrieOptions = {}): TrieMatcher<T> {
  const fold = options.foldCase === true;
  const flexibleSpace = options.spaceMatchesWhitespace === true;
  const joins = JOINS[options.boundary ?? 'name'];
  const keyCode = fold ? lower : (code: number) => code;
  const root: TrieNode<T> = {children: new Map()};
  let size = 0;
  for (const [key, value] of entries) {
    if (key.length === 0) continue;
    let node = root;
    for (let i = 0; i < key.length; i++) {
      const code = keyCode(key.charCodeAt(i));
      let next = node.children.get(code);
      if (!next) {
        next = {children: new Map()};
        node.children.set(code, next);
      }
      node = next;
    }
    if (!node.hit) size++;
    node.hit ??= {value};
  }

  function longestAt(text: string, start: number): TrieMatch<T> | undefined {
    let node: TrieNode<T> | undefined = root;
    let best: TrieMatch<T> | undefined;
    let i = start;
    while (i < text.length && node) {
      const code = text.charCodeAt(i);
      if (flexibleSpace && isBlank(code) && node.children.has(SPACE)) {
        node = node.children.get(SPACE);
        while (i < text.length && isBlank(text.charCodeAt(i))) i++;
      } else {
        node = node.children.get(keyCode(code));
        i++;
      }
      if (node?.hit && !(isWordCode(text.charCodeAt(i - 1)) && joins.after(text, i))) {
        best = {start, end: i, value: node.hit.value};
      }
    }
    return best;
  }

  return {
    size,
    find(text) {
      const matches: Array<TrieMatch<T>> = [];
      let i = 0;
      while (i < text.length) {
        const code = text.charCodeAt(i);
        if (!root.children.has(keyCode(code)) || (isWordCode(code) && joins.before(text, i - 1))) {
          i++;
          continue;
        }
        const match = longestAt(text, i);
        if (match) {
          matches.push(match);
          i = match.end;
        } else {
          i++;
        }
      }
      return matches;
    },
  };
}
