/** The auto-link transform against parsing, with the real registry and with 5,000 more models. */
import path from 'node:path';
import type {AutolinkReport} from '../children/autolink';
import {CaseFailure, type Case} from '../suite';
import {expectFiles, runNode, TSX_IMPORT, type BenchContext} from './context';

export const SYNTHETIC_MODELS = 5000;

export function autolinkCases(ctx: BenchContext): Case[] {
  const script = path.join(__dirname, '..', 'children', 'autolink.ts');
  return [
    {
      group: 'autolink',
      rows: [
        {id: 'al-parse', label: 'in-process: remark-parse alone (the auto-link baseline)'},
        {id: 'al-parse-site', label: 'in-process: parse with the site’s extensions (front matter, GFM, math)', baseline: 'al-parse'},
        {id: 'al-real', label: 'auto-link transform, real registry', baseline: 'al-parse'},
        {id: 'al-synth', label: `auto-link transform, real + ${SYNTHETIC_MODELS.toLocaleString('en')} synthetic models`, baseline: 'al-real'},
      ],
      async run() {
        const result = await runNode(ctx, {
          label: 'autolink',
          args: ['--import', TSX_IMPORT, script, ctx.corpus!.dir, '--models', String(SYNTHETIC_MODELS)],
          cwd: ctx.tmp,
        });
        const r = JSON.parse(result.stdout()) as AutolinkReport;
        expectFiles('auto-link', r.files, ctx.corpus!.files);
        if (r.realLinks === 0) throw new CaseFailure('auto-link linked nothing in the corpus; the registry or the plugin is broken');
        if (r.synthLinks !== r.realLinks) {
          throw new CaseFailure(`auto-link made ${r.synthLinks} links with the synthetic registry and ${r.realLinks} with the real one; synthetic names must not match real text`);
        }
        const files = r.files;
        return {
          'al-parse': {ms: r.parseMs, rssKb: result.rssKb, files},
          'al-parse-site': {ms: r.parseSiteMs, files},
          'al-real': {ms: r.realMs, files, messages: r.realLinks},
          'al-synth': {ms: r.synthMs, files, messages: r.synthLinks},
        };
      },
    },
  ];
}
