import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {copyBook, copyCorpus, listCorpus} from '../corpus';

const FIXTURE = path.join(__dirname, '..', '__fixtures__', 'corpus');
let temp: string | undefined;

function tempDir(): string {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-corpus-test-'));
  return temp;
}

afterEach(() => {
  if (temp) fs.rmSync(temp, {recursive: true, force: true});
  temp = undefined;
});

function markdownUnder(dir: string): string[] {
  return (fs.readdirSync(dir, {recursive: true}) as string[]).filter((f) => f.endsWith('.md')).sort();
}

describe('listCorpus', () => {
  it('lists Markdown and images, skipping hidden folders and other files', () => {
    expect(listCorpus(FIXTURE).map((f) => `${f.relative}${f.markdown ? '' : ' (image)'}`)).toEqual([
      'README.md',
      path.join('part-a', 'chapter-1.md'),
      path.join('part-b', 'chapter-2.md'),
      `${path.join('part-b', 'img', 'dot.png')} (image)`,
    ]);
  });
});

describe('copyCorpus', () => {
  it('writes N whole copies and counts their Markdown files and bytes', () => {
    const dest = path.join(tempDir(), 'x3');
    const copy = copyCorpus(FIXTURE, dest, {copies: 3});
    const oneCopyBytes = ['README.md', 'part-a/chapter-1.md', 'part-b/chapter-2.md'].reduce(
      (n, f) => n + fs.readFileSync(path.join(FIXTURE, f)).length,
      0,
    );
    expect(copy).toEqual({dir: dest, files: 9, bytes: 3 * oneCopyBytes, copies: 3});
    expect(fs.readdirSync(dest).sort()).toEqual(['copy-001', 'copy-002', 'copy-003']);
    expect(markdownUnder(path.join(dest, 'copy-002'))).toEqual(['README.md', path.join('part-a', 'chapter-1.md'), path.join('part-b', 'chapter-2.md')]);
    expect(fs.readFileSync(path.join(dest, 'copy-003', 'part-b', 'chapter-2.md'), 'utf8')).toBe(
      fs.readFileSync(path.join(FIXTURE, 'part-b', 'chapter-2.md'), 'utf8'),
    );
  });

  it('shares one image file between copies where hard links work', () => {
    const dest = path.join(tempDir(), 'x2');
    copyCorpus(FIXTURE, dest, {copies: 2});
    const first = fs.statSync(path.join(dest, 'copy-001', 'part-b', 'img', 'dot.png'));
    const second = fs.statSync(path.join(dest, 'copy-002', 'part-b', 'img', 'dot.png'));
    expect(second.size).toBe(first.size);
    expect(second.ino).toBe(first.ino);
  });
});

describe('copyBook', () => {
  it('makes exactly the number of Markdown files asked for, without images', () => {
    const dest = path.join(tempDir(), 'book');
    const book = copyBook(FIXTURE, dest, 7);
    expect(book.files).toBe(7);
    expect(book.copies).toBe(3);
    expect(markdownUnder(dest)).toHaveLength(7);
    expect(fs.existsSync(path.join(dest, 'copy-001', 'part-b', 'img'))).toBe(false);
  });
});
