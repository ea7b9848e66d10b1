import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {lintMarkdown, onlyRule} from '../docs/examples';
import {modelIndexFor} from '../lib/model-names-index';
import {findModelCalls} from '../retired-models';
import {PROPERTY_RUNS, PROPERTY_SEED} from './rule-properties';

const config = onlyRule('retired-models');
const params = {seed: PROPERTY_SEED, numRuns: PROPERTY_RUNS};
const {ended} = modelIndexFor();
const endedNames = [...ended.keys()];

describe('findModelCalls', () => {
  it('finds quoted names and --model values in code, the name without its quotes', () => {
    const code = 'a = f(model="text-davinci-003")\nb = {"model": "gpt-4o"}\nllm --model=davinci';
    expect(findModelCalls(code, ended, false).map((c) => [c.name, code.slice(c.start, c.end)])).toEqual([
      ['text-davinci-003', 'text-davinci-003'],
      ['davinci', 'davinci'],
    ]);
  });

  it('in inline code, needs a model key before the name', () => {
    expect(findModelCalls('"text-davinci-003"', ended, true)).toEqual([]);
    expect(findModelCalls("engine = 'text-davinci-003'", ended, true).map((c) => c.name)).toEqual(['text-davinci-003']);
  });

  it('does not take a longer name for a retired one', () => {
    expect(findModelCalls('model="davinci-002" model="text-davinci-003x" --model davinci-002', ended, false)).toEqual([]);
  });
});

describe('retired-models properties', () => {
  /** Prose that names retired models in every way a history section does: bare, in inline code, in links. */
  const mention = fc.constantFrom(...endedNames).chain((name) =>
    fc.constantFrom(name, `\`${name}\``, `[${name}](https://example.com/${name})`, `“${name}”`, `model=${name}`, `"${name}"`),
  );
  const filler = fc.constantFrom('在 2023 年', '曾经调用', '，', '。', ' ', '模型', 'API', '已下线');
  const prose = fc.array(fc.oneof(mention, filler), {minLength: 1, maxLength: 12}).map((parts) => parts.join(''));

  it('never reports prose that discusses retired models', async () => {
    expect(endedNames).toContain('text-davinci-003');
    await fc.assert(
      fc.asyncProperty(fc.array(prose, {minLength: 1, maxLength: 4}), async (paragraphs) => {
        const file = await lintMarkdown(paragraphs.join('\n\n'), config);
        expect(file.messages.map((m) => m.reason)).toEqual([]);
      }),
      params,
    );
  });

  it('reports every retired name called in a code block, at the name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endedNames), fc.constantFrom('"', "'"), async (name, q) => {
        const text = `示例：\n\n\`\`\`python\nclient.create(model=${q}${name}${q})\n\`\`\`\n`;
        const file = await lintMarkdown(text, config);
        expect(file.messages).toHaveLength(1);
        const [message] = file.messages;
        expect(message.place && 'start' in message.place ? message.place.start : undefined).toMatchObject({line: 4, column: 22});
        expect(message.reason).toContain(`\`${name}\``);
      }),
      params,
    );
  });
});
