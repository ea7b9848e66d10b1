import fs from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {LICENCE_NOTE, runCli} from '../cli';
import {fixture, readTree, tempDir} from './helpers';

describe('import:gitbook CLI', () => {
  it('prints the plan with --dry-run and writes nothing', async () => {
    const dir = await tempDir();
    try {
      const out = path.join(dir, 'book');
      const result = await runCli([fixture('spaces'), '--out', out, '--dry-run']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('    • 安装  (guide/setup.md ← guide/setup.md)');
      expect(result.stdout).toContain(LICENCE_NOTE);
      expect(result.stdout.at(-1)).toBe('--dry-run：没有写入任何文件（0 条警告）。');
      expect(await fs.readdir(dir)).toEqual([]);
    } finally {
      await fs.rm(dir, {recursive: true, force: true});
    }
  });

  it('exits 1 on an error, names file and line, and leaves --out untouched', async () => {
    const dir = await tempDir();
    try {
      await fs.writeFile(path.join(dir, 'keep.md'), 'x');
      const result = await runCli([fixture('err-missing-chapter'), '--out', dir, '--force']);
      expect(result.code).toBe(1);
      expect(result.stderr).toEqual([
        `${fixture('err-missing-chapter')}/SUMMARY.md:5:5: 错误：章节 \`part/missing.md\` 不存在（应为书目录内已有的 .md 文件，如 \`./01-llm/01-1.md\`）`,
        '导入失败：1 个错误，没有写入任何文件。',
      ]);
      expect(await fs.readdir(dir)).toEqual(['keep.md']);
    } finally {
      await fs.rm(dir, {recursive: true, force: true});
    }
  });

  it('refuses to replace a non-empty --out without --force, then replaces it whole with --force, identically on a rerun', async () => {
    const dir = await tempDir();
    try {
      const out = path.join(dir, 'book');
      await fs.mkdir(out);
      await fs.writeFile(path.join(out, 'old.md'), 'old');
      const refused = await runCli([fixture('tags'), '--out', out]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toEqual([`输出目录 \`${out}\` 已有 1 个文件或目录；要用导入结果整体替换它，请加 \`--force\``]);
      expect((await runCli([fixture('tags'), '--out', out, '--force'])).code).toBe(0);
      const first = await readTree(out);
      expect([...first.keys()]).toEqual(['front.md', 'index.md', 'tags.md']);
      expect((await runCli([fixture('tags'), '--out', out, '--force'])).code).toBe(0);
      expect(await readTree(out)).toEqual(first);
      expect(await fs.readdir(dir)).toEqual(['book']);
    } finally {
      await fs.rm(dir, {recursive: true, force: true});
    }
  });

  it('refuses an --out that overlaps the book', async () => {
    const result = await runCli([fixture('spaces'), '--out', path.join(fixture('spaces'), 'out')]);
    expect(result.code).toBe(1);
    expect(result.stderr.at(-1)).toMatch(/^输出目录 `.*` 与 GitBook 书的目录 `.*` 重叠，已拒绝（应在书的目录之外）$/);
  });

  it('prints usage and exits 2 without a book folder', async () => {
    expect(await runCli([])).toEqual({code: 2, stdout: [], stderr: ['用法：npm run import:gitbook -- <gitbook-dir> [--out docs/book] [--dry-run] [--force] [--repo-url 仓库网页地址] [--repo-root 仓库目录]']});
  });
});
