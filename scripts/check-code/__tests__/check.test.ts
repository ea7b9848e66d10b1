import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {codeBlocks, metaFlag, metaTitle} from '../blocks';
import {checkBlocks, readBlocks} from '../check';
import {checkBash, checkJson, checkPython, checkScript, checkYaml} from '../languages';
import {main} from '../cli';

const FIXTURE = path.join(__dirname, '__fixtures__/blocks.md');

describe('language checkers', () => {
  it('accept valid code', () => {
    expect(checkJson('{"a": [1, 2]}')).toEqual([]);
    expect(checkYaml('a: 1\nb: [x, y]\n')).toEqual([]);
    expect(checkBash('for f in *.md; do echo "$f"; done\n')).toEqual([]);
    expect(checkScript('const x: number = 1;\nexport {x};\n', 'typescript', false)).toEqual([]);
    expect(checkScript('const el = <div>{1}</div>;\n', 'javascript', true)).toEqual([]);
    expect(checkPython(['import json\nprint(json.dumps({}))\n'])).toEqual([[]]);
  });

  it('report the line and column of the error inside the block', () => {
    expect(checkJson('{\n  "a": 1,\n}')).toEqual([{line: 3, column: 1, message: expect.stringMatching(/^JSON 无法解析：/)}]);
    expect(checkYaml('a: [1, 2\n')[0]).toMatchObject({line: 2, message: expect.stringMatching(/^YAML 无法解析：/)});
    expect(checkBash('if true; then\n  echo x\n')[0]).toMatchObject({message: expect.stringMatching(/^Shell 语法错误：/)});
    expect(checkScript('let a = 1;\nconst x = ;\n', 'typescript', false)).toEqual([{line: 2, column: 11, message: 'TypeScript 语法错误：Expression expected.'}]);
    expect(checkPython(['x = 1\ndef broken(:\n    pass\n'])[0]).toEqual([{line: 2, column: 12, message: expect.stringMatching(/^Python 语法错误：/)}]);
  });
});

describe('blocks', () => {
  it('read language, meta, title and flags, and where the code starts', () => {
    const [block] = codeBlocks('a.md', '# t\n\n```ts title="chat.ts" runnable\nlet x = 1;\n```\n');
    expect(block).toMatchObject({lang: 'ts', line: 3, column: 1, firstLine: 4});
    expect(metaTitle(block.meta)).toBe('chat.ts');
    expect(metaFlag(block.meta, 'runnable')).toBe(true);
    expect(metaFlag(block.meta, 'nocheck')).toBe(false);
  });

  it('place every problem of the fixture at its line in the chapter; exempt nocheck and text', () => {
    const result = checkBlocks(readBlocks([FIXTURE], path.dirname(FIXTURE)));
    expect(result.problems.map((p) => `${p.line}:${p.column} ${p.message.split('：')[0]}`)).toEqual([
      '13:12 Python 语法错误',
      '22:1 JSON 无法解析',
      '28:12 YAML 无法解析',
      '36:1 Shell 语法错误',
      '41:11 TypeScript 语法错误',
      '60:7 TypeScript 类型错误',
    ]);
    expect(result.problems.every((p) => p.file === 'blocks.md')).toBe(true);
  });

  it('the command exits 1 and prints file:line:col for a bad chapter', async () => {
    const lines: string[] = [];
    expect(await main([FIXTURE, '--no-run'], (l) => lines.push(l))).toBe(1);
    expect(lines.some((l) => /blocks\.md:13:12 {2}Python 语法错误/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/6 个问题$/);
  });
});
