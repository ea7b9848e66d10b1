import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {fixText} from '../engine/fix';
import modelNames, {type ModelNamesOptions} from '../model-names';
import {buildModelIndex, modelIndexFor, normaliseKey} from '../lib/model-names-index';
import {loadRegistry} from '../../core/registry/load';

const FIXTURES = path.join(__dirname, '__fixtures__', 'model-names');
const REGISTRY = path.join(FIXTURES, 'registry.yaml');

async function lint(text: string, options: ModelNamesOptions = {registry: REGISTRY}) {
  const file = new VFile({path: 'chapter.md', value: text});
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMath).use(modelNames, options);
  await processor.run(processor.parse(file), file);
  return file.messages;
}

async function reasons(text: string, options?: ModelNamesOptions): Promise<string[]> {
  return (await lint(text, options)).map((m) => `${m.place && 'start' in m.place ? `${m.place.start.line}:${m.place.start.column}-${m.place.end.line}:${m.place.end.column}` : '?'}: ${m.reason}`);
}

describe('normaliseKey', () => {
  it('drops separators and case but keeps digits apart', () => {
    expect(normaliseKey('GPT-3.5')).toBe('gpt3.5');
    expect(normaliseKey('gpt 3-5')).toBe('gpt3.5');
    expect(normaliseKey('GPT-35')).toBe('gpt35');
    expect(normaliseKey('text_davinci_003')).toBe('textdavinci003');
  });
});

describe('model-names on a fixture registry', () => {
  it('reports mis-cased and misspelt names in prose, headings and link text, with fixes; not unknown names (GPT-5, Llama 3: unknown-models)', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'mixed.md'), 'utf8');
    expect(await reasons(text)).toEqual([
      '5:3-5:10: 模型名称写法不对：`chatgpt` 应写作 `ChatGPT`',
      '7:3-7:7: 模型名称写法不对：`GPT3` 应写作 `GPT-3`',
      '7:11-7:16: 模型名称写法不对：`GPT 4` 应写作 `GPT-4`',
      '7:19-7:30: 模型名称写法不对：`GPT-4 turbo` 应写作 `GPT-4 Turbo`',
      '7:45-7:50: 模型名称写法不对：`Gpt-4` 应写作 `GPT-4`',
      '13:61-13:68: 模型名称写法不对：`CHATGPT` 应写作 `ChatGPT`',
      '21:6-21:10: 模型名称写法不对：`GPT3` 应写作 `GPT-3`',
      '21:34-21:38: 模型名称写法不对：`qwen` 应写作 `Qwen`',
    ]);
  });

  it('fixes to the registry spelling and the fixed file lints clean', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'mixed.md'), 'utf8');
    const fixed = (await fixText(text, (t) => lint(t))).text;
    expect(fixed).toContain('基于GPT-3的模型；GPT-4 与 GPT-4 Turbo；`gpt-4` 是接口名，`GPT-4` 不是。');
    expect(fixed).toContain('const model = "chatgpt"; // GPT3');
    expect(await lint(fixed)).toEqual([]);
  });

  it('every message is an error-class finding of its own rule: ruleId model-names, a fix unless ambiguous', async () => {
    const messages = await lint(fs.readFileSync(path.join(FIXTURES, 'mixed.md'), 'utf8'));
    expect(messages.map((m) => [m.ruleId, m.source, m.expected?.length])).toEqual(Array(messages.length).fill(['model-names', 'llmbook', 1]));
  });

  it('places and fixes names in text that GFM splits off a bare URL without a position', async () => {
    const text = 'chatgpt\\chatgpt[(https://x.com/gpt3)';
    expect(await reasons(text)).toEqual(['1:1-1:8: 模型名称写法不对：`chatgpt` 应写作 `ChatGPT`', '1:9-1:16: 模型名称写法不对：`chatgpt` 应写作 `ChatGPT`']);
    expect((await fixText(text, (t) => lint(t))).text).toBe('ChatGPT\\ChatGPT[(https://x.com/gpt3)');
  });

  it('does not guess between two names with the same spelling-free form', async () => {
    const registry = path.join(FIXTURES, 'ambiguous.yaml');
    const messages = await lint('FOO1 出现了。', {registry});
    expect(messages.map((m) => m.reason)).toEqual(['模型名称写法不对：`FOO1` 应写作 `Foo-1` 或 `foo 1` 之一']);
    expect(messages[0].expected).toBeUndefined();
  });

  it('reloads the registry only when the file changes', () => {
    expect(modelIndexFor(REGISTRY)).toBe(modelIndexFor(REGISTRY));
  });

  it('fails with the registry error when the registry is invalid', async () => {
    const bad = path.resolve(__dirname, '../../core/registry/__tests__/__fixtures__/fields.yaml');
    const messages = await lint('GPT-4', {registry: bad});
    expect(messages).toHaveLength(1);
    expect(messages[0].reason).toMatch(/^模型注册表有 \d+ 处错误：\n.*fields\.yaml:\d+:\d+: /);
  });
});

describe('model-names on the real registry', () => {
  it('accepts every name and alias the registry holds', async () => {
    const registry = loadRegistry();
    const names = buildModelIndex(registry).names;
    const text = [...names].map((n) => `${n}。`).join('\n\n');
    expect(await reasons(text, {})).toEqual([]);
  });
});

/** Code block values and URLs, which no fix may change. */
function untouchable(text: string): string[] {
  const found: string[] = [];
  visit(unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMath).parse(text), (node) => {
    if (node.type === 'code' || node.type === 'math' || node.type === 'inlineMath') found.push(node.value);
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') found.push(node.url);
  });
  return found;
}

const WORDS = ['chatgpt', 'ChatGPT', 'GPT3', 'GPT 4', 'GPT-4 turbo', 'text_davinci_003', 'GPT-5', '`Gpt-4`', '`gpt-4`', '基于', '的', ' ', '\n', '\n\n', '*', '_', '`', '[', ']', '(https://x.com/gpt3)', '<https://x.com/chatgpt>', '\\', '&amp;', '\n\n```\nchatgpt\n```\n', '$gpt3$', '# ', '- ', '> ', 'Llama 2', 'LLaMA 2', '通义千问'];

describe('model-names properties', () => {
  const markdown = fc.array(fc.constantFrom(...WORDS), {maxLength: 25}).map((parts) => parts.join(''));

  it('never throws, and every fix names the exact source text it replaces', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (text) => {
        for (const message of await lint(text)) {
          if (!message.expected) continue;
          const place = message.place as {start: {offset: number}; end: {offset: number}};
          expect(text.slice(place.start.offset, place.end.offset)).toBe(message.actual);
        }
      }),
      {seed: 20240501, numRuns: 300},
    );
  });

  it('fixing keeps code blocks and URLs byte-identical and is idempotent', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (text) => {
        const once = (await fixText(text, (t) => lint(t))).text;
        const twice = (await fixText(once, (t) => lint(t))).text;
        expect(twice).toBe(once);
        expect(untouchable(once)).toEqual(untouchable(text));
      }),
      {seed: 20240502, numRuns: 200},
    );
  });
});
