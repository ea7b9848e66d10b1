import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type {Root} from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {VFile} from 'vfile';
import type {VFileMessage} from 'vfile-message';
import {afterAll, describe, expect, it} from 'vitest';
import {ROOT_DIR} from '../../core/constants';
import {loadRegistry} from '../../core/registry/load';
import {formatMessage, lintMarkdown, sortedMessages} from '../docs/examples';
import modelNames from '../model-names';
import {buildModelIndex, modelIndexFor} from '../lib/model-names-index';
import {findModelNames, nearestNames} from '../lib/model-names-scan';
import {DEFAULT_CONFIG} from '../preset';
import unknownModels, {type UnknownModelsOptions} from '../unknown-models';
import {runCli} from './cli-helpers';

const FIXTURES = path.join(__dirname, '__fixtures__', 'model-names');
const REGISTRY = path.join(FIXTURES, 'registry.yaml');
const SHOWN = path.relative(ROOT_DIR, REGISTRY);

function parser() {
  return unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMath);
}

async function lint(text: string, options: UnknownModelsOptions = {registry: REGISTRY}): Promise<VFileMessage[]> {
  const file = new VFile({path: 'chapter.md', value: text});
  const processor = parser().use(unknownModels, options);
  await processor.run(processor.parse(file), file);
  return file.messages;
}

/** Both rules on one tree, as in the preset. */
async function lintBoth(text: string): Promise<VFileMessage[]> {
  const file = new VFile({path: 'chapter.md', value: text});
  const processor = parser().use(modelNames, {registry: REGISTRY}).use(unknownModels, {registry: REGISTRY});
  await processor.run(processor.parse(file), file);
  return file.messages;
}

describe('nearestNames', () => {
  it('ranks by the nearest generation, then by edit distance', () => {
    expect(nearestNames('text-davinci-004', ['text-davinci-001', 'text-davinci-002', 'text-davinci-003'])).toEqual(['text-davinci-003', 'text-davinci-002']);
    expect(nearestNames('GPT-5', ['GPT-1', 'GPT-2', 'GPT-3', 'GPT-4'])).toEqual(['GPT-4', 'GPT-3']);
    expect(nearestNames('GPT-5', ['GPT-3', 'GPT-4 Turbo', 'GPT-4'])).toEqual(['GPT-4', 'GPT-4 Turbo']);
  });

  it('takes a family member without a number for the first generation (`Llama-1` → `LLaMA`)', () => {
    expect(nearestNames('Llama-1', ['LLaMA', 'Llama 2', 'Llama 3'])).toEqual(['LLaMA', 'Llama 2']);
    expect(nearestNames('Llama 1', ['Llama 2', 'Llama 3', 'LLaMA'])).toEqual(['LLaMA', 'Llama 2']);
  });
});

describe('unknown-models on a fixture registry', () => {
  it('reports model-like names the registry lacks, with the nearest names; not misspelt known names', async () => {
    const messages = await lint(fs.readFileSync(path.join(FIXTURES, 'mixed.md'), 'utf8'));
    expect(messages.map(formatMessage)).toEqual([
      `21:15-21:20: 未知模型：\`GPT-5\` 不在 \`${SHOWN}\` 中，请先在注册表中添加；相近的名称：\`GPT-4\`、\`GPT-4 Turbo\``,
      `21:21-21:28: 未知模型：\`Llama 3\` 不在 \`${SHOWN}\` 中，请先在注册表中添加；相近的名称：\`Llama 2\``,
    ]);
  });

  it('offers no fix, and its messages carry its own rule id', async () => {
    const messages = await lint('text-davinci-004 和 `GPT-5`。');
    expect(messages.map((m) => [m.ruleId, m.source, m.actual, m.expected])).toEqual([
      ['unknown-models', 'llmbook', undefined, undefined],
      ['unknown-models', 'llmbook', undefined, undefined],
    ]);
  });

  it('never reads a bare URL that GFM links after parsing (no position)', async () => {
    expect(await lint('chatgpt[(https://x.com/gpt-5)')).toEqual([]);
  });

  it('places a name exactly even when escapes sit before it in the same text', async () => {
    const messages = await lint('以及 \\*GPT3\\* 和 GPT-5。');
    expect(messages.map((m) => m.place)).toEqual([{start: {line: 1, column: 15, offset: 14}, end: {line: 1, column: 20, offset: 19}}]);
  });

  it('fails with the registry error when the registry is invalid', async () => {
    const bad = path.resolve(__dirname, '../../core/registry/__tests__/__fixtures__/fields.yaml');
    const messages = await lint('GPT-5', {registry: bad});
    expect(messages).toHaveLength(1);
    expect(messages[0].reason).toMatch(/^模型注册表有 \d+ 处错误：\n.*fields\.yaml:\d+:\d+: /);
  });
});

describe('unknown-models and model-names share one scan', () => {
  it('walks a tree once per registry: the second rule reuses the first rule’s findings', () => {
    const file = new VFile({value: 'GPT3 与 GPT-5。'});
    const tree = parser().parse(file) as Root;
    const index = modelIndexFor(REGISTRY);
    const first = findModelNames(tree, file, index);
    expect(findModelNames(tree, file, index)).toBe(first);
    expect(first.map((f) => [f.finding.kind, f.actual])).toEqual([
      ['spelling', 'GPT3'],
      ['unknown', 'GPT-5'],
    ]);
    expect(findModelNames(tree, file, buildModelIndex(loadRegistry(REGISTRY)))).not.toBe(first);
  });

  it('splits the findings: the misspelling to model-names, the unknown name to unknown-models', async () => {
    const messages = await lintBoth('GPT3 与 GPT-5。');
    expect(messages.map((m) => [m.ruleId, formatMessage(m)])).toEqual([
      ['model-names', '1:1-1:5: 模型名称写法不对：`GPT3` 应写作 `GPT-3`'],
      ['unknown-models', `1:8-1:13: 未知模型：\`GPT-5\` 不在 \`${SHOWN}\` 中，请先在注册表中添加；相近的名称：\`GPT-4\`、\`GPT-4 Turbo\``],
    ]);
  });

  const WORDS = ['chatgpt', 'GPT3', 'GPT 4', 'GPT-5', 'gpt-6', 'Llama 3', 'Llama 2', 'Llama 7B', 'text-davinci-004', '`GPT-5`', '`gpt-4`', '基于', '的', ' ', '\n\n', '*', '\\', '`', '[', ']', '(https://x.com/gpt-5)', '<https://x.com/gpt-5>', '\n\n```\nGPT-5\n```\n', '$GPT-5$', '# ', '- '];
  const markdown = fc.array(fc.constantFrom(...WORDS), {maxLength: 25}).map((parts) => parts.join(''));

  it('never report the same name twice, and every message of the pair is one finding of the shared scan', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (text) => {
        const messages = await lintBoth(text);
        const file = new VFile({value: text});
        const findings = findModelNames(parser().parse(file) as Root, file, modelIndexFor(REGISTRY));
        const key = (place: unknown) => JSON.stringify(place);
        expect(messages.map((m) => key(m.place)).sort()).toEqual(findings.map((f) => key(f.place)).sort());
        expect(new Set(messages.map((m) => key(m.place))).size).toBe(messages.length);
        for (const m of messages) {
          expect(m.place && 'start' in m.place).toBe(true);
          expect(m.ruleId).toBe(m.reason.startsWith('未知模型') ? 'unknown-models' : 'model-names');
          if (m.ruleId === 'unknown-models') expect(m.expected).toBeUndefined();
        }
      }),
      {seed: 20240503, numRuns: 200},
    );
  });
});

describe('unknown-models on the real registry', () => {
  it('accepts every name and alias the registry holds', async () => {
    const names = buildModelIndex(loadRegistry()).names;
    expect(await lint([...names].map((n) => `${n}。`).join('\n\n'), {})).toEqual([]);
  });

  it('is a warning by default while a misspelling is an error', async () => {
    expect(DEFAULT_CONFIG.rules['unknown-models']).toBe('warn');
    const file = await lintMarkdown('text-davinci-004 不存在，chatgpt 存在。\n', DEFAULT_CONFIG);
    expect(sortedMessages(file).map((m) => [m.ruleId, m.fatal, formatMessage(m)])).toEqual([
      ['unknown-models', false, '1:1-1:17: 未知模型：`text-davinci-004` 不在 `data/models.yaml` 中，请先在注册表中添加；相近的名称：`text-davinci-003`、`text-davinci-002`'],
      ['model-names', true, '1:22-1:29: 模型名称写法不对：`chatgpt` 应写作 `ChatGPT`'],
    ]);
  });
});

describe('the CLI with the repository’s .lintrc.yaml', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmbook-unknown-models-'));
  fs.copyFileSync(path.join(ROOT_DIR, '.lintrc.yaml'), path.join(dir, '.lintrc.yaml'));
  afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));
  const env = {LLMBOOK_LINT_PRESET: ''};

  it('says nothing about unknown models in a book outside this repository, by default', () => {
    fs.writeFileSync(path.join(dir, 'unknown.md'), '# 标题\n\ntext-davinci-004 并不存在。\n');
    const run = runCli(['--no-cache', 'unknown.md'], dir, env);
    expect(run.stderr + run.stdout).not.toContain('未知模型');
    expect(run.code).toBe(0);
  });

  it('exits 0 with a warning that does not ask another book to edit our registry (outsideDocs: report)', () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'llmbook-unknown-models-report-'));
    fs.writeFileSync(path.join(other, '.lintrc.yaml'), 'rules:\n  unknown-models: [warn, {outsideDocs: report}]\n');
    fs.writeFileSync(path.join(other, 'unknown.md'), '# 标题\n\ntext-davinci-004 并不存在。\n');
    const run = runCli(['--no-cache', 'unknown.md'], other, env);
    expect(run.stderr + run.stdout).toContain('3:1-3:17 warning 未知模型：`text-davinci-004` 不是已收录的模型名，名称无误时可忽略（本书不需要修改 `data/models.yaml`）；相近的名称：`text-davinci-003`、`text-davinci-002` unknown-models llmbook');
    expect(run.code).toBe(0);
  });

  it('exits 1 for a misspelt known model', () => {
    fs.writeFileSync(path.join(dir, 'misspelt.md'), '# 标题\n\nchatgpt 于 2022 年发布。\n');
    const run = runCli(['--no-cache', 'misspelt.md'], dir, env);
    expect(run.stderr + run.stdout).toContain('3:1-3:8 error 模型名称写法不对：`chatgpt` 应写作 `ChatGPT` model-names llmbook');
    expect(run.code).toBe(1);
  });
});
