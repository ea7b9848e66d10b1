/**
 * remark plugin: wrap mentions of registry models in links to their timeline entry.
 *
 * Works in Docusaurus (`docs.remarkPlugins`) and in any unified pipeline. It only adds
 * link nodes around existing text: the visible text never changes.
 */
import type {InlineCode, Link, PhrasingContent, Root, Text} from 'mdast';
import type {Plugin} from 'unified';
import type {VFile} from 'vfile';
import {loadRegistry} from '../../core/registry/load';
import {registryMatcher, type Match} from '../../core/registry/matcher';
import type {ModelEntry, Registry} from '../../core/registry/types';
import {validateOptions, type ModelLinksOptions, type UserOptions} from './options';
import {pageOptedOut, scanDocument, type Candidate} from '../../core/mentions';
import {KIND_LABELS} from '../../core/registry/labels';

export type {UserOptions as ModelLinksUserOptions} from './options';

/** `text-davinci-003 · OpenAI · 2022-11 · RLHF 模型` */
export function tooltip(entry: ModelEntry): string {
  return [entry.name, entry.org, entry.released.text, KIND_LABELS[entry.kind]].join(' · ');
}

function timelineUrl(options: ModelLinksOptions): string {
  return `${options.baseUrl}${options.routeBasePath.replace(/\/$/, '')}`;
}

function makeLink(entry: ModelEntry, child: Text | InlineCode, options: ModelLinksOptions): Link {
  return {
    type: 'link',
    url: `${timelineUrl(options)}#${entry.id}`,
    title: tooltip(entry),
    children: [child],
    data: {hProperties: {className: [options.className]}},
  };
}

/** Which matches of a candidate become links, given the ids already linked in scope. */
function chooseMatches(candidate: Candidate, mode: ModelLinksOptions['mode'], linked: Set<string>): Match[] {
  const chosen: Match[] = [];
  candidate.matches.forEach((match, i) => {
    if (candidate.skipFirst && i === 0) return;
    if (mode !== 'all' && linked.has(match.id)) return;
    linked.add(match.id);
    chosen.push(match);
  });
  return chosen;
}

/** Split a text node into text and link nodes; the concatenated text is unchanged. */
function splitText(node: Text, matches: Match[], registry: Registry, options: ModelLinksOptions): PhrasingContent[] {
  const parts: PhrasingContent[] = [];
  let cursor = 0;
  const start = node.position?.start.offset;
  const exact = start !== undefined && node.position?.end.offset === start + node.value.length;
  const at = (offset: number) =>
    exact && node.position ? {line: node.position.start.line, column: node.position.start.column + offset, offset: start + offset} : undefined;
  const text = (from: number, to: number): Text => {
    const value: Text = {type: 'text', value: node.value.slice(from, to)};
    const a = at(from);
    const b = at(to);
    // Positions stay exact only when the node has no line breaks before the split.
    if (a && b && !node.value.slice(0, to).includes('\n')) value.position = {start: a, end: b};
    return value;
  };
  for (const match of matches) {
    if (match.start > cursor) parts.push(text(cursor, match.start));
    const entry = registry.byId.get(match.id);
    if (entry) parts.push(makeLink(entry, text(match.start, match.end), options));
    else parts.push(text(match.start, match.end));
    cursor = match.end;
  }
  if (cursor < node.value.length) parts.push(text(cursor, node.value.length));
  return parts;
}

export function linkModels(tree: Root, registry: Registry, options: ModelLinksOptions, frontMatter?: Record<string, unknown>): void {
  if (pageOptedOut(tree, frontMatter)) return;
  const prefix = `${timelineUrl(options)}#`;
  const events = scanDocument(tree, registryMatcher(registry), {
    excludeSections: options.excludeSections,
    linkedModel: (url) => (url.startsWith(prefix) && registry.byId.has(url.slice(prefix.length)) ? url.slice(prefix.length) : undefined),
  });
  const linked = new Set<string>();
  let scope = options.mode === 'first-per-section' ? 0 : -1;
  const replacements: Array<{candidate: Candidate; nodes: PhrasingContent[]}> = [];
  for (const event of events) {
    const eventScope = options.mode === 'first-per-section' ? event.kind === 'linked' ? event.scope : event.candidate.scope : -1;
    if (eventScope !== scope) {
      linked.clear();
      scope = eventScope;
    }
    if (event.kind === 'linked') {
      linked.add(event.id);
      continue;
    }
    const {candidate} = event;
    const chosen = chooseMatches(candidate, options.mode, linked);
    if (chosen.length === 0) continue;
    const {node} = candidate;
    const nodes =
      node.type === 'inlineCode'
        ? [makeLink(registry.byId.get(chosen[0].id)!, node, options)]
        : splitText(node, chosen, registry, options);
    replacements.push({candidate, nodes});
  }
  // Replace after the walk, so the scan's view of each parent stays valid.
  for (const {candidate, nodes} of replacements) {
    const siblings = candidate.parent.children as PhrasingContent[];
    const index = siblings.indexOf(candidate.node);
    if (index !== -1) siblings.splice(index, 1, ...nodes);
  }
}

const remarkModelLinks: Plugin<[UserOptions?], Root> = function (userOptions) {
  const options = validateOptions(userOptions);
  let registry = options.registry;
  return (tree: Root, file: VFile) => {
    // Loaded on first use, not at import or attach time; a bad registry throws with every problem listed.
    registry ??= loadRegistry(options.registryPath);
    const frontMatter = (file.data as {frontMatter?: Record<string, unknown>}).frontMatter;
    linkModels(tree, registry, options, frontMatter);
  };
};

export default remarkModelLinks;
