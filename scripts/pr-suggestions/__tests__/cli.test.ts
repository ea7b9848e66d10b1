import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {run, type Io} from '../cli';
import {GithubClient} from '../github';
import {parseLintReport, parsePullRequestInfo} from '../report';

const SHA = 'a'.repeat(40);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

const fixMessage = {
  ruleId: 'terminology', source: 'llmbook', severity: 'error', message: '术语不一致：`Github` 应写作 `GitHub`',
  line: 2, column: 3, endLine: 2, endColumn: 9, startOffset: 4, endOffset: 10, actual: 'Github', expected: ['GitHub'], url: 'https://x',
};

function artifact(lint: unknown, pr: unknown = {number: 7, head_sha: SHA}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-suggestions-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'lint.json'), JSON.stringify(lint));
  fs.writeFileSync(path.join(dir, 'pr.json'), JSON.stringify(pr));
  return dir;
}

/** A stand-in for the REST API: records requests, answers from `routes`. */
function fakeGithub(routes: Record<string, unknown>): {client: GithubClient; calls: Array<{method: string; url: string; body?: unknown}>} {
  const calls: Array<{method: string; url: string; body?: unknown}> = [];
  const fetchStub = (async (url: string, init: RequestInit) => {
    const route = url.replace('https://api.github.com/repos/o/r', '').replace(/[?&]per_page=100&page=\d+$/, '');
    calls.push({method: init.method ?? 'GET', url: route, body: init.body ? JSON.parse(String(init.body)) : undefined});
    const key = `${init.method} ${route}`;
    if (!(key in routes)) return new Response('not found', {status: 404});
    return new Response(JSON.stringify(routes[key]), {status: 200});
  }) as unknown as typeof fetch;
  return {client: new GithubClient({token: 't', repository: 'o/r', fetch: fetchStub}), calls};
}

const io = (): Io & {logs: string[]; summaries: string[]} => {
  const logs: string[] = [];
  const summaries: string[] = [];
  return {logs, summaries, log: (line) => logs.push(line), summary: (md) => summaries.push(md)};
};

const PATCH = '@@ -1,1 +1,2 @@\n # 标题\n+在 Github 上\n';

describe('run', () => {
  it('posts one review with a suggestion for the fix on the added line', async () => {
    const dir = artifact({version: 1, files: [{path: 'docs/a.md', fixed: false, messages: [fixMessage]}], counts: {}});
    const {client, calls} = fakeGithub({
      'GET /pulls/7': {number: 7, state: 'open', head: {sha: SHA}},
      'GET /pulls/7/files': [{filename: 'docs/a.md', status: 'modified', patch: PATCH}],
      'GET /pulls/7/comments': [],
      'POST /pulls/7/reviews': {id: 1},
    });
    const out = io();
    expect(await run({report: dir, max: 10, dryRun: false}, {HEAD_SHA: SHA}, out, client)).toBe(0);
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.body).toMatchObject({commit_id: SHA, event: 'COMMENT', comments: [{path: 'docs/a.md', line: 2, side: 'RIGHT'}]});
    expect((post?.body as {comments: Array<{body: string}>}).comments[0].body).toContain('```suggestion\n在 GitHub 上\n```');
    expect(out.summaries[0]).toContain('发表 1 条建议');
  });

  it('posts nothing when the pull request moved on since CI ran, or when everything was posted before', async () => {
    const dir = artifact({version: 1, files: [{path: 'docs/a.md', fixed: false, messages: [fixMessage]}]});
    const moved = fakeGithub({'GET /pulls/7': {number: 7, state: 'open', head: {sha: 'b'.repeat(40)}}});
    expect(await run({report: dir, max: 10, dryRun: false}, {HEAD_SHA: SHA}, io(), moved.client)).toBe(0);
    expect(moved.calls.map((c) => c.url)).toEqual(['/pulls/7']);

    const first = fakeGithub({
      'GET /pulls/7': {number: 7, state: 'open', head: {sha: SHA}},
      'GET /pulls/7/files': [{filename: 'docs/a.md', patch: PATCH}],
      'GET /pulls/7/comments': [],
      'POST /pulls/7/reviews': {id: 1},
    });
    await run({report: dir, max: 10, dryRun: false}, {HEAD_SHA: SHA}, io(), first.client);
    const posted = (first.calls.find((c) => c.method === 'POST')?.body as {comments: Array<{body: string}>}).comments;
    const again = fakeGithub({
      'GET /pulls/7': {number: 7, state: 'open', head: {sha: SHA}},
      'GET /pulls/7/files': [{filename: 'docs/a.md', patch: PATCH}],
      'GET /pulls/7/comments': posted,
    });
    expect(await run({report: dir, max: 10, dryRun: false}, {HEAD_SHA: SHA}, io(), again.client)).toBe(0);
    expect(again.calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('refuses a report made for another commit than the one the run is about', async () => {
    const dir = artifact({version: 1, files: []});
    await expect(run({report: dir, max: 10, dryRun: false}, {HEAD_SHA: 'c'.repeat(40)}, io(), fakeGithub({}).client)).rejects.toThrow(/head_sha/);
  });
});

describe('the artifact is untrusted', () => {
  it('rejects paths that leave the repository, wrong versions and wrong field types, naming the field', () => {
    expect(() => parseLintReport(JSON.stringify({version: 2, files: []}))).toThrow('lint.json: version 应为 1');
    expect(() => parseLintReport(JSON.stringify({version: 1, files: [{path: '../etc/passwd', messages: []}]}))).toThrow(
      'lint.json: files[0].path 应为仓库内的相对路径',
    );
    expect(() => parseLintReport(JSON.stringify({version: 1, files: [{path: 'a.md', messages: [{...fixMessage, expected: 'GitHub'}]}]}))).toThrow(
      'lint.json: files[0].messages[0].expected 应为字符串数组',
    );
    expect(() => parseLintReport('{')).toThrow(/lint.json: 不是有效的 JSON/);
    expect(() => parsePullRequestInfo(JSON.stringify({number: '7; rm -rf', head_sha: SHA}))).toThrow('pr.json: number 应为正整数');
    expect(() => parsePullRequestInfo(JSON.stringify({number: 7, head_sha: 'main'}))).toThrow('pr.json: head_sha 应为 40 位十六进制提交 SHA');
  });

  it('checks the fields it reads and leaves the others to the lint’s own fixer', () => {
    const [file] = parseLintReport(JSON.stringify({version: 1, files: [{path: 'a.md', messages: [{...fixMessage, suggestions: ['x']}]}]}));
    expect(file.messages[0]).toEqual({...fixMessage, suggestions: ['x']});
    expect(() => parseLintReport(JSON.stringify({version: 1, files: [{path: 'a.md', messages: [{...fixMessage, line: -1}]}]}))).toThrow(
      'lint.json: files[0].messages[0].line 应为非负整数或 null',
    );
  });
});
