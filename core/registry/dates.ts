import type {ReleaseDate} from './types';

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Read `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, keeping the precision as written.
 * Returns `undefined` for anything else, including impossible days (`2023-02-30`).
 */
export function parseReleaseDate(text: string): ReleaseDate | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 1900 || year > 2100) return undefined;
  if (match[2] === undefined) {
    return {text, precision: 'year', earliest: `${year}-01-01`, latest: `${year}-12-31`};
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  const last = daysInMonth(year, month);
  if (match[3] === undefined) {
    return {
      text,
      precision: 'month',
      earliest: `${year}-${pad(month)}-01`,
      latest: `${year}-${pad(month)}-${pad(last)}`,
    };
  }
  const day = Number(match[3]);
  if (day < 1 || day > last) return undefined;
  return {text, precision: 'day', earliest: text, latest: text};
}

/** A child is "released before" its parent only when that is certain at both precisions. */
export function certainlyBefore(a: ReleaseDate, b: ReleaseDate): boolean {
  return a.latest < b.earliest;
}

/** Order by the first day a date can mean, then by precision (coarser first). */
export function compareReleaseDates(a: ReleaseDate, b: ReleaseDate): number {
  if (a.earliest !== b.earliest) return a.earliest < b.earliest ? -1 : 1;
  return a.latest < b.latest ? -1 : a.latest > b.latest ? 1 : 0;
}
