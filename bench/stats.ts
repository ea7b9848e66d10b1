/** Medians, ratios and the units the table shows. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `a / b`, or NaN when either side is missing or `b` is zero. */
export function ratio(a: number | undefined, b: number | undefined): number {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return Number.NaN;
  return a / b;
}

/** `1234.5` → `1.23 s`, `56.7` → `56.7 ms`, `0.042` → `0.04 ms`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** Kibibytes to `123 MB` (decimal-looking MiB, as `top` shows). */
export function formatKb(kb: number | undefined): string {
  if (kb === undefined || !Number.isFinite(kb)) return '–';
  return `${Math.round(kb / 1024)} MB`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}

/** `0.934` → `0.93×`, `12.3` → `12.3×`, `0.0123` → `0.012×`. */
export function formatRatio(r: number): string {
  if (!Number.isFinite(r)) return '–';
  if (r >= 10) return `${r.toFixed(1)}×`;
  if (r >= 0.1) return `${r.toFixed(2)}×`;
  return `${r.toFixed(3)}×`;
}

export function formatPercent(r: number): string {
  if (!Number.isFinite(r)) return '–';
  return `${(r * 100).toFixed(1)} %`;
}
