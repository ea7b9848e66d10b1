/**
 * The "without our plugins" site for the build benchmark: the same
 * `docusaurus.config.ts` text with the auto-link remark plugin and the timeline
 * plugin taken out. Edited as text in the temp copy only; throws when there is
 * nothing to take out, so the benchmark never compares a build with itself.
 */

/** Our plugins' modules, as the config imports or names them. */
export const OUR_PLUGIN_MODULES = ['./plugins/remark-model-links', './plugins/timeline'];

export interface StrippedConfig {
  text: string;
  /** What was taken out, for the report. */
  removed: string[];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Index just past the bracket that closes the one at `open`, skipping strings. */
function closing(text: string, open: number): number {
  const pairs: Record<string, string> = {'[': ']', '{': '}', '(': ')'};
  const stack: string[] = [];
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"' || c === '`') {
      const end = text.indexOf(c, i + 1);
      if (end === -1) break;
      i = end;
    } else if (pairs[c]) {
      stack.push(pairs[c]);
    } else if (c === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i + 1;
    }
  }
  throw new Error(`unbalanced brackets after offset ${open} in docusaurus.config.ts`);
}

/** Remove the array element starting at `start` and ending at `end`, with its comma (and its line when it had one to itself). */
function removeElement(text: string, start: number, end: number): string {
  const ownLine = /\n[ \t]*$/.exec(text.slice(0, start));
  const restOfLine = /^[ \t]*,?[ \t]*\n/.exec(text.slice(end));
  if (ownLine && restOfLine) return text.slice(0, start - ownLine[0].length + 1) + text.slice(end + restOfLine[0].length);
  const after = /^\s*,\s*/.exec(text.slice(end));
  if (after) return text.slice(0, start) + text.slice(end + after[0].length);
  const before = /,\s*$/.exec(text.slice(0, start));
  if (before) return text.slice(0, start - before[0].length) + text.slice(end);
  return text.slice(0, start) + text.slice(end);
}

/**
 * Find one use of `needle` outside import lines that is an array element (`needle`,
 * `[needle, {…}]`, `'module'` or `['module', {…}]`) and remove that element.
 */
function removeUse(text: string, needle: RegExp): {text: string; found: string} | undefined {
  needle.lastIndex = 0;
  for (let m = needle.exec(text); m; m = needle.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (/^\s*import\b/.test(text.slice(lineStart, m.index + 1))) continue;
    const before = text.slice(0, m.index);
    // `[needle, {…}]` is a plugin tuple only when that bracket is itself an element.
    const wrapped = /[[,]\s*\[\s*$/.exec(before) ? /\[\s*$/.exec(before) : null;
    if (wrapped) {
      const open = m.index - wrapped[0].length;
      const end = closing(text, open);
      return {text: removeElement(text, open, end), found: text.slice(open, end)};
    }
    if (/[[,]\s*$/.test(before)) {
      const end = m.index + m[0].length;
      return {text: removeElement(text, m.index, end), found: m[0]};
    }
  }
  return undefined;
}

/** Names a module is imported under: `import remarkModelLinks from './plugins/remark-model-links'`. */
function importedNames(text: string, module: string): string[] {
  const pattern = new RegExp(`^\\s*import\\s+(\\w+)\\s+from\\s+['"]${escape(module)}(?:/index)?(?:\\.ts)?['"]`, 'gm');
  return [...text.matchAll(pattern)].map((m) => m[1]);
}

export function stripOurPlugins(source: string): StrippedConfig {
  let text = source;
  const removed: string[] = [];
  for (const module of OUR_PLUGIN_MODULES) {
    const needles = [
      ...importedNames(text, module).map((name) => new RegExp(`\\b${escape(name)}\\b`, 'g')),
      new RegExp(`(['"])${escape(module)}(?:/index)?(?:\\.ts)?\\1`, 'g'),
      new RegExp(`require\\.resolve\\((['"])${escape(module)}(?:/index)?(?:\\.ts)?\\1\\)`, 'g'),
    ];
    for (const needle of needles) {
      for (let hit = removeUse(text, needle); hit; hit = removeUse(text, needle)) {
        text = hit.text;
        removed.push(hit.found.replace(/\s+/g, ' '));
      }
    }
  }
  if (!removed.some((r) => r.includes('remarkModelLinks') || r.includes('remark-model-links'))) {
    throw new Error('docusaurus.config.ts: found no remark-model-links entry to remove; the build benchmark needs one to compare');
  }
  return {text, removed};
}

/**
 * Broken links stop the real build; a build without the timeline plugin has no
 * `/timeline` page for the navbar and the model links, so both benchmark builds
 * report broken links as warnings instead (the check still runs, at the same cost).
 */
export function relaxBrokenLinks(source: string): string {
  return source.replace(/(onBroken(?:Links|Anchors|MarkdownLinks|MarkdownImages)\s*:\s*)['"]throw['"]/g, "$1'warn'");
}
