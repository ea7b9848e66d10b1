/**
 * How every rule of the preset is made: `unified-lint-rule` with the origin
 * (`llmbook:<id>`) and the rule page's URL stamped from the rule's id, so no rule
 * writes either by hand and a message always links to its own page.
 */
import type {Root} from 'mdast';
import {lintRule, type Plugin, type Rule} from 'unified-lint-rule';
import {RULE_ORIGIN, ruleDocsUrl, type RuleName} from '../../core/constants';

export function bookRule<Options>(name: RuleName, rule: Rule<Root, Options>): Plugin<Root, Options> {
  return lintRule<Root, Options>({origin: `${RULE_ORIGIN}:${name}`, url: ruleDocsUrl(name)}, rule);
}
