import {describe, expect, it} from 'vitest';
import {mermaidCount} from '../source';

describe('mermaidCount', () => {
  it('counts Mermaid fences only, not other code or the word in prose', () => {
    const md = ['mermaid 这个词不算。', '', '```mermaid', 'flowchart LR', '```', '', '```js', 'mermaid()', '```', '', '~~~mermaid', 'graph TD', '~~~', ''].join('\n');
    expect(mermaidCount(md)).toBe(2);
  });

  it('is zero for a chapter without diagrams', () => {
    expect(mermaidCount('# 标题\n\n正文。\n')).toBe(0);
  });
});
