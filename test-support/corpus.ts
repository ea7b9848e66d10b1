/**
 * The one place tests and benchmarks find material this repository does not contain:
 *
 * - the corpus: the GitBook edition of the book (`LLMProjects/` of morsoli/llm-books at
 *   {@link CORPUS_COMMIT}); `LLMBOOK_CORPUS`, default `../shared/corpus/llm-books-gitbook`;
 * - the seed: the original notes the chapters were written from; `LLMBOOK_SEED`, default
 *   `../shared/seed`.
 *
 * Relative values are taken from the repository root. Where a folder is absent the tests
 * that need it are skipped and the run prints one line saying how to get it; where CI
 * says it is required (`LLMBOOK_REQUIRE_CORPUS=1`, `LLMBOOK_REQUIRE_SEED=1`), its absence
 * is an error.
 */
import fs from 'node:fs';
import path from 'node:path';
import {ROOT_DIR} from '../core/constants';

export const CORPUS_REPO = 'https://github.com/morsoli/llm-books';
/** The upstream commit whose `LLMProjects/` folder is the corpus, file for file. */
export const CORPUS_COMMIT = '62d4c09cda380d150fd01a721988c2a5c56e48a7';
/** Folder of the upstream repository that holds the GitBook book. */
export const CORPUS_SUBDIR = 'LLMProjects';

export interface ExternalFolder {
  /** What it is, for messages. */
  name: string;
  /** The environment variable that points at it. */
  envVar: string;
  /** Absolute path (the variable's value or the default, resolved from the repository root). */
  dir: string;
  /** Whether `dir` is a folder with the file that marks it. */
  present: boolean;
  /** One line: what is missing and how to get it. */
  hint: string;
  /** Whether its absence is an error (its `requireEnv` is `1`) rather than a skip. */
  required: boolean;
}

interface FolderSpec {
  name: string;
  envVar: string;
  /** `1` in this variable makes absence an error. */
  requireEnv: string;
  fallback: string;
  /** A file the folder must hold, so an empty or wrong folder counts as absent. */
  marker: string;
  howTo: string;
}

const CORPUS_SPEC: FolderSpec = {
  name: 'GitBook corpus',
  envVar: 'LLMBOOK_CORPUS',
  requireEnv: 'LLMBOOK_REQUIRE_CORPUS',
  fallback: '../shared/corpus/llm-books-gitbook',
  marker: 'SUMMARY.md',
  howTo:
    `git clone ${CORPUS_REPO} && git -C llm-books checkout ${CORPUS_COMMIT}, ` +
    `then LLMBOOK_CORPUS=$PWD/llm-books/${CORPUS_SUBDIR}`,
};

const SEED_SPEC: FolderSpec = {
  name: 'seed notes',
  envVar: 'LLMBOOK_SEED',
  requireEnv: 'LLMBOOK_REQUIRE_SEED',
  fallback: '../shared/seed',
  marker: '',
  howTo: 'set LLMBOOK_SEED to the folder of the original notes (.txt files)',
};

function locate(spec: FolderSpec, env: NodeJS.ProcessEnv): ExternalFolder {
  const value = env[spec.envVar];
  const dir = path.resolve(ROOT_DIR, value === undefined || value === '' ? spec.fallback : value);
  const present = fs.existsSync(path.join(dir, spec.marker)) && fs.statSync(dir).isDirectory();
  const where = value ? `${spec.envVar}=${value}` : `${spec.envVar} unset, default ${spec.fallback}`;
  return {
    name: spec.name,
    envVar: spec.envVar,
    dir,
    present,
    hint: `${spec.name} not found at ${dir} (${where}); to run these tests: ${spec.howTo}`,
    required: env[spec.requireEnv] === '1',
  };
}

/** The GitBook book, read-only: copy it before writing. */
export function corpus(env: NodeJS.ProcessEnv = process.env): ExternalFolder {
  return locate(CORPUS_SPEC, env);
}

/** The seed notes, read-only. */
export function seed(env: NodeJS.ProcessEnv = process.env): ExternalFolder {
  return locate(SEED_SPEC, env);
}

export class MissingFolderError extends Error {
  constructor(folder: ExternalFolder) {
    super(`${folder.hint} (required here: absence is an error, not a skip)`);
    this.name = 'MissingFolderError';
  }
}

/**
 * The folder's path when it is there; `undefined` when it is absent and may be skipped;
 * throws {@link MissingFolderError} when it is absent and required.
 */
export function available(folder: ExternalFolder): string | undefined {
  if (folder.present) return folder.dir;
  if (folder.required) throw new MissingFolderError(folder);
  return undefined;
}

/** The words {@link suiteName} appends to the name of a skipped suite. */
export function skipMark(folder: ExternalFolder): string {
  return ` (skipped: no ${folder.name}, see ${folder.envVar})`;
}

/** The name a suite or test shows: when the folder is absent it says why it was skipped. */
export function suiteName(name: string, folder: ExternalFolder): string {
  return folder.present ? name : `${name}${skipMark(folder)}`;
}

/** Vitest `globalSetup` (both vitest configs): a required folder that is absent fails the run before any test. */
export function setup(): void {
  for (const folder of [corpus(), seed()]) available(folder);
}
