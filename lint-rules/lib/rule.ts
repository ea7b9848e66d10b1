/**
 * How every rule of the preset is made: `unified-lint-rule` with the origin
 * (`llmbook:<id>`) and the rule page's URL stamped from the rule's id, so no rule
 * writes either by hand and a message always links to its own page.
 */
import type {Root} from 'mdast';
import {lintRule, type Plugin, type Rule} from 'unified-lint-rule';
import type {Point} from 'unist';
import type {VFile} from 'vfile';
import {location} from 'vfile-location';
import {RULE_ORIGIN, ruleDocsUrl, type RuleName} from '../../core/constants';

export function bookRule<Options>(name: RuleName, rule: Rule<Root, Options>): Plugin<Root, Options> {
  return lintRule<Root, Options>({origin: `${RULE_ORIGIN}:${name}`, url: ruleDocsUrl(name)}, rule);
}

/**
 * Offset → line and column in `file`, for rules that report ranges of the source they
 * found by offset. The offsets come from node positions in this very file, so an offset
 * outside it is a bug in the rule, not in the file.
 */
export function pointAt(file: VFile): (offset: number) => Point {
  const place = location(file);
  return (offset) => {
    const found = place.toPoint(offset);
    if (!found) throw new Error(`offset ${offset} is outside the file`);
    return found;
  };
}
