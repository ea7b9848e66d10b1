import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import {describe, expect, it} from 'vitest';
import {parse} from 'yaml';
import {ROOT_DIR} from '../../core/constants';
import {
  createTermMatcher,
  DEFAULT_TERMINOLOGY_PATH,
  loadTerminology,
  parseTerminology,
  TerminologyError,
  type TermList,
} from '../lib/terminology-data';

const FIXTURES = path.join(__dirname, '__fixtures__', 'terminology');
const SCHEMA = path.join(ROOT_DIR, 'data', 'terminology.schema.json');

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TerminologyError);
    return (error as TerminologyError).problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
  }
  throw new Error('expected a TerminologyError');
}

describe('the book’s term list', () => {
  const list = loadTerminology();

  it('loads with at least 50 entries', () => {
    expect(list.entries.length).toBeGreaterThanOrEqual(50);
  });

  it('records why for every Chinese term (the book used two words for one idea)', () => {
    const chinese = list.entries.filter((e) => /[\u4e00-\u9fff]/.test(e.term));
    expect(chinese.length).toBeGreaterThanOrEqual(20);
    expect(chinese.filter((e) => !e.note).map((e) => e.term)).toEqual([]);
  });

  it('covers the names issue 5 lists', () => {
    const terms = new Set(list.entries.map((e) => e.term));
    for (const name of ['GitHub', 'OpenAI', 'LangChain', 'LlamaIndex', 'Hugging Face', 'Common Crawl', 'arXiv', 'JavaScript', 'TypeScript', 'Python', 'PyTorch', 'API', '大语言模型', '微调', '提示词', '智能体']) {
      expect(terms.has(name), name).toBe(true);
    }
  });

  it('points editors at its JSON Schema, and the schema accepts it', () => {
    const source = fs.readFileSync(DEFAULT_TERMINOLOGY_PATH, 'utf8');
    expect(source.split('\n')[0]).toBe('# yaml-language-server: $schema=./terminology.schema.json');
    const validate = new Ajv({allErrors: true}).compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
    expect(validate(parse(source))).toBe(true);
  });

  it('has a schema that rejects what the loader rejects field by field', () => {
    const validate = new Ajv({allErrors: true}).compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
    const bad = parse(fs.readFileSync(path.join(FIXTURES, 'bad.yaml'), 'utf8'));
    expect(validate(bad)).toBe(false);
    const paths = new Set((validate.errors ?? []).map((e) => e.instancePath));
    expect(paths).toEqual(new Set(['/terms/0', '/terms/1', '/terms/4/case', '/terms/6/term', '/terms/8']));
  });
});

describe('loadTerminology errors', () => {
  it('lists every problem with line and column, sorted, at once', () => {
    expect(problemsOf(() => loadTerminology(path.join(FIXTURES, 'bad.yaml')))).toEqual([
      '5:5: 未知字段 `colour`；可用字段：`term`、`variants`、`allow`、`only_when`、`fix`、`case`、`note`',
      '6:5: 缺少必填字段 `term`，例如 `term: GitHub`',
      '7:5: 条目 `大语言模型` 没有 `variants`，不会报告任何写法；例如 `variants: [错误写法]`',
      '10:13: 例外短语 `服务器` 不包含任何变体（`代理`）；`allow` 只列出包含变体、但变体在其中是正确用法的短语',
      '12:11: `case` 的值 `loose` 无效；可选值：`exact`、`ignore`',
      '14:16: `Github` 已出现在术语 `GitHub`（第 3 行）中；每种写法只能属于一个条目',
      '15:11: `term` 的值 ` Python` 含有多余的空白；词之间只用一个空格，例如 `Hugging Face`',
      '17:16: 变体 `Pandas` 只在大小写上与 `pandas` 不同，但 `case: ignore` 接受任何大小写；删去该变体或改用 `case: exact`',
      '19:5: `terms` 的每一项应为一个条目，例如 `- term: GitHub`',
    ]);
  });

  it('names the file in the message, as file:line:column', () => {
    const file = path.join(FIXTURES, 'bad.yaml');
    try {
      loadTerminology(file);
      throw new Error('expected a TerminologyError');
    } catch (error) {
      const lines = (error as Error).message.split('\n');
      expect(lines[0]).toBe('术语表有 9 处错误：');
      expect(lines[1]).toBe(`${path.relative(process.cwd(), file)}:5:5: 未知字段 \`colour\`；可用字段：\`term\`、\`variants\`、\`allow\`、\`only_when\`、\`fix\`、\`case\`、\`note\``);
    }
  });

  it('reports YAML syntax errors with their position', () => {
    expect(problemsOf(() => loadTerminology(path.join(FIXTURES, 'syntax.yaml')))).toEqual([
      '4:1: YAML 语法错误：Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('reports a missing file at 1:1 and keeps the cause', () => {
    const file = path.join(FIXTURES, 'missing.yaml');
    try {
      loadTerminology(file);
      throw new Error('expected a TerminologyError');
    } catch (error) {
      expect(error).toBeInstanceOf(TerminologyError);
      expect((error as TerminologyError).problems[0].message).toMatch(/^无法读取术语表：ENOENT/);
      expect((error as TerminologyError).cause).toBeInstanceOf(Error);
    }
  });

  it('rejects a document without a `terms` list', () => {
    expect(problemsOf(() => parseTerminology('words: []\n', 'x.yaml'))).toEqual([
      '1:1: 术语表的顶层应为 `terms:` 列表，例如 `terms:\n  - term: GitHub`',
    ]);
  });
});

describe('the term matcher', () => {
  const list: TermList = parseTerminology(
    [
      'terms:',
      '  - term: GitHub',
      '  - term: Hugging Face',
      '    variants: [HuggingFace]',
      '  - term: 智能体',
      '    variants: [代理, 智能代理]',
      '    allow: [代理服务器, HTTP 代理]',
      '  - term: 超参数',
      '    variants: [超参]',
      '  - term: pandas',
      '    case: ignore',
      '    variants: [Panda]',
      '',
    ].join('\n'),
    'inline.yaml',
  );
  const matcher = createTermMatcher(list);
  const found = (text: string): string[] => matcher.find(text).map((m) => `${m.start}-${m.end}:${m.found}→${m.entry.term}`);

  it.each([
    ['Github的仓库', ['0-6:Github→GitHub']],
    ['用github。', ['1-7:github→GitHub']],
    ['GitHub 很好', []],
    ['GitHubber 与 MyGithub', []],
    ['.github/workflows 和 a/github', []],
    ['github.com 与 github-actions', []],
    ['看 github.', ['2-8:github→GitHub']],
    ['@github 与 #github', []],
    ['hugging face 和 Huggingface', ['0-12:hugging face→Hugging Face', '15-26:Huggingface→Hugging Face']],
    ['Hugging\nFace 跨行不算错', []],
    ['智能代理与代理', ['0-4:智能代理→智能体', '5-7:代理→智能体']],
    ['代理服务器、HTTP 代理、http 代理', []],
    ['超参数与超参', ['4-6:超参→超参数']],
    ['Pandas 与 pandas 与 panda', ['18-23:panda→pandas']],
    ['代理人签了字', []],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  const certainty = (text: string): Array<[string, boolean]> => matcher.find(text).map((m) => [m.found, m.certain]);

  it('makes a lower-case one-word name a suggestion, and a command or identifier no match at all', () => {
    expect(certainty('用 Github 和 github')).toEqual([['Github', true], ['github', false]]);
    expect(certainty('先 github clone，再看 github 用户组和客户端命令 - github')).toEqual([]);
  });
});

describe('term entry fields fix and only_when', () => {
  it('reads them, and a suggest entry makes every match uncertain', () => {
    const list = parseTerminology('terms:\n  - term: 智能体\n    variants: [代理]\n    only_when: [大模型]\n    fix: suggest\n', 'x.yaml');
    expect(list.entries[0]).toMatchObject({onlyWhen: ['大模型'], fix: 'suggest'});
    expect(createTermMatcher(list).find('充当代理').map((m) => m.certain)).toEqual([false]);
  });

  it('rejects an unknown fix mode and only_when without variants, with line and column', () => {
    expect(problemsOf(() => parseTerminology('terms:\n  - term: 智能体\n    fix: maybe\n    variants: [代理]\n  - term: GitHub\n    only_when: [代码]\n', 'x.yaml'))).toEqual([
      '3:10: `fix` 的值 `maybe` 无效；可选值：`apply`、`suggest`',
      '6:16: `only_when` 只约束 `variants`，但条目 `GitHub` 没有变体',
    ]);
  });
});
