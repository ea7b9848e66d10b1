/**
 * The fixer: edits of the original text by offset, the way ESLint applies fixes
 * (ARCHITECTURE.md, "Lint messages"). A fix is read from a lint message and from
 * nothing else: `place.start.offset`, `place.end.offset`, `actual` and
 * `expected[0]`. The tree is never re-serialised, so nothing outside a fix's range
 * can change.
 *
 * One pass applies every fix that still holds (the range still contains `actual`)
 * and does not overlap an earlier one; a fix that starts inside the previous one,
 * or a second insertion at the same offset, waits for the next pass. Passes repeat
 * (re-linting in between) until a pass changes nothing, at most {@link MAX_PASSES}
 * times; when the text after pass n equals the text after pass n − 2 two fixes are
 * undoing each other, and the loop stops and says so.
 */

/** A replacement of `text.slice(start, end)` (which must equal `actual`) by `expected`. */
export interface Fix {
  start: number;
  end: number;
  actual: string;
  expected: string;
}

/** The fields of a lint message (a `VFileMessage`) the fixer reads. */
export interface FixableMessage {
  place?: {start?: {offset?: number}; end?: {offset?: number}} | {offset?: number} | null;
  actual?: string | null;
  expected?: readonly string[] | null;
}

export const MAX_PASSES = 10;

/** The fix a message carries, or `undefined` when it carries none (or a malformed one). */
export function fixOf(message: FixableMessage): Fix | undefined {
  const place = message.place;
  if (!place || !('start' in place) || !('end' in place)) return undefined;
  const start = place.start?.offset;
  const end = place.end?.offset;
  const actual = message.actual;
  const expected = message.expected?.[0];
  if (typeof start !== 'number' || typeof end !== 'number' || start > end) return undefined;
  if (typeof actual !== 'string' || typeof expected !== 'string') return undefined;
  return {start, end, actual, expected};
}

export function fixesOf(messages: readonly FixableMessage[]): Fix[] {
  const fixes: Fix[] = [];
  for (const message of messages) {
    const fix = fixOf(message);
    if (fix) fixes.push(fix);
  }
  return fixes;
}

export interface PassResult {
  text: string;
  /** Applied, in text order. */
  applied: Fix[];
  /** Overlapping an applied fix: they wait for the next pass. */
  deferred: Fix[];
  /** The range no longer holds `actual` (or lies outside the text): dropped. */
  stale: Fix[];
}

function byRange(a: Fix, b: Fix): number {
  return a.start - b.start || a.end - b.end;
}

/** One pass: apply every fix that holds and does not overlap an earlier one. */
export function applyFixes(text: string, fixes: readonly Fix[]): PassResult {
  const sorted = [...fixes].sort(byRange);
  const applied: Fix[] = [];
  const deferred: Fix[] = [];
  const stale: Fix[] = [];
  for (const fix of sorted) {
    if (fix.end > text.length || fix.start < 0 || text.slice(fix.start, fix.end) !== fix.actual) {
      stale.push(fix);
      continue;
    }
    const previous = applied[applied.length - 1];
    const overlaps = previous !== undefined && fix.start < previous.end;
    const sameInsertion = previous !== undefined && fix.start === fix.end && previous.start === previous.end && previous.start === fix.start;
    if (overlaps || sameInsertion) deferred.push(fix);
    else applied.push(fix);
  }
  const parts: string[] = [];
  let cursor = 0;
  for (const fix of applied) {
    parts.push(text.slice(cursor, fix.start), fix.expected);
    cursor = fix.end;
  }
  parts.push(text.slice(cursor));
  return {text: parts.join(''), applied, deferred, stale};
}

export interface FixResult<M> {
  /** The text after the last useful pass. */
  text: string;
  /** Whether `text` differs from the input. */
  changed: boolean;
  /** Passes that changed the text. */
  passes: number;
  /** Pass n produced the text of pass n − 2: two fixes undo each other. */
  oscillated: boolean;
  /** Lint messages for `text`: what remains after fixing. */
  messages: M[];
}

/** Drives the pass loop; `lint` is sync or async, hence the generator. */
function* fixLoop<M extends FixableMessage>(text: string, maxPasses: number): Generator<string, FixResult<M>, M[]> {
  const original = text;
  const history = [text];
  let messages = yield text;
  let passes = 0;
  let oscillated = false;
  while (passes < maxPasses) {
    const fixes = fixesOf(messages);
    if (fixes.length === 0) break;
    const next = applyFixes(text, fixes).text;
    if (next === text) break;
    passes++;
    text = next;
    history.push(text);
    messages = yield text;
    if (history.length >= 3 && history[history.length - 1] === history[history.length - 3]) {
      oscillated = true;
      break;
    }
  }
  return {text, changed: text !== original, passes, oscillated, messages};
}

/** Fix `text` with a synchronous linter (e.g. `processor.processSync`). */
export function fixTextSync<M extends FixableMessage>(text: string, lint: (text: string) => M[], maxPasses = MAX_PASSES): FixResult<M> {
  const loop = fixLoop<M>(text, maxPasses);
  let step = loop.next(undefined as unknown as M[]);
  while (!step.done) step = loop.next(lint(step.value));
  return step.value;
}

/** Fix `text` with an asynchronous linter (e.g. `processor.process`). */
export async function fixText<M extends FixableMessage>(
  text: string,
  lint: (text: string) => Promise<M[]> | M[],
  maxPasses = MAX_PASSES,
): Promise<FixResult<M>> {
  const loop = fixLoop<M>(text, maxPasses);
  let step = loop.next(undefined as unknown as M[]);
  while (!step.done) step = loop.next(await lint(step.value));
  return step.value;
}
