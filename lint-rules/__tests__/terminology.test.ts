import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {formatMessage, lintMarkdown, onlyRule, sortedMessages} from '../docs/examples';

const FIXTURES = path.join(__dirname, '__fixtures__', 'terminology');
const read = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

describe('terminology rule', () => {
  it('reports prose only: headings, paragraphs, quotes, link text, tables — not code, math, HTML, URLs, front matter', async () => {
    const file = await lintMarkdown(read('sample.md'), onlyRule('terminology'));
    expect(sortedMessages(file).map(formatMessage)).toEqual([
      '5:3-5:9: 术语不一致：`Github` 应写作 `GitHub`',
      '7:1-7:7: 术语不一致：`Github` 应写作 `GitHub`',
      '7:11-7:17: 术语可能不一致：`github` 指产品时应写作 `GitHub`；命令、包名或标识符请放进行内代码',
      '7:21-7:30: 术语可能不一致：`langchain` 指产品时应写作 `LangChain`；命令、包名或标识符请放进行内代码',
      '10:8-10:14: 术语不一致：`Github` 应写作 `GitHub`',
      '11:8-11:15: 术语不一致：`open ai` 应写作 `OpenAI`',
      '13:17-13:23: 术语不一致：`Github` 应写作 `GitHub`',
      '26:3-26:10: 术语不一致：`Pytorch` 应写作 `PyTorch`',
    ]);
  });

  it('marks each message fixable (actual, expected), with id, source, URL and the entry’s note', async () => {
    const text = '在 Github的仓库里。\n';
    const [message] = (await lintMarkdown(text, onlyRule('terminology'))).messages;
    expect(message.ruleId).toBe('terminology');
    expect(message.source).toBe('llmbook');
    expect(message.url).toBe('https://morsoli.github.io/llm-books/docs/contributing/rules/terminology');
    expect(message.actual).toBe('Github');
    expect(message.expected).toEqual(['GitHub']);
    expect(message.note).toBe('官方写法，H 大写。');
    expect(message.fatal).toBe(true);
    const place = message.place;
    expect(place && 'start' in place ? [place.start.offset, place.end.offset] : undefined).toEqual([2, 8]);
    expect(message.ancestors?.map((node) => node.type)).toEqual(['root', 'paragraph', 'text']);
  });

  it('uses source offsets where the text value differs from the source (escapes, quote markers)', async () => {
    const text = '> 第一行\\*\n> 第二行 Github\n';
    const file = await lintMarkdown(text, onlyRule('terminology'));
    const message = file.messages[0];
    expect(formatMessage(message)).toBe('2:7-2:13: 术语不一致：`Github` 应写作 `GitHub`');
    const place = message.place;
    expect(place && 'start' in place ? text.slice(place.start.offset, place.end.offset) : '').toBe('Github');
  });

  it('honours a term list given by the `file` option, with its allow phrases and case rule', async () => {
    const text = '一个 widget 小组件，放进小组件库。WIDGET 也不对，Widget 对。\n';
    const file = await lintMarkdown(text, onlyRule('terminology', {file: path.join(FIXTURES, 'small.yaml')}));
    expect(sortedMessages(file).map(formatMessage)).toEqual([
      '1:4-1:10: 术语可能不一致：`widget` 指产品时应写作 `Widget`；命令、包名或标识符请放进行内代码',
      '1:11-1:14: 术语不一致：`小组件` 应写作 `小部件`',
      '1:22-1:28: 术语不一致：`WIDGET` 应写作 `Widget`',
    ]);
  });

  it('turns a broken term list into one fatal message naming the file and position', async () => {
    const file = await lintMarkdown('正文。\n', onlyRule('terminology', {file: path.join(FIXTURES, 'syntax.yaml')}));
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0].fatal).toBe(true);
    expect(file.messages[0].reason).toContain('syntax.yaml:4:1: YAML 语法错误');
  });

  it('rejects unknown options with a message that names the valid ones', async () => {
    const file = await lintMarkdown('正文。\n', onlyRule('terminology', {files: 'x'}));
    expect(file.messages.map((m) => m.reason)).toEqual(['terminology 的未知选项 `files`；可用选项：`file`']);
  });

  it('is silenced by lint comments, with the short id or the full `llmbook/` id', async () => {
    const text = [
      '<!-- lint ignore terminology -->',
      'Github 一',
      '',
      '<!-- lint ignore llmbook/terminology -->',
      'Github 二',
      '',
      'Github 三',
      '',
      '<!-- lint disable llmbook/terminology -->',
      '',
      'Github 四',
      '',
      '<!-- lint enable terminology -->',
      '',
      'Github 五',
      '',
    ].join('\n');
    const file = await lintMarkdown(text, onlyRule('terminology'));
    expect(sortedMessages(file).map(formatMessage)).toEqual([
      '7:1-7:7: 术语不一致：`Github` 应写作 `GitHub`',
      '15:1-15:7: 术语不一致：`Github` 应写作 `GitHub`',
    ]);
  });
});
