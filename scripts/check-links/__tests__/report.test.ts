import {describe, expect, it} from 'vitest';
import {formatJson, formatMarkdown, formatText} from '../report';
import type {CheckResult} from '../types';

const RESULTS: CheckResult[] = [
  {url: 'https://a.org/', locations: [{file: 'docs/a.md', line: 1, column: 1}], status: 'ok', httpStatus: 200, detail: 'HTTP 200', requests: 0, cached: true},
  {
    url: 'https://b.org/x|y',
    locations: [
      {file: 'docs/a.md', line: 4, column: 7},
      {file: 'data/models.yaml', line: 12, column: 9},
    ],
    status: 'dead',
    httpStatus: 404,
    detail: 'HTTP 404',
    requests: 1,
    cached: false,
  },
  {
    url: 'https://c.org/old',
    locations: [{file: 'docs/b.md', line: 2, column: 3}],
    status: 'redirected',
    httpStatus: 200,
    newUrl: 'https://c.org/new',
    detail: '永久重定向（HTTP 301），应改为 https://c.org/new',
    requests: 2,
    cached: false,
  },
  {url: 'https://d.org/', locations: [{file: 'docs/b.md', line: 9, column: 1}], status: 'unknown', detail: '超时（15000 ms 内没有响应）', requests: 3, cached: false},
  {url: 'http://localhost:3000/', locations: [{file: 'docs/b.md', line: 10, column: 1}], status: 'skipped', detail: '按配置排除', requests: 0, cached: false},
];

describe('formatText', () => {
  it('lists dead, unknown and redirected links with every place, then the counts', () => {
    expect(formatText(RESULTS)).toBe(
      [
        '失效链接（dead）：',
        '  https://b.org/x|y  HTTP 404',
        '    docs/a.md:4:7',
        '    data/models.yaml:12:9',
        '',
        '暂时无法确认（unknown）：',
        '  https://d.org/  超时（15000 ms 内没有响应）',
        '    docs/b.md:9:1',
        '',
        '已永久重定向（redirected）：',
        '  https://c.org/old  永久重定向（HTTP 301），应改为 https://c.org/new',
        '    docs/b.md:2:3',
        '',
        '共 5 个外部链接：ok 1，redirected 1，dead 1，unknown 1，skipped 1（其中 1 个来自缓存）',
        '',
      ].join('\n'),
    );
  });
});

describe('formatMarkdown', () => {
  it('writes a count table and one table per problem kind, escaping pipes', () => {
    expect(formatMarkdown(RESULTS)).toBe(
      [
        '## 外部链接检查',
        '',
        '| 状态 | 数量 |',
        '| --- | ---: |',
        '| ok | 1 |',
        '| redirected | 1 |',
        '| dead | 1 |',
        '| unknown | 1 |',
        '| skipped | 1 |',
        '',
        '共 5 个外部链接：ok 1，redirected 1，dead 1，unknown 1，skipped 1（其中 1 个来自缓存）',
        '',
        '### 失效链接（dead）',
        '',
        '| 链接 | 结果 | 位置 |',
        '| --- | --- | --- |',
        '| `https://b.org/x\\|y` | HTTP 404 | `docs/a.md:4:7`<br>`data/models.yaml:12:9` |',
        '',
        '### 暂时无法确认（unknown）',
        '',
        '| 链接 | 结果 | 位置 |',
        '| --- | --- | --- |',
        '| `https://d.org/` | 超时（15000 ms 内没有响应） | `docs/b.md:9:1` |',
        '',
        '### 已永久重定向（redirected）',
        '',
        '| 链接 | 结果 | 位置 |',
        '| --- | --- | --- |',
        '| `https://c.org/old` | 永久重定向（HTTP 301），应改为 https://c.org/new | `docs/b.md:2:3` |',
        '',
        '',
      ].join('\n'),
    );
  });
});

describe('formatJson', () => {
  it('puts the counts next to every result', () => {
    const parsed = JSON.parse(formatJson(RESULTS)) as {summary: Record<string, number>; results: CheckResult[]};
    expect(parsed.summary).toEqual({ok: 1, redirected: 1, dead: 1, unknown: 1, skipped: 1});
    expect(parsed.results).toEqual(RESULTS);
  });
});
