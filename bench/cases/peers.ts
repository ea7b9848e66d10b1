/**
 * The tools a contributor would pick instead, on the same files, each with its own
 * config in the bench folder. Every run's report is read back for how many files it
 * processed and how many messages it gave, so no figure comes from a tool that
 * silently did nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import {ROOT_DIR} from '../../core/constants';
import {stripAnsi} from '../measure';
import {CaseFailure, type Case} from '../suite';
import {binScript, expectFiles, packageVersion, runNode, sampleOf, type BenchContext} from './context';

const CHILDREN = path.join(__dirname, '..', 'children');

/** Configs written next to the corpus (the bench root is every peer's working directory). */
export const PEER_CONFIGS: Record<string, string> = {
  // markdownlint's default rules.
  '.markdownlint-cli2.jsonc': '{}\n',
  '.remarkrc.json': `${JSON.stringify({plugins: ['remark-preset-lint-recommended']})}\n`,
  '.textlintrc.json': `${JSON.stringify({rules: {terminology: true}})}\n`,
};

/** Peers resolve their plugins from the working directory: give the bench root our node_modules. */
export function preparePeerFolder(tmp: string): void {
  for (const [name, text] of Object.entries(PEER_CONFIGS)) fs.writeFileSync(path.join(tmp, name), text);
  const link = path.join(tmp, 'node_modules');
  if (!fs.existsSync(link)) fs.symlinkSync(path.join(ROOT_DIR, 'node_modules'), link, 'dir');
}

/** `Linting: 48 files` … `Summary: 1602 issues in 48 files` */
export function markdownlintCounts(output: string): {files?: number; messages?: number} {
  const text = stripAnsi(output);
  const files = /^Linting: (\d+) file/m.exec(text);
  const summary = /^Summary: (\d+) (?:issue|error)/m.exec(text);
  return {files: files ? Number(files[1]) : undefined, messages: summary ? Number(summary[1]) : undefined};
}

/** vfile-reporter: one header line per file (`path` or `path: no issues found`), a summary line last. */
export function remarkCounts(stderr: string): {files?: number; messages?: number} {
  const lines = stripAnsi(stderr).split('\n');
  const files = lines.filter((l) => /^\S.*\.md(: no issues found)?$/.test(l)).length;
  const summary = lines.filter((l) => /^[⚠✖]/.test(l.trim())).pop() ?? '';
  const messages = [...summary.matchAll(/(\d+) (?:errors?|warnings?|messages?|infos?)/g)].reduce((n, m) => n + Number(m[1]), 0);
  return {files, messages};
}

/** AutoCorrect's diff format: one progress dot per file on the first line, then `Error: N, Warning: M`. */
export function autocorrectCounts(stdout: string): {files?: number; messages?: number} {
  const text = stripAnsi(stdout);
  const firstLine = text.split('\n')[0] ?? '';
  const files = /^\.+$/.test(firstLine) ? firstLine.length : undefined;
  const totals = /Error: (\d+), Warning: (\d+)/.exec(text);
  return {files, messages: totals ? Number(totals[1]) + Number(totals[2]) : undefined};
}

interface TextlintFile {
  filePath: string;
  messages: unknown[];
}

export function textlintCounts(stdout: string): {files?: number; messages?: number} {
  const json = JSON.parse(stdout) as TextlintFile[];
  return {files: json.length, messages: json.reduce((n, f) => n + f.messages.length, 0)};
}

interface PeerSpec {
  id: string;
  label: string;
  /** Takes long; left out of `--smoke`. */
  slow?: boolean;
  args(dir: string): string[];
  counts(stdout: string, stderr: string): {files?: number; messages?: number};
}

function peerSpecs(): PeerSpec[] {
  return [
    {
      id: 'markdownlint-cli2',
      label: `markdownlint-cli2 ${packageVersion('markdownlint-cli2')}, default rules`,
      args: (dir) => [binScript('markdownlint-cli2'), `${dir}/**/*.md`],
      counts: (stdout, stderr) => markdownlintCounts(`${stdout}\n${stderr}`),
    },
    {
      id: 'remark-cli',
      label: `remark-cli ${packageVersion('remark-cli')} + remark-preset-lint-recommended ${packageVersion('remark-preset-lint-recommended')}`,
      slow: true,
      args: (dir) => [binScript('remark-cli', 'remark'), dir, '--no-stdout', '--no-color'],
      counts: (_stdout, stderr) => remarkCounts(stderr),
    },
    {
      id: 'autocorrect-cli',
      label: `AutoCorrect ${packageVersion('autocorrect-node')} CLI (Rust), \`--lint\``,
      args: (dir) => [binScript('autocorrect-node', 'autocorrect'), '--lint', dir],
      counts: (stdout) => autocorrectCounts(stdout),
    },
    {
      id: 'autocorrect-api',
      label: `AutoCorrect ${packageVersion('autocorrect-node')} Node API, \`lintFor\` per file`,
      args: (dir) => [path.join(CHILDREN, 'autocorrect-api.mjs'), dir],
      counts: (stdout) => JSON.parse(stdout) as {files: number; messages: number},
    },
    {
      id: 'textlint',
      label: `textlint ${packageVersion('textlint')} + textlint-rule-terminology ${packageVersion('textlint-rule-terminology')}`,
      slow: true,
      args: (dir) => [binScript('textlint'), '--format', 'json', dir],
      counts: (stdout) => textlintCounts(stdout),
    },
  ];
}

export function peerCases(ctx: BenchContext): Case[] {
  preparePeerFolder(ctx.tmp);
  return peerSpecs()
    .filter((spec) => !(ctx.options.smoke && spec.slow))
    .map(
      (spec): Case => ({
        group: 'peers',
        rows: [{id: spec.id, label: spec.label, baseline: 'parse'}],
        async run() {
          const dir = path.relative(ctx.tmp, ctx.corpus!.dir);
          const result = await runNode(ctx, {label: spec.id, args: spec.args(dir), cwd: ctx.tmp, okCodes: [0, 1]});
          let counts: {files?: number; messages?: number};
          try {
            counts = spec.counts(result.stdout(), result.stderr());
          } catch (error) {
            throw new CaseFailure(`${spec.id}: could not read its report (${(error as Error).message})`);
          }
          expectFiles(spec.id, counts.files, ctx.corpus!.files);
          return {[spec.id]: sampleOf(result, counts)};
        },
      }),
    );
}
