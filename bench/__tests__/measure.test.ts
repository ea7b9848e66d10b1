import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {readOutput, runChild, stripAnsi} from '../measure';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-measure-test-'));
afterAll(() => fs.rmSync(scratch, {recursive: true, force: true}));

describe('runChild', () => {
  it('measures a Node child’s peak memory and CPU through the preloaded hook, and keeps its output', async () => {
    // Holds 200 MB of touched memory, then prints.
    const script = "const b = Buffer.alloc(200 * 1024 * 1024, 1); let s = 0; for (let i = 0; i < b.length; i += 4096) s += b[i]; console.log('held', s);";
    const result = await runChild(process.execPath, ['-e', script], {cwd: scratch, scratch, label: 'alloc'});
    expect(result.code).toBe(0);
    expect(readOutput(result.stdoutFile)).toBe('held 51200\n');
    expect(result.rssKb).toBeGreaterThan(200 * 1024);
    expect(result.cpuMs).toBeGreaterThan(0);
    expect(result.ms).toBeGreaterThan(0);
  });

  it('reports the exit code and stderr of a failing child', async () => {
    const result = await runChild(process.execPath, ['-e', "console.error('bad input'); process.exit(3)"], {cwd: scratch, scratch, label: 'fail'});
    expect(result.code).toBe(3);
    expect(readOutput(result.stderrFile)).toBe('bad input\n');
  });
});

describe('stripAnsi', () => {
  it('removes colour codes', () => {
    expect(stripAnsi('\u001b[31mError: 1\u001b[39m, \u001b[33mWarning: 0\u001b[39m')).toBe('Error: 1, Warning: 0');
  });
});
