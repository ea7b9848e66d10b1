/**
 * The commenting workflow runs with a token that can write to pull requests, so what
 * it may do is pinned down here: when it runs, which permissions it holds, that it
 * never checks out or runs the pull request's code, and that it reads only the report
 * CI uploaded. (Pinning, actionlint and the general rules: check-links/__tests__/workflows.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {parse} from 'yaml';

const ROOT = path.resolve(__dirname, '../../..');
const text = fs.readFileSync(path.join(ROOT, '.github/workflows/suggest.yml'), 'utf8');

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  if?: string;
}
interface Job {
  if?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}
const workflow = parse(text) as {on: Record<string, {workflows: string[]; types: string[]}>; permissions: unknown; jobs: Record<string, Job>};
const jobs = Object.values(workflow.jobs);
const steps = jobs.flatMap((job) => job.steps);
const action = (step: Step): string => (step.uses ?? '').split('@')[0];

describe('suggest.yml', () => {
  it('runs only after CI completes, and only for pull-request runs that were not cancelled', () => {
    expect(Object.keys(workflow.on)).toEqual(['workflow_run']);
    expect(workflow.on.workflow_run).toEqual({workflows: ['CI'], types: ['completed']});
    expect(jobs).toHaveLength(1);
    expect(jobs[0].if).toContain("github.event.workflow_run.event == 'pull_request'");
    expect(jobs[0].if).toContain("github.event.workflow_run.conclusion != 'cancelled'");
  });

  it('holds only the permissions it needs: read the code and the artifact, write pull-request comments', () => {
    expect(workflow.permissions).toEqual({contents: 'read'});
    expect(jobs[0].permissions).toEqual({contents: 'read', actions: 'read', 'pull-requests': 'write'});
  });

  it('checks out the default branch only: no ref, no other repository, no stored credentials', () => {
    const checkouts = steps.filter((step) => action(step) === 'actions/checkout');
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0].with).toEqual({'persist-credentials': false});
    // Nothing names the pull request's commit, branch or fork except as data for the script.
    const outsideEnv = steps.map(({env: _env, ...rest}) => JSON.stringify(rest)).join('\n');
    expect(outsideEnv).not.toMatch(/head_sha|head_branch|head_repository|pull_requests/);
  });

  it('runs no install scripts and nothing but our own suggestion script', () => {
    const runs = steps.flatMap((step) => (step.run ? [step.run.trim()] : []));
    expect(runs).toEqual(['npm ci --ignore-scripts', 'npx tsx scripts/pr-suggestions/cli.ts --report lint-report --max 10']);
  });

  it('reads only the `lint-report` artifact of the CI run that triggered it', () => {
    const downloads = steps.filter((step) => action(step) === 'actions/download-artifact');
    expect(downloads.map((step) => step.with)).toEqual([
      {name: 'lint-report', path: 'lint-report', 'run-id': '${{ github.event.workflow_run.id }}', 'github-token': '${{ github.token }}'},
    ]);
    const actions = steps.flatMap((step) => (step.uses ? [action(step)] : []));
    expect(actions).toEqual(['actions/checkout', 'actions/setup-node', 'actions/download-artifact']);
  });

  it('gives the token and the commit only to the script, as environment variables', () => {
    const withToken = steps.filter((step) => JSON.stringify(step).includes('github.token'));
    expect(withToken.map((step) => step.id ?? step.run)).toEqual(['download', 'npx tsx scripts/pr-suggestions/cli.ts --report lint-report --max 10']);
    expect(steps[steps.length - 1].env).toEqual({GITHUB_TOKEN: '${{ github.token }}', HEAD_SHA: '${{ github.event.workflow_run.head_sha }}'});
  });
});
