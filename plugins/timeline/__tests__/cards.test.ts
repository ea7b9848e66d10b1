import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadRegistry} from '../../../core/registry/load';
import {buildCards, firstSentence} from '../cards';
import {buildEntries} from '../data';
import type {ChapterMention, TimelineEntry} from '../types';

const registry = loadRegistry(path.join(__dirname, '__fixtures__', 'book', 'data', 'models.yaml'));
const mention = (count: number): ChapterMention => ({title: '引言', permalink: '/base/docs/intro', source: 'docs/intro.md', count, sections: []});
const entries = buildEntries(registry, new Map([['code-davinci-002', [mention(3), mention(2)]]]));

describe('hover card data', () => {
  it('gives every entry a card with its facts and the mentions counted over the whole book', () => {
    const cards = buildCards(entries);
    expect(Object.keys(cards).sort()).toEqual(entries.map((e) => e.id).sort());
    expect(cards['code-davinci-002']).toMatchObject({name: 'code-davinci-002', org: 'OpenAI', released: '2022-04', kind: '代码模型', mentions: 5});
    expect(cards['code-davinci-002'].status).toBeUndefined();
    expect(cards.bert.mentions).toBe(0);
  });

  it('states the lifecycle in words when the registry gives it', () => {
    const gpt = entries.find((e) => e.id === 'text-davinci-003') as TimelineEntry;
    const retired: TimelineEntry = {...gpt, status: 'retired', shutdown: {text: '2024-01-04', estimated: false}, replacement: {id: 'chatgpt', name: 'ChatGPT'}};
    const deprecated: TimelineEntry = {...gpt, status: 'deprecated', shutdown: {text: '2026-06', estimated: false}};
    expect(buildCards([retired])[gpt.id].status).toBe('已于 2024-01-04 下线，由 ChatGPT 接替');
    expect(buildCards([deprecated])[gpt.id].status).toBe('已停用，计划于 2026-06 下线');
    expect(buildCards([{...gpt, status: 'active'}])[gpt.id].status).toBeUndefined();
    expect(buildCards([{...gpt, status: 'retired', shutdown: undefined, replacement: undefined}])[gpt.id].status).toBe('已下线');
  });

  it('keeps only the summary’s first sentence, cut when long', () => {
    expect(firstSentence('第一句。第二句。')).toBe('第一句。');
    expect(firstSentence('没有句号的一段话')).toBe('没有句号的一段话');
    expect(firstSentence('长'.repeat(100), 10)).toBe(`${'长'.repeat(9)}…`);
  });
});
