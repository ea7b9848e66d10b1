/**
 * The one model-name matcher. The auto-linker, the timeline's mention scan and the
 * model-names lint rule all find names through it, so a name is recognised the same
 * way everywhere (ARCHITECTURE.md, "Matching model names").
 *
 * A trie over the names: one left-to-right pass over the text, and at each position
 * a walk no longer than the longest name. The cost depends on the text, not on how
 * many models the registry holds.
 */
import type {Registry} from './types';

export interface Match {
  /** UTF-16 offsets into the searched text, end exclusive. */
  start: number;
  end: number;
  /** Registry id of the model the name belongs to. */
  id: string;
  /** The registry's spelling of the name or alias that matched. */
  name: string;
}

export interface Matcher {
  /** Every non-overlapping match, leftmost first, the longest at each position. */
  find(text: string): Match[];
  /** How many names (names plus aliases) the matcher knows. */
  readonly size: number;
}

export interface MatcherOptions {
  /** Match ASCII letters regardless of case (the lint rule uses this to find mis-cased names). */
  foldCase?: boolean;
}

interface TrieNode {
  children: Map<number, TrieNode>;
  /** Set where a name ends. */
  hit?: {id: string; name: string};
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

/** ASCII letter, digit or `_`: always continues a Latin name. */
function isWordCode(code: number): boolean {
  return (
    (code >= a && code <= z) ||
    (code >= A && code <= Z) ||
    (code >= ZERO && code <= NINE) ||
    code === UNDERSCORE
  );
}

function lower(code: number): number {
  return code >= A && code <= Z ? code + 32 : code;
}

/**
 * Would the character at `index` (looking away from the name, `step` = ±1) extend a
 * Latin name? Letters, digits and `_` do; `.` and `-` do only when a word character
 * follows them (`GPT-4.5`, `text-davinci`), not at the end of a sentence (`GPT-4.`).
 */
function extendsName(text: string, index: number, step: 1 | -1): boolean {
  const code = text.charCodeAt(index);
  if (Number.isNaN(code)) return false;
  if (isWordCode(code)) return true;
  if (code === DOT || code === HYPHEN) return isWordCode(text.charCodeAt(index + step));
  return false;
}

export function createMatcher(
  names: Iterable<readonly [name: string, id: string]>,
  options: MatcherOptions = {},
): Matcher {
  const fold = options.foldCase === true;
  const root: TrieNode = {children: new Map()};
  let size = 0;
  for (const [name, id] of names) {
    if (name.length === 0) continue;
    let node = root;
    for (let i = 0; i < name.length; i++) {
      const code = fold ? lower(name.charCodeAt(i)) : name.charCodeAt(i);
      let next = node.children.get(code);
      if (!next) {
        next = {children: new Map()};
        node.children.set(code, next);
      }
      node = next;
    }
    if (!node.hit) size++;
    node.hit ??= {id, name};
  }

  function longestAt(text: string, start: number): Match | undefined {
    let node: TrieNode | undefined = root;
    let best: Match | undefined;
    for (let i = start; i < text.length; i++) {
      const code = fold ? lower(text.charCodeAt(i)) : text.charCodeAt(i);
      node = node.children.get(code);
      if (!node) break;
      if (node.hit && !(isWordCode(code) && extendsName(text, i + 1, 1))) {
        best = {start, end: i + 1, id: node.hit.id, name: node.hit.name};
      }
    }
    return best;
  }

  return {
    size,
    find(text) {
      const matches: Match[] = [];
      let i = 0;
      while (i < text.length) {
        const code = text.charCodeAt(i);
        if (!root.children.has(fold ? lower(code) : code) || (isWordCode(code) && extendsName(text, i - 1, -1))) {
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

/** Every name and alias of the registry, paired with its entry's id. */
export function registryNames(registry: Registry): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const entry of registry.entries) {
    pairs.push([entry.name, entry.id]);
    for (const alias of entry.aliases) pairs.push([alias, entry.id]);
  }
  return pairs;
}

const cache = new WeakMap<Registry, Matcher>();

/** The case-sensitive matcher for a registry, built once per loaded registry. */
export function registryMatcher(registry: Registry): Matcher {
  let matcher = cache.get(registry);
  if (!matcher) {
    matcher = createMatcher(registryNames(registry));
    cache.set(registry, matcher);
  }
  return matcher;
}
