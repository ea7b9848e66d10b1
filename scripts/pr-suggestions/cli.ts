/**
 * Posts the lint's fixes as suggested changes on a pull request. Run by
 * `.github/workflows/suggest.yml` after CI, from the default branch's code, with the
 * artifact CI uploaded:
 *
 *   tsx scripts/pr-suggestions/cli.ts --report DIR [--max N] [--dry-run]
 *
 * DIR holds `lint.json` (`npm run lint -- --format json`) and `pr.json`
 * (`{"number": …, "head_sha": …}`). Environment: GITHUB_TOKEN (pull-requests: write),
 * GITHUB_REPOSITORY, HEAD_SHA (the commit CI ran on, from the workflow_run event),
 * GITHUB_API_URL and GITHUB_STEP_SUMMARY as Actions sets them.
 *
 * The report is believed only where the pull request confirms it: its head must be
 * HEAD_SHA (else a newer push has its own run and nothing is posted), and a fix is
 * suggested only on lines the pull request added that still read what the fix
 * replaces. `--dry-run` prints the review instead of posting it.
 * Exit codes: 0 done (also when there is nothing to post); 2 bad input.
 */
import fs from 'node:fs';
import path from 'node:path';
import {DEFAULT_MAX_COMMENTS, postedKeys, reviewComment, selectSuggestions} from './comments';
import {GithubClient} from './github';
import {planSuggestions} from './plan';
import {parseLintReport, parsePullRequestInfo, ReportError} from './report';
import {formatSummary} from './summary';

export interface SuggestOptions {
  report: string;
  max: number;
  dryRun: boolean;
}

export function parseArgs(argv: readonly string[]): SuggestOptions {
  const options: SuggestOptions = {report: 'lint-report', max: DEFAULT_MAX_COMMENTS, dryRun: false};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--report' && argv[i + 1] !== undefined) options.report = argv[++i];
    else if (arg === '--max' && /^\d+$/.test(argv[i + 1] ?? '')) options.max = Number(argv[++i]);
    else throw new ReportError(`未知参数或缺少值：${arg}；用法：--report 目录 [--max N] [--dry-run]`);
  }
  return options;
}

export interface Io {
  log(line: string): void;
  summary(markdown: string): void;
}

export async function run(options: SuggestOptions, env: NodeJS.ProcessEnv, io: Io, client?: GithubClient): Promise<number> {
  const read = (name: string): string => {
    const file = path.join(options.report, name);
    if (!fs.existsSync(file)) throw new ReportError(`${file}：文件不存在（CI 应上传 lint.json 和 pr.json）`);
    return fs.readFileSync(file, 'utf8');
  };
  const pr = parsePullRequestInfo(read('pr.json'), path.join(options.report, 'pr.json'));
  const report = parseLintReport(read('lint.json'), path.join(options.report, 'lint.json'));
  const headSha = env.HEAD_SHA ?? '';
  if (headSha !== pr.headSha) throw new ReportError(`pr.json 的 head_sha ${pr.headSha} 与触发运行的提交 ${JSON.stringify(headSha)} 不同`);
  const github =
    client ?? new GithubClient({token: env.GITHUB_TOKEN ?? '', repository: env.GITHUB_REPOSITORY ?? '', apiUrl: env.GITHUB_API_URL});
  const pull = await github.pull(pr.number);
  if (pull.state !== 'open' || pull.head.sha !== pr.headSha) {
    io.log(`#${pr.number} 已关闭或已有更新的提交（${pull.head.sha}），本次不发表建议。`);
    return 0;
  }
  const plan = planSuggestions(report, await github.files(pr.number));
  const selection = selectSuggestions(plan.suggestions, postedKeys(await github.reviewComments(pr.number)), options.max);
  io.summary(formatSummary(selection, plan.skipped, {max: options.max, pull: pr.number}));
  if (selection.post.length === 0) {
    io.log('没有新的修复建议。');
    return 0;
  }
  const comments = selection.post.map(reviewComment);
  const body = `内容检查发现 ${selection.post.length + selection.overflow.length} 处可以一键采纳的修复，这里给出 ${selection.post.length} 处。`;
  if (options.dryRun) {
    io.log(JSON.stringify({commit_id: pr.headSha, event: 'COMMENT', body, comments}, null, 2));
    return 0;
  }
  await github.createReview(pr.number, pr.headSha, body, comments);
  io.log(`已在 #${pr.number} 发表 ${comments.length} 条修复建议。`);
  return 0;
}

async function main(): Promise<number> {
  try {
    const io: Io = {
      log: (line) => console.log(line),
      summary: (markdown) => {
        if (process.env.GITHUB_STEP_SUMMARY) fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${markdown}\n`);
        else console.log(markdown);
      },
    };
    return await run(parseArgs(process.argv.slice(2)), process.env, io);
  } catch (error) {
    if (error instanceof ReportError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) void main().then((code) => (process.exitCode = code));
