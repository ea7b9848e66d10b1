import {describe, expect, it} from 'vitest';
import {commentBody, postedKeys, reviewComment, selectSuggestions, suggestionKey} from '../comments';
import type {Suggestion} from '../plan';
import type {LintMessage} from '../../../lint-rules/engine/result';

const message = (text: string, ruleId: string | null = 'terminology'): LintMessage => ({
  ruleId, source: 'llmbook', severity: 'error', message: text,
  line: 1, column: 1, endLine: 1, endColumn: 2, startOffset: 0, endOffset: 1, actual: 'a', expected: ['b'],
});

const suggestion = (path: string, startLine: number, original: string, replacement: string, endLine = startLine): Suggestion => ({
  path, startLine, endLine, original, replacement, messages: [message('术语不一致：`Github` 应写作 `GitHub`')],
});

describe('commentBody', () => {
  it('carries the hidden key, the rule page link, the message and a suggestion block with the new lines', () => {
    const s = suggestion('docs/a.md', 3, '在Github上', '在 GitHub 上');
    expect(commentBody(s)).toBe(
      [
        `<!-- llmbook-suggestion:${suggestionKey(s)} -->`,
        '内容检查可以自动修复这一处（与本地 `npm run lint -- --fix` 的结果相同）：',
        '',
        '- [`llmbook/terminology`](https://morsoli.github.io/llm-books/docs/contributing/rules/terminology)：术语不一致：`Github` 应写作 `GitHub`',
        '',
        '```suggestion',
        '在 GitHub 上',
        '```',
        '',
        '点击「Commit suggestion」即可采纳；多条建议可以先「Add suggestion to batch」再一起提交。',
      ].join('\n'),
    );
  });

  it('uses a longer fence when the new lines hold backticks, defuses mentions and links no unknown rule', () => {
    const s = {...suggestion('a.md', 1, 'x', 'see ```js``` here'), messages: [message('ping @octocat\nnow', 'evil')]};
    const body = commentBody(s);
    expect(body).toContain('\n````suggestion\nsee ```js``` here\n````\n');
    expect(body).toContain('- `llmbook`：ping @\u200doctocat now');
    expect(body).not.toContain('](');
  });
});

describe('reviewComment', () => {
  it('anchors one line with `line`, several with `start_line` as well, both on the new side', () => {
    expect(reviewComment(suggestion('a.md', 4, 'x', 'y'))).toMatchObject({path: 'a.md', line: 4, side: 'RIGHT'});
    expect(reviewComment(suggestion('a.md', 4, 'x', 'y')).start_line).toBeUndefined();
    expect(reviewComment(suggestion('a.md', 4, 'x\nz', 'y', 5))).toMatchObject({line: 5, start_line: 4, start_side: 'RIGHT'});
  });
});

describe('deduplication and the cap', () => {
  it('recognises what an earlier run posted, even after the lines moved', () => {
    const first = suggestion('a.md', 3, '在Github上', '在 GitHub 上');
    const moved = {...first, startLine: 10, endLine: 10};
    const posted = postedKeys([{body: commentBody(first)}, {body: '人写的评论'}, {body: null}]);
    expect(selectSuggestions([moved], posted)).toEqual({post: [], overflow: [], duplicate: [moved]});
  });

  it('posts again when the paragraph changed, and never twice in one run', () => {
    const first = suggestion('a.md', 3, '在Github上', '在 GitHub 上');
    const changed = suggestion('a.md', 3, '我在Github上', '我在 GitHub 上');
    const posted = postedKeys([{body: commentBody(first)}]);
    const twin = {...changed, startLine: 8, endLine: 8};
    const selection = selectSuggestions([changed, twin], posted);
    expect(selection.post).toEqual([changed]);
    expect(selection.duplicate).toEqual([twin]);
  });

  it('keeps at most `max`, in file and line order, and hands the rest to the summary', () => {
    const all = [suggestion('b.md', 1, 'p', 'q'), suggestion('a.md', 9, 'r', 's'), suggestion('a.md', 2, 't', 'u')];
    const selection = selectSuggestions(all, new Set(), 2);
    expect(selection.post.map((s) => `${s.path}:${s.startLine}`)).toEqual(['a.md:2', 'a.md:9']);
    expect(selection.overflow.map((s) => `${s.path}:${s.startLine}`)).toEqual(['b.md:1']);
  });
});
