/**
 * Auto-link cost, measured inside one process: for each corpus file, time parsing with
 * remark-parse alone, parsing with the site's extensions (`parseMarkdown`),
 * and the `linkModels` transform on fresh copies of that tree with the real registry and
 * with the real registry plus N synthetic models (median of 3 rounds each, the two
 * alternating). Per-file medians are summed. One untimed pass first, so the JIT and
 * the matchers are warm.
 *
 * Usage: node --import tsx bench/children/autolink.ts DIR [--models 5000]
 * Prints one JSON line (see `AutolinkReport`).
 */
import fs from 'node:fs';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import type {Root} from 'mdast';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';
import {BASE_URL, MODELS_FILE, ROOT_DIR} from '../../core/constants';
import {loadRegistry} from '../../core/registry/load';
import {registryMatcher} from '../../core/registry/matcher';
import type {Registry} from '../../core/registry/types';
import {linkModels} from '../../plugins/remark-model-links/index';
import {validateOptions} from '../../plugins/remark-model-links/options';
import {parseMarkdown} from '../../core/mentions';
import {median} from '../stats';
import {syntheticRegistry} from '../synthetic';
import {markdownFiles} from './markdown-files.mjs';

export interface AutolinkReport {
  files: number;
  bytes: number;
  /** Names (names + aliases) each matcher knows. */
  realNames: number;
  synthNames: number;
  /** Milliseconds summed over files. */
  parseMs: number;
  parseSiteMs: number;
  realMs: number;
  synthMs: number;
  /** Time to build the 5,000-model matcher once (not in `synthMs`). */
  synthBuildMs: number;
  realLinks: number;
  synthLinks: number;
}

/** Per-file medians of a few rounds: one preempted or GC-paused transform does not count. */
const PARSE_ROUNDS = 1;
const TRANSFORM_ROUNDS = 3;

function medianOf(rounds: number, measure: () => number): number {
  return median(Array.from({length: rounds}, measure));
}

function countLinks(tree: Root): number {
  let n = 0;
  visit(tree, 'link', () => {
    n++;
  });
  return n;
}

function main(): void {
  const dir = process.argv[2];
  const modelsAt = process.argv.indexOf('--models');
  const count = modelsAt === -1 ? 5000 : Number(process.argv[modelsAt + 1]);
  if (!dir || !Number.isInteger(count) || count < 1) throw new Error('usage: autolink.ts DIR [--models N]');
  const real = loadRegistry(path.join(ROOT_DIR, MODELS_FILE));
  const synth: Registry = syntheticRegistry(real, count);
  const options = validateOptions({baseUrl: BASE_URL});
  const plain = unified().use(remarkParse);
  const buildStart = performance.now();
  const synthMatcher = registryMatcher(synth);
  const synthBuildMs = performance.now() - buildStart;
  const report: AutolinkReport = {
    files: 0,
    bytes: 0,
    realNames: registryMatcher(real).size,
    synthNames: synthMatcher.size,
    parseMs: 0,
    parseSiteMs: 0,
    realMs: 0,
    synthMs: 0,
    synthBuildMs,
    realLinks: 0,
    synthLinks: 0,
  };
  const files = [...markdownFiles(dir)];
  for (const timed of [false, true]) {
    files.forEach((file, i) => {
      const text = fs.readFileSync(file, 'utf8');
      const parseMs = medianOf(PARSE_ROUNDS, () => {
        const t = performance.now();
        plain.parse(text);
        return performance.now() - t;
      });
      let t = performance.now();
      const tree = parseMarkdown(text);
      const parseSiteMs = performance.now() - t;
      const before = countLinks(tree);
      // Each round transforms fresh copies, real and synthetic in alternating order.
      const times = new Map<Registry, number[]>([[real, []], [synth, []]]);
      const results = new Map<Registry, Root>();
      for (let round = 0; round < TRANSFORM_ROUNDS; round++) {
        const order = (i + round) % 2 === 0 ? [real, synth] : [synth, real];
        for (const registry of order) {
          const copy = structuredClone(tree);
          t = performance.now();
          linkModels(copy, registry, options);
          times.get(registry)!.push(performance.now() - t);
          results.set(registry, copy);
        }
      }
      if (!timed) return;
      report.files++;
      report.bytes += text.length;
      report.parseMs += parseMs;
      report.parseSiteMs += parseSiteMs;
      report.realMs += median(times.get(real)!);
      report.synthMs += median(times.get(synth)!);
      report.realLinks += countLinks(results.get(real)!) - before;
      report.synthLinks += countLinks(results.get(synth)!) - before;
    });
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main();
