import path from 'node:path';
import type {Link, Root} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {visit} from 'unist-util-visit';
import {describe, expect, it} from 'vitest';
import {VFile} from 'vfile';
import {loadRegistry} from '../../../core/registry/load';
import remarkModelLinks, {linkModels, tooltip} from '../index';
import {validateOptions, type UserOptions} from '../options';
import {parseMarkdown} from '../../../core/mentions';

const registry = loadRegistry(path.join(__dirname, '__fixtures__', 'models.yaml'));

function transform(markdown: string, options: UserOptions = {}): Root {
  const tree = parseMarkdown(markdown);
  linkModels(tree, registry, validateOptions({baseUrl: '/book/', ...options}));
  return tree;
}

/** `text → #id` for every link the plugin made, in order. */
function links(markdown: string, options: UserOptions = {}): string[] {
  const out: string[] = [];
  visit(transform(markdown, options), 'link', (link: Link) => {
    if (!(link.data?.hProperties?.className as string[] | undefined)?.includes('model-link')) return;
    out.push(`${toString(link)} → ${link.url.replace('/book/timeline', '')}`);
  });
  return out;
}

describe('remark-model-links: what is a mention', () => {
  it('links names next to Chinese text and full-width punctuation', () => {
    expect(links('基于code-davinci-002的模型（ChatGPT），GPT-4、Claude。')).toEqual([
      'code-davinci-002 → #code-davinci-002',
      'ChatGPT → #chatgpt',
      'GPT-4 → #gpt-4',
      'Claude → #claude',
    ]);
  });

  it('does not link a name inside a longer name, and prefers the longest', () => {
    expect(links('text-davinci-002 与 GPT-4o 与 GPT-4 Turbo')).toEqual([
      'text-davinci-002 → #text-davinci-002',
      'GPT-4 Turbo → #gpt-4-turbo',
    ]);
  });

  it('links aliases to their entry', () => {
    expect(links('初代 GPT-3 与 ERNIE Bot')).toEqual(['GPT-3 → #davinci', 'ERNIE Bot → #ernie-bot']);
  });

  it('is case-sensitive', () => {
    expect(links('chatgpt 和 Gpt-4 不是注册表里的写法')).toEqual([]);
  });

  it('links inline code whose whole value is a model name, keeping the code', () => {
    const tree = transform('见 `code-davinci-002` 与 `davinci()` 调用');
    const found: string[] = [];
    visit(tree, 'link', (link: Link) => {
      found.push(`${link.children[0].type}:${toString(link)}`);
    });
    expect(found).toEqual(['inlineCode:code-davinci-002']);
  });
});

describe('remark-model-links: families in the real registry', () => {
  const real = loadRegistry();
  const realLinks = (markdown: string): string[] => {
    const tree = parseMarkdown(markdown);
    linkModels(tree, real, validateOptions({baseUrl: '/book/', mode: 'all'}));
    const out: string[] = [];
    visit(tree, 'link', (link: Link) => {
      out.push(`${toString(link)} → ${link.url.replace('/book/timeline', '')}`);
    });
    return out;
  };

  it('links a family name to the family, and the first model to itself', () => {
    expect(realLinks('Llama 系列里，LLaMA 是第一代，Llama 2 接替了它；GPT 和 Claude 也是系列。')).toEqual([
      'Llama 系列 → #llama-family',
      'LLaMA → #llama',
      'Llama 2 → #llama-2',
      'GPT → #gpt-family',
      'Claude → #claude-family',
    ]);
  });

  it('links `Llama-1` to the first model, never the family name to a model', () => {
    expect(realLinks('从 Llama-1 到 Llama 3，Llama 一直公开权重。')).toEqual(['Llama-1 → #llama', 'Llama 3 → #llama-3', 'Llama → #llama-family']);
  });
});

describe('remark-model-links: never linked', () => {
  const cases: Array<[string, string]> = [
    ['fenced code', '```\nChatGPT\n```'],
    ['indented code', '    ChatGPT 在代码里'],
    ['an existing link', '[介绍 ChatGPT 的文章](https://example.com)'],
    ['a link reference', '[ChatGPT][ref]\n\n[ref]: https://example.com'],
    ['a definition', '[ChatGPT]: https://example.com "ChatGPT"'],
    ['image alt text', '![ChatGPT 截图](a.png)'],
    ['a heading', '## ChatGPT 的诞生'],
    ['inline HTML', '见 <span title="x">ChatGPT</span> 一文'],
    ['block HTML', '<div>\nChatGPT\n</div>'],
    ['front matter', '---\ntitle: ChatGPT\n---\n'],
    ['math', '$$\nGPT-4\n$$'],
    ['the references section', '## 参考链接\n\n- ChatGPT 的维基百科词条\n\n### 更多\n\nGPT-4'],
  ];
  it.each(cases)('not in %s', (_label, markdown) => {
    expect(links(markdown)).toEqual([]);
  });

  it('not inside an author\'s raw <a> that spans blocks, and again after its </a> (issue 13)', () => {
    const markdown = '<a href="https://example.com/paper">\n\nGPT-4 的论文，作者 ChatGPT\n\n</a>\n\n之后的 Claude';
    expect(links(markdown)).toEqual(['Claude → #claude']);
    expect(links('<a href="x">\n\n- GPT-4\n\n</a>\n\nGPT-4')).toEqual(['GPT-4 → #gpt-4']);
    // `<abbr>` and `<area>` are not links.
    expect(links('<abbr title="x">\n\nGPT-4\n\n</abbr>')).toEqual(['GPT-4 → #gpt-4']);
  });

  it('links again after the references section ends', () => {
    expect(links('## 参考链接\n\nChatGPT\n\n## 附录\n\nChatGPT')).toEqual(['ChatGPT → #chatgpt']);
  });

  it('honours `model_links: false` in front matter and from Docusaurus', () => {
    expect(links('---\nmodel_links: false\n---\n\nChatGPT')).toEqual([]);
    const tree = parseMarkdown('ChatGPT');
    linkModels(tree, registry, validateOptions({}), {model_links: false});
    expect(tree.children[0]).toMatchObject({type: 'paragraph', children: [{type: 'text'}]});
  });

  it('skips the next mention after an inline marker, and a whole block after a block marker', () => {
    expect(links('先说 <!-- no-model-link -->ChatGPT 再说 GPT-4')).toEqual(['GPT-4 → #gpt-4']);
    expect(links('<!-- no-model-link -->\n\nChatGPT 和 GPT-4\n\nClaude')).toEqual(['Claude → #claude']);
  });
});

describe('remark-model-links: which mentions', () => {
  const doc = 'ChatGPT 与 ChatGPT\n\n## 一节\n\nChatGPT 和 GPT-4\n\n### 小节\n\nChatGPT\n\n## 二节\n\nChatGPT';
  it('links the first mention per section by default', () => {
    expect(links(doc)).toEqual(['ChatGPT → #chatgpt', 'ChatGPT → #chatgpt', 'GPT-4 → #gpt-4', 'ChatGPT → #chatgpt']);
  });
  it('links the first mention per page', () => {
    expect(links(doc, {mode: 'first-per-page'})).toEqual(['ChatGPT → #chatgpt', 'GPT-4 → #gpt-4']);
  });
  it('links every mention', () => {
    expect(links(doc, {mode: 'all'})).toHaveLength(6);
  });
});

describe('remark-model-links: the links', () => {
  it('carry a tooltip, a class and a URL under the base URL', () => {
    const tree = transform('text-davinci-003');
    const link = (tree.children[0] as {children: Link[]}).children[0];
    expect(link).toMatchObject({
      type: 'link',
      url: '/book/timeline#text-davinci-003',
      title: 'text-davinci-003 · OpenAI · 2022-11 · RLHF 模型',
      data: {hProperties: {className: ['model-link']}},
    });
    expect(tooltip(registry.byId.get('ernie-bot')!)).toBe('文心一言 · 百度 · 2023-03-16 · 对话模型');
  });

  it('works as a unified plugin with options validated', async () => {
    const {unified} = await import('unified');
    const {default: remarkParse} = await import('remark-parse');
    const {default: remarkStringify} = await import('remark-stringify');
    const out = await unified()
      .use(remarkParse)
      .use(remarkModelLinks, {registry, baseUrl: '/'})
      .use(remarkStringify)
      .process(new VFile('我们用 ChatGPT。'));
    expect(String(out)).toBe('我们用 [ChatGPT](/timeline#chatgpt "ChatGPT · OpenAI · 2022-11-30 · 对话模型")。\n');
    expect(() => validateOptions({mode: 'sometimes' as never})).toThrow(
      'remark-model-links 的选项无效："mode" must be one of [first-per-page, first-per-section, all]',
    );
  });
});
