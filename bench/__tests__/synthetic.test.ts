import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {MODELS_FILE, ROOT_DIR} from '../../core/constants';
import {loadRegistry} from '../../core/registry/load';
import {createMatcher, registryNames} from '../../core/registry/matcher';
import {syntheticName, syntheticRegistry} from '../synthetic';

const real = loadRegistry(path.join(ROOT_DIR, MODELS_FILE));

describe('syntheticName', () => {
  it('cycles through four shapes, two of them sharing a prefix with a real name', () => {
    expect([0, 1, 2, 3].map((i) => syntheticName(i, ['GPT-4', 'text-davinci-003']))).toEqual([
      'synth-model-0',
      'SynthGPT-1',
      'GPT-4-s2',
      'text-davX3',
    ]);
  });
});

describe('syntheticRegistry', () => {
  const synth = syntheticRegistry(real, 5000);

  it('keeps every real entry and adds 5,000 entries with their own ids', () => {
    expect(synth.entries).toHaveLength(real.entries.length + 5000);
    expect(synth.byId.size).toBe(real.entries.length + 5000);
    expect(synth.byId.get('synth-4999')?.name).toBe(syntheticName(4999, registryNames(real).map(([n]) => n)));
    for (const entry of real.entries) expect(synth.byId.get(entry.id)).toBe(entry);
  });

  it('finds the same names in a text as the real registry does, and its own names too', () => {
    const text = '基于GPT-4、text-davinci-003和ChatGPT的应用；synth-model-0 与 SynthGPT-1 是合成的。';
    const realMatches = createMatcher(registryNames(real)).find(text);
    const synthMatches = createMatcher(registryNames(synth)).find(text);
    expect(realMatches.length).toBeGreaterThan(0);
    expect(synthMatches.filter((m) => !m.id.startsWith('synth-'))).toEqual(realMatches);
    expect(synthMatches.filter((m) => m.id.startsWith('synth-')).map((m) => m.name)).toEqual(['synth-model-0', 'SynthGPT-1']);
  });

  it('refuses an empty registry, whose names it would borrow', () => {
    expect(() => syntheticRegistry({file: 'x', entries: [], byId: new Map()}, 1)).toThrow(
      'the real registry is empty; synthetic names borrow its prefixes',
    );
  });
});
