/** Floors: what no Markdown tool can beat — starting Node, reading the bytes, and parsing them. */
import path from 'node:path';
import type {Case} from '../suite';
import {expectFiles, runNode, sampleOf, type BenchContext} from './context';

const CHILDREN = path.join(__dirname, '..', 'children');

interface FloorReport {
  files: number;
  bytes: number;
  nodes?: number;
}

export function floorCase(ctx: BenchContext, id: string, label: string, script: string, extra: string[], dir: () => string, files: () => number): Case {
  return {
    group: 'floors',
    rows: [{id, label, baseline: id === 'parse' ? undefined : 'parse'}],
    async run() {
      const result = await runNode(ctx, {label: id, args: [path.join(CHILDREN, script), dir(), ...extra], cwd: ctx.tmp});
      const report = JSON.parse(result.stdout()) as FloorReport;
      return {[id]: sampleOf(result, {files: expectFiles(id, report.files, files())})};
    },
  };
}

export function floorCases(ctx: BenchContext): Case[] {
  const dir = (): string => ctx.corpus!.dir;
  const files = (): number => ctx.corpus!.files;
  return [
    {
      group: 'floors',
      rows: [{id: 'node-start', label: 'start Node and exit (`node -e 0`)'}],
      async run() {
        return {'node-start': sampleOf(await runNode(ctx, {label: 'node-start', args: ['-e', '0'], cwd: ctx.tmp}), {files: 0})};
      },
    },
    floorCase(ctx, 'read', 'read all bytes (node, one thread)', 'read-bytes.mjs', [], dir, files),
    floorCase(ctx, 'parse', 'parse: remark-parse alone, one thread', 'parse.mjs', [], dir, files),
    floorCase(ctx, 'parse-gfm', 'parse: remark-parse + remark-gfm, one thread', 'parse.mjs', ['--gfm'], dir, files),
  ];
}
