import path from 'node:path';
import type {AllContent} from '@docusaurus/types';
import {describe, expect, it} from 'vitest';
import {loadRegistry} from '../../../core/registry/load';
import {registryMatcher} from '../../../core/registry/matcher';
import {docPagesFrom, groupMentions, type DocPage} from '../mentions';
import {scanDocs} from '../scan-docs';

const BOOK = path.join(__dirname, '__fixtures__', 'book');
const registry = loadRegistry(path.join(BOOK, 'data', 'models.yaml'));

/** What the docs plugin would publish for the fixture book (the draft is left out). */
const PAGES: DocPage[] = [
  {source: 'docs/intro.md', permalink: '/base/docs/intro', title: '引言'},
  {source: 'docs/part/chapter.md', permalink: '/base/docs/part/chapter', title: '第二章'},
  {source: 'docs/part/opt-out.md', permalink: '/base/docs/part/opt-out', title: '不链接的页面'},
];

function backLinks() {
  return groupMentions(scanDocs(BOOK, path.join(BOOK, 'docs'), registryMatcher(registry)), PAGES);
}

describe('scanDocs', () => {
  it('reads every published Markdown file, skipping `_` partials, with site-relative POSIX sources', () => {
    const scanned = scanDocs(BOOK, path.join(BOOK, 'docs'), registryMatcher(registry));
    expect(scanned.map((d) => d.source)).toEqual([
      'docs/draft.md',
      'docs/intro.md',
      'docs/part/chapter.md',
      'docs/part/opt-out.md',
    ]);
  });
});

describe('groupMentions', () => {
  it('lists each chapter once per model with its sections in document order and counts', () => {
    expect(backLinks().get('code-davinci-002')).toEqual([
      {
        title: '引言',
        permalink: '/base/docs/intro',
        source: 'docs/intro.md',
        count: 3,
        sections: [
          {text: '起源', id: '起源', count: 2},
          {text: '细节', id: '细节', count: 1},
        ],
      },
    ]);
  });

  it('counts a mention before the first heading for the chapter but links no section for it', () => {
    const [intro] = backLinks().get('davinci') ?? [];
    expect(intro).toEqual({
      title: '引言',
      permalink: '/base/docs/intro',
      source: 'docs/intro.md',
      count: 2,
      sections: [{text: '起源', id: '起源', count: 1}],
    });
  });

  it('counts aliases as mentions of their model (GPT-3 → davinci)', () => {
    const chapter = backLinks().get('davinci')?.[1];
    expect(chapter?.permalink).toBe('/base/docs/part/chapter');
    expect(chapter?.count).toBe(2);
    expect(chapter?.sections).toEqual([{text: '编码器', id: '编码器', count: 2}]);
  });

  it('uses explicit heading ids and Docusaurus ids for repeated headings', () => {
    const chatgpt = backLinks().get('chatgpt') ?? [];
    expect(chatgpt.map((c) => [c.permalink, c.sections.map((s) => `${s.text}#${s.id}`)])).toEqual([
      ['/base/docs/intro', ['起源#起源-1']],
      ['/base/docs/part/chapter', ['GPT-3.5 系列#gpt35']],
    ]);
  });

  it('ignores code blocks, the 参考链接 section, opted-out pages and unpublished files', () => {
    const links = backLinks();
    expect(links.get('text-davinci-003')?.map((c) => c.source)).toEqual(['docs/part/chapter.md']);
    expect(links.get('bert')?.map((c) => c.source)).toEqual(['docs/part/chapter.md']);
    expect([...links.values()].flat().some((c) => c.source === 'docs/part/opt-out.md')).toBe(false);
    expect(links.has('instructgpt')).toBe(false);
  });
});

describe('docPagesFrom', () => {
  it('reads the permalinks and titles of the docs plugin and drops the `@site/` alias', () => {
    const allContent: AllContent = {
      'docusaurus-plugin-content-docs': {
        default: {
          loadedVersions: [
            {docs: [{source: '@site/docs/book/01-llm/01-hello-chatgpt.md', permalink: '/llm-books/docs/book/01-llm/hello', title: '你好, ChatGPT'}]},
          ],
        },
      },
    };
    expect(docPagesFrom(allContent, 'default')).toEqual([
      {source: 'docs/book/01-llm/01-hello-chatgpt.md', permalink: '/llm-books/docs/book/01-llm/hello', title: '你好, ChatGPT'},
    ]);
  });

  it('says which option to set when the docs plugin instance is missing', () => {
    expect(() => docPagesFrom({}, 'book')).toThrow(
      '时间线插件找不到 id 为 `book` 的文档插件；请在插件选项 `docsPluginId` 中写上站点文档插件的 id（默认 `default`）',
    );
  });
});
