import type {TimelineYear} from '@site/plugins/timeline/types';

/** Ids of the entries whose organisation, kind and status (在用 / 已停用 / 已下线) are all selected. */
export function visibleIds(
  years: readonly TimelineYear[],
  orgs: ReadonlySet<string>,
  kinds: ReadonlySet<string>,
  statuses: ReadonlySet<string>,
): Set<string> {
  const ids = new Set<string>();
  for (const year of years) {
    for (const entry of year.entries) {
      if (orgs.has(entry.org) && kinds.has(entry.kind) && statuses.has(entry.status)) ids.add(entry.id);
    }
  }
  return ids;
}

/** Sources are https URLs (the loader checks); anything else is shown as text, never as a link. */
export function isSafeUrl(url: string): boolean {
  return /^https:\/\//i.test(url);
}

/** `https://arxiv.org/abs/2203.02155/` → `arxiv.org/abs/2203.02155`. */
export function sourceLabel(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
}
