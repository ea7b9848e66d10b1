import fs from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {planImport} from '../importer';
import {formatProblem} from '../problems';
import {available, suiteName} from '../../../test-support/corpus';
import {BOOK, CORPUS, fixture, layoutLines, readTree, tempDir} from './helpers';
import {writeImport} from '../write';

const messages = async (book: string, severity?: string) =>
  (await planImport(fixture(book))).problems.filter((p) => !severity || p.severity === severity).map((p) => formatProblem(p));

describe('planImport: layout', () => {
  it('puts a chapter with children in a folder named after its source folder, with the chapter as index.md', async () => {
    expect(layoutLines((await planImport(fixture('spaces'))).layout)).toEqual([
      'index.md 1 首页 ← README.md',
      'intro.md 2 简介 ← intro.md',
      'guide/ 3 指南',
      'guide/index.md 0 指南 ← guide/README.md',
      'guide/setup.md 1 安装 ← guide/setup.md',
      'guide/usage.md 2 使用 ← guide/usage.md',
    ]);
  });

  it('names a part after its chapters’ common folder, else part-NN, and never lets a leaf become a category page', async () => {
    expect(layoutLines((await planImport(fixture('headings'))).layout)).toEqual([
      'index.md 1 首页 ← README.md',
      'part-02/ 2 入门',
      'part-02/intro.md 1 简介 ← intro.md',
      'guide/ 3 进阶',
      'guide/guide-2/ 1 指南',
      'guide/guide-2/index.md 0 指南 ← guide/README.md',
      'guide/guide-2/setup.md 1 安装 ← guide/setup.md',
      'guide/usage.md 2 使用 ← guide/usage.md',
    ]);
  });

  it('writes an external link as a one-line page at its place in the sidebar', async () => {
    const plan = await planImport(fixture('external'));
    expect(layoutLines(plan.layout)).toEqual([
      'index.md 1 首页 ← README.md',
      'link-02.md 2 项目主页 → https://example.com/home',
      'part-03/ 3 入门',
      'part-03/intro.md 1 简介 ← intro.md',
      'part-03/link-02.md 2 API 文档 → https://example.com/api',
    ]);
    expect(plan.files.find((f) => f.path === 'link-02.md')?.content).toBe(
      '---\ntitle: 项目主页\nsidebar_position: 2\nsidebar_custom_props:\n  external: https://example.com/home\n---\n\n原书目录中的这一项是外部链接：[项目主页](https://example.com/home)\n',
    );
    expect(plan.files.find((f) => f.path === 'part-03/_category_.json')?.content).toBe('{\n  "label": "入门",\n  "position": 3\n}\n');
  });

  it('keeps the first place of a chapter listed twice and warns at the second', async () => {
    const plan = await planImport(fixture('duplicate'));
    expect(layoutLines(plan.layout)).toEqual([
      'index.md 1 首页 ← README.md',
      'intro.md 2 简介 ← intro.md',
      'guide/ 3 再看一遍',
      'guide/setup.md 1 安装 ← guide/setup.md',
    ]);
    expect(plan.problems.filter((p) => p.severity === 'warning').map((p) => formatProblem(p))).toEqual([
      'SUMMARY.md:6:5: 警告：章节 `intro.md` 在目录中重复出现（第一次在第 4 行），这一处已跳过',
    ]);
  });
});

describe('planImport: chapters', () => {
  it('converts GitBook tags as in the expected files, and flags what it cannot convert', async () => {
    const plan = await planImport(fixture('tags'));
    const expected = await readTree(fixture('expected/tags'));
    expect(plan.files.map((f) => [f.path, String(f.content)])).toEqual([...expected].map(([p, c]) => [p, String(c)]));
    expect(plan.problems.filter((p) => p.severity === 'warning').map((p) => formatProblem(p))).toEqual([
      'tags.md:21:1: 警告：提示样式 `fancy` 没有对应的提示框类型，已改为 `note`（可用：`info`、`warning`、`danger`、`success`、`tip`）',
      'tags.md:25:1: 警告：`{% include %}` 没有转换（Docusaurus 没有对应的语法，可把被引用的内容复制进来，或改写成 MDX 导入）；原样保留为行内代码 `{% include "./snippet.md" %}`，请手工处理',
      'tags.md:35:1: 警告：不认识的 GitBook 标签 `youtube`；原样保留为行内代码 `{% youtube %}`，请手工处理',
      'tags.md:35:17: 警告：不认识的 GitBook 标签 `endyoutube`；原样保留为行内代码 `{% endyoutube %}`，请手工处理',
    ]);
  });

  it('rewrites links and images to the imported files and lists what it could not reach', async () => {
    const plan = await planImport(fixture('links'));
    const expected = await readTree(fixture('expected/links'));
    expect(plan.files.map((f) => [f.path, String(f.content)])).toEqual([...expected].map(([p, c]) => [p, String(c)]));
    expect(plan.problems.map((p) => formatProblem(p))).toEqual([
      'extra.md:1:1: 说明：这个 Markdown 文件不在 SUMMARY.md 中，没有导入',
      'part1/a.md:7:1: 说明：图片 `../../images/one.png` 指向书的目录之外，已改用书内的 `images/one.png`',
      'part1/a.md:9:1: 警告：图片 `../images/missing.png` 指向的 `images/missing.png` 不存在，已改为可见的文字说明',
      'part1/a.md:11:1: 警告：链接 `../extra.md` 指向的章节 `extra.md` 不在 SUMMARY.md 中，没有导入，已改为可见的文字说明',
      'part1/a.md:11:25: 警告：链接 `./nowhere.md` 指向的 `part1/nowhere.md` 不存在，已改为可见的文字说明',
      'part1/a.md:13:27: 说明：链接地址多了一层括号，已改为 `https://example.com/paren`',
    ]);
  });
});

describe('planImport: errors', () => {
  it('stops on a missing SUMMARY.md', async () => {
    expect(await messages('err-no-summary')).toEqual([
      'SUMMARY.md:1:1: 错误：找不到 `SUMMARY.md`：GitBook 书的根目录应有一个列出全部章节的 SUMMARY.md',
    ]);
  });

  it('stops on a link to a missing chapter, at its line', async () => {
    expect(await messages('err-missing-chapter')).toEqual([
      'SUMMARY.md:5:5: 错误：章节 `part/missing.md` 不存在（应为书目录内已有的 .md 文件，如 `./01-llm/01-1.md`）',
    ]);
  });

  it('refuses a chapter outside the book folder', async () => {
    const plan = await planImport(fixture('err-outside'));
    expect(plan.files).toEqual([]);
    expect(plan.problems.map((p) => p.severity)).toEqual(['error']);
  });

  it('stops on an image it cannot read, at the line that uses it', async () => {
    expect(await messages('err-unreadable-image', 'error')).toEqual([
      'README.md:3:1: 错误：无法读取图片或附件 `images/broken.png`（EISDIR）：请确认它是一个可读的文件',
    ]);
  });
});

describe.skipIf(!available(BOOK))(suiteName('planImport: the real book', BOOK), () => {
  it('imports every chapter of SUMMARY.md without an error and lists the dead links', async () => {
    const plan = await planImport(CORPUS);
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(plan.problems.filter((p) => p.severity === 'warning').map((p) => formatProblem(p))).toEqual([
      '02-langchain/02-2-3.md:7:93: 警告：链接 `../ref/company.md` 指向的 `ref/company.md` 不存在，已改为可见的文字说明',
      // A typo in the book (`ttps://`): not an http(s) address, so not written into a page.
      '06-llmops/06-1.md:123:3: 警告：链接 `ttps://learn.microsoft.com/en-us/azure/machine-learning/how-to-use-pipelines-prompt-flow?view=azureml-api-2` 不是 http(s) 地址，不能写进网页，已改为可见的文字说明',
    ]);
    expect(plan.layout.filter((i) => i.kind === 'doc')).toHaveLength(42);
    const chapter = String(plan.files.find((f) => f.path === '02-langchain/02-3.md')?.content);
    expect(chapter).toContain('欧式距离（Euclidean Distance）：$$d(x,y) = \\sqrt{\\sum_{i=1}^n (x_i - y_i)^2}$$');
    expect(chapter).not.toContain('{% math %}');
  });
});

describe('writeImport', () => {
  it('writes the same bytes twice, and refuses to replace a folder without force', async () => {
    const dir = await tempDir();
    try {
      const plan = await planImport(fixture('links'));
      await writeImport(path.join(dir, 'a'), plan.files, false);
      await writeImport(path.join(dir, 'b'), (await planImport(fixture('links'))).files, false);
      await expect(writeImport(path.join(dir, 'a'), plan.files, false)).rejects.toThrow(
        `输出目录 \`${path.join(dir, 'a')}\` 已有 4 个文件或目录；要用导入结果整体替换它，请加 \`--force\``,
      );
      await writeImport(path.join(dir, 'a'), plan.files, true);
      expect(await readTree(path.join(dir, 'a'))).toEqual(await readTree(path.join(dir, 'b')));
      expect((await fs.readdir(dir)).sort()).toEqual(['a', 'b']);
    } finally {
      await fs.rm(dir, {recursive: true, force: true});
    }
  });
});
