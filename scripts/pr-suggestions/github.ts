/**
 * The few GitHub REST calls the job makes, with Node's `fetch`: the pull request,
 * its files (with their diffs), its review comments, and one review holding the
 * new suggestions. Pages are followed until a short page.
 */
import type {PullFile} from './plan';
import type {ReviewComment} from './comments';

export interface GithubClientOptions {
  token: string;
  /** `owner/name`. */
  repository: string;
  /** `https://api.github.com` unless GitHub Enterprise (GITHUB_API_URL). */
  apiUrl?: string;
  fetch?: typeof fetch;
}

export interface PullRequest {
  number: number;
  state: string;
  head: {sha: string};
}

export class GithubClient {
  private readonly base: string;
  private readonly doFetch: typeof fetch;

  constructor(private readonly options: GithubClientOptions) {
    if (!/^[\w.-]+\/[\w.-]+$/.test(options.repository)) throw new Error(`仓库名应为 owner/name，收到 ${JSON.stringify(options.repository)}`);
    this.base = `${(options.apiUrl ?? 'https://api.github.com').replace(/\/$/, '')}/repos/${options.repository}`;
    this.doFetch = options.fetch ?? fetch;
  }

  private async request<T>(method: string, route: string, body?: unknown): Promise<T> {
    const response = await this.doFetch(`${this.base}${route}`, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${this.options.token}`,
        'x-github-api-version': '2022-11-28',
        ...(body === undefined ? {} : {'content-type': 'application/json'}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`GitHub API ${method} ${route}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  private async all<T>(route: string): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; page <= 30; page++) {
      const batch = await this.request<T[]>('GET', `${route}${route.includes('?') ? '&' : '?'}per_page=100&page=${page}`);
      items.push(...batch);
      if (batch.length < 100) break;
    }
    return items;
  }

  pull(number: number): Promise<PullRequest> {
    return this.request('GET', `/pulls/${number}`);
  }

  files(number: number): Promise<PullFile[]> {
    return this.all(`/pulls/${number}/files`);
  }

  reviewComments(number: number): Promise<Array<{body?: string | null}>> {
    return this.all(`/pulls/${number}/comments`);
  }

  createReview(number: number, commitId: string, body: string, comments: ReviewComment[]): Promise<{id: number}> {
    return this.request('POST', `/pulls/${number}/reviews`, {commit_id: commitId, event: 'COMMENT', body, comments});
  }
}
