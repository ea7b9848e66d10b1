/**
 * The book's own code: every block in docs/ parses, every complete TypeScript program
 * type-checks and runs against the local stand-in API.
 */
import path from 'node:path';
import {expect, it} from 'vitest';
import {ROOT_DIR} from '../../../core/constants';
import {main} from '../cli';

it('every code block of the book is valid and every runnable example runs', async () => {
  const lines: string[] = [];
  const code = await main([path.join(ROOT_DIR, 'docs')], (l) => lines.push(l));
  expect(lines.slice(0, -1)).toEqual([]);
  expect(code).toBe(0);
}, 300_000);
