/**
 * `npm run check:links`: checks the external links of the chapters and of the model
 * registry's sources. Exit code 0 when nothing is dead, 1 when a link is dead, 2 when
 * the input or the config cannot be read.
 *
 *   npm run check:links -- [--json] [--report-md FILE] [--no-cache] [--cache FILE]
 *                          [--max-age DAYS] [--config FILE] [PATH...]
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {DOCS_DIR, MODELS_FILE, ROOT_DIR} from '../../core/constants';
import {ResultCache} from './cache';
import {collectLinks} from './collect';
import {loadConfig} from './config';
import {optionsFromConfig} from './options';
import {formatJson, formatMarkdown, formatText} from './report';
import {checkLinks} from './run';

const DEFAULT_CONFIG_FILE = 'scripts/check-links/config.json';
const DAY_MS = 24 * 60 * 60 * 1000;

const USAGE = `用法：npm run check:links -- [选项] [路径…]

检查 ${DOCS_DIR}/ 中 Markdown 的外部链接和 ${MODELS_FILE} 中的 sources。

  --json             以 JSON 输出结果（stdout）
  --report-md FILE   另把 Markdown 报告写入 FILE（供 Actions 作业摘要和 issue 使用）
  --no-cache         不读也不写结果缓存
  --cache FILE       缓存文件（默认见 ${DEFAULT_CONFIG_FILE} 的 cacheFile）
  --max-age DAYS     缓存中的成功结果多少天后重新检查
  --config FILE      配置文件（默认 ${DEFAULT_CONFIG_FILE}）
  -h, --help         显示本帮助

路径：要检查的 Markdown 文件、目录或 .yaml 注册表文件（默认 ${DOCS_DIR} 和 ${MODELS_FILE}）。
退出码：0 无失效链接；1 有失效链接；2 输入或配置有误。`;

async function main(argv: string[]): Promise<number> {
  const {values, positionals} = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: {type: 'boolean', default: false},
      'report-md': {type: 'string'},
      'no-cache': {type: 'boolean', default: false},
      cache: {type: 'string'},
      'max-age': {type: 'string'},
      config: {type: 'string', default: DEFAULT_CONFIG_FILE},
      help: {type: 'boolean', short: 'h', default: false},
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = await loadConfig(path.resolve(ROOT_DIR, values.config), values.config);
  const maxAgeDays = values['max-age'] === undefined ? config.cacheMaxAgeDays : parseDays(values['max-age']);
  const paths = positionals.length > 0 ? positionals : [DOCS_DIR, MODELS_FILE];
  const links = await collectLinks({
    root: ROOT_DIR,
    markdown: paths.filter((entry) => !/\.ya?ml$/.test(entry)),
    registries: paths.filter((entry) => /\.ya?ml$/.test(entry)),
  });

  const cacheFile = path.resolve(ROOT_DIR, values.cache ?? config.cacheFile);
  const loaded = values['no-cache'] ? undefined : await ResultCache.load(cacheFile, maxAgeDays * DAY_MS);
  if (loaded?.warning) process.stderr.write(`${loaded.warning}\n`);

  const progress = process.stderr.isTTY && !values.json ? showProgress : undefined;
  const results = await checkLinks({
    links,
    options: optionsFromConfig(config),
    exclude: config.exclude.map((pattern) => new RegExp(pattern)),
    cache: loaded?.cache,
    onProgress: progress,
  });
  if (progress) process.stderr.write('\r\x1b[K');
  await loaded?.cache.save(new Date());

  process.stdout.write(values.json ? formatJson(results) : formatText(results));
  if (values['report-md'] !== undefined) await fs.writeFile(values['report-md'], formatMarkdown(results));
  return results.some((result) => result.status === 'dead') ? 1 : 0;
}

function showProgress(done: number, total: number): void {
  process.stderr.write(`\r检查外部链接 ${done}/${total}`);
}

function parseDays(value: string): number {
  const days = Number(value);
  if (value.trim() === '' || !Number.isFinite(days) || days < 0) {
    throw new UsageError(`--max-age 应为不小于 0 的天数，如 --max-age 28，收到 \`${value}\``);
  }
  return days;
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`check:links：${message}\n`);
    if (!(error instanceof UsageError) && error instanceof Error && error.cause !== undefined) {
      process.stderr.write(`  原因：${String(error.cause)}\n`);
    }
    process.exitCode = 2;
  },
);
