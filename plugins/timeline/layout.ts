/**
 * Lays out the lineage diagram: pure geometry, computed at build time so the SVG is in
 * the static HTML.
 *
 * Columns are years, left to right. Inside a year, a model whose parent was released
 * the same year goes one sub-column further right, so every edge runs left to right.
 * Each node takes one free grid cell in its column, as close as it can to the row of its
 * parents, so that chains like davinci → code-davinci-002 → text-davinci-002 read as one
 * line. One cell a node means nodes never overlap, however many there are.
 */
import type {EntryType} from '../../core/registry/types';
import type {LayoutEdge, LayoutNode, LayoutYear, LineageLayout} from './types';

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
}

export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  /** Horizontal space between columns; edge labels sit in it. */
  columnGap: number;
  rowGap: number;
  /** Space above the first row for the year captions. */
  headerHeight: number;
  padding: number;
  /** Longer names are shortened with `…` (the full name stays in the tooltip). */
  maxLabelLength: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = {
  nodeWidth: 168,
  nodeHeight: 40,
  columnGap: 92,
  rowGap: 14,
  headerHeight: 32,
  padding: 16,
  maxLabelLength: 20,
};

function byDate(a: LayoutInput, b: LayoutInput): number {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function shorten(name: string, max: number): string {
  const chars = Array.from(name);
  return chars.length <= max ? name : `${chars.slice(0, max - 1).join('')}…`;
}

/** Depth of each node among the ancestors released in its own year (0 = none). */
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
    for (const parent of item.parents) {
      const p = byId.get(parent.id);
      if (p && p.year === item.year) d = Math.max(d, visit(p) + 1);
    }
    visiting.delete(item.id);
    depth.set(item.id, d);
    return d;
  };
  for (const item of items) visit(item);
  return depth;
}

/** Column index of every node, and the year captions' column spans. */
function assignColumns(items: readonly LayoutInput[], depth: Map<string, number>) {
  const widthOfYear = new Map<string, number>();
  for (const item of items) {
    widthOfYear.set(item.year, Math.max(widthOfYear.get(item.year) ?? 0, (depth.get(item.id) ?? 0) + 1));
  }
  const years = [...widthOfYear.keys()].sort();
  const firstColumn = new Map<string, number>();
  let next = 0;
  for (const year of years) {
    firstColumn.set(year, next);
    next += widthOfYear.get(year) ?? 1;
  }
  const column = new Map(items.map((item) => [item.id, (firstColumn.get(item.year) ?? 0) + (depth.get(item.id) ?? 0)]));
  const spans = years.map((year) => ({year, first: firstColumn.get(year) ?? 0, count: widthOfYear.get(year) ?? 1}));
  return {column, spans, columns: next};
}

/** Row of every node: the first free cell at or below the mean row of its parents. */
function assignRows(items: readonly LayoutInput[], column: Map<string, number>, columns: number): Map<string, number> {
  const row = new Map<string, number>();
  const taken: Array<Set<number>> = Array.from({length: columns}, () => new Set<number>());
  const perColumn: LayoutInput[][] = Array.from({length: columns}, () => []);
  for (const item of items) perColumn[column.get(item.id) ?? 0].push(item);
  for (let c = 0; c < columns; c++) {
    const wanted = (item: LayoutInput): number | undefined => {
      const rows = item.parents.map((p) => row.get(p.id)).filter((r): r is number => r !== undefined);
      return rows.length ? Math.round(rows.reduce((s, r) => s + r, 0) / rows.length) : undefined;
    };
    const withParents = perColumn[c].filter((i) => wanted(i) !== undefined);
    const orphans = perColumn[c].filter((i) => wanted(i) === undefined);
    withParents.sort((a, b) => (wanted(a) ?? 0) - (wanted(b) ?? 0) || byDate(a, b));
    for (const item of [...withParents, ...orphans]) {
      let r = wanted(item) ?? 0;
      while (taken[c].has(r)) r++;
      taken[c].add(r);
      row.set(item.id, r);
    }
  }
  return row;
}

export function layoutLineage(input: readonly LayoutInput[], options: Partial<LayoutOptions> = {}): LineageLayout {
  const o = {...DEFAULT_LAYOUT_OPTIONS, ...options};
  const items = [...input].sort(byDate);
  const byId = new Map(items.map((item) => [item.id, item]));
  const {column, spans, columns} = assignColumns(items, depthsWithinYear(items, byId));
  const row = assignRows(items, column, columns);
  const xOf = (c: number) => o.padding + c * (o.nodeWidth + o.columnGap);
  const yOf = (r: number) => o.padding + o.headerHeight + r * (o.nodeHeight + o.rowGap);

  const nodes: LayoutNode[] = items.map((item) => {
    const c = column.get(item.id) ?? 0;
    const r = row.get(item.id) ?? 0;
    return {
      id: item.id,
      label: shorten(item.name, o.maxLabelLength),
      title: `${item.name}（${item.date}）`,
      date: item.date,
      type: item.type,
      column: c,
      row: r,
      x: xOf(c),
      y: yOf(r),
      width: o.nodeWidth,
      height: o.nodeHeight,
    };
  });
  const nodeById = new Map(nodes.map((n) => [n.id, n]));

  const edges: LayoutEdge[] = [];
  for (const item of items) {
    const child = nodeById.get(item.id);
    for (const parent of item.parents) {
      const from = nodeById.get(parent.id);
      if (!from || !child) continue;
      const x1 = from.x + from.width;
      const y1 = from.y + from.height / 2;
      const x2 = child.x;
      const y2 = child.y + child.height / 2;
      const mid = (x1 + x2) / 2;
      edges.push({
        from: parent.id,
        to: item.id,
        via: parent.via,
        path: `M${x1} ${y1}C${mid} ${y1} ${mid} ${y2} ${x2} ${y2}`,
        labelX: mid,
        labelY: (y1 + y2) / 2,
      });
    }
  }

  const years: LayoutYear[] = spans.map((span) => ({
    year: span.year,
    x: xOf(span.first),
    width: span.count * o.nodeWidth + (span.count - 1) * o.columnGap,
  }));
  const rows = nodes.reduce((max, n) => Math.max(max, n.row + 1), 0);
  return {
    width: columns === 0 ? 2 * o.padding : xOf(columns - 1) + o.nodeWidth + o.padding,
    height: rows === 0 ? 2 * o.padding + o.headerHeight : yOf(rows - 1) + o.nodeHeight + o.padding,
    nodes,
    edges,
    years,
  };
}
