import fs from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {runCli, tempCopy} from './cli-helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

describe('--format json', () => {
  it('prints the documented, stable shape: every file, messages with positions, offsets and fixes, counts', () => {
    const dir = tempCopy('project');
    dirs.push(dir);
    const run = runCli(['--no-cache', '--format', 'json', 'docs/clean.md', 'docs/intro.md'], dir);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as unknown;
    const fix = {
      ruleId: 'terminology',
      source: 'llmbook',
      severity: 'error',
      message: '术语不一致：`Github` 应写作 `GitHub`',
      actual: 'Github',
      expected: ['GitHub'],
      url: 'https://example.com/terminology',
    };
    expect(report).toEqual({
      version: 1,
      files: [
        {path: 'docs/clean.md', fixed: false, messages: []},
        {
          path: 'docs/intro.md',
          fixed: false,
          messages: [
            {...fix, line: 3, column: 7, endLine: 3, endColumn: 13, startOffset: 12, endOffset: 18},
            {...fix, line: 12, column: 7, endLine: 12, endColumn: 13, startOffset: 193, endOffset: 199},
          ],
        },
      ],
      counts: {error: 2, warning: 0, info: 0, files: 2},
    });
  });
});
