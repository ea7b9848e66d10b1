import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {memoized, useDataMemo} from '../data-memo';

const dirs: string[] = [];
afterEach(() => {
  useDataMemo(undefined);
  for (const dir of dirs.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

function setup(): {file: string; memoDir: string} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmbook-memo-'));
  dirs.push(dir);
  const file = path.join(dir, 'data.yaml');
  fs.writeFileSync(file, 'models: []\n');
  return {file, memoDir: path.join(dir, 'memo')};
}

describe('memoized data files', () => {
  it('parses every time while the memo is off', () => {
    const {file} = setup();
    const parse = vi.fn(() => ({n: 1}));
    memoized('k', file, parse);
    memoized('k', file, parse);
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it('reads back a parse of the same bytes (Maps and shared objects intact), and parses again when the bytes, the kind or the salt differ', () => {
    const {file, memoDir} = setup();
    useDataMemo(memoDir, 'build-1');
    const entry = {id: 'gpt-4'};
    const parse = vi.fn(() => ({entries: [entry], byId: new Map([['gpt-4', entry]])}));
    memoized('registry', file, parse);
    const again = memoized('registry', file, parse);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(again.byId.get('gpt-4')).toBe(again.entries[0]);

    memoized('terms', file, parse);
    expect(parse).toHaveBeenCalledTimes(2);
    fs.appendFileSync(file, '# edited\n');
    memoized('registry', file, parse);
    expect(parse).toHaveBeenCalledTimes(3);
    useDataMemo(memoDir, 'build-2');
    memoized('registry', file, parse);
    expect(parse).toHaveBeenCalledTimes(4);
  });

  it('never remembers a file with problems, and parses a damaged snapshot again', () => {
    const {file, memoDir} = setup();
    useDataMemo(memoDir, 'build-1');
    const broken = (): never => {
      throw new Error('entry 1: missing id');
    };
    expect(() => memoized('registry', file, broken)).toThrow('missing id');
    expect(() => memoized('registry', file, broken)).toThrow('missing id');
    memoized('registry', file, () => ({ok: true}));
    for (const name of fs.readdirSync(memoDir)) fs.writeFileSync(path.join(memoDir, name), 'not a snapshot');
    expect(memoized('registry', file, () => ({ok: 'parsed again'}))).toEqual({ok: 'parsed again'});
  });
});
