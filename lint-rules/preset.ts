/**
 * The preset every consumer uses: the CLI and its workers, `.remarkrc.mjs` (remark-cli
 * and the VS Code extension), the example harness and the docs generator. It fixes
 * how Markdown is parsed (`parsePlugins`) and which rules run with which severity.
 *
 * Comments control messages as in remark-lint:
 * `<!-- lint disable terminology -->`, `<!-- lint enable terminology -->`,
 * `<!-- lint ignore terminology -->`; the id may also be written in full,
 * `llmbook/terminology`. `remark-lint` itself only controls messages whose `source` is
 * `remark-lint`, so the preset adds the same control for our source, `llmbook`.
 */
import type {Html, Root} from 'mdast';
import {commentMarker} from 'mdast-comment-marker';
import type {Pluggable, PluggableList, Plugin, Preset} from 'unified';
import {messageControl} from 'unified-message-control';
import type {Node} from 'unist';
import type {VFile} from 'vfile';
import {RULE_NAMES, RULE_ORIGIN, type RuleName} from '../core/constants';
import {SITE_SYNTAX} from '../core/parse';
import type {LintConfig, RuleSetting} from './engine/config';
import cjkSpacing from './cjk-spacing';
import modelNames from './model-names';
import unknownModels from './unknown-models';
import terminology from './terminology';
import internalLinks from './internal-links';
import referenceLinks from './reference-links';
import retiredModels from './retired-models';

export type {LintConfig, RuleSetting, Severity} from './engine/config';

/** Parse the same way everywhere: front matter, GFM (tables, autolinks), math. */
export const parsePlugins: PluggableList = SITE_SYNTAX;

/** What `unified-lint-rule` makes: a plugin taking a severity, or `[severity, options]`. */
export type LintPlugin = Plugin<[unknown?], Root>;

/** The rules by short id. */
export const rules: Partial<Record<RuleName, LintPlugin>> = {
  terminology: terminology as LintPlugin,
  'model-names': modelNames as LintPlugin,
  'unknown-models': unknownModels as LintPlugin,
  'reference-links': referenceLinks as LintPlugin,
  'internal-links': internalLinks as LintPlugin,
  'cjk-spacing': cjkSpacing as LintPlugin,
  'retired-models': retiredModels as LintPlugin,
};

/**
 * Every rule on: what the book is held to when `.lintrc.yaml` says nothing. All are
 * errors except `unknown-models` (a model the registry lacks is for a person to
 * add, not a reason to fail CI) and `retired-models` (a shutdown date in the
 * registry must not turn yesterday's green build red), which are warnings.
 */
export const DEFAULT_CONFIG: LintConfig = {
  rules: {
    terminology: 'error',
    'model-names': 'error',
    'unknown-models': 'warn',
    'reference-links': 'error',
    'internal-links': 'error',
    'cjk-spacing': 'error',
    'retired-models': 'warn',
  },
};

const PREFIX = `${RULE_ORIGIN}/`;

/**
 * A comment marker with `llmbook/terminology` read as `terminology`. The prefix is
 * removed before parsing: `mdast-comment-marker` rejects a `/` in its attributes.
 */
function marker(node: Node): ReturnType<typeof commentMarker> {
  if (node.type !== 'html' || !(node as Html).value.includes(PREFIX)) return commentMarker(node);
  const html = node as Html;
  const mark = commentMarker({...html, value: html.value.split(PREFIX).join('')});
  return mark ? {...mark, node: html} : mark;
}

/**
 * `lint disable/enable/ignore` for messages whose source is `llmbook`. Runs after the
 * rules (it filters the messages present when it runs). It runs on every file, markers
 * or not: besides the markers it drops messages that fall in "gaps" of the tree (text
 * no positioned node covers), and skipping it where a file has no marker changed what
 * some files report (measured on a real book, bench/precision).
 */
const llmbookMessageControl: Plugin<[], Root> = function () {
  return (tree: Root, file: VFile) => {
    messageControl(tree, {file, marker, name: 'lint', source: RULE_ORIGIN, test: ['html', 'comment']});
  };
};

function settingFor(config: LintConfig, name: RuleName): RuleSetting | undefined {
  return config.rules[name] ?? DEFAULT_CONFIG.rules[name];
}

function isOff(setting: RuleSetting | undefined): boolean {
  return setting === undefined || setting === 'off' || (Array.isArray(setting) && setting[0] === 'off');
}

/**
 * The unified preset for a config: parser extensions, the rules that are on, message
 * control. Not `remark-lint` itself: its only work is message control for messages whose
 * source is `remark-lint` (none of ours), and as the first transformer it ran before any
 * message existed.
 */
export function createPreset(config: LintConfig = DEFAULT_CONFIG, syntax: PluggableList = parsePlugins): Preset {
  const ruleList: Pluggable[] = [];
  for (const name of RULE_NAMES) {
    const setting = settingFor(config, name);
    const plugin = rules[name];
    if (!plugin || isOff(setting)) continue;
    // A bare string would reach the rule as its options: unified-lint-rule reads severity only from an array.
    ruleList.push([plugin, typeof setting === 'string' ? [setting] : setting]);
  }
  return {plugins: [...syntax, ...ruleList, llmbookMessageControl]};
}
