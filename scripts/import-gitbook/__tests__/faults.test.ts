/**
 * Issue 13, points 10 and 12: the importer reads nothing outside the book's folder,
 * writes no link with a scheme other than http(s) (or mailto) into a page, and
 * recovers from a run killed while writing. The hostile books are built in a temp
 * folder: symlinks cannot be fixtures.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {planImport} from '../importer';
import {formatProblem} from '../problems';
import {fixture, tempDir} from './helpers';
import {findRepository, githubWebUrl} from '../cli';
import {writeImport} from '../write';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await fs.rm(dir, {recursive: true, force: true});
});

/** A book in `<tmp>/book` next to `<tmp>/secret.txt`, with the given files. */
async function book(files: Record<string, string>): Promise<{dir: string; secret: string}> {
  const top = await tempDir();
  dirs.push(top);
  const secret = path.join(top, 'secret.txt');
  await fs.writeFile(secret, 'root:x:0:0\n');
  const dir = path.join(top, 'book');
  for (const [name, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, name)), {recursive: true});
    await fs.writeFile(path.join(dir, name), text);
  }
  return {dir, secret};
}

const messages = async (dir: string) => (await planImport(dir)).problems.map((p) => formatProblem(p));

describe('the importer stays inside the book', () => {
  it('refuses an image that is a symlink to a file outside the book, and copies nothing', async () => {
    const {dir, secret} = await book({'SUMMARY.md': '* [首页](README.md)\n', 'README.md': '# 首页\n\n![图](images/x.png)\n'});
    await fs.mkdir(path.join(dir, 'images'));
    await fs.symlink(secret, path.join(dir, 'images/x.png'));
    const plan = await planImport(dir);
    expect(plan.problems.map((p) => formatProblem(p))).toEqual([
      'README.md:3:1: 错误：图片或附件 `images/x.png` 是指向书的目录之外的符号链接，已拒绝（只导入书目录内的文件）',
    ]);
    expect(plan.files.some((f) => String(f.content).includes('root:x'))).toBe(false);
  });

  it('refuses a linked file that is a symlink to outside the book', async () => {
    const {dir, secret} = await book({'SUMMARY.md': '* [首页](README.md)\n', 'README.md': '# 首页\n\n[下载](files/passwd)\n'});
    await fs.mkdir(path.join(dir, 'files'));
    await fs.symlink(secret, path.join(dir, 'files/passwd'));
    expect(await messages(dir)).toEqual([
      'README.md:3:1: 错误：图片或附件 `files/passwd` 是指向书的目录之外的符号链接，已拒绝（只导入书目录内的文件）',
    ]);
  });

  it('refuses a book.json root outside the book', async () => {
    const {dir} = await book({'book.json': '{"root": ".."}', 'SUMMARY.md': '* [首页](README.md)\n', 'README.md': '# 首页\n'});
    await fs.writeFile(path.join(dir, '..', 'SUMMARY.md'), '* [秘密](secret.txt)\n');
    const plan = await planImport(dir);
    expect(plan.problems.map((p) => formatProblem(p))).toEqual([
      'book.json:1:1: 错误：`root` 为 `..`，指向书的目录之外，已拒绝（应为书目录内的子目录，如 `"root": "./src"`）',
    ]);
    expect(plan.files).toEqual([]);
  });

  it('refuses a SUMMARY entry with a javascript: link, and unlinks one in a chapter', async () => {
    const {dir} = await book({
      'SUMMARY.md': '* [首页](README.md)\n* [点我](javascript:alert(1))\n',
      'README.md': '# 首页\n\n[点我](javascript:alert(1)) 与 [邮件](mailto:a@example.com)\n',
    });
    expect(await messages(dir)).toEqual([
      'SUMMARY.md:2:1: 错误：条目 `点我` 的链接 `javascript:alert(1)` 不是 http(s) 地址，已拒绝（外部链接应以 `https://` 开头）',
    ]);
    await fs.writeFile(path.join(dir, 'SUMMARY.md'), '* [首页](README.md)\n');
    const plan = await planImport(dir);
    expect(plan.problems.map((p) => formatProblem(p))).toEqual([
      'README.md:3:1: 警告：链接 `javascript:alert(1)` 不是 http(s) 地址，不能写进网页，已改为可见的文字说明',
    ]);
    const page = String(plan.files.find((f) => f.path === 'index.md')?.content);
    expect(page).not.toContain('](javascript:'); // named in inline code, never a link
    expect(page).toContain('mailto:a@example.com');
  });
});

describe('writeImport after a kill (point 12)', () => {
  const files = [{path: 'index.md', content: '# 新\n'}];

  it('removes staging folders a killed run left behind', async () => {
    const top = await tempDir();
    dirs.push(top);
    await fs.mkdir(path.join(top, '.book.import-dead01/sub'), {recursive: true});
    await fs.writeFile(path.join(top, '.book.import-dead01/sub/x.md'), 'x'.repeat(1000));
    const notes = await writeImport(path.join(top, 'book'), files, false);
    expect(notes).toEqual(['已删除中断的导入留下的临时目录 .book.import-dead01']);
    expect((await fs.readdir(top)).sort()).toEqual(['book']);
  });

  it('puts --out back from its .old copy when a kill fell between the two renames, and does not overwrite it without --force', async () => {
    const top = await tempDir();
    dirs.push(top);
    await fs.mkdir(path.join(top, '.book.import-abc.old'));
    await fs.writeFile(path.join(top, '.book.import-abc.old/index.md'), '# 旧\n');
    await fs.mkdir(path.join(top, '.book.import-abc'));
    await expect(writeImport(path.join(top, 'book'), files, false)).rejects.toThrow('已有 1 个文件或目录');
    expect(await fs.readFile(path.join(top, 'book/index.md'), 'utf8')).toBe('# 旧\n');
    expect((await fs.readdir(top)).sort()).toEqual(['book']);
  });

  it('gives a new --out the usual folder mode, not 0700', async () => {
    const top = await tempDir();
    dirs.push(top);
    await writeImport(path.join(top, 'book'), files, false);
    const mask = process.umask();
    expect((await fs.stat(path.join(top, 'book'))).mode & 0o777).toBe(0o777 & ~mask);
  });
});

describe('a book inside a repository, without a README (point 11)', () => {
  const repository = {root: fixture('in-repo'), url: 'https://github.com/example/book/blob/main'};

  it('turns links to the repository’s other files into links to them on the repository', async () => {
    const plan = await planImport(fixture('in-repo/book'), {repository});
    const intro = String(plan.files.find((f) => f.path === '01-intro.md')?.content);
    expect(intro).toContain('[Dockerfile](https://github.com/example/book/blob/main/examples/app/Dockerfile)');
    expect(intro).toContain('[目录](https://github.com/example/book/blob/main/examples/app)');
    const docker = String(plan.files.find((f) => f.path.endsWith('docker.md'))?.content);
    expect(docker).toContain('(https://github.com/example/book/blob/main/examples/app/Dockerfile#L1)');
    expect(plan.problems.filter((p) => p.severity !== 'info').map((p) => formatProblem(p))).toEqual([
      '01-intro.md:5:6: 警告：链接 `../examples/none.txt` 指向书的目录之外，已改为可见的文字说明',
    ]);
  });

  it('without a repository, such a link becomes text as before', async () => {
    const plan = await planImport(fixture('in-repo/book'));
    expect(String(plan.files.find((f) => f.path === '01-intro.md')?.content)).not.toContain('](../examples');
  });

  it('gives the imported book an index page listing its chapters', async () => {
    const plan = await planImport(fixture('in-repo/book'), {repository});
    expect(plan.files.map((f) => f.path)).toContain('index.md');
    expect(String(plan.files.find((f) => f.path === 'index.md')?.content)).toBe(
      ['---', 'title: book', 'sidebar_position: 0', '---', '', '# book', '', '- [简介](./01-intro.md)', '- [部署](./02-deploy/index.md)', '  - [容器](./02-deploy/docker.md)', ''].join('\n'),
    );
  });

  it('reads the repository from git: a GitHub origin becomes its web address', () => {
    expect(githubWebUrl('git@github.com:morsoli/llm-books.git')).toBe('https://github.com/morsoli/llm-books');
    expect(githubWebUrl('https://github.com/morsoli/llm-books')).toBe('https://github.com/morsoli/llm-books');
    expect(githubWebUrl('https://gitlab.com/a/b.git')).toBeUndefined();
    expect(findRepository(fixture('in-repo/book'), fixture('in-repo'), 'https://example.org/r/')).toEqual({root: fixture('in-repo'), url: 'https://example.org/r'});
  });
});
