/**
 * Vitest reporter, named by path in both vitest configs (a path, so the configs import
 * no TypeScript): after the run, for each absent folder of `corpus.ts`, one line saying
 * how to get it and the names of the tests that were skipped for want of it.
 */
import path from 'node:path';
import type {Reporter, TestModule} from 'vitest/node';
import {ROOT_DIR} from '../core/constants';
import {corpus, seed, skipMark, type ExternalFolder} from './corpus';

export default class SkippedForMissingFolders implements Pick<Reporter, 'onTestRunEnd'> {
  private readonly folders: ExternalFolder[];
  private readonly write: (text: string) => void;

  /** Vitest passes the reporter's options from the config (none); tests pass folders and a sink. */
  constructor(options: {folders?: ExternalFolder[]; write?: (text: string) => void} = {}) {
    this.folders = options.folders ?? [corpus(), seed()];
    this.write = options.write ?? ((text) => void process.stderr.write(text));
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    for (const folder of this.folders.filter((f) => !f.present)) {
      const mark = skipMark(folder);
      const names = modules.flatMap((module) =>
        [...module.children.allTests('skipped')]
          .filter((test) => test.fullName.includes(mark))
          .map((test) => `  ↓ ${path.relative(ROOT_DIR, module.moduleId)} > ${test.fullName.replaceAll(mark, '')}`),
      );
      if (names.length === 0) continue;
      this.write(`\n${names.length} test${names.length === 1 ? '' : 's'} skipped: ${folder.hint}\n${names.join('\n')}\n`);
    }
  }
}
