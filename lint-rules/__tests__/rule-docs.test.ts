import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadConfig} from '../engine/config';
import {CATEGORY, generateRuleDocs, RULE_DOCS_DIR, staleRuleDocs, unwrap} from '../docs/generate';
import {formatMessage, lintMarkdown, ruleFiles, sortedMessages} from '../docs/examples';

describe('generated rule pages', () => {
  it('are committed and up to date (run `npm run docs:rules` after editing a rule’s header comment)', () => {
    expect(staleRuleDocs()).toEqual([]);
  });

  it('give every rule file a page, plus the category labelled 规则', () => {
    const pages = [...generateRuleDocs().keys()].map((file) => path.basename(file)).sort();
    expect(pages).toEqual([...ruleFiles().map(({rule}) => `${rule}.md`), '_category_.json'].sort());
    expect(JSON.parse(fs.readFileSync(path.join(RULE_DOCS_DIR, '_category_.json'), 'utf8')).label).toBe('规则');
    expect(CATEGORY.link.slug).toBe('/contributing/rules');
  });

  it('show each example’s input and exact messages in fenced blocks', () => {
    const page = fs.readFileSync(path.join(RULE_DOCS_DIR, 'terminology.md'), 'utf8');
    expect(page).toContain('slug: /contributing/rules/terminology\n');
    expect(page).toContain('规则 ID：`llmbook/terminology`。');
    expect(page).toContain('```text\n1:1-1:7: 术语不一致：`Github` 应写作 `GitHub`\n');
    expect(page).toContain('```markdown\nGithub的仓库里有 Langchain 的示例。\n');
  });

  const pages = [...generateRuleDocs()].filter(([file]) => file.endsWith('.md'));
  it.each(pages.map(([file, content]) => [path.basename(file), file, content]))(
    '%s passes our own lint with the repository’s config',
    async (_name, file, content) => {
      const result = await lintMarkdown(content, loadConfig(), file);
      expect(sortedMessages(result).map(formatMessage)).toEqual([]);
    },
  );
});

describe('unwrap', () => {
  it('joins hard-wrapped Chinese without a space, Latin and code with one, and leaves lists, headings and fences', () => {
    expect(unwrap('中文\n续行，`code`\n后文\n\n- 项\n  续\n- 二\n\n```\na\nb\n```\n## 标题\n正文')).toBe(
      '中文续行，`code` 后文\n\n- 项续\n- 二\n\n```\na\nb\n```\n## 标题\n正文',
    );
  });
});
