/**
 * Generates the contributor guide's rule pages, `docs/contributing/rules/<rule>.md`,
 * from each rule's header comment (the same comment the example harness runs), plus
 * the folder's `_category_.json`. `npm run docs:rules` writes them; `--check` only
 * compares and exits 1 when a committed page is stale (a test does the same).
 */
import fs from 'node:fs';
import path from 'node:path';
import {DOCS_DIR, GITHUB_BRANCH, GITHUB_URL, RULE_ORIGIN, ROOT_DIR} from '../../core/constants';
import {ruleFiles, readRuleDoc, type ExampleCase, type RuleDoc} from './examples';

export const RULE_DOCS_DIR = path.join(ROOT_DIR, DOCS_DIR, 'contributing', 'rules');

/** A fence longer than any backtick run inside `content`, so examples show verbatim. */
function fenced(content: string, lang: string): string {
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${content.replace(/\n$/, '')}\n${fence}`;
}

const BLOCK_START = /^(\s*([-*+]|\d+\.)\s|#|```|~~~|\||>)/;

/**
 * Join the hard-wrapped lines of the header comment's paragraphs and list items: a
 * line break between two Chinese characters would show as a stray space on the page.
 * Lines join with nothing next to full-width punctuation or between Chinese characters,
 * with a space otherwise (Latin words, inline code).
 */
export function unwrap(markdown: string): string {
  const out: string[] = [];
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const previous = out[out.length - 1];
    const joins =
      !fence &&
      previous !== undefined &&
      previous.trim() !== '' &&
      line.trim() !== '' &&
      !BLOCK_START.test(line) &&
      !/^\s*(```|~~~|#)/.test(previous);
    if (!joins) {
      out.push(line);
      continue;
    }
    const next = line.trim();
    const last = previous.trimEnd().slice(-1);
    const punctuation = /[\u3000-\u303f\uff00-\uffef]/;
    const han = /[\u3400-\u9fff]/;
    const tight = punctuation.test(last) || punctuation.test(next[0]) || (han.test(last) && han.test(next[0]));
    const glue = tight ? '' : ' ';
    out[out.length - 1] = previous.replace(/\s+$/, '') + glue + next;
  }
  return out.join('\n');
}

/** The first sentence of the description, for the page's meta description. */
function summary(doc: RuleDoc): string {
  const first = unwrap(doc.description.split('\n\n')[0]);
  const end = first.indexOf('。');
  return end === -1 ? first : first.slice(0, end + 1);
}

function renderCase(example: ExampleCase): string {
  const parts = [`### ${example.name}`, ''];
  if (example.config !== undefined) parts.push(`选项：\`${JSON.stringify(example.config)}\``, '');
  if (example.output.length === 0) {
    parts.push('没有消息：', '', fenced(example.input, 'markdown'));
  } else {
    parts.push('输入：', '', fenced(example.input, 'markdown'), '', '消息：', '', fenced(example.output.join('\n'), 'text'));
  }
  if (example.fixed !== undefined) parts.push('', '修复后（`npm run lint -- --fix`）：', '', fenced(example.fixed, 'markdown'));
  return parts.join('\n');
}

export function renderRulePage(doc: RuleDoc, position: number): string {
  const source = `lint-rules/${doc.rule}.ts`;
  return [
    '---',
    `title: ${doc.rule}`,
    `sidebar_label: ${doc.rule}`,
    `sidebar_position: ${position}`,
    `description: ${JSON.stringify(summary(doc))}`,
    `slug: /contributing/rules/${doc.rule}`,
    '---',
    '',
    `<!-- 本页由 npm run docs:rules 根据 ${source} 的头部注释生成，请勿直接编辑。 -->`,
    '',
    // A rule's own page quotes the very forms the rule reports; every other rule still applies.
    `<!-- lint disable ${doc.rule} -->`,
    '',
    `规则 ID：\`${RULE_ORIGIN}/${doc.rule}\`。源码：[${source}](${GITHUB_URL}/blob/${GITHUB_BRANCH}/${source})。`,
    '',
    unwrap(doc.description),
    '',
    '## 示例',
    '',
    doc.cases.map(renderCase).join('\n\n'),
    '',
  ].join('\n');
}

export const CATEGORY = {
  label: '规则',
  position: 10,
  link: {
    type: 'generated-index',
    slug: '/contributing/rules',
    description: '每条检查规则检查什么、为什么、何时关闭、有哪些选项，以及示例与它们产生的消息。',
  },
};

/** Every generated file: absolute path → content. */
export function generateRuleDocs(): Map<string, string> {
  const pages = new Map<string, string>();
  ruleFiles().forEach(({rule, file}, index) => {
    pages.set(path.join(RULE_DOCS_DIR, `${rule}.md`), renderRulePage(readRuleDoc(file, rule), index + 1));
  });
  pages.set(path.join(RULE_DOCS_DIR, '_category_.json'), `${JSON.stringify(CATEGORY, null, 2)}\n`);
  return pages;
}

/** Generated files whose committed content differs (or is missing), as repository paths. */
export function staleRuleDocs(pages: Map<string, string> = generateRuleDocs()): string[] {
  const stale: string[] = [];
  for (const [file, content] of pages) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (current !== content) stale.push(path.relative(ROOT_DIR, file));
  }
  return stale;
}

function main(argv: string[]): number {
  const pages = generateRuleDocs();
  if (argv.includes('--check')) {
    const stale = staleRuleDocs(pages);
    for (const file of stale) console.error(`${file}: 已过期；运行 \`npm run docs:rules\` 重新生成`);
    return stale.length > 0 ? 1 : 0;
  }
  fs.mkdirSync(RULE_DOCS_DIR, {recursive: true});
  for (const [file, content] of pages) fs.writeFileSync(file, content);
  console.log(`已生成 ${pages.size} 个文件到 ${path.relative(process.cwd(), RULE_DOCS_DIR)}`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
