import {describe, expect, it} from 'vitest';
import {generatedChapter, stylishMessages} from '../cases/lint';
import {CaseFailure} from '../suite';

describe('stylishMessages (the message count of a terminal-format run)', () => {
  it('reads every form of the summary line', () => {
    expect(stylishMessages('a.md\n1:1 error x\n\n24600 messages (✖ 24540 errors, ⚠ 60 warnings)\n', 'l')).toBe(24600);
    expect(stylishMessages('a.md\n1:1 error x\n\n✖ 1 error', 'l')).toBe(1);
    expect(stylishMessages('a.md\n\n⚠ 3 warnings', 'l')).toBe(3);
    expect(stylishMessages('480 个文件，没有发现问题', 'l')).toBe(0);
  });

  it('fails on output that is not the stylish report', () => {
    expect(() => stylishMessages('{"version": 1}', 'lint-warm-stylish')).toThrow(CaseFailure);
  });
});

describe('generatedChapter', () => {
  it('is about the size asked for, with a name every 21 bytes or none', () => {
    const dense = generatedChapter(100_000, true);
    const plain = generatedChapter(100_000, false);
    expect(Buffer.byteLength(dense)).toBeGreaterThanOrEqual(100_000);
    expect(Buffer.byteLength(dense)).toBeLessThan(100_000 + 1200);
    expect(Buffer.byteLength(plain)).toBe(Buffer.byteLength(dense));
    const lines = dense.trimEnd().split('\n').slice(2);
    expect(lines.every((line) => Buffer.byteLength(line) === 50 * 21 && line.split('GPT-4').length - 1 === 50)).toBe(true);
    expect(plain).not.toContain('GPT');
  });
});
