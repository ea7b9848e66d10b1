import {describe, expect, it} from 'vitest';
import {buildHomeData, type DocLike, type SidebarItemLike} from '../data';

const doc = (id: string, lastUpdatedAt?: number | null, extra: Partial<DocLike> = {}): DocLike => ({
  id,
  title: `标题 ${id}`,
  description: `描述 ${id}`,
  permalink: `/base/docs/${id}`,
  lastUpdatedAt,
  ...extra,
});

const DAY = 86_400_000;
const docs = [
  doc('book/index', 10 * DAY),
  doc('book/a/one', 30 * DAY),
  doc('book/a/two', 20 * DAY),
  doc('book/b/three', 30 * DAY),
  doc('book/b/hidden', 40 * DAY, {unlisted: true}),
  doc('contributing/index', 50 * DAY),
];
const sidebar: SidebarItemLike[] = [
  {type: 'doc', id: 'book/index'},
  {
    type: 'category',
    label: '第一部分',
    items: [{type: 'doc', id: 'book/a/one'}, {type: 'doc', id: 'book/a/two'}],
    link: {type: 'generated-index', permalink: '/base/docs/category/a', description: '第一部分讲什么'},
  },
  {type: 'category', label: '第二部分', items: [{type: 'doc', id: 'book/b/three'}, {type: 'doc', id: 'book/b/hidden'}]},
];

describe('home page data', () => {
  const home = buildHomeData({docs, sidebar, contributing: docs[5], recentCount: 2});

  it('lists the parts in sidebar order with their chapters and front-matter descriptions', () => {
    expect(home.front).toEqual([{title: '标题 book/index', description: '描述 book/index', permalink: '/base/docs/book/index'}]);
    expect(home.parts.map((p) => [p.label, p.description, p.permalink, p.chapters.map((c) => c.description)])).toEqual([
      ['第一部分', '第一部分讲什么', '/base/docs/category/a', ['描述 book/a/one', '描述 book/a/two']],
      ['第二部分', undefined, undefined, ['描述 book/b/three']],
    ]);
    expect(home.chapterCount).toBe(4);
  });

  it('suggests the preface, then the first chapter of each part', () => {
    expect(home.readingPath.map((s) => `${s.step}: ${s.title}`)).toEqual(['先读: 标题 book/index', '第一部分: 标题 book/a/one', '第二部分: 标题 book/b/three']);
  });

  it('lists the most recently updated chapters newest first, book order breaking ties, unlisted docs left out', () => {
    expect(home.recent.map((r) => [r.title, r.updated])).toEqual([
      ['标题 book/a/one', '1970-01-31'],
      ['标题 book/b/three', '1970-01-31'],
    ]);
  });

  it('has no recently updated list without git dates', () => {
    const noGit = buildHomeData({docs: docs.map((d) => ({...d, lastUpdatedAt: undefined})), sidebar, recentCount: 5});
    expect(noGit.recent).toEqual([]);
    expect(noGit.contributing).toBeUndefined();
  });
});
