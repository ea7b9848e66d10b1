/**
 * A registry grown to thousands of models, to show the auto-link cost does not grow
 * with the registry. The synthetic names look like real ones and share prefixes with
 * them (`GPT-4-s12`, `text-davX12`, `文心一-s7`), so the matcher's walk at each real
 * mention gets longer, as it would with a crowded registry; none of them equals a
 * real name, so the links found in a text are the same with or without them.
 */
import {registryNames} from '../core/registry/matcher';
import type {ModelEntry, Registry} from '../core/registry/types';

/** The `index`-th synthetic name, cycling through four shapes. */
export function syntheticName(index: number, realNames: readonly string[]): string {
  const real = realNames[index % realNames.length];
  switch (index % 4) {
    case 0:
      return `synth-model-${index}`;
    case 1:
      return `SynthGPT-${index}`;
    case 2:
      // Whole real name as prefix: the walk at a real mention goes one step past it.
      return `${real}-s${index}`;
    default:
      // Half a real name as prefix.
      return `${real.slice(0, Math.max(1, Math.ceil(real.length / 2)))}X${index}`;
  }
}

/** The real registry plus `count` synthetic entries (ids `synth-<n>`), built in memory. */
export function syntheticRegistry(real: Registry, count: number): Registry {
  if (real.entries.length === 0) throw new Error('the real registry is empty; synthetic names borrow its prefixes');
  const realNames = registryNames(real).map(([name]) => name);
  const taken = new Set(realNames);
  const template = real.entries[0];
  const entries: ModelEntry[] = [...real.entries];
  for (let i = 0; i < count; i++) {
    const name = syntheticName(i, realNames);
    if (taken.has(name)) throw new Error(`synthetic name \`${name}\` collides with a real one`);
    taken.add(name);
    entries.push({...template, id: `synth-${i}`, name, aliases: [], parents: [], summary: 'synthetic model for benchmarks'});
  }
  return {file: `${real.file} + ${count} synthetic`, entries, byId: new Map(entries.map((e) => [e.id, e]))};
}
