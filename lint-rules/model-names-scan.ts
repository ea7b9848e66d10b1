/**
 * Finds wrong and unknown model names in one string (the value of a `text` or
 * `inlineCode` node). Pure: offsets are into the string; the rule maps them to the
 * source. Cost: one matcher pass plus one pass over the Latin "runs" of the text;
 * edit distances are computed only for the few unknown names, and only against the
 * names of the same family.
 */
import type {Match} from '../plugins/registry/matcher';
import type {ModelIndex} from './model-names-index';
import {familyStem, normaliseKey} from './model-names-index';

export type Finding =
  | {kind: 'spelling'; start: number; end: number; text: string; expected: string}
  | {kind: 'ambiguous'; start: number; end: number; text: string; candidates: string[]}
  | {kind: 'unknown'; start: number; end: number; text: string; nearest: string[]};

interface Run {
  start: number;
  end: number;
}

/** A Latin name-like run; `-` and `.` join runs only between word characters, as in the matcher. */
const RUN = /[A-Za-z0-9_]+(?:[-.][A-Za-z0-9_]+)*/g;
/** The part of an unknown name after its family stem: `004`, `5`, `3.5`, `130B`, `4o`. */
const VERSION = /^\d+(?:\.\d+)*[A-Za-z]?$/;
/** A version written after a space (`Claude 4`, `Llama 3.1`); `Llama 7B` is a size, not a version. */
const SPACED_VERSION = /^\d+(?:\.\d+)*$/;
/** How many runs (joined by single spaces) a misspelt name may span: `GPT 4 Turbo`. */
const MAX_RUNS = 3;
const MAX_NEAREST = 2;

function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) runs.push({start: m.index, end: m.index + m[0].length});
  return runs;
}

function spaceJoined(text: string, left: Run, right: Run): boolean {
  return right.start === left.end + 1 && text[left.end] === ' ';
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}

function leadingNumber(text: string): number {
  const m = /\d+(?:\.\d+)?/.exec(text);
  return m ? Number(m[0]) : Number.NaN;
}

/** The closest names of the family: by edit distance, then by how near the version number is. */
export function nearestNames(text: string, family: readonly string[]): string[] {
  const lowered = text.toLowerCase();
  const version = leadingNumber(text);
  return family
    .map((name, order) => ({
      name,
      order,
      distance: levenshtein(lowered, name.toLowerCase()),
      gap: Math.abs(leadingNumber(name) - version) || 0,
    }))
    .sort((x, y) => x.distance - y.distance || x.gap - y.gap || x.order - y.order)
    .slice(0, MAX_NEAREST)
    .map((c) => c.name);
}

/** A model-like name of a known family that the registry does not hold. */
function unknownName(text: string, index: ModelIndex): string[] | undefined {
  const stem = familyStem(text);
  const family = stem === undefined ? undefined : index.families.get(stem);
  if (!family) return undefined;
  const digit = text.search(/\d/);
  if (!VERSION.test(text.slice(digit))) return undefined;
  return nearestNames(text, family);
}

function judge(text: string, start: number, end: number, index: ModelIndex): Finding | undefined {
  const candidates = index.byKey.get(normaliseKey(text));
  if (candidates) {
    if (candidates.includes(text)) return undefined;
    if (candidates.length === 1) return {kind: 'spelling', start, end, text, expected: candidates[0]};
    return {kind: 'ambiguous', start, end, text, candidates: [...candidates]};
  }
  const nearest = unknownName(text, index);
  return nearest ? {kind: 'unknown', start, end, text, nearest} : undefined;
}

/** Misspelt and unknown names among the runs that no registry name (in any case) covers. */
function scanRuns(text: string, runs: Run[], index: ModelIndex): Finding[] {
  const findings: Finding[] = [];
  let i = 0;
  while (i < runs.length) {
    let found: {finding: Finding | undefined; last: number} | undefined;
    // Longest group of space-joined runs first: `GPT 4 Turbo` before `GPT 4`.
    let last = i;
    while (last + 1 < runs.length && last + 1 < i + MAX_RUNS && spaceJoined(text, runs[last], runs[last + 1])) last++;
    for (let j = last; j >= i && !found; j--) {
      const slice = text.slice(runs[i].start, runs[j].end);
      if (index.byKey.has(normaliseKey(slice))) found = {finding: judge(slice, runs[i].start, runs[j].end, index), last: j};
    }
    if (!found && last > i && !/\d/.test(text.slice(runs[i].start, runs[i].end)) && SPACED_VERSION.test(text.slice(runs[i + 1].start, runs[i + 1].end))) {
      // `Claude 4`: a family word, a space, a version.
      const slice = text.slice(runs[i].start, runs[i + 1].end);
      const finding = judge(slice, runs[i].start, runs[i + 1].end, index);
      if (finding) found = {finding, last: i + 1};
    }
    found ??= {finding: judge(text.slice(runs[i].start, runs[i].end), runs[i].start, runs[i].end, index), last: i};
    if (found.finding) findings.push(found.finding);
    i = found.last + 1;
  }
  return findings;
}

/**
 * A known name followed by a space and a version it does not have (`Claude 4`,
 * `Llama 4`): a newer member of the family, not the known name plus a number.
 */
function unknownSuccessor(text: string, match: Match, runs: readonly Run[], index: ModelIndex): Finding | undefined {
  if (text[match.end] !== ' ') return undefined;
  const next = runs.find((run) => run.start === match.end + 1);
  if (!next || !SPACED_VERSION.test(text.slice(next.start, next.end))) return undefined;
  const combined = text.slice(match.start, next.end);
  const nearest = unknownName(combined, index);
  return nearest ? {kind: 'unknown', start: match.start, end: next.end, text: combined, nearest} : undefined;
}

/** Every wrong or unknown model name in `text`, in text order. */
export function scanModelNames(text: string, index: ModelIndex): Finding[] {
  const findings: Finding[] = [];
  const runs = runsOf(text);
  const covered: Array<{start: number; end: number}> = [];
  for (const match of index.fold.find(text)) {
    const successor = unknownSuccessor(text, match, runs, index);
    const actual = text.slice(match.start, match.end);
    if (successor) findings.push(successor);
    else if (!index.names.has(actual)) {
      findings.push({kind: 'spelling', start: match.start, end: match.end, text: actual, expected: match.name});
    }
    covered.push({start: match.start, end: successor ? successor.end : match.end});
  }
  // Runs a registry name covers split the others into groups never joined across it.
  const groups: Run[][] = [[]];
  let m = 0;
  for (const run of runs) {
    while (m < covered.length && covered[m].end <= run.start) m++;
    if (m < covered.length && covered[m].start < run.end) groups.push([]);
    else groups[groups.length - 1].push(run);
  }
  for (const group of groups) if (group.length > 0) findings.push(...scanRuns(text, group, index));
  return findings.sort((x, y) => x.start - y.start);
}

/**
 * The finding for inline code, which counts only when its whole value is one model
 * name. Registry ids (`gpt-4-turbo`) are the API spelling and are accepted there.
 */
export function scanWholeValue(value: string, index: ModelIndex): Finding | undefined {
  if (index.ids.has(value) || index.names.has(value)) return undefined;
  const findings = scanModelNames(value, index);
  const only = findings.length === 1 ? findings[0] : undefined;
  return only && only.start === 0 && only.end === value.length ? only : undefined;
}
