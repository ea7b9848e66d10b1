/**
 * The page view rendered on the server (as the static build does), with plain elements
 * in place of `@theme/Heading` and `@docusaurus/Link`.
 */
import path from 'node:path';
import {createElement} from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
import {describe, expect, it} from 'vitest';
import type {TimelineComponents} from '../../../src/components/Timeline/components';
import TimelineView from '../../../src/components/Timeline/TimelineView';
import {loadRegistry, parseRegistry} from '../../../core/registry/load';
import type {Registry} from '../../../core/registry/types';
import {buildEntries, buildPageData} from '../data';
import type {ChapterMention} from '../types';

const components: TimelineComponents = {
  Heading: ({as, id, className, children}) => createElement(as, {id, className}, children),
  Link: ({to, className, children}) => createElement('a', {href: to, className}, children),
};

function render(registry: Registry, mentions: Map<string, ChapterMention[]> = new Map()): string {
  const data = buildPageData(buildEntries(registry, mentions), {title: '模型时间线', description: '说明。', jsonUrl: '/base/timeline.json'});
  return renderToStaticMarkup(createElement(TimelineView, {data, components}));
}

const fixture = loadRegistry(path.join(__dirname, '__fixtures__', 'book', 'data', 'models.yaml'));

describe('TimelineView (server render)', () => {
  it('shows registry text as characters: a <script> in a summary, name or org is escaped', () => {
    const hostile = parseRegistry(
      [
        'models:',
        '  - id: evil',
        '    name: "<img src=x onerror=alert(1)>"',
        '    org: "<b>Org</b>"',
        '    released: 2023',
        '    kind: base',
        '    summary: "<script>alert(1)</script> & more"',
        '    sources: [https://example.com/a]',
      ].join('\n'),
      'hostile.yaml',
    );
    const html = render(hostile);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b&gt;Org&lt;/b&gt;');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
  });

  it('gives every entry a level-3 heading whose id is the model id, grouped under one h2 per year', () => {
    const html = render(fixture);
    expect(html.match(/<h2 id="year_\d{4}"/g)).toEqual(['<h2 id="year_2018"', '<h2 id="year_2020"', '<h2 id="year_2022"']);
    expect([...html.matchAll(/<h3 id="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'bert',
      'davinci',
      'instructgpt',
      'code-davinci-002',
      'text-davinci-002',
      'text-davinci-003',
      'chatgpt',
    ]);
  });

  it('renders everything visible without script: no entry or year is hidden', () => {
    const html = render(fixture);
    expect(html).not.toMatch(/\shidden=""/);
    expect(html).toContain('显示 7 / 7 个条目');
  });

  it('links parents and children in the page with their stage', () => {
    const html = render(fixture);
    const entry = html.slice(html.indexOf('<h3 id="code-davinci-002"'), html.indexOf('<h3 id="text-davinci-002"'));
    expect(entry).toContain('<dt>源自</dt><dd><ul class="');
    expect(entry).toContain('<a href="#davinci">davinci</a><span class="');
    expect(entry).toContain('（代码训练）');
    expect(entry).toContain('<a href="#text-davinci-002">text-davinci-002</a>');
    expect(entry).toContain('（监督指令微调）');
    expect(entry).toContain('<time dateTime="2022-04">2022-04</time>');
  });

  it('links 本书中提及 to the chapter and to each section anchor', () => {
    const mentions = new Map([
      ['davinci', [{title: '引言', permalink: '/base/docs/intro', source: 'docs/intro.md', count: 2, sections: [{text: '起源', id: '起源', count: 1}]}]],
    ]);
    const html = render(fixture, mentions);
    expect(html).toContain('<dt>本书中提及</dt>');
    expect(html).toContain('<a href="/base/docs/intro">引言</a>：');
    expect(html).toContain('<a href="/base/docs/intro#起源">起源</a>');
  });

  it('draws the lineage as SVG links to the entries, each child box naming the stage', () => {
    const html = render(fixture);
    const svg = html.slice(html.indexOf('<svg class'), html.lastIndexOf('</svg>'));
    expect(svg).toContain('<a href="#code-davinci-002"');
    expect(svg).toContain('<title>code-davinci-002（2022-04）</title>');
    expect(svg).toContain('>← 监督指令微调</text>');
  });

  it('offers organisation and kind filters as labelled checkboxes, all checked, disabled until hydrated', () => {
    const html = render(fixture);
    expect(html.match(/<fieldset class="[^"]*" disabled=""><legend class="[^"]*">(组织|类型)<\/legend>/g)).toHaveLength(2);
    expect(html).toMatch(/<label class="[^"]*"><input type="checkbox" checked="" value="OpenAI"\/>OpenAI<span class="[^"]*">（6）<\/span><\/label>/);
    expect(html).toMatch(/<label class="[^"]*"><input type="checkbox" checked="" value="code"\/>代码模型<span class="[^"]*">（1）<\/span><\/label>/);
  });
});
