import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {writeAllOrNothing} from '../write';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ebook-write-'));
});
afterEach(() => fs.rmSync(dir, {recursive: true, force: true}));

describe('writeAllOrNothing', () => {
  it('puts every file in place and replaces what was there', async () => {
    const target = path.join(dir, 'downloads');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'old.pdf'), 'old');
    await writeAllOrNothing(target, async (temp) => {
      fs.writeFileSync(path.join(temp, 'book.pdf'), 'new');
    });
    expect(fs.readdirSync(target)).toEqual(['book.pdf']);
    expect(fs.readdirSync(dir)).toEqual(['downloads']);
    expect(fs.statSync(target).mode & 0o777).toBe(0o755);
  });

  it('leaves the previous downloads and no temp folder when making them fails', async () => {
    const target = path.join(dir, 'downloads');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'book.pdf'), 'previous');
    const failing = writeAllOrNothing(target, async (temp) => {
      fs.writeFileSync(path.join(temp, 'book.pdf'), 'half');
      throw new Error('chapter 3 failed');
    });
    await expect(failing).rejects.toThrow('chapter 3 failed');
    expect(fs.readdirSync(dir)).toEqual(['downloads']);
    expect(fs.readFileSync(path.join(target, 'book.pdf'), 'utf8')).toBe('previous');
  });

  it('creates nothing at all when the first export fails', async () => {
    const target = path.join(dir, 'build', 'downloads');
    await expect(writeAllOrNothing(target, async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(fs.readdirSync(path.join(dir, 'build'))).toEqual([]);
  });
});
