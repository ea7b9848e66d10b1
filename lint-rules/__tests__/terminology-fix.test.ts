import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {lintMarkdown, onlyRule} from '../docs/examples';
import {fixText} from '../engine/fix';

const FIXTURES = path.join(__dirname, '__fixtures__', 'terminology');
const config = onlyRule('terminology');
const fix = async (text: string): Promise<string> => (await fixText(text, async (t) => (await lintMarkdown(t, config)).messages)).text;

describe('terminology --fix', () => {
  it('fixes the fixture to the committed result; fixing again changes nothing; only suggestions remain', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'sample.md'), 'utf8');
    const fixed = await fix(text);
    expect(fixed).toBe(fs.readFileSync(path.join(FIXTURES, 'sample.fixed.md'), 'utf8'));
    expect(await fix(fixed)).toBe(fixed);
    const left = (await lintMarkdown(fixed, config)).messages;
    expect(left.map((m) => [m.actual, m.expected, (m as {suggestions?: string[]}).suggestions])).toEqual([
      ['github', undefined, ['GitHub']],
      ['langchain', undefined, ['LangChain']],
    ]);
  });
});
