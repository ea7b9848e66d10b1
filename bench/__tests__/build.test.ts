import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {countModelLinks} from '../cases/build';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-build-test-'));
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

describe('countModelLinks', () => {
  it('counts model links in minified and unminified HTML, in every page, and nothing else', () => {
    fs.mkdirSync(path.join(dir, 'docs'), {recursive: true});
    fs.writeFileSync(
      path.join(dir, 'docs', 'a.html'),
      '<p>基于<a title="GPT-4 · OpenAI" class=model-link href=/llm-books/timeline#gpt-4>GPT-4</a>和<a class="x model-link" href="#">ChatGPT</a></p>',
    );
    fs.writeFileSync(path.join(dir, 'b.html'), '<a class=model-links href=#>no</a><span class=model-link>no</span><a class="model-link">yes</a>');
    fs.writeFileSync(path.join(dir, 'c.js'), '<a class=model-link>not html</a>');
    expect(countModelLinks(dir)).toBe(3);
  });
});
