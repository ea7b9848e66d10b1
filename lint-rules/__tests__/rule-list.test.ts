/**
 * The rule list is defined once (`RULE_NAMES` in core/constants.ts); the preset, its
 * defaults, the JSON Schema of `.lintrc.yaml`, our own `.lintrc.yaml` and the rule
 * pages must name exactly those rules, and each rule is made by `bookRule` with its id.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import YAML from 'yaml';
import {ROOT_DIR, RULE_NAMES} from '../../core/constants';
import {DEFAULT_CONFIG, rules} from '../preset';

const sorted = (names: Iterable<string>): string[] => [...names].sort();

describe('the rule list', () => {
  it('the preset and its defaults hold exactly RULE_NAMES', () => {
    expect(sorted(Object.keys(rules))).toEqual(sorted(RULE_NAMES));
    expect(sorted(Object.keys(DEFAULT_CONFIG.rules ?? {}))).toEqual(sorted(RULE_NAMES));
  });

  it('the schema of .lintrc.yaml and our .lintrc.yaml name exactly RULE_NAMES', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'lint-rules/lintrc.schema.json'), 'utf8')) as {properties: {rules: {properties: Record<string, unknown>}}};
    expect(sorted(Object.keys(schema.properties.rules.properties))).toEqual(sorted(RULE_NAMES));
    const ours = YAML.parse(fs.readFileSync(path.join(ROOT_DIR, '.lintrc.yaml'), 'utf8')) as {rules: Record<string, unknown>};
    expect(sorted(Object.keys(ours.rules))).toEqual(sorted(RULE_NAMES));
  });

  it('every rule has its file, made by bookRule with its own id, and its page', () => {
    for (const name of RULE_NAMES) {
      const source = fs.readFileSync(path.join(ROOT_DIR, 'lint-rules', `${name}.ts`), 'utf8');
      expect(source).toMatch(new RegExp(`bookRule<[^>]*>\\(\\s*'${name}'`));
      expect(source).not.toMatch(/\blintRule\(/);
      expect(fs.existsSync(path.join(ROOT_DIR, 'docs/contributing/rules', `${name}.md`))).toBe(true);
    }
  });
});
