import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {workerCount, WORKER_THRESHOLD} from '../engine/pool';
import {runCli, snapshotTree, tempCopy} from './cli-helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

/** The fixture project plus 60 generated chapters that link to each other. */
function book(): string {
  const dir = tempCopy('project');
  dirs.push(dir);
  fs.mkdirSync(path.join(dir, 'docs/gen'));
  for (let i = 0; i < 60; i++) {
    const next = `c${(i + 1) % 60}.md`;
    const anchor = i % 7 === 0 ? 'nowhere' : 'part';
    fs.writeFileSync(path.join(dir, `docs/gen/c${i}.md`), `# 第 ${i} 章\n\n## Part\n\n${'Github '.repeat(i % 3)}见 [下一章](${next}#${anchor})。\n`);
  }
  return dir;
}

describe('worker threads', () => {
  it('are used only when there are more than the threshold of files', () => {
    expect(workerCount(WORKER_THRESHOLD)).toBe(0);
    expect(workerCount(WORKER_THRESHOLD + 1)).toBeGreaterThan(0);
  });

  it('are one per core but one, at least one, and no more than the batches of files', () => {
    expect(workerCount(480, false, 2)).toBe(1);
    expect(workerCount(480, false, 1)).toBe(1);
    expect(workerCount(480, false, 4)).toBe(3);
    expect(workerCount(480, false, 64)).toBe(60);
    expect(workerCount(10, true, 4)).toBe(1);
  });

  it('report exactly what the main thread reports', () => {
    const dir = book();
    const single = runCli(['--no-cache', '--format', 'json', '--threads', '0'], dir);
    const pooled = runCli(['--no-cache', '--format', 'json', '--threads', '2'], dir);
    expect(pooled.stderr).toBe('');
    expect(pooled.code).toBe(single.code);
    expect(JSON.parse(pooled.stdout)).toEqual(JSON.parse(single.stdout));
    const counts = (JSON.parse(pooled.stdout) as {counts: Record<string, number>}).counts;
    expect(counts).toEqual({error: 2 + 60, warning: 1 + 9, info: 0, files: 64});
  });

  it('fix the same way the main thread does', () => {
    const a = book();
    const b = book();
    runCli(['--no-cache', '--fix', '--threads', '0'], a);
    const run = runCli(['--no-cache', '--fix', '--threads', '2'], b);
    expect(run.stderr).toMatch(/^已修复 41 个文件：/);
    expect(snapshotTree(b)).toEqual(snapshotTree(a));
  });
});
