import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {formatMessage, lintMarkdown, onlyRule, sortedMessages} from '../docs/examples';
import {fixText} from '../engine/fix';

const FIXTURES = path.join(__dirname, '__fixtures__', 'cjk-spacing');
const read = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const config = onlyRule('cjk-spacing');

async function lines(text: string, options?: unknown): Promise<string[]> {
  return sortedMessages(await lintMarkdown(text, onlyRule('cjk-spacing', options))).map(formatMessage);
}

async function fix(text: string, options?: unknown): Promise<string> {
  const lintConfig = onlyRule('cjk-spacing', options);
  return (await fixText(text, async (t) => (await lintMarkdown(t, lintConfig)).messages)).text;
}

describe('cjk-spacing rule', () => {
  it('reports prose only, with exact messages; front matter, code, math, HTML and URLs are left alone', async () => {
    expect(await lines(read('sample.md'))).toEqual([
      '5:4-5:4: 中英文之间缺少空格：`第3` 应写作 `第 3`',
      '5:5-5:5: 中英文之间缺少空格：`3章` 应写作 `3 章`',
      '5:6-5:6: 中英文之间缺少空格：`章GPT` 应写作 `章 GPT`',
      '7:5-7:5: 中英文之间缺少空格：`2020年` 应写作 `2020 年`',
      '7:6-7:6: 中英文之间缺少空格：`年GPT` 应写作 `年 GPT`',
      '7:11-7:11: 中英文之间缺少空格：`3发` 应写作 `3 发`',
      '7:14-7:15: 中文句子中应使用全角标点：`了,它` 应写作 `了，它`',
      '7:17-7:17: 中英文之间缺少空格：`有1750` 应写作 `有 1750`',
      '7:21-7:21: 中英文之间缺少空格：`1750亿` 应写作 `1750 亿`',
      '7:27-7:27: 中英文之间缺少空格：`本3` 应写作 `本 3`',
      '7:30-7:30: 中英文之间缺少空格：`5与` 应写作 `5 与`',
      '7:31-7:31: 中英文之间缺少空格：`与v1` 应写作 `与 v1`',
      '7:35-7:35: 中英文之间缺少空格：`2不` 应写作 `2 不`',
      '7:37-7:38: 中文句子中应使用全角标点：`变,省` 应写作 `变，省`',
      '9:3-9:4: 全角标点前后不加空格：`文 ，` 应写作 `文，`',
      '9:7-9:8: 全角标点前后不加空格：`文 。` 应写作 `文。`',
      '9:13-9:14: 全角标点前后不加空格：`” 与` 应写作 `”与`',
      '11:2-11:2: 中文与行内代码之间缺少空格：`用pip` 应写作 `用 pip`',
      '11:7-11:7: 中文与行内代码之间缺少空格：`pip安` 应写作 `pip 安`',
      '11:17-11:17: 中英文之间缺少空格：`是LangChain` 应写作 `是 LangChain`',
      '11:55-11:55: 中英文之间缺少空格：`LangChain框` 应写作 `LangChain 框`',
      '11:57-11:58: 中文句子中应使用全角标点：`架(一` 应写作 `架（一`',
      '11:64-11:65: 中文句子中应使用全角标点：`目)` 应写作 `目）`',
      '19:19-19:19: 中文与行内代码之间缺少空格：`a,b也` 应写作 `a,b 也`',
      '25:12-25:13: 中文句子中应使用全角标点：`型(最` 应写作 `型（最`',
      '25:15-25:16: 中文句子中应使用全角标点：`新)` 应写作 `新）`',
      '27:5-27:6: 中文句子中应使用全角标点：`下:` 应写作 `下：`',
    ]);
  });

  it('fixes the fixture to the committed result, and fixing again changes nothing', async () => {
    const fixed = await fix(read('sample.md'));
    expect(fixed).toBe(read('sample.fixed.md'));
    expect(await fix(fixed)).toBe(fixed);
    expect(await lines(fixed)).toEqual([]);
  });

  it('inserts a missing space as a zero-length range: actual "" and expected " "', async () => {
    const [message] = (await lintMarkdown('2020年\n', config)).messages;
    const place = message.place;
    expect(place && 'start' in place ? [place.start.offset, place.end.offset] : undefined).toEqual([4, 4]);
    expect(message.actual).toBe('');
    expect(message.expected).toEqual([' ']);
    expect(message.ruleId).toBe('cjk-spacing');
    expect(message.url).toBe('https://morsoli.github.io/llm-books/docs/contributing/rules/cjk-spacing');
  });

  it('puts the space for a neighbouring node in the text, never inside code, links or emphasis', async () => {
    const text = '用`x`和[GPT](https://a.org)与*Claude*及**中文**T\n';
    expect(await fix(text)).toBe('用 `x` 和 [GPT](https://a.org) 与 *Claude* 及**中文** T\n');
  });

  it('leaves decimals, versions, ellipses, English sentences and paths alone', async () => {
    expect(await lines('版本 3.5 与 v1.2.0 不同。省略号……和 ... 都可以。This is English, really: yes!\n')).toEqual([]);
    expect(await lines('文件 config.yaml 与 a,b 参数。\n')).toEqual([]);
  });

  it('turns half-width punctuation between Chinese characters, spaces included, into one full-width mark', async () => {
    expect(await fix('中文 , 中文; 中文! 真的吗?\n')).toBe('中文，中文；中文！真的吗？\n');
    expect(await fix('见下文.\n')).toBe('见下文。\n');
  });

  it('converts brackets only around Chinese content after a Chinese character', async () => {
    expect(await fix('模型(GPT-3)发布，模型(最新的)发布。\n')).toBe('模型(GPT-3)发布，模型（最新的）发布。\n');
  });

  it('checks curly quotes only against Chinese, since English uses them too', async () => {
    expect(await lines('He said “hello” to me.\n')).toEqual([]);
    expect(await fix('他说 “你好” 然后走了。\n')).toBe('他说“你好”然后走了。\n');
  });

  it('with spaceAroundInlineCode: false, leaves inline code neighbours alone', async () => {
    expect(await lines('用`pip`安装\n', {spaceAroundInlineCode: false})).toEqual([]);
    expect(await lines('用`pip`安装GPT\n', {spaceAroundInlineCode: false})).toEqual(['1:9-1:9: 中英文之间缺少空格：`装GPT` 应写作 `装 GPT`']);
  });

  it('rejects bad options with a message naming the valid ones', async () => {
    const file = await lintMarkdown('中文\n', onlyRule('cjk-spacing', {spaceAroundCode: true}));
    expect(file.messages.map((m) => m.reason)).toEqual(['cjk-spacing 的未知选项 `spaceAroundCode`；可用选项：`spaceAroundInlineCode`']);
    const typed = await lintMarkdown('中文\n', onlyRule('cjk-spacing', {spaceAroundInlineCode: 'yes'}));
    expect(typed.messages.map((m) => m.reason)).toEqual(['cjk-spacing 的选项 `spaceAroundInlineCode` 应为 `true` 或 `false`']);
  });

  it('handles CJK extension characters written as surrogate pairs', async () => {
    expect(await fix('𠀀GPT𠀁\n')).toBe('𠀀 GPT 𠀁\n');
  });
});
