/**
 * The shape ARCHITECTURE.md promises, checked on the import graph: the kernel (`core/`)
 * imports nothing of ours outside itself, consumers import the kernel but not each other,
 * and every package a source file imports is declared in package.json.
 */
import fs from 'node:fs';
import {builtinModules} from 'node:module';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT_DIR} from '../constants';

const SOURCE = /\.(ts|tsx|mts|mjs)$/;
const SKIP_DIRS = new Set(['node_modules', 'build', '.docusaurus', '.git', 'docs', 'static']);

/** The consumers: each folder is one, and may import only itself and the kernel. */
const CONSUMERS = [
  'plugins/remark-model-links',
  'plugins/timeline',
  'plugins/llms-txt',
  'plugins/home',
  'lint-rules',
  'scripts/check-links',
  'scripts/check-code',
  'scripts/copied-sentences',
  'scripts/ebook',
  'scripts/import-gitbook',
  'scripts/pr-suggestions',
  'bench',
  'src',
];

/**
 * Edges that cross consumers on purpose, each with its reason. Tests are not listed:
 * a test may import what it exercises.
 */
const ALLOWED: Array<{from: string; to: string; why: string}> = [
  {from: 'bench/', to: 'plugins/remark-model-links/', why: 'the benchmark measures the auto-link plugin itself'},
  {from: 'bench/', to: 'lint-rules/', why: 'the benchmark measures the lint rules one by one'},
  {from: 'scripts/pr-suggestions/', to: 'lint-rules/engine/', why: 'the suggestions are the lint’s own fixes: its JSON report’s types and its fixer'},
  {from: 'src/components/Timeline/', to: 'plugins/timeline/', why: 'the timeline view renders the plugin’s own data types'},
  {from: 'plugins/timeline/', to: 'src/components/Timeline/', why: 'the plugin renders the diagram at build time with the view’s components'},
];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, out);
    else if (SOURCE.test(entry.name)) out.push(full);
  }
  return out;
}

/** `@docusaurus/Link`, `@docusaurus/useBaseUrl`: aliases the site's bundler resolves into @docusaurus/core. */
const isClientAlias = (spec: string): boolean =>
  spec.startsWith('@docusaurus/') && fs.existsSync(path.join(ROOT_DIR, 'node_modules/@docusaurus/core/lib/client/exports', `${spec.split('/')[1]}.js`));

const isTest = (rel: string): boolean => /(^|\/)(__tests__|__fixtures__)\//.test(rel) || /\.test\.tsx?$/.test(rel);

/** Module specifiers of static imports, re-exports, dynamic imports and requires. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) found.push(match[1] ?? match[2] ?? match[3]);
  return found;
}

function resolveRelative(fromFile: string, spec: string): string {
  return path.relative(ROOT_DIR, path.resolve(path.dirname(fromFile), spec));
}

const areaOf = (rel: string): string | undefined =>
  rel.startsWith('core/') ? 'core' : CONSUMERS.find((c) => rel === c || rel.startsWith(`${c}/`));

const files = sourceFiles(ROOT_DIR).map((file) => ({file, rel: path.relative(ROOT_DIR, file), source: fs.readFileSync(file, 'utf8')}));

describe('architecture', () => {
  it('the kernel imports nothing of ours outside core/', () => {
    const wrong = files
      .filter((f) => f.rel.startsWith('core/') && !isTest(f.rel))
      .flatMap((f) => specifiers(f.source).filter((s) => s.startsWith('.')).map((s) => [f.rel, resolveRelative(f.file, s)]))
      .filter(([, target]) => !target.startsWith('core/'))
      .map(([from, target]) => `${from} → ${target}`);
    expect(wrong).toEqual([]);
  });

  it('no consumer imports another consumer (outside the listed, explained edges)', () => {
    const wrong: string[] = [];
    for (const f of files) {
      const from = areaOf(f.rel);
      if (!from || from === 'core' || isTest(f.rel)) continue;
      for (const spec of specifiers(f.source).filter((s) => s.startsWith('.'))) {
        const target = resolveRelative(f.file, spec);
        const to = areaOf(target);
        if (!to || to === 'core' || to === from) continue;
        if (ALLOWED.some((a) => f.rel.startsWith(a.from) && target.startsWith(a.to))) continue;
        wrong.push(`${f.rel} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every package a source file imports is declared in package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);
    // Type-only packages come with their @types package; site aliases are Docusaurus's.
    const typeOnly = new Map([['mdast', '@types/mdast'], ['unist', '@types/unist'], ['hast', '@types/hast']]);
    const builtins = new Set(builtinModules);
    const missing = new Set<string>();
    for (const f of files) {
      for (const spec of specifiers(f.source)) {
        if (spec.startsWith('.') || spec.startsWith('node:') || spec.startsWith('@site/') || spec.startsWith('@theme') || spec.startsWith('@generated/')) continue;
        if (isClientAlias(spec)) continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (builtins.has(name)) continue;
        const needed = typeOnly.get(name) ?? name;
        if (!declared.has(needed)) missing.add(`${needed} (${f.rel})`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});
