import {describe, expect, it} from 'vitest';
import {markdownSentences, normalise, sharedSentences, splitSentences} from '../sentences';

describe('normalise', () => {
  it('drops spacing and punctuation and folds case and width', () => {
    expect(normalise('ChatGPT 是 OpenAI 开发的，聊天程序。')).toBe(normalise('chatgpt是openai开发的聊天程序'));
    expect(normalise('ＡＢＣ')).toBe('abc');
  });
});

describe('splitSentences', () => {
  it('splits at Chinese and Latin sentence ends and drops short pieces', () => {
    const text = '短句。这是一句足够长的中文句子用来测试分句效果！Another 句子 that is long enough. 再来';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      '这是一句足够长的中文句子用来测试分句效果！',
      'Another 句子 that is long enough.',
    ]);
  });

  it('ignores sentences without a Han character', () => {
    expect(splitSentences('davinci-instruct-beta and text-davinci-001')).toEqual([]);
  });

  it('numbers lines from the given start', () => {
    expect(splitSentences('第一行并不是很短的一个句子啊啊啊\n第二行也不是很短的一个句子啊啊啊', 10).map((s) => s.line)).toEqual([10, 11]);
  });
});

describe('markdownSentences', () => {
  it('skips front matter, code blocks and inline code', () => {
    const md = '---\ntitle: 一个标题也可以很长很长很长很长很长\n---\n\n调用 `gpt-4o-mini` 模型时要先设置好一个环境变量。\n\n```python\nprint("这是代码块里的一句很长很长的中文句子")\n```\n';
    const sentences = markdownSentences(md);
    expect(sentences.map((s) => s.text)).toEqual(['调用   模型时要先设置好一个环境变量。']);
    expect(sentences[0].line).toBe(5);
  });

  it('treats table cells as separate units', () => {
    const md = '| 一个足够长的表格单元格的内容甲 | 另一个足够长的表格单元格内容乙 |\n| --- | --- |\n';
    expect(markdownSentences(md).map((s) => s.text)).toEqual(['一个足够长的表格单元格的内容甲', '另一个足够长的表格单元格内容乙']);
  });
});

describe('sharedSentences', () => {
  const theirs = splitSentences('ChatGPT是OpenAI开发的人工智能聊天机器人程序，于2022年11月推出。模型的价格经常发生变化请查阅官网。');

  it('finds our sentence inside theirs despite spacing and punctuation', () => {
    const ours = splitSentences('ChatGPT 是 OpenAI 开发的人工智能聊天机器人程序。这句是我们自己写的不同内容的句子。');
    expect(sharedSentences(ours, theirs).map((s) => s.text)).toEqual(['ChatGPT 是 OpenAI 开发的人工智能聊天机器人程序。']);
  });

  it('finds their sentence inside a longer one of ours', () => {
    const ours = splitSentences('我们注意到模型的价格经常发生变化请查阅官网并且记录日期。');
    expect(sharedSentences(ours, theirs)).toHaveLength(1);
  });

  it('passes sentences written in other words', () => {
    const ours = splitSentences('OpenAI 在 2022 年底推出了对话产品，迅速吸引了大量用户。');
    expect(sharedSentences(ours, theirs)).toEqual([]);
  });
});
