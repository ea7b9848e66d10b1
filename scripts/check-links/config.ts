/**
 * Reads `config.json` (project settings of the link checker) through the kernel's data-file
 * reader: the JSON is parsed with the YAML parser, which accepts JSON and keeps positions, so
 * every error names file:line:col. Reading stops at the first problem.
 */
import {isMap, isScalar, isSeq} from 'yaml';
import type {Node, Pair} from 'yaml';
import {parseDataFile, readDataFile, type FileProblem} from '../../core/yaml-list';
import type {ConfigFile} from './options';
import {DEFAULT_CONFIG} from './options';

/** The config's first problem, shown as `file:line:col：message`. */
export class ConfigError extends Error {
  readonly problem: FileProblem;

  constructor(problem: FileProblem, options?: {cause?: unknown}) {
    super(`${problem.file}:${problem.line}:${problem.column}：${problem.message}`, options);
    this.name = 'ConfigError';
    this.problem = problem;
  }
}

type NumberKey = {[K in keyof ConfigFile]: ConfigFile[K] extends number ? K : never}[keyof ConfigFile];

/** Smallest value of each number setting (`retries` may be 0, a limit may not). */
const NUMBER_MINIMUM: Record<NumberKey, number> = {
  cacheMaxAgeDays: 0,
  timeoutMs: 1,
  retries: 0,
  backoffMs: 0,
  maxRetryAfterMs: 0,
  maxRedirects: 0,
  concurrency: 1,
  perHostConcurrency: 1,
};

/** `displayName` is how messages name the file (the `--config` value as given). */
export async function loadConfig(file: string, displayName = file): Promise<ConfigFile> {
  const text = readDataFile(file, '链接检查配置', ([problem], options) => new ConfigError({...problem, file: displayName}, options));
  return parseConfig(text, displayName);
}

/** The error for the problem at `node` (the file's start when it has none). */
type Fail = (node: Node | Pair | null | undefined, message: string, options?: {cause?: unknown}) => ConfigError;

export function parseConfig(text: string, file: string): ConfigFile {
  const {doc, problems} = parseDataFile(text, file, 'JSON');
  if (problems.items.length > 0) throw new ConfigError(problems.items[0]);
  const fail: Fail = (node, message, options) => new ConfigError(problems.at(node && 'range' in node ? node : null, message), options);
  const root = doc.contents;
  if (!isMap(root)) throw fail(root, '配置应为一个 JSON 对象，如 {"exclude": []}');
  const config: ConfigFile = {...DEFAULT_CONFIG, exclude: [...DEFAULT_CONFIG.exclude]};
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (key === '$comment') continue;
    if (key === 'exclude') config.exclude = readPatterns(value, fail);
    else if (key === 'cacheFile') config.cacheFile = readString(value, key, fail);
    else if (key === 'allowPrivateAddresses') {
      if (!isScalar(value) || typeof value.value !== 'boolean') throw fail(value, '`allowPrivateAddresses` 应为 true 或 false');
      config.allowPrivateAddresses = value.value;
    }
    else if (key in NUMBER_MINIMUM) config[key as NumberKey] = readNumber(value, key as NumberKey, fail);
    else throw fail(isScalar(pair.key) ? pair.key : null, `未知的配置项 \`${key}\`；可用的有 ${Object.keys(DEFAULT_CONFIG).map((name) => `\`${name}\``).join('、')}`);
  }
  return config;
}

function readPatterns(node: Node | null, fail: Fail): string[] {
  if (!isSeq(node)) throw fail(node, '`exclude` 应为正则表达式字符串的数组，如 ["^https://example\\\\.com/"]');
  return node.items.map((item) => {
    const scalar = item as Node;
    if (!isScalar(scalar) || typeof scalar.value !== 'string') {
      throw fail(scalar, '`exclude` 的每一项应为正则表达式字符串，如 "^https://example\\\\.com/"');
    }
    try {
      new RegExp(scalar.value);
    } catch (error) {
      throw fail(scalar, `\`${scalar.value}\` 不是合法的 JavaScript 正则表达式（${(error as Error).message}）`, {cause: error});
    }
    return scalar.value;
  });
}

function readString(node: Node | null, key: string, fail: Fail): string {
  if (isScalar(node) && typeof node.value === 'string' && node.value !== '') return node.value;
  throw fail(node, `\`${key}\` 应为非空字符串，如 "${DEFAULT_CONFIG.cacheFile}"`);
}

function readNumber(node: Node | null, key: NumberKey, fail: Fail): number {
  const minimum = NUMBER_MINIMUM[key];
  if (isScalar(node) && typeof node.value === 'number' && Number.isFinite(node.value) && node.value >= minimum) return node.value;
  throw fail(node, `\`${key}\` 应为不小于 ${minimum} 的数字，如 ${DEFAULT_CONFIG[key]}`);
}

/** True when `url` matches one of the exclusion patterns. */
export function isExcluded(url: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => pattern.test(url));
}
