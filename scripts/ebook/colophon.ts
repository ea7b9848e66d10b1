/** Where and when this edition was made: the commit, the date, the licence. */
import {execFileSync} from 'node:child_process';
import type {Colophon} from './types';

export const LICENCE = 'CC BY-SA 4.0';
export const LICENCE_URL = 'https://creativecommons.org/licenses/by-sa/4.0/deed.zh-hans';

/** The checked-out commit (CI's GITHUB_SHA first), or `unknown` outside a git checkout. */
export function currentCommit(cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.GITHUB_SHA) return env.GITHUB_SHA;
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], {cwd, stdio: 'pipe'}).toString().trim();
  } catch {
    return 'unknown'; // an exported tarball: the colophon says so rather than failing
  }
}

/** The edition's date: SOURCE_DATE_EPOCH when set (reproducible builds), else now. */
export function makeColophon(siteUrl: string, commit: string, env: NodeJS.ProcessEnv = process.env, now = new Date()): Colophon {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const when = Number.isFinite(epoch) && env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : now;
  const iso = when.toISOString();
  return {commit, date: iso.slice(0, 10), modified: `${iso.slice(0, 19)}Z`, licence: LICENCE, licenceUrl: LICENCE_URL, siteUrl};
}
