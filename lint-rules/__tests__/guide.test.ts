import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT_DIR} from '../../core/constants';
import {LINEAGE_STAGES, MODEL_KINDS} from '../../core/registry/types';
import {GUIDE_DIR, RENDERERS, renderRegions, staleGuidePages} from '../docs/guide';

const read = (name: string): string => fs.readFileSync(path.join(GUIDE_DIR, name), 'utf8');

describe('the generated parts of the contributor guide', () => {
  it('are up to date with the schemas, the data and the rules (run `npm run docs:guide` after changing them)', async () => {
    expect(await staleGuidePages()).toEqual([]);
  });

  it('are all used by the guide’s pages', () => {
    const pages = fs.readdirSync(GUIDE_DIR).filter((n) => n.endsWith('.md')).map(read).join('\n');
    const used = new Set([...pages.matchAll(/<!-- generated:([\w-]+)/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(Object.keys(RENDERERS).sort());
  });

  it('list every `kind` and `via` the schema allows, which are the values the loader accepts', async () => {
    const kinds = await renderRegions('<!-- generated:model-kinds -->\n<!-- /generated:model-kinds -->', 'x.md');
    expect([...kinds.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]).slice(1)).toEqual(MODEL_KINDS.filter((k) => k !== 'family')); // `family` is given by `type: family`, never written as a kind
    const via = await renderRegions('<!-- generated:model-via -->\n<!-- /generated:model-via -->', 'x.md');
    expect([...via.matchAll(/^- `([^`]+)`$/gm)].map((m) => m[1])).toEqual([...LINEAGE_STAGES]);
  });

  it('follows the schema when it changes, rather than a copy', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-'));
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'data/models.schema.json'), 'utf8')) as {definitions: {kind: {enum: string[]}}};
    schema.definitions.kind.enum.push('world-model');
    fs.mkdirSync(path.join(root, 'data'));
    fs.writeFileSync(path.join(root, 'data/models.schema.json'), JSON.stringify(schema));
    try {
      const kinds = await renderRegions('<!-- generated:model-kinds -->\n<!-- /generated:model-kinds -->', 'x.md', {root});
      expect(kinds).toContain('| `world-model` |  |');
    } finally {
      fs.rmSync(root, {recursive: true, force: true});
    }
  });

  it('quote real entries, and name the page and the region when one is unknown', async () => {
    expect(read('add-model.md')).toContain('```yaml\n- id: davinci\n');
    expect(read('add-term.md')).toContain('```yaml\n- term: 词元\n');
    await expect(renderRegions('<!-- generated:nope -->\n<!-- /generated:nope -->', 'docs/x.md')).rejects.toThrow('docs/x.md: 未知的生成区块 `nope`');
    await expect(renderRegions('<!-- generated:model-entry no-such-model -->\n<!-- /generated:model-entry -->', 'docs/x.md')).rejects.toThrow(
      'data/models.yaml: 找不到 `id: no-such-model` 的条目',
    );
  });
});
