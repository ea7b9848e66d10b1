import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {MODELS_FILE, ROOT_DIR} from '../../../core/constants';
import {loadRegistry} from '../../../core/registry/load';
import {buildEntries, buildPageData} from '../data';
import {DEFAULT_LAYOUT_OPTIONS, EARLIER_CAPTION, layoutLineage, splitEras, textWidth, type LayoutInput} from '../layout';
import type {LayoutNode, LineageEra, LineageLayout} from '../types';

function model(id: string, date: string, parents: Array<[string, string]> = [], supersedes: string[] = []): LayoutInput {
  return {id, name: id, date, sortKey: date, year: date.slice(0, 4), type: 'model', parents: parents.map(([p, via]) => ({id: p, via})), supersedes};
}

const LINEAGE = [
  model('davinci', '2020-07'),
  model('code-davinci-002', '2022-04', [['davinci', '代码训练']]),
  model('text-davinci-002', '2022-05', [['code-davinci-002', '监督指令微调']]),
  model('text-davinci-003', '2022-11', [['text-davinci-002', 'RLHF']]),
  model('chatgpt', '2022-11-30', [['text-davinci-002', 'RLHF']]),
  model('bert', '2018-10'),
];

interface Box {
  what: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const O = DEFAULT_LAYOUT_OPTIONS;

/** Every piece of text in an era as a box: node boxes (their text is inside) and year captions. */
function labelBoxes(era: LineageEra): Box[] {
  const nodes = era.nodes.map((n) => ({what: `node ${n.id}`, x: n.x, y: n.y, width: n.width, height: n.height}));
  const years = era.years.map((y) => {
    const width = textWidth(y.year, 14);
    return {what: `year ${y.year}`, x: y.x + y.width / 2 - width / 2, y: 22 - 14, width, height: 18};
  });
  return [...nodes, ...years];
}

function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Does an axis-parallel segment pass through the inside of a box (touching its border is allowed)? */
function segmentEntersBox([x1, y1]: [number, number], [x2, y2]: [number, number], b: Box): boolean {
  if (y1 === y2) return b.y < y1 && y1 < b.y + b.height && Math.max(Math.min(x1, x2), b.x) < Math.min(Math.max(x1, x2), b.x + b.width);
  return b.x < x1 && x1 < b.x + b.width && Math.max(Math.min(y1, y2), b.y) < Math.min(Math.max(y1, y2), b.y + b.height);
}

/** Everything that would make the diagram unreadable, as readable strings; empty when all is well. */
function geometryProblems(layout: LineageLayout): string[] {
  const problems: string[] = [];
  for (const era of layout.eras) {
    const boxes = labelBoxes(era);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        if (boxesOverlap(boxes[i], boxes[j])) problems.push(`${era.label}: ${boxes[i].what} overlaps ${boxes[j].what}`);
      }
    }
    const room = O.nodeWidth - 2 * O.textInset;
    for (const n of era.nodes) {
      if (textWidth(n.label, O.fontSize) > room) problems.push(`${era.label}: name of ${n.id} is wider than its box`);
      if (n.stages && textWidth(n.stages, O.smallFontSize) > room) problems.push(`${era.label}: stages of ${n.id} are wider than its box`);
      if (n.x < 0 || n.y < 0 || n.x + n.width > era.width || n.y + n.height > era.height) problems.push(`${era.label}: ${n.id} outside the canvas`);
    }
    const byId = new Map(era.nodes.map((n) => [n.id, n]));
    for (const e of era.edges) {
      const from = byId.get(e.from) as LayoutNode;
      const to = byId.get(e.to) as LayoutNode;
      const [first, last] = [e.points[0], e.points.at(-1)];
      if (first[0] !== from.x + from.width || first[1] !== from.y + from.height / 2) problems.push(`${era.label}: ${e.from}→${e.to} does not leave ${e.from}’s right side`);
      if (last?.[0] !== to.x || last[1] !== to.y + to.height / 2) problems.push(`${era.label}: ${e.from}→${e.to} does not enter ${e.to}’s left side`);
      for (let k = 1; k < e.points.length; k++) {
        const [a, b] = [e.points[k - 1], e.points[k]];
        if (a[0] !== b[0] && a[1] !== b[1]) problems.push(`${era.label}: ${e.from}→${e.to} has a slanted segment`);
        if ([a, b].some(([x, y]) => x < 0 || y < 0 || x > era.width || y > era.height)) problems.push(`${era.label}: ${e.from}→${e.to} leaves the canvas`);
        for (const box of boxes) {
          if (segmentEntersBox(a, b, box)) problems.push(`${era.label}: ${e.from}→${e.to} crosses ${box.what}`);
        }
      }
    }
  }
  return problems;
}

/** `count` entries over 9 years, each with 0–3 earlier parents and sometimes a product it supersedes: deterministic. */
function synthetic(count: number): LayoutInput[] {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const items: LayoutInput[] = [];
  for (let i = 0; i < count; i++) {
    // Later years are busier, as in the real registry.
    const year = 2017 + Math.floor(Math.sqrt(i / count) * 9);
    const date = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`;
    const earlier = items.filter((p) => p.sortKey <= date);
    const parents: Array<[string, string]> = [];
    for (let p = 0, n = earlier.length ? Math.floor(random() * 4) : 0; p < n; p++) {
      const parent = earlier[Math.floor(random() * earlier.length)];
      if (!parents.some(([id]) => id === parent.id)) parents.push([parent.id, p % 2 ? '监督指令微调' : '迭代升级']);
    }
    const supersedes = earlier.length && random() < 0.2 ? [earlier[Math.floor(random() * earlier.length)].id] : [];
    items.push(model(`m-${i}-很长的模型名称`, date, parents, supersedes));
  }
  return items;
}

function realLayout(): LineageLayout {
  const registry = loadRegistry(path.join(ROOT_DIR, MODELS_FILE));
  return buildPageData(buildEntries(registry, new Map()), {title: 't', description: 'd', jsonUrl: null}).lineage;
}

describe('layoutLineage', () => {
  const layout = layoutLineage(LINEAGE, {maxEraEntries: 100});
  const [era] = layout.eras;
  const node = (id: string) => era.nodes.find((n) => n.id === id);

  it('puts years in columns left to right and same-year descendants one column further right', () => {
    expect(era.years.map((y) => y.year)).toEqual(['2018', '2020', '2022']);
    expect(['bert', 'davinci', 'code-davinci-002', 'text-davinci-002', 'text-davinci-003', 'chatgpt'].map((id) => node(id)?.column)).toEqual([0, 1, 2, 3, 4, 4]);
  });

  it('keeps a chain on its parent’s row and stacks siblings below', () => {
    expect(['davinci', 'code-davinci-002', 'text-davinci-002', 'text-davinci-003', 'chatgpt'].map((id) => node(id)?.row)).toEqual([0, 0, 0, 0, 1]);
  });

  it('writes the training stage inside the child’s box, not on the edge', () => {
    expect(node('code-davinci-002')?.stages).toBe('← 代码训练');
    expect(node('davinci')?.stages).toBeUndefined();
    expect(era.edges.find((e) => e.to === 'code-davinci-002')).toMatchObject({from: 'davinci', kind: 'parent', via: '代码训练'});
  });

  it('shortens long names to the box and keeps the full name and date in the title', () => {
    const [long] = layoutLineage([{...model('x', '2023'), name: 'a-very-long-model-name-indeed-and-more'}]).eras[0].nodes;
    expect(long.label.endsWith('…')).toBe(true);
    expect(textWidth(long.label, O.fontSize)).toBeLessThanOrEqual(O.nodeWidth - 2 * O.textInset);
    expect(long.title).toBe('a-very-long-model-name-indeed-and-more（2023）');
  });

  it('cuts the years into eras of at most maxEraEntries entries, a busier year alone', () => {
    const items = [model('a', '2017'), model('b', '2018'), model('c', '2019'), ...['d', 'e', 'f', 'g'].map((id) => model(id, '2020'))];
    expect(splitEras(items, 3).map((e) => e.map((i) => i.id).join(''))).toEqual(['abc', 'defg']);
  });

  it('shows a parent from an earlier era as a stand-in in the 更早 column, linking the real entry', () => {
    const eras = layoutLineage(LINEAGE, {maxEraEntries: 2}).eras;
    const later = eras.find((e) => e.nodes.some((n) => n.id === 'code-davinci-002' && !n.ghost)) as LineageEra;
    expect(later.years[0].year).toBe(EARLIER_CAPTION);
    expect(later.nodes.find((n) => n.id === 'davinci')).toMatchObject({ghost: true, column: 0});
    expect(later.edges.some((e) => e.from === 'davinci' && e.to === 'code-davinci-002')).toBe(true);
  });

  it('draws supersedes edges as their own kind, and puts a same-year successor to the right', () => {
    const [only] = layoutLineage([model('gpt-4', '2023-03'), model('gpt-4-turbo', '2023-11', [], ['gpt-4'])]).eras;
    expect(only.edges).toMatchObject([{from: 'gpt-4', to: 'gpt-4-turbo', kind: 'supersedes'}]);
    expect(only.nodes.map((n) => n.column)).toEqual([0, 1]);
  });

  it('makes each era exactly as tall as its own rows', () => {
    for (const e of layoutLineage(synthetic(300)).eras) {
      const bottom = Math.max(...e.nodes.map((n) => n.y + n.height));
      expect(e.height).toBe(bottom + O.rowGap + O.padding / 2);
    }
  });

  it('the real registry: no label overlaps a label or is crossed by an edge, every entry drawn once', () => {
    const real = realLayout();
    expect(geometryProblems(real)).toEqual([]);
    const ids = real.eras.flatMap((e) => e.nodes.filter((n) => !n.ghost).map((n) => n.id));
    expect(new Set(ids).size).toBe(ids.length);
    // The first era is no taller than its own few rows (issue 16: it used to take 2023's height).
    const [first] = real.eras;
    expect(first.height).toBeLessThan(first.nodes.length * (O.nodeHeight + O.rowGap) + 100);
  });

  it('300 synthetic entries: no label overlaps a label or is crossed by an edge, nothing drawn twice', () => {
    const big = layoutLineage(synthetic(300));
    expect(geometryProblems(big)).toEqual([]);
    const ids = big.eras.flatMap((e) => e.nodes.filter((n) => !n.ghost).map((n) => n.id));
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    expect(big.eras.length).toBeGreaterThan(3);
    expect(big.eras.flatMap((e) => e.edges).some((e) => e.kind === 'supersedes')).toBe(true);
  });

  it('finds a crossing when there is one (the checker itself can fail)', () => {
    const broken = layoutLineage(LINEAGE, {maxEraEntries: 100});
    const e = broken.eras[0].edges[0];
    const target = broken.eras[0].nodes.find((n) => n.id === 'bert') as LayoutNode;
    e.points.splice(1, 0, [target.x + 5, e.points[0][1]], [target.x + 5, target.y + 5], [target.x + 5, e.points[0][1]]);
    expect(geometryProblems(broken).some((p) => p.includes('crosses node bert'))).toBe(true);
  });

  it('gives the same layout for the same models in any input order', () => {
    const items = synthetic(120);
    expect(layoutLineage([...items].reverse())).toEqual(layoutLineage(items));
  });
});
