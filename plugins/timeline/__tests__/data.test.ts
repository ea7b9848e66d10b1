import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadRegistry, parseRegistry} from '../../../core/registry/load';
import {buildEntries, buildPageData, groupByYear, kindFacets, orgFacets, statusFacets} from '../data';
import {buildTimelineJson} from '../json';
import type {ChapterMention} from '../types';

const registry = loadRegistry(path.join(__dirname, '__fixtures__', 'book', 'data', 'models.yaml'));
const INTRO: ChapterMention = {
  title: '引言',
  permalink: '/base/docs/intro',
  source: 'docs/intro.md',
  count: 3,
  sections: [{text: '起源', id: '起源', count: 3}],
};
const entries = buildEntries(registry, new Map([['code-davinci-002', [INTRO]]]));
const entry = (id: string) => entries.find((e) => e.id === id);

describe('buildEntries', () => {
  it('orders entries by release date, whatever the registry order', () => {
    expect(entries.map((e) => `${e.released} ${e.id}`)).toEqual([
      '2018-10 bert',
      '2020-07 davinci',
      '2022-03 instructgpt',
      '2022-04 code-davinci-002',
      '2022-05 text-davinci-002',
      '2022-11 text-davinci-003',
      '2022-11-30 chatgpt',
    ]);
  });

  it('derives children, with the stage, from the parents of other entries', () => {
    expect(entry('text-davinci-002')?.children).toEqual([
      {id: 'text-davinci-003', name: 'text-davinci-003', via: 'RLHF'},
      {id: 'chatgpt', name: 'ChatGPT', via: 'RLHF'},
    ]);
    expect(entry('code-davinci-002')?.parents).toEqual([{id: 'davinci', name: 'davinci', via: '代码训练'}]);
  });

  it('keeps the date as written with its precision, the Chinese kind label and the back-links', () => {
    const code = entry('code-davinci-002');
    expect([code?.released, code?.precision, code?.year, code?.kindLabel]).toEqual(['2022-04', 'month', '2022', '代码模型']);
    expect(code?.mentions).toEqual([INTRO]);
    expect(entry('chatgpt')?.precision).toBe('day');
    expect(entry('davinci')?.mentions).toEqual([]);
  });
});

describe('grouping and facets', () => {
  it('groups entries by year in order', () => {
    expect(groupByYear(entries).map((y) => [y.year, y.entries.length])).toEqual([
      ['2018', 1],
      ['2020', 1],
      ['2022', 5],
    ]);
  });

  it('lists organisations and kinds with counts, most entries first', () => {
    expect(orgFacets(entries)).toEqual([
      {value: 'OpenAI', label: 'OpenAI', count: 6},
      {value: 'Google', label: 'Google', count: 1},
    ]);
    expect(kindFacets(entries).map((k) => `${k.label}:${k.count}`)).toEqual([
      '基座模型:1',
      '对话模型:1',
      '代码模型:1',
      '编码器模型:1',
      '指令微调模型:1',
      '论文:1',
      'RLHF 模型:1',
    ]);
  });

  it('assembles the page data with a diagram node for every entry', () => {
    const page = buildPageData(entries, {title: '模型时间线', description: '说明。', jsonUrl: '/base/timeline.json'});
    expect(page.total).toBe(7);
    const nodes = page.lineage.eras.flatMap((era) => era.nodes.filter((n) => !n.ghost));
    expect(nodes.map((n) => n.id).sort()).toEqual(entries.map((e) => e.id).sort());
    expect(page.lineage.eras.flatMap((era) => era.edges).map((e) => `${e.from}→${e.to} ${e.via}`)).toEqual([
      'davinci→code-davinci-002 代码训练',
      'code-davinci-002→text-davinci-002 监督指令微调',
      'text-davinci-002→text-davinci-003 RLHF',
      'text-davinci-002→chatgpt RLHF',
    ]);
  });
});

describe('buildTimelineJson', () => {
  const json = buildTimelineJson(entries, 'https://example.org/', '/base/timeline');

  it('publishes every model with absolute URLs for the page anchor and the mentions', () => {
    expect(json.page).toBe('https://example.org/base/timeline');
    expect(json.models.find((m) => m.id === 'code-davinci-002')).toEqual({
      id: 'code-davinci-002',
      type: 'model',
      name: 'code-davinci-002',
      aliases: [],
      org: 'OpenAI',
      released: '2022-04',
      precision: 'month',
      estimated: false,
      kind: 'code',
      parents: [{id: 'davinci', via: '代码训练'}],
      children: [{id: 'text-davinci-002', via: '监督指令微调'}],
      supersedes: [],
      supersededBy: [],
      members: [],
      status: 'active',
      statusSources: [],
      summary: '在代码上继续训练。',
      sources: ['https://platform.openai.com/docs/model-index-for-researchers'],
      url: 'https://example.org/base/timeline#code-davinci-002',
      mentions: [
        {
          title: '引言',
          url: 'https://example.org/base/docs/intro',
          count: 3,
          sections: [{title: '起源', url: 'https://example.org/base/docs/intro#起源', count: 3}],
        },
      ],
    });
  });

  it('includes params only where the registry gives them', () => {
    expect(json.models.find((m) => m.id === 'davinci')?.params).toBe('175B');
    expect('params' in (json.models.find((m) => m.id === 'bert') ?? {})).toBe(false);
  });
});

describe('families, succession, lifecycle and estimated dates', () => {
  const source = `models:
  - id: gpt-family
    name: GPT 系列
    aliases: [GPT]
    type: family
    org: OpenAI
    summary: 系列。
    sources: [https://example.com/gpt]
  - id: old-model
    name: old-model-001
    family: gpt-family
    org: OpenAI
    released: 2022-03
    estimated: [released]
    paper: 2022-04-01
    kind: code
    status: retired
    deprecated: 2023-07-06
    shutdown: 2024-01-04
    replacement: new-model
    status_sources: [https://example.com/deprecations]
    summary: 旧。
    sources: [https://example.com/old]
  - id: new-model
    name: new-model-002
    family: gpt-family
    org: OpenAI
    released: 2023-09
    kind: chat
    supersedes: [old-model]
    summary: 新。
    sources: [https://example.com/new]
`;
  const registry = parseRegistry(source, 'models.yaml');
  const entries = buildEntries(registry, new Map());
  const json = buildTimelineJson(entries, 'https://example.org', '/timeline');
  const byId = (id: string) => json.models.find((m) => m.id === id);

  it('places the family at its first member, with its members in release order', () => {
    expect(entries.map((e) => `${e.released} ${e.id}`)).toEqual(['2022-03 gpt-family', '2022-03 old-model', '2023-09 new-model']);
    expect(entries[0]).toMatchObject({type: 'family', kind: 'family', kindLabel: '模型系列', estimated: false});
    expect(byId('gpt-family')).toMatchObject({members: ['old-model', 'new-model'], status: 'active'});
    expect(byId('new-model')).toMatchObject({family: 'gpt-family', supersedes: ['old-model'], supersededBy: [], parents: []});
  });

  it('publishes the lifecycle, the replacement and the estimated marks', () => {
    expect(byId('old-model')).toMatchObject({
      estimated: true,
      paper: {text: '2022-04-01', estimated: false},
      status: 'retired',
      deprecated: {text: '2023-07-06', estimated: false},
      shutdown: {text: '2024-01-04', estimated: false},
      replacement: 'new-model',
      statusSources: ['https://example.com/deprecations'],
      supersededBy: ['new-model'],
    });
    expect(entries.find((e) => e.id === 'old-model')).toMatchObject({statusLabel: '已下线', replacement: {id: 'new-model', name: 'new-model-002'}});
  });

  it('counts statuses for the filter, with Chinese labels', () => {
    expect(statusFacets(entries)).toEqual([
      {value: 'active', label: '在用', count: 2},
      {value: 'retired', label: '已下线', count: 1},
    ]);
    expect(buildPageData(entries, {title: 't', description: 'd', jsonUrl: null}).statuses).toEqual(statusFacets(entries));
  });
});
