import {describe, expect, it} from 'vitest';
import {layoutLineage, type LayoutInput} from '../layout';
import type {LayoutNode} from '../types';

function model(id: string, date: string, parents: Array<[string, string]> = []): LayoutInput {
  return {id, name: id, date, sortKey: date, year: date.slice(0, 4), type: 'model', parents: parents.map(([p, via]) => ({id: p, via}))};
}

const LINEAGE = [
  model('davinci', '2020-07'),
  model('code-davinci-002', '2022-04', [['davinci', '代码训练']]),
  model('text-davinci-002', '2022-05', [['code-davinci-002', '监督指令微调']]),
  model('text-davinci-003', '2022-11', [['text-davinci-002', 'RLHF']]),
  model('chatgpt', '2022-11-30', [['text-davinci-002', 'RLHF']]),
  model('bert', '2018-10'),
];

function overlaps(a: LayoutNode, b: LayoutNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** 500 models over 8 years, each with 0–3 earlier parents: deterministic pseudo-random. */
function synthetic(count: number): LayoutInput[] {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const items: LayoutInput[] = [];
  for (let i = 0; i < count; i++) {
    const year = 2017 + Math.floor((i / count) * 8);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const parents: Array<[string, string]> = [];
    const parentCount = i === 0 ? 0 : Math.floor(random() * 4);
    for (let p = 0; p < parentCount; p++) {
      const parent = items[Math.floor(random() * items.length)];
      if (parent.sortKey <= `${year}-${month}` && !parents.some(([id]) => id === parent.id)) parents.push([parent.id, '迭代升级']);
    }
    items.push(model(`m-${i}`, `${year}-${month}`, parents));
  }
  return items;
}

describe('layoutLineage', () => {
  const layout = layoutLineage(LINEAGE);
  const node = (id: string) => layout.nodes.find((n) => n.id === id);

  it('puts years in columns left to right and same-year descendants one column further right', () => {
    expect(layout.years.map((y) => y.year)).toEqual(['2018', '2020', '2022']);
    expect(['bert', 'davinci', 'code-davinci-002', 'text-davinci-002', 'text-davinci-003', 'chatgpt'].map((id) => node(id)?.column)).toEqual([0, 1, 2, 3, 4, 4]);
  });

  it('keeps a chain on its parent’s row and stacks siblings below', () => {
    expect(['davinci', 'code-davinci-002', 'text-davinci-002', 'text-davinci-003', 'chatgpt'].map((id) => node(id)?.row)).toEqual([0, 0, 0, 0, 1]);
  });

  it('draws each edge from the parent’s right side to the child’s left side, labelled with the stage', () => {
    const edge = layout.edges.find((e) => e.to === 'code-davinci-002');
    const from = node('davinci');
    const to = node('code-davinci-002');
    expect(edge?.via).toBe('代码训练');
    expect(edge?.path.startsWith(`M${(from?.x ?? 0) + (from?.width ?? 0)} ${(from?.y ?? 0) + 20}C`)).toBe(true);
    expect(edge?.path.endsWith(` ${to?.x} ${(to?.y ?? 0) + 20}`)).toBe(true);
  });

  it('shortens long names and keeps the full name and date in the title', () => {
    const [long] = layoutLineage([model('x', '2023', [])].map((m) => ({...m, name: 'a-very-long-model-name-indeed'}))).nodes;
    expect(long.label).toBe('a-very-long-model-n…');
    expect(long.title).toBe('a-very-long-model-name-indeed（2023）');
  });

  it('lays out 500 models without overlapping boxes, inside the canvas, every edge pointing right', () => {
    const big = layoutLineage(synthetic(500));
    expect(big.nodes).toHaveLength(500);
    const cells = new Set(big.nodes.map((n) => `${n.column}:${n.row}`));
    expect(cells.size).toBe(500);
    const overlapping: string[] = [];
    for (let i = 0; i < big.nodes.length; i++) {
      for (let j = i + 1; j < big.nodes.length; j++) {
        if (overlaps(big.nodes[i], big.nodes[j])) overlapping.push(`${big.nodes[i].id}/${big.nodes[j].id}`);
      }
    }
    expect(overlapping).toEqual([]);
    for (const n of big.nodes) {
      expect(n.x >= 0 && n.y >= 0 && n.x + n.width <= big.width && n.y + n.height <= big.height).toBe(true);
    }
    const byId = new Map(big.nodes.map((n) => [n.id, n]));
    for (const e of big.edges) expect((byId.get(e.from)?.column ?? 0) < (byId.get(e.to)?.column ?? 0)).toBe(true);
  });

  it('gives the same layout for the same models in any input order', () => {
    const items = synthetic(120);
    expect(layoutLineage([...items].reverse())).toEqual(layoutLineage(items));
  });
});
