/**
 * CONTRIBUTING.md (what GitHub shows) and the site's 贡献指南 (docs/contributing/index.md)
 * are two texts for two audiences; the facts a contributor acts on must read the same in
 * both, and the pull request template must ask for what the lint requires.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {DEFAULT_OPTIONS} from '../../lint-rules/reference-links';
import {ROOT_DIR} from '../../core/constants';

const read = (file: string): string => fs.readFileSync(path.join(ROOT_DIR, file), 'utf8');
const GUIDES = ['CONTRIBUTING.md', 'docs/contributing/index.md'] as const;
const TEMPLATE = '.github/pull_request_template.md';

/** Each fact, word for word, as every listed file must state it. */
const FACTS: Array<{fact: string; text: string; files: readonly string[]}> = [
  {
    fact: 'which Node',
    text: '需要 Node.js 22 或更高版本（CI 在 Node 22 和 24 上测试，`package.json` 的 `engines` 也接受 20.19 以上的 20.x）',
    files: GUIDES,
  },
  {fact: 'when to run npm test', text: '改动了代码（`plugins/`、`lint-rules/`、`scripts/`、`src/`、`test-support/`）时', files: [...GUIDES, TEMPLATE]},
  {fact: 'lint before every pull request', text: '提交之前至少运行一次 `npm run lint -- --fix` 和 `npm run lint`', files: GUIDES},
  {fact: 'where an imported book goes', text: '把一本 GitBook 格式的书导入到 `docs/book/`', files: GUIDES},
  {fact: 'how often external links are checked', text: 'CI 每周一和周四各运行一次', files: GUIDES},
  {fact: 'what npm test runs', text: '类型检查、内容检查、单元测试', files: GUIDES},
  {fact: 'the reference section the lint requires', text: '`## 参考链接`', files: [...GUIDES, TEMPLATE]},
];

/** Statements that contradict a fact above; none may come back. */
const STALE = [/Node\.js 20 或更高/, /导入到 `docs\/`(?!book)/, /每周(运行)?一次/, /「参考资料」/, /提交前请运行 `npm run lint -- --fix` 和 `npm test`/];

describe('contributor docs', () => {
  it.each(FACTS)('say the same about $fact', ({text, files}) => {
    const missing = files.filter((file) => !read(file).includes(text));
    expect(missing).toEqual([]);
  });

  it.each([...GUIDES, TEMPLATE])('%s has no stale statement', (file) => {
    const text = read(file);
    expect(STALE.filter((pattern) => pattern.test(text)).map(String)).toEqual([]);
  });

  it('the Node they name is what package.json admits and ci.yml tests', () => {
    const engines = (JSON.parse(read('package.json')) as {engines: {node: string}}).engines.node;
    expect(engines).toBe('^20.19.0 || >=22.12.0');
    expect(read('.github/workflows/ci.yml')).toMatch(/node: \[22, 24\]/);
  });

  it('the reference section they name is the heading the reference-links rule requires', () => {
    expect(`\`${'#'.repeat(DEFAULT_OPTIONS.depth)} ${DEFAULT_OPTIONS.heading}\``).toBe(FACTS.at(-1)!.text);
  });
});
