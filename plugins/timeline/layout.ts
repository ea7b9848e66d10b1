/**
 * Lays out the lineage diagram: pure geometry, computed at build time so the SVGs are in
 * the static HTML.
 *
 * The registry is cut into eras (runs of consecutive years with at most `maxEraEntries`
 * entries), one diagram each, so every diagram is only as tall as its own busiest year and
 * a reader of 2017–2020 is not handed the height of 2023. A parent from an earlier era
 * appears as a faint stand-in node in the era's first column (更早), linking to the
 * parent's own entry.
 *
 * Inside an era, columns are years, left to right. A model whose parent (or the model it
 * supersedes) came out the same year goes one sub-column further right, so every edge
 * runs left to right; a column holding more than `maxColumnRows` nodes wraps into
 * another sub-column. Each node takes one free grid cell, as close as it can to the row
 * of its parents, so that chains like davinci → code-davinci-002 → text-davinci-002 read
 * as one line.
 *
 * Edges are orthogonal and never enter a box: vertical runs stay in the gaps between
 * columns, horizontal runs in the gaps between rows (channels). The training stage of a
 * parent edge is written inside the child's box, so no text floats over the lines:
 * labels cannot overlap each other or be crossed by an edge, which the geometry tests
 * check on the real registry and on a synthetic one of 300 entries.
 */
import type {EntryType, ModelStatus} from '../../core/registry/types';
import type {EdgeKind, LayoutEdge, LayoutNode, LayoutYear, LineageEra, LineageLayout, Point} from './types';

export interface LayoutInput {
  id: string;
  name: string;
  /** As written (`2022-04`). */
  date: string;
  /** Sorts chronologically (the earliest day the date can mean). */
  sortKey: string;
  year: string;
  type: EntryType;
  parents: ReadonlyArray<{id: string; via: string}>;
  /** Earlier products this one replaced (product succession, not weights). */
  supersedes?: readonly string[];
  status?: ModelStatus;
}

export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  /** Horizontal space between columns; the vertical runs of the edges use it. */
  columnGap: number;
  /** Vertical space between rows; the horizontal runs of the edges use it. */
  rowGap: number;
  /** Space above the first row for the year captions. */
  headerHeight: number;
  padding: number;
  /** Font size of the name line; the stage and date lines use `smallFontSize`. */
  fontSize: number;
  smallFontSize: number;
  /** Horizontal padding of the text inside a box. */
  textInset: number;
  /** An era takes consecutive years while it holds at most this many entries (a busier single year is an era alone). */
  maxEraEntries: number;
  /** A column with more nodes wraps into another sub-column. */
  maxColumnRows: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = {
  nodeWidth: 168,
  nodeHeight: 56,
  columnGap: 56,
  rowGap: 22,
  headerHeight: 32,
  padding: 16,
  fontSize: 13,
  smallFontSize: 11,
  textInset: 8,
  maxEraEntries: 12,
  maxColumnRows: 8,
};

/** Caption of the stand-in column for parents from earlier eras. */
export const EARLIER_CAPTION = '更早';

function byDate(a: LayoutInput, b: LayoutInput): number {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Width of a text line in px, estimated without a browser: CJK and full-width characters
 * are one em, the rest about 0.62 em (the site's sans-serif, bold included). Generous on
 * purpose: the estimate decides where names are cut, so it must not be short.
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 1 : 0.62;
  return em * fontSize;
}

/** The text, cut with `…` so that it fits `width` px (the full text stays in the title). */
export function fitText(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  const chars = Array.from(text);
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, fontSize) > width) chars.pop();
  return `${chars.join('')}…`;
}

/** Consecutive years, each era holding at most `max` entries unless one year alone holds more. */
export function splitEras(items: readonly LayoutInput[], max: number): LayoutInput[][] {
  const years = new Map<string, LayoutInput[]>();
  for (const item of items) years.set(item.year, [...(years.get(item.year) ?? []), item]);
  const eras: LayoutInput[][] = [];
  let current: LayoutInput[] = [];
  for (const year of [...years.keys()].sort()) {
    const entries = years.get(year) ?? [];
    if (current.length > 0 && current.length + entries.length > max) {
      eras.push(current);
      current = [];
    }
    current = [...current, ...entries];
  }
  if (current.length > 0) eras.push(current);
  return eras;
}

/** Ids this item must sit to the right of: its parents and the products it supersedes. */
function predecessors(item: LayoutInput): string[] {
  return [...item.parents.map((p) => p.id), ...(item.supersedes ?? [])];
}

/** Depth of each node among the predecessors released in its own year (0 = none). */
function depthsWithinYear(items: readonly LayoutInput[], byId: Map<string, LayoutInput>): Map<string, number> {
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (item: LayoutInput): number => {
    const known = depth.get(item.id);
    if (known !== undefined) return known;
    // The loader rejects cycles; this guard only keeps a bad input from recursing forever.
    if (visiting.has(item.id)) return 0;
    visiting.add(item.id);
    let d = 0;
    for (const id of predecessors(item)) {
      const p = byId.get(id);
      if (p && p.year === item.year) d = Math.max(d, visit(p) + 1);
    }
    visiting.delete(item.id);
    depth.set(item.id, d);
    return d;
  };
  for (const item of items) visit(item);
  return depth;
}

interface Slot {
  /** Year caption of the column (`更早` for stand-ins). */
  year: string;
  items: LayoutInput[];
}

/**
 * The era's columns in order: the stand-in column first (when any), then per year one
 * column per same-year depth, each wrapped every `maxRows` nodes.
 */
function assignColumns(ghosts: readonly LayoutInput[], items: readonly LayoutInput[], depth: Map<string, number>, maxRows: number): Slot[] {
  const slots: Slot[] = [];
  const wrap = (year: string, list: LayoutInput[]) => {
    for (let i = 0; i < list.length; i += maxRows) slots.push({year, items: list.slice(i, i + maxRows)});
  };
  if (ghosts.length > 0) wrap(EARLIER_CAPTION, [...ghosts]);
  const years = [...new Set(items.map((i) => i.year))].sort();
  for (const year of years) {
    const inYear = items.filter((i) => i.year === year);
    const deepest = Math.max(...inYear.map((i) => depth.get(i.id) ?? 0));
    for (let d = 0; d <= deepest; d++) wrap(year, inYear.filter((i) => (depth.get(i.id) ?? 0) === d));
  }
  return slots;
}

/** Row of every node: the first free cell at or below the mean row of its placed predecessors. */
function assignRows(slots: readonly Slot[]): Map<string, number> {
  const row = new Map<string, number>();
  const wanted = (item: LayoutInput): number | undefined => {
    const rows = predecessors(item).map((id) => row.get(id)).filter((r): r is number => r !== undefined);
    return rows.length ? Math.round(rows.reduce((s, r) => s + r, 0) / rows.length) : undefined;
  };
  for (const slot of slots) {
    const taken = new Set<number>();
    const withParents = slot.items.filter((i) => wanted(i) !== undefined);
    const orphans = slot.items.filter((i) => wanted(i) === undefined);
    withParents.sort((a, b) => (wanted(a) ?? 0) - (wanted(b) ?? 0) || byDate(a, b));
    for (const item of [...withParents, ...orphans]) {
      let r = wanted(item) ?? 0;
      while (taken.has(r)) r++;
      taken.add(r);
      row.set(item.id, r);
    }
  }
  return row;
}

/** The stages of the parent edges, written in the child's box (`← 代码训练`). */
function stagesOf(item: LayoutInput): string | undefined {
  const stages = [...new Set(item.parents.map((p) => p.via))];
  return stages.length ? `← ${stages.join(' / ')}` : undefined;
}

interface Geometry {
  o: LayoutOptions;
  xOf(column: number): number;
  yOf(row: number): number;
}

/**
 * Track positions inside a gap: every key (one parent's outgoing bundle, or one child's
 * incoming bundle) gets its own vertical line, spread evenly so they stay apart.
 */
function trackPositions(keys: readonly string[], from: number, to: number): Map<string, number> {
  const unique = [...new Set(keys)];
  const inset = 8;
  const span = to - from - 2 * inset;
  const step = unique.length > 1 ? span / (unique.length - 1) : 0;
  return new Map(unique.map((key, i) => [key, unique.length > 1 ? from + inset + i * step : (from + to) / 2]));
}

interface PendingEdge {
  from: LayoutNode;
  to: LayoutNode;
  kind: EdgeKind;
  via?: string;
}

function routeEdges(pending: readonly PendingEdge[], g: Geometry): LayoutEdge[] {
  const {o} = g;
  // Gap g lies right of column g (gap -1 is the left padding).
  const exitGap = (e: PendingEdge) => e.from.column;
  const entryGap = (e: PendingEdge) => e.to.column - 1;
  const keysInGap = new Map<number, string[]>();
  const addKey = (gap: number, key: string) => keysInGap.set(gap, [...(keysInGap.get(gap) ?? []), key]);
  const sorted = [...pending].sort((a, b) => a.from.y - b.from.y || a.to.y - b.to.y);
  for (const e of sorted) {
    addKey(exitGap(e), `out:${e.from.id}`);
    if (entryGap(e) !== exitGap(e)) addKey(entryGap(e), `in:${e.to.id}`);
  }
  const tracks = new Map<number, Map<string, number>>();
  for (const [gap, keys] of keysInGap) {
    const left = gap < 0 ? 0 : g.xOf(gap) + o.nodeWidth;
    const right = gap < 0 ? o.padding : g.xOf(gap + 1);
    tracks.set(gap, trackPositions(keys, left, right));
  }
  // Horizontal runs in a channel get one of a few offsets, by child, so parallel runs stay apart.
  const lanes = Math.max(1, Math.floor((o.rowGap - 8) / 3) + 1);
  const laneOf = new Map<string, number>();
  return pending.map((e) => {
    const x1 = e.from.x + e.from.width;
    const y1 = e.from.y + e.from.height / 2;
    const x2 = e.to.x;
    const y2 = e.to.y + e.to.height / 2;
    const xa = tracks.get(exitGap(e))?.get(`out:${e.from.id}`) ?? x1;
    let points: Point[];
    if (entryGap(e) === exitGap(e)) {
      points = [[x1, y1], [xa, y1], [xa, y2], [x2, y2]];
    } else {
      const xb = tracks.get(entryGap(e))?.get(`in:${e.to.id}`) ?? x2;
      // The channel just above the child's row (below the first row when the child is on it).
      const channelRow = Math.max(1, e.to.row);
      if (!laneOf.has(e.to.id)) laneOf.set(e.to.id, laneOf.size % lanes);
      const offset = ((laneOf.get(e.to.id) ?? 0) - (lanes - 1) / 2) * 3;
      const yc = g.yOf(channelRow) - o.rowGap / 2 + offset;
      points = [[x1, y1], [xa, y1], [xa, yc], [xb, yc], [xb, y2], [x2, y2]];
    }
    points = points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
    return {
      from: e.from.id,
      to: e.to.id,
      kind: e.kind,
      ...(e.via === undefined ? {} : {via: e.via}),
      points,
      path: points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${round(x)} ${round(y)}`).join(''),
    };
  });
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function eraLabel(items: readonly LayoutInput[]): string {
  const years = items.map((i) => i.year).sort();
  const first = years[0];
  const last = years.at(-1) ?? first;
  return first === last ? first : `${first}–${last}`;
}

function layoutEra(items: readonly LayoutInput[], all: Map<string, LayoutInput>, o: LayoutOptions): LineageEra {
  const inEra = new Set(items.map((i) => i.id));
  const ghostIds = new Set(items.flatMap((i) => predecessors(i)).filter((id) => !inEra.has(id) && all.has(id)));
  const ghosts = [...ghostIds].map((id) => all.get(id) as LayoutInput).sort(byDate);
  const byId = new Map(items.map((item) => [item.id, item]));
  const slots = assignColumns(ghosts, items, depthsWithinYear(items, byId), o.maxColumnRows);
  const row = assignRows(slots);
  const g: Geometry = {
    o,
    xOf: (c) => o.padding + c * (o.nodeWidth + o.columnGap),
    yOf: (r) => o.padding + o.headerHeight + r * (o.nodeHeight + o.rowGap),
  };
  const textRoom = o.nodeWidth - 2 * o.textInset;
  const nodes: LayoutNode[] = slots.flatMap((slot, column) =>
    slot.items.map((item) => {
      const ghost = ghostIds.has(item.id);
      const r = row.get(item.id) ?? 0;
      const stages = ghost ? undefined : stagesOf(item);
      return {
        id: item.id,
        label: fitText(item.name, textRoom, o.fontSize),
        title: `${item.name}（${item.date}）`,
        date: item.date,
        ...(stages === undefined ? {} : {stages: fitText(stages, textRoom, o.smallFontSize)}),
        type: item.type,
        ...(item.status === undefined ? {} : {status: item.status}),
        ...(ghost ? {ghost: true} : {}),
        column,
        row: r,
        x: g.xOf(column),
        y: g.yOf(r),
        width: o.nodeWidth,
        height: o.nodeHeight,
      };
    }),
  );
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const pending: PendingEdge[] = [];
  for (const item of [...items].sort(byDate)) {
    const to = nodeById.get(item.id);
    if (!to) continue;
    for (const p of item.parents) {
      const from = nodeById.get(p.id);
      if (from) pending.push({from, to, kind: 'parent', via: p.via});
    }
    for (const id of item.supersedes ?? []) {
      const from = nodeById.get(id);
      if (from && !item.parents.some((p) => p.id === id)) pending.push({from, to, kind: 'supersedes'});
    }
  }
  const years: LayoutYear[] = [];
  slots.forEach((slot, column) => {
    const last = years.at(-1);
    if (last && last.year === slot.year) last.width += o.columnGap + o.nodeWidth;
    else years.push({year: slot.year, x: g.xOf(column), width: o.nodeWidth});
  });
  const rows = nodes.reduce((max, n) => Math.max(max, n.row + 1), 0);
  return {
    label: eraLabel(items),
    count: items.length,
    width: slots.length === 0 ? 2 * o.padding : g.xOf(slots.length - 1) + o.nodeWidth + o.padding,
    // The channel below the last row can carry edges, so a row gap stays under it.
    height: rows === 0 ? 2 * o.padding + o.headerHeight : g.yOf(rows - 1) + o.nodeHeight + o.rowGap + o.padding / 2,
    nodes,
    edges: routeEdges(pending, g),
    years,
  };
}

export function layoutLineage(input: readonly LayoutInput[], options: Partial<LayoutOptions> = {}): LineageLayout {
  const o = {...DEFAULT_LAYOUT_OPTIONS, ...options};
  const items = [...input].sort(byDate);
  const all = new Map(items.map((item) => [item.id, item]));
  return {eras: splitEras(items, o.maxEraEntries).map((era) => layoutEra(era, all, o))};
}
