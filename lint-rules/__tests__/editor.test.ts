/**
 * The editor path of the contributor guide (docs/contributing/editor.md): the VS Code
 * remark extension, like remark-cli, loads `.remarkrc.mjs` and so our preset and
 * `.lintrc.yaml`. Over a chapter that trips every rule, remark-cli must report exactly
 * the messages (position, severity, text, rule) that `npm run lint` reports.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {RULE_NAMES, ROOT_DIR} from '../../core/constants';
import {runCli} from './cli-helpers';

const SAMPLE = path.relative(ROOT_DIR, path.join(__dirname, '__fixtures__/editor/chapter.md'));

interface Shown {
  where: string;
  severity: string;
  message: string;
  rule: string;
}

/** vfile-reporter's lines: `3:4-3:10  error  message  rule  source`. */
function fromReporter(text: string): Shown[] {
  const shown: Shown[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*(\d+:\d+(?:-\d+:\d+)?)\s+(error|warning|info)\s+(.+?)\s+(\S+)\s+llmbook\s*$/.exec(line);
    if (match) shown.push({where: match[1], severity: match[2], message: match[3], rule: match[4]});
  }
  return shown;
}

describe('the editor path (remark-cli / VS Code with .remarkrc.mjs)', () => {
  it('reports the same messages as `npm run lint`, for every rule', () => {
    const remark = spawnSync(path.join(ROOT_DIR, 'node_modules/.bin/remark'), ['--no-stdout', '--no-color', SAMPLE], {cwd: ROOT_DIR, encoding: 'utf8', timeout: 120_000});
    expect(remark.status, remark.stderr).toBe(1);
    const cli = runCli(['--no-cache', '--format', 'json', SAMPLE], ROOT_DIR, {LLMBOOK_LINT_PRESET: ''});
    const report = JSON.parse(cli.stdout) as {files: Array<{messages: Array<{line: number; column: number; endLine: number; endColumn: number; severity: string; message: string; ruleId: string}>}>};
    const fromCli: Shown[] = report.files[0].messages.map((m) => ({
      where: `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`,
      severity: m.severity,
      message: m.message,
      rule: m.ruleId,
    }));
    expect(fromReporter(remark.stderr)).toEqual(fromCli);
    // The sample is worth comparing only while it trips every rule, warnings included.
    expect(new Set(fromCli.map((m) => m.rule))).toEqual(new Set(RULE_NAMES));
    expect(fromCli.some((m) => m.severity === 'warning')).toBe(true);
    // `<!-- lint ignore terminology -->` is honoured on both paths.
    expect(fromCli.some((m) => m.where.startsWith('8:'))).toBe(false);
  });

  it('is the setup the guide recommends: the workspace suggests the remark and YAML extensions', () => {
    const recommended = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, '.vscode/extensions.json'), 'utf8')) as {recommendations: string[]};
    expect(recommended.recommendations).toEqual(['unifiedjs.vscode-remark', 'redhat.vscode-yaml']);
    const guide = fs.readFileSync(path.join(ROOT_DIR, 'docs/contributing/editor.md'), 'utf8');
    for (const id of recommended.recommendations) expect(guide).toContain(`\`${id}\``);
    expect(guide).toContain('`.remarkrc.mjs`');
  });
});
