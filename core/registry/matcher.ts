/**
 * The one model-name matcher. The auto-linker, the timeline's mention scan and the
 * model-names lint rule all find names through it, so a name is recognised the same
 * way everywhere (ARCHITECTURE.md, "Matching model names").
 *
 * The trie itself is the kernel's one matcher (`core/matcher.ts`, shared with the term
 * list): one left-to-right pass over the text, and at each position a walk no longer than
 * the longest name. The cost depends on the text, not on how many models the registry holds.
 */
import {createTrieMatcher} from '../matcher';
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

/**
 * A matcher over model names: the kernel's trie (`core/matcher.ts`) with the Latin-name
 * boundaries, a space matching a space.
 */
export function createMatcher(
  names: Iterable<readonly [name: string, id: string]>,
  options: MatcherOptions = {},
): Matcher {
  const entries: Array<[string, {id: string; name: string}]> = [];
  for (const [name, id] of names) entries.push([name, {id, name}]);
  const trie = createTrieMatcher(entries, {foldCase: options.foldCase === true, boundary: 'name'});
  return {
    size: trie.size,
    find: (text) => trie.find(text).map(({start, end, value}) => ({start, end, id: value.id, name: value.name})),
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
