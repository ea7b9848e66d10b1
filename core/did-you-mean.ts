/**
 * "Did you mean": the one ranking of near names, for unknown model names and unknown
 * heading anchors alike. Edit distance (case-insensitive) first; ties go to the nearest
 * version number (`gpt-5` is closer to `gpt-4` than to `gpt-1`), then to the given order.
 */

export function levenshtein(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The first number in `text` (`3.5` of `GPT-3.5 Turbo`), NaN when none. */
export function leadingNumber(text: string): number {
  const match = /\d+(?:\.\d+)?/.exec(text);
  return match ? Number(match[0]) : Number.NaN;
}

export interface NearestOptions {
  /** How many to return. */
  limit: number;
  /** Leave out candidates farther than this many edits (no bound when absent). */
  maxDistance?: number;
}

/** Up to `limit` distinct candidates nearest to `wanted`, best first. */
export function nearest(wanted: string, candidates: Iterable<string>, {limit, maxDistance}: NearestOptions): string[] {
  const lowered = wanted.toLowerCase();
  const version = leadingNumber(wanted);
  const scored: Array<{value: string; order: number; distance: number; gap: number}> = [];
  let order = 0;
  for (const value of new Set(candidates)) {
    order += 1;
    if (maxDistance !== undefined && Math.abs(value.length - wanted.length) > maxDistance) continue;
    const distance = levenshtein(lowered, value.toLowerCase());
    if (maxDistance !== undefined && distance > maxDistance) continue;
    scored.push({value, order, distance, gap: Math.abs(leadingNumber(value) - version) || 0});
  }
  return scored
    .sort((x, y) => x.distance - y.distance || x.gap - y.gap || x.order - y.order)
    .slice(0, limit)
    .map((s) => s.value);
}
