import type {LoadedVersion} from '@docusaurus/plugin-content-docs';
import {describe, expect, it} from 'vitest';
import {sidebarChapters} from '../../../core/outline';

function doc(id: string, title: string, extra: {description?: string} = {}) {
  return {id, title, description: extra.description ?? '', permalink: `/b/docs/${id}`, source: `@site/docs/${id}.md`};
}

/** Only the fields the outline reads; the docs plugin's real type has many more. */
function version(sidebars: Record<string, unknown[]>, docs: ReturnType<typeof doc>[]): LoadedVersion {
  return {sidebars, docs, isLast: true} as unknown as LoadedVersion;
}

const v = version(
  {
    book: [
      {type: 'doc', id: 'intro'},
      {
        type: 'category',
        label: '第一部分',
        collapsed: false,
        collapsible: true,
        link: {type: 'generated-index', slug: '/p1', permalink: '/b/p1', description: '部分简介'},
        items: [
          {type: 'doc', id: 'a'},
          {type: 'link', href: 'https://example.com', label: 'elsewhere'},
          {type: 'category', label: '小节', collapsed: true, collapsible: true, link: {type: 'doc', id: 'b'}, items: [{type: 'doc', id: 'c'}]},
          {type: 'doc', id: 'draft'},
        ],
      },
    ],
  },
  [doc('intro', '前言', {description: '写给谁'}), doc('a', '甲'), doc('b', '乙'), doc('c', '丙')],
);

describe('sidebarChapters', () => {
  it('lists the docs in sidebar order, a category’s own doc first, drafts and links left out', () => {
    expect(sidebarChapters(v, 'book').map((c) => c.id)).toEqual(['intro', 'a', 'b', 'c']);
  });

  it('gives each chapter the parts around it, with their descriptions', () => {
    const chapters = sidebarChapters(v, 'book');
    expect(chapters[0]?.parts).toEqual([]);
    expect(chapters[1]?.parts).toEqual([{label: '第一部分', description: '部分简介'}]);
    expect(chapters[3]?.parts.map((p) => p.label)).toEqual(['第一部分', '小节']);
  });

  it('takes the source path without the @site/ alias and keeps the description', () => {
    const [intro] = sidebarChapters(v, 'book');
    expect(intro).toMatchObject({source: 'docs/intro.md', description: '写给谁', permalink: '/b/docs/intro', title: '前言'});
  });

  it('names the sidebars there are when asked for one that is not', () => {
    expect(() => sidebarChapters(v, 'guide')).toThrow('找不到侧边栏 `guide`；sidebars.ts 里有：`book`');
  });
});
