/**
 * The rule pages are part of a zh-Hans site: each rule's documentation (its header
 * comment, generated into `docs/contributing/rules/<rule>.md`) is written in Chinese.
 * "Mostly Chinese" is measured on the prose alone: code, inline code, link targets
 * and comments are left out, then Han characters must far outnumber Latin words (a
 * Han character and an English word carry roughly one unit of meaning each).
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {readRuleDoc, ruleFiles} from '../docs/examples';
import {RULE_DOCS_DIR, unwrap} from '../docs/generate';

/** Share of Han characters among Han characters and Latin words in the prose of `markdown`. */
export function chineseShare(markdown: string): number {
  const prose = markdown
    .replace(/^(```|~~~)[\s\S]*?^\1/gm, '')
    .replace(/(`+)[\s\S]*?\1/g, '')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<!--[\s\S]*?-->/g, '');
  const han = prose.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = prose.match(/[A-Za-z]+/g)?.length ?? 0;
  return han + latin === 0 ? 0 : han / (han + latin);
}

const THRESHOLD = 0.8;

describe('rule pages in Chinese', () => {
  it.each(ruleFiles().map(({rule, file}) => [rule, file]))('%s: the header’s prose is mostly Chinese and is the page’s text', (rule, file) => {
    const doc = readRuleDoc(file, rule);
    expect(chineseShare(doc.description)).toBeGreaterThan(THRESHOLD);
    const page = fs.readFileSync(path.join(RULE_DOCS_DIR, `${rule}.md`), 'utf8');
    expect(page).toContain(unwrap(doc.description));
    expect(page).toContain(`根据 lint-rules/${rule}.ts 的头部注释生成`);
    const body = page.slice(page.indexOf('\n---\n') + 5);
    expect(chineseShare(body)).toBeGreaterThan(THRESHOLD);
  });

  it('tells English prose from Chinese, so passing means something', () => {
    const english = 'Model names must be spelt the way the model registry (`data/models.yaml`) spells them. A name written `chatgpt` is neither linked nor counted.';
    expect(chineseShare(english)).toBeLessThan(0.05);
    expect(chineseShare('模型名称必须与注册表（`data/models.yaml`）的写法一致，否则不会被链接。')).toBe(1);
    expect(chineseShare('用 GitHub Actions 运行 CI，结果显示在拉取请求上。')).toBeGreaterThan(THRESHOLD);
  });
});
