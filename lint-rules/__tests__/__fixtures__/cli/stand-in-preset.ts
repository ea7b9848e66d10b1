/**
 * A stand-in for lint-rules/preset.ts in the CLI tests: tiny rules with the real
 * ids, so the CLI's mechanics (fix loop, cache, workers, formats, message control)
 * are tested independently of the real rules' wording.
 *
 * - terminology: `Github` → `GitHub` (fixable), in text nodes.
 * - internal-links: `[x](other.md#id)` must name a heading `# … {#id}` or whose
 *   lower-cased, dash-joined text is `id`; records `lintDependencies`.
 * - cjk-spacing with `{flip: true}`: `foo` ↔ `bar`, a pair of fixes that never settles.
 * - faults (always on), for the fault-injection tests, triggered by a comment in the file:
 *   `<!-- fault: hang -->` never returns; `<!-- fault: exit -->` ends its thread;
 *   `<!-- fault: edit -->` appends a line to the file on disk while it is being linted
 *   (as an author saving mid-run would); `<!-- fault: remove NAME -->` deletes NAME
 *   next to it (a file that vanishes before its turn).
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Link, Root, Text} from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMessageControl from 'remark-message-control';
import {lintRule} from 'unified-lint-rule';
import {visit} from 'unist-util-visit';
import type {Preset, PluggableList} from 'unified';

const terminology = lintRule<Root>({origin: 'llmbook:terminology', url: 'https://example.com/terminology'}, (tree, file) => {
  visit(tree, 'text', (node: Text) => {
    const start = node.position?.start.offset;
    if (start === undefined) return;
    let at = node.value.indexOf('Github');
    while (at >= 0) {
      const s = start + at;
      const message = file.message('术语不一致：`Github` 应写作 `GitHub`', {
        place: {start: {...offsetToPoint(String(file), s)}, end: {...offsetToPoint(String(file), s + 6)}},
      });
      message.actual = 'Github';
      message.expected = ['GitHub'];
      at = node.value.indexOf('Github', at + 6);
    }
  });
});

function offsetToPoint(text: string, offset: number): {line: number; column: number; offset: number} {
  const before = text.slice(0, offset).split('\n');
  return {line: before.length, column: before[before.length - 1].length + 1, offset};
}

function headingIds(file: string): string[] {
  const ids: string[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const match = /^#+\s+(.*?)\s*(?:\{#([\w-]+)\})?$/.exec(line);
    if (match) ids.push(match[2] ?? match[1].toLowerCase().replace(/\s+/g, '-'));
  }
  return ids;
}

const internalLinks = lintRule<Root>({origin: 'llmbook:internal-links', url: 'https://example.com/internal-links'}, (tree, file) => {
  const deps: string[] = [];
  const base = path.dirname(path.resolve(file.cwd, file.path));
  visit(tree, 'link', (node: Link) => {
    const match = /^([^#]+\.md)(?:#(.+))?$/.exec(node.url);
    if (!match || /^[a-z]+:\/\//.test(node.url)) return;
    const target = path.resolve(base, match[1]);
    deps.push(target);
    if (!fs.existsSync(target)) {
      file.message(`链接目标不存在：\`${match[1]}\``, {place: node.position});
    } else if (match[2] && !headingIds(target).includes(match[2])) {
      file.message(`锚点不存在：\`${match[1]}#${match[2]}\``, {place: node.position});
    }
  });
  (file.data as Record<string, unknown>).lintDependencies = deps;
});

const cjkSpacing = lintRule<Root, {flip?: boolean}>({origin: 'llmbook:cjk-spacing', url: 'https://example.com/cjk-spacing'}, (tree, file, options) => {
  if (!options?.flip) return;
  visit(tree, 'text', (node: Text) => {
    const start = node.position?.start.offset;
    if (start === undefined) return;
    for (const [from, to] of [['foo', 'bar'], ['bar', 'foo']]) {
      const at = node.value.indexOf(from);
      if (at < 0) continue;
      const s = start + at;
      const message = file.message(`来回：\`${from}\` 应写作 \`${to}\``, {
        place: {start: offsetToPoint(String(file), s), end: offsetToPoint(String(file), s + 3)},
      });
      message.actual = from;
      message.expected = [to];
    }
  });
});

/** The line `<!-- fault: edit -->` appends; a test looks for it after `--fix`. */
export const AUTHOR_EDIT = '作者在检查期间加的一行';

function faults() {
  return (_tree: Root, file: {path: string; cwd: string; value: unknown}): void => {
    const text = String(file.value);
    const full = path.resolve(file.cwd, file.path);
    if (text.includes('<!-- fault: hang -->')) for (;;);
    if (text.includes('<!-- fault: exit -->')) process.exit(7);
    if (text.includes('<!-- fault: edit -->') && !fs.readFileSync(full, 'utf8').includes(AUTHOR_EDIT)) {
      fs.appendFileSync(full, `\n${AUTHOR_EDIT}\n`);
    }
    const remove = /<!-- fault: remove (\S+) -->/.exec(text);
    if (remove) fs.rmSync(path.join(path.dirname(full), remove[1]), {force: true});
  };
}

type Setting = string | [string] | [string, Record<string, unknown>];
const rules = {terminology, 'internal-links': internalLinks, 'cjk-spacing': cjkSpacing} as const;

export function createPreset(config: {rules: Record<string, Setting | undefined>}): Preset {
  const plugins: PluggableList = [
    remarkFrontmatter,
    remarkGfm,
    remarkMath,
    faults,
  ];
  for (const [name, rule] of Object.entries(rules)) {
    const setting = config.rules[name] ?? (name === 'cjk-spacing' ? 'off' : 'error');
    const [severity, options] = Array.isArray(setting) ? setting : [setting];
    plugins.push([rule, [severity, options]]);
  }
  // Message control filters the messages present when it runs: it must come after the rules.
  plugins.push([remarkMessageControl, {name: 'lint', source: ['llmbook']}]);
  return {plugins};
}
