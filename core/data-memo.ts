/**
 * Parsed data files remembered by their bytes. Reading `data/models.yaml` with
 * positions and validating every entry takes a quarter of a second; a lint run
 * does it in the main thread and again in every worker, on every run. When a
 * process turns the memo on (the compiled lint CLI, with its cache), a file whose
 * exact bytes were parsed and validated before by the same build is read back
 * from a structured-clone snapshot instead (`v8.serialize`: Maps and shared
 * objects survive). Only valid data is remembered: a file with problems is parsed
 * every time, so its problems are always reported.
 *
 * The salt names the code that parsed (the compiled build): another build never
 * trusts a snapshot it did not make.
 */
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';

let memo: {dir: string; salt: string} | undefined;

/** Remember parsed data files in `dir` for code identified by `salt`; `undefined` turns the memo off. */
export function useDataMemo(dir: string | undefined, salt?: string): void {
  memo = dir && salt ? {dir, salt} : undefined;
}

/** The memo's folder and salt, to hand to worker threads. */
export function dataMemoSettings(): {dir: string; salt: string} | undefined {
  return memo;
}

/**
 * `parse()` of `file`, or its remembered result when the memo is on and the file's
 * bytes are the ones parsed before. `kind` keeps different parsers of one file apart.
 */
export function memoized<T>(kind: string, file: string, parse: () => T): T {
  if (!memo) return parse();
  let snapshot: string;
  try {
    const hash = createHash('sha1').update(memo.salt).update('\0').update(kind).update('\0').update(file).update('\0');
    snapshot = path.join(memo.dir, `${hash.update(fs.readFileSync(file)).digest('hex')}.v8`);
  } catch {
    return parse(); // Unreadable: the parser reports it with its path.
  }
  try {
    return v8.deserialize(fs.readFileSync(snapshot)) as T;
  } catch {
    // Not remembered yet (or a damaged snapshot): parse, then remember.
  }
  const value = parse();
  try {
    fs.mkdirSync(memo.dir, {recursive: true});
    const temp = `${snapshot}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    fs.writeFileSync(temp, v8.serialize(value));
    fs.renameSync(temp, snapshot);
  } catch {
    // Not remembered: the next run parses again.
  }
  return value;
}
