/**
 * Assembles the timeline from the registry and the back-links: entries in date order,
 * children computed from the parents, years, filter facets and the diagram. Pure.
 */
import {compareReleaseDates} from '../../core/registry/dates';
import type {ModelEntry, Registry, ReleaseDate} from '../../core/registry/types';
import {KIND_LABELS, STATUS_LABELS} from '../../core/registry/labels';
import {layoutLineage} from './layout';
import type {ChapterMention, EntryDate, EntryRef, FacetOption, Relation, TimelineEntry, TimelinePageData, TimelineYear} from './types';

function dateOf(date: ReleaseDate): EntryDate {
  return {text: date.text, estimated: date.estimated === true};
}

function chronological(a: ModelEntry, b: ModelEntry, order: Map<string, number>): number {
  return compareReleaseDates(a.released, b.released) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0);
}


/** Entries in release order (registry order breaks ties), each with its children and back-links. */
export function buildEntries(registry: Registry, mentions: ReadonlyMap<string, ChapterMention[]>): TimelineEntry[] {
  const order = new Map(registry.entries.map((entry, index) => [entry.id, index]));
  const sorted = [...registry.entries].sort((a, b) => chronological(a, b, order));
  const children = new Map<string, Relation[]>();
  for (const entry of sorted) {
    for (const parent of entry.parents) {
      const list = children.get(parent.id) ?? [];
      list.push({id: entry.id, name: entry.name, via: parent.via});
      children.set(parent.id, list);
    }
  }
  const ref = (id: string): EntryRef => ({id, name: registry.byId.get(id)?.name ?? id});
  const supersededBy = new Map<string, EntryRef[]>();
  for (const entry of sorted) {
    for (const id of entry.supersedes) supersededBy.set(id, [...(supersededBy.get(id) ?? []), {id: entry.id, name: entry.name}]);
  }
  const optional = <K extends string>(key: K, date: ReleaseDate | undefined) =>
    (date === undefined ? {} : {[key]: dateOf(date)}) as Partial<Record<K, EntryDate>>;
  return sorted.map((entry) => ({
    id: entry.id,
    type: entry.type,
    name: entry.name,
    aliases: [...entry.aliases],
    org: entry.org,
    released: entry.released.text,
    precision: entry.released.precision,
    estimated: entry.released.estimated === true,
    ...optional('announced', entry.announced),
    ...optional('paper', entry.paper),
    year: entry.released.text.slice(0, 4),
    kind: entry.kind,
    kindLabel: KIND_LABELS[entry.kind],
    ...(entry.params === undefined ? {} : {params: entry.params}),
    parents: entry.parents.map((p) => ({id: p.id, name: registry.byId.get(p.id)?.name ?? p.id, via: p.via})),
    children: children.get(entry.id) ?? [],
    supersedes: entry.supersedes.map(ref),
    supersededBy: supersededBy.get(entry.id) ?? [],
    ...(entry.family === undefined ? {} : {family: ref(entry.family)}),
    members: entry.members.map(ref),
    status: entry.status,
    statusLabel: STATUS_LABELS[entry.status],
    ...optional('deprecated', entry.lifecycle?.deprecated),
    ...optional('shutdown', entry.lifecycle?.shutdown),
    ...(entry.lifecycle?.replacement === undefined ? {} : {replacement: ref(entry.lifecycle.replacement)}),
    statusSources: [...(entry.lifecycle?.sources ?? [])],
    summary: entry.summary,
    sources: [...entry.sources],
    mentions: mentions.get(entry.id) ?? [],
  }));
}

/** Consecutive entries of the same year, in the entries' order. */
export function groupByYear(entries: readonly TimelineEntry[]): TimelineYear[] {
  const years: TimelineYear[] = [];
  for (const entry of entries) {
    const last = years.at(-1);
    if (last && last.year === entry.year) last.entries.push(entry);
    else years.push({year: entry.year, entries: [entry]});
  }
  return years;
}

function facet(entries: readonly TimelineEntry[], key: (e: TimelineEntry) => string, label: (v: string) => string): FacetOption[] {
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(key(entry), (counts.get(key(entry)) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({value, label: label(value), count}))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** Organisations, most entries first. */
export function orgFacets(entries: readonly TimelineEntry[]): FacetOption[] {
  return facet(entries, (e) => e.org, (v) => v);
}

/** Kinds, most entries first, with their Chinese labels. */
export function kindFacets(entries: readonly TimelineEntry[]): FacetOption[] {
  const labels = new Map(entries.map((e) => [e.kind as string, e.kindLabel]));
  return facet(entries, (e) => e.kind, (v) => labels.get(v) ?? v);
}

/** Statuses, most entries first, with their Chinese labels (在用 / 已停用 / 已下线). */
export function statusFacets(entries: readonly TimelineEntry[]): FacetOption[] {
  return facet(entries, (e) => e.status, (v) => STATUS_LABELS[v as TimelineEntry['status']] ?? v);
}

export interface PageDataOptions {
  title: string;
  description: string;
  jsonUrl: string | null;
}

export function buildPageData(entries: TimelineEntry[], options: PageDataOptions): TimelinePageData {
  return {
    ...options,
    total: entries.length,
    years: groupByYear(entries),
    orgs: orgFacets(entries),
    kinds: kindFacets(entries),
    statuses: statusFacets(entries),
    // A family is a group on the page, not a node of the lineage: its members are drawn.
    lineage: layoutLineage(
      entries.filter((e) => e.kind !== 'family').map((e, index) => ({
        id: e.id,
        name: e.name,
        date: e.released,
        // The entries are already in release order; keep it (and its tie-break).
        sortKey: String(index).padStart(8, '0'),
        year: e.year,
        type: e.type,
        parents: e.parents,
        supersedes: e.supersedes?.map((s) => s.id) ?? [],
        ...(e.status === undefined ? {} : {status: e.status}),
      })),
    ),
  };
}
