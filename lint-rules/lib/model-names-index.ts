/**
 * What the model-names and unknown-models rules know about the registry, built
 * once per registry file and reused for every chapter: the case-folding matcher
 * (shared with the auto-linker through `core/registry/matcher.ts`), the
 * spellings that are right, a map from a separator-free "key" to the right
 * spelling, and the "families" (`text-davinci`, `gpt`, `claude` …) used to spot
 * names of models the registry does not know yet.
 */
import fs from 'node:fs';
import path from 'node:path';
import {ROOT_DIR} from '../../core/constants';
import {DEFAULT_MODELS_PATH, loadRegistry} from '../../core/registry/load';
import {createMatcher, registryNames, type Matcher} from '../../core/registry/matcher';
import type {Lifecycle, Registry} from '../../core/registry/types';

/** The options of both rules that read the registry (`model-names`, `unknown-models`). */
export interface ModelRegistryOptions {
  /** Path of the registry, relative to the repository root; default `data/models.yaml`. */
  registry?: string;
}

export interface ModelIndex {
  /** Case-insensitive matcher over every name and alias. */
  fold: Matcher;
  /** Every name and alias as the registry spells it. */
  names: ReadonlySet<string>;
  /** Registry ids (`gpt-4`, `gpt-4-turbo`): accepted as the whole value of inline code. */
  ids: ReadonlySet<string>;
  /** {@link normaliseKey} of a name → the distinct names with that key. */
  byKey: ReadonlyMap<string, readonly string[]>;
  /** Family stem (`textdavinci`, `gpt`) → names of that family, in registry order. */
  families: ReadonlyMap<string, readonly string[]>;
  /** The registry file as shown in messages (`data/models.yaml`). */
  shownFile: string;
  /**
   * API spellings (the id and every lower-case name or alias, e.g. `text-davinci-003`)
   * of the deprecated and retired models → the model, for `retired-models`.
   */
  ended: ReadonlyMap<string, EndedModel>;
}

/** A model whose maker has deprecated or shut it down. */
export interface EndedModel {
  id: string;
  lifecycle: Lifecycle;
  /** The replacement's name as the registry spells it, when there is one. */
  replacement?: string;
}

/** An API model name: lower-case letters, digits, `.` and `-` (`gpt-4-0314`), never a display name. */
const API_NAME = /^[a-z0-9][a-z0-9.-]*$/;

function endedModels(registry: Registry): Map<string, EndedModel> {
  const ended = new Map<string, EndedModel>();
  for (const entry of registry.entries) {
    const {lifecycle} = entry;
    if (!lifecycle) continue;
    const replacement = lifecycle.replacement === undefined ? undefined : registry.byId.get(lifecycle.replacement);
    const model: EndedModel = {id: entry.id, lifecycle, ...(replacement ? {replacement: API_NAME.test(replacement.name) ? replacement.name : replacement.id} : {})};
    for (const name of [entry.id, entry.name, ...entry.aliases]) if (API_NAME.test(name)) ended.set(name, model);
  }
  return ended;
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function asciiLower(ch: string): string {
  return ch >= 'A' && ch <= 'Z' ? String.fromCharCode(ch.charCodeAt(0) + 32) : ch;
}

const SEPARATORS = new Set(['-', '_', '.', ' ']);

/**
 * A spelling-insensitive key: ASCII letters lower-cased, separators (`-`, `_`, `.`,
 * space) dropped — except between two digits, where any separator becomes `.`,
 * so `GPT 3.5` and `gpt-3-5` meet `GPT-3.5` but `GPT-35` does not.
 */
export function normaliseKey(text: string): string {
  let out = '';
  let separated = false;
  for (const ch of text) {
    if (SEPARATORS.has(ch)) {
      separated = true;
      continue;
    }
    if (separated && isDigit(ch) && isDigit(out[out.length - 1])) out += '.';
    separated = false;
    out += asciiLower(ch);
  }
  return out;
}

/** The family stem of a name: its key up to the first digit, when that is two or more letters. */
export function familyStem(text: string): string | undefined {
  let digit = -1;
  for (let i = 0; i < text.length; i++) {
    if (isDigit(text[i])) {
      digit = i;
      break;
    }
  }
  if (digit <= 0) return undefined;
  const stem = normaliseKey(text.slice(0, digit));
  return /^[a-z]{2,}$/.test(stem) ? stem : undefined;
}

/**
 * The registry's own families (`type: family`): each of the family's one-word names
 * (`Llama`, `GPT`) becomes a stem whose names are every name of its members, so an
 * unknown `Llama-1` is compared with `LLaMA`, which has no number and no stem of its own.
 */
function addRegistryFamilies(registry: Registry, families: Map<string, string[]>): void {
  for (const family of registry.entries) {
    if (family.type !== 'family') continue;
    const members = family.members.flatMap((id) => {
      const member = registry.byId.get(id);
      return member ? [member.name, ...member.aliases] : [];
    });
    for (const name of [family.name, ...family.aliases]) {
      const stem = normaliseKey(name);
      if (!/^[a-z]{2,}$/.test(stem)) continue;
      const known = families.get(stem) ?? [];
      families.set(stem, [...known, ...members.filter((m) => !known.includes(m))]);
    }
  }
}

export function buildModelIndex(registry: Registry): ModelIndex {
  const pairs = registryNames(registry);
  const byKey = new Map<string, string[]>();
  const families = new Map<string, string[]>();
  for (const [name] of pairs) {
    const key = normaliseKey(name);
    const same = byKey.get(key) ?? [];
    if (!same.includes(name)) same.push(name);
    byKey.set(key, same);
    const stem = familyStem(name);
    if (stem) families.set(stem, [...(families.get(stem) ?? []), name]);
  }
  addRegistryFamilies(registry, families);
  const relative = path.relative(ROOT_DIR, registry.file);
  return {
    fold: createMatcher(pairs, {foldCase: true}),
    names: new Set(pairs.map(([name]) => name)),
    ids: new Set(registry.entries.map((entry) => entry.id)),
    byKey,
    families,
    ended: endedModels(registry),
    shownFile: relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : registry.file,
  };
}

const cache = new Map<string, {stamp: string; index: ModelIndex}>();

/**
 * The index for a registry file, loaded once per process and reloaded only when the
 * file's modification time or size changes (one `stat` per chapter).
 * Throws `RegistryError` (file:line:column of every problem) for an invalid registry.
 */
export function modelIndexFor(file: string = DEFAULT_MODELS_PATH): ModelIndex {
  const absolute = path.resolve(ROOT_DIR, file);
  let stamp = 'missing';
  try {
    const stat = fs.statSync(absolute);
    stamp = `${stat.mtimeMs}:${stat.size}`;
  } catch {
    stamp = 'missing'; // loadRegistry below reports the unreadable file with its path
  }
  const hit = cache.get(absolute);
  if (hit && hit.stamp === stamp) return hit.index;
  const index = buildModelIndex(loadRegistry(absolute));
  cache.set(absolute, {stamp, index});
  return index;
}
