import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {formatProblems} from '../problems';

const FILE = 'docs/book/bad-chapter.md';
const source = fs.readFileSync(path.join(__dirname, '__fixtures__', 'bad-site', 'book', 'bad-chapter.md'), 'utf8');

describe('formatProblems', () => {
  it('places an unknown element at its tag, whatever its case in the page', () => {
    expect(formatProblems(FILE, source, [{kind: 'element', detail: 'chart-box'}])).toEqual([
      'docs/book/bad-chapter.md:8:1: 无法导出：未知的组件或 HTML 元素 `<chart-box>`；请改用 Markdown 或标准 HTML 元素，或为它提供 MDX 组件',
    ]);
  });

  it('places a missing image at its path, found by the URL the page asked for', () => {
    const [line] = formatProblems(FILE, source, [{kind: 'image', detail: 'http://127.0.0.1:4000/llm-books/img/no-such-figure.png'}]);
    expect(line).toBe(
      'docs/book/bad-chapter.md:12:11: 无法导出：图片 `http://127.0.0.1:4000/llm-books/img/no-such-figure.png` 无法加载；请确认文件存在（例如放在 static/img/ 下或与章节同目录）并且路径正确',
    );
  });

  it('places an undrawn diagram at the first Mermaid fence, and reports every problem', () => {
    const lines = formatProblems(FILE, source, [
      {kind: 'diagram', detail: '1 张图中有未渲染的'},
      {kind: 'element', detail: 'chart-box'},
    ]);
    expect(lines.map((l) => l.split(': ')[0])).toEqual(['docs/book/bad-chapter.md:14:1', 'docs/book/bad-chapter.md:8:1']);
  });

  it('falls back to line 1 when the source does not show where the problem is', () => {
    expect(formatProblems(FILE, source, [{kind: 'element', detail: 'x-generated'}])[0]).toMatch(/^docs\/book\/bad-chapter\.md:1:1: /);
  });
});
