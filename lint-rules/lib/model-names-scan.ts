/**
 * Finds wrong and unknown model names, for the two rules that report them:
 * `model-names` (a known name spelt wrong) and `unknown-models` (a model-like name
 * the registry does not hold). One scan serves both: {@link findModelNames} walks
 * the tree once per tree and registry and each rule keeps its own kind of finding.
 *
 * {@link scanModelNames} is the pure core over one string (the value of a `text` or
 * `inlineCode` node): offsets are into the string, {@link findModelNames} maps them
 * to the source. Cost: one matcher pass plus one pass over the Latin "runs" of the
 * text; edit distances are computed only for the few unknown names, and only
 * against the names of the same family.
 */
import type {InlineCode, Nodes, Root, Text} from 'mdast';
import type {Point, Position} from 'unist';
import type {VFile} from 'vfile';
import {location} from 'vfile-location';
import {walkProse} from '../../core/prose';
import type {Match} from '../../core/registry/matcher';
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

/**
 * The generation a name states: its first number (`Llama 3.1` → 3.1). A family's
 * first model often has no number (`LLaMA`, `Claude`): it counts as generation 1,
 * so `Llama-1` is nearest to `LLaMA`.
 */
function generation(text: string): number {
  const m = /\d+(?:\.\d+)?/.exec(text);
  return m ? Number(m[0]) : 1;
}

/**
 * The closest names of the family: by how near the generation is, then by edit
 * distance (edit distance alone takes `Llama-1` for `Llama 2`).
 */
export function nearestNames(text: string, family: readonly string[]): string[] {
  const lowered = text.toLowerCase();
  const version = generation(text);
  return family
    .map((name, order) => ({
      name,
      order,
      distance: levenshtein(lowered, name.toLowerCase()),
      gap: Math.abs(generation(name) - version),
    }))
    .sort((x, y) => x.gap - y.gap || x.distance - y.distance || x.order - y.order)
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
function unknownSuccessor(text: string, match: Match, runAt: ReadonlyMap<number, Run>, index: ModelIndex): Finding | undefined {
  if (text[match.end] !== ' ') return undefined;
  const next = runAt.get(match.end + 1);
  if (!next || !SPACED_VERSION.test(text.slice(next.start, next.end))) return undefined;
  const combined = text.slice(match.start, next.end);
  // `GPT 4` is `GPT-4` spelt with a space, not an unknown member of the GPT family.
  if (index.byKey.has(normaliseKey(combined))) return judge(combined, match.start, next.end, index);
  const nearest = unknownName(combined, index);
  return nearest ? {kind: 'unknown', start: match.start, end: next.end, text: combined, nearest} : undefined;
}

/** Every wrong or unknown model name in `text`, in text order. */
export function scanModelNames(text: string, index: ModelIndex): Finding[] {
  const findings: Finding[] = [];
  const runs = runsOf(text);
  // Runs by their start offset: a lookup per match is O(1), so a text full of names stays linear.
  const runAt = new Map(runs.map((run) => [run.start, run]));
  const covered: Array<{start: number; end: number}> = [];
  for (const match of index.fold.find(text)) {
    const successor = unknownSuccessor(text, match, runAt, index);
    const actual = text.slice(match.start, match.end);
    if (successor) findings.push(successor);
    else if (!index.names.has(actual)) {
      // `llama` may be the family (`Llama`) or its first model (`LLaMA`): list both, fix neither.
      const candidates = index.byKey.get(normaliseKey(actual)) ?? [match.name];
      findings.push(
        candidates.length > 1
          ? {kind: 'ambiguous', start: match.start, end: match.end, text: actual, candidates: [...candidates]}
          : {kind: 'spelling', start: match.start, end: match.end, text: actual, expected: candidates[0]},
      );
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

// ---------------------------------------------------------------------------
// The tree walk both rules share.

/** A finding placed in the source. */
export interface LocatedFinding {
  finding: Finding;
  /** The finding's range; the whole node's when the name cannot be placed exactly (escapes, entities). */
  place: Position | undefined;
  /** The source text of an exactly placed range (`String(file)` between its offsets); `undefined` otherwise. */
  actual: string | undefined;
  /** The node's ancestors and the node itself. */
  ancestors: Nodes[];
}

/** Where search for a name in the source may start: no earlier than `at`. */
interface Cursor {
  at: number;
}

/**
 * Where the finding's `[start, end)` sits in the source. Equal to the node's own
 * offsets when the node is a `text` whose value is the source verbatim. Otherwise
 * the finding's text is looked up in the source after `cursor.at`: within the
 * node's own range, or, for a node GFM made after parsing without a position,
 * within its nearest positioned ancestor's range (the cursor then starts after
 * every node already visited, so an earlier sibling is never taken for it).
 * `undefined` means the name cannot be placed exactly (escapes or entities inside it).
 */
function sourceRange(source: string, node: Text | InlineCode, ancestors: readonly Nodes[], finding: Finding, cursor: Cursor): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  let within: [number, number] | undefined;
  if (start !== undefined && end !== undefined) {
    if (node.type === 'text' && source.slice(start, end) === node.value) return [start + finding.start, start + finding.end];
    within = [start, end];
  } else {
    for (let i = ancestors.length - 1; i >= 0 && !within; i--) {
      const {start: from, end: to} = ancestors[i].position ?? {};
      if (from?.offset !== undefined && to?.offset !== undefined) within = [from.offset, to.offset];
    }
  }
  if (!within) return undefined;
  const found = source.slice(0, within[1]).indexOf(finding.text, Math.max(within[0], cursor.at));
  if (found < 0) return undefined;
  cursor.at = found + finding.text.length;
  return [found, cursor.at];
}

function walk(tree: Root, file: VFile, index: ModelIndex): LocatedFinding[] {
  const located: LocatedFinding[] = [];
  const source = String(file);
  const place = location(file);
  /** End of the last positioned leaf or skipped subtree: where a position-less node's text can start. */
  let visitedEnd = 0;
  // Prose and inline code, link text included; raw HTML tags are skipped but not what they wrap.
  walkProse(
    tree,
    (node, {ancestors: parents, prose}) => {
      const end = node.position?.end.offset;
      if (end !== undefined && (!prose || !('children' in node))) visitedEnd = Math.max(visitedEnd, end);
      if (!prose) return false;
      let findings: Finding[];
      if (node.type === 'text') findings = scanModelNames(node.value, index);
      else if (node.type === 'inlineCode') findings = [scanWholeValue(node.value, index)].filter((f) => f !== undefined);
      else return undefined;
      const cursor: Cursor = {at: node.position ? 0 : visitedEnd};
      for (const finding of findings) {
        const range = sourceRange(source, node, parents, finding, cursor);
        const start: Point | undefined = range ? place.toPoint(range[0]) : undefined;
        const end: Point | undefined = range ? place.toPoint(range[1]) : undefined;
        const ancestors: Nodes[] = [...parents, node];
        if (range && start && end) located.push({finding, place: {start, end}, actual: source.slice(range[0], range[1]), ancestors});
        else located.push({finding, place: node.position, actual: undefined, ancestors});
      }
      if (!node.position) visitedEnd = Math.max(visitedEnd, cursor.at);
      return undefined;
    },
    {inlineCode: true, autolinks: {source}, htmlContent: 'none'},
  );
  return located;
}

/** Per tree, per registry index: both rules run on the same tree, the second reuses the first's walk. */
const walked = new WeakMap<Root, Map<ModelIndex, {source: string; located: LocatedFinding[]}>>();

/**
 * Every wrong or unknown model name in the document, in document order, placed in
 * the source. Never inside code blocks, inline code that holds more than a name,
 * URLs, link destinations, HTML, math or front matter. Computed once per tree and
 * registry index; callers must not mutate the result.
 */
export function findModelNames(tree: Root, file: VFile, index: ModelIndex): readonly LocatedFinding[] {
  const source = String(file);
  let byIndex = walked.get(tree);
  const hit = byIndex?.get(index);
  if (hit && hit.source === source) return hit.located;
  const located = walk(tree, file, index);
  if (!byIndex) walked.set(tree, (byIndex = new Map()));
  byIndex.set(index, {source, located});
  return located;
}
