/**
 * Reads `config.json` (project settings of the link checker). The JSON is parsed with the
 * YAML parser, which accepts JSON and keeps positions, so every error names file:line:col.
 */
import fs from 'node:fs/promises';
import {isMap, isScalar, isSeq, LineCounter, parseDocument} from 'yaml';
import type {Node, Pair} from 'yaml';
import {shortMessage} from './extract-registry';
import type {ConfigFile} from './options';
import {DEFAULT_CONFIG} from './options';

export class ConfigError extends Error {}

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

export async function loadConfig(file: string, displayName = file): Promise<ConfigFile> {
  return parseConfig(await fs.readFile(file, 'utf8'), displayName);
}

export function parseConfig(text: string, file: string): ConfigFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {lineCounter});
  const at = (node: Node | Pair | null | undefined): string => {
    const offset = node && 'range' in node ? (node.range?.[0] ?? 0) : 0;
    const {line, col} = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  if (document.errors.length > 0) {
    const {line, col} = lineCounter.linePos(document.errors[0].pos[0]);
    throw new ConfigError(`${file}:${line}:${col}：JSON 语法错误：${shortMessage(document.errors[0].message)}`);
  }
  const root = document.contents;
  if (!isMap(root)) throw new ConfigError(`${at(root)}：配置应为一个 JSON 对象，如 {"exclude": []}`);
  const config: ConfigFile = {...DEFAULT_CONFIG, exclude: [...DEFAULT_CONFIG.exclude]};
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    const where = at(isScalar(pair.key) ? pair.key : null);
    if (key === '$comment') continue;
    if (key === 'exclude') config.exclude = readPatterns(value, at);
    else if (key === 'cacheFile') config.cacheFile = readString(value, key, at);
    else if (key === 'allowPrivateAddresses') {
      if (!isScalar(value) || typeof value.value !== 'boolean') throw new ConfigError(`${at(value)}：\`allowPrivateAddresses\` 应为 true 或 false`);
      config.allowPrivateAddresses = value.value;
    }
    else if (key in NUMBER_MINIMUM) config[key as NumberKey] = readNumber(value, key as NumberKey, at);
    else throw new ConfigError(`${where}：未知的配置项 \`${key}\`；可用的有 ${Object.keys(DEFAULT_CONFIG).map((name) => `\`${name}\``).join('、')}`);
  }
  return config;
}

function readPatterns(node: Node | null, at: (node: Node | null) => string): string[] {
  if (!isSeq(node)) throw new ConfigError(`${at(node)}：\`exclude\` 应为正则表达式字符串的数组，如 ["^https://example\\\\.com/"]`);
  return node.items.map((item) => {
    const scalar = item as Node;
    if (!isScalar(scalar) || typeof scalar.value !== 'string') {
      throw new ConfigError(`${at(scalar)}：\`exclude\` 的每一项应为正则表达式字符串，如 "^https://example\\\\.com/"`);
    }
    try {
      new RegExp(scalar.value);
    } catch (error) {
      throw new ConfigError(`${at(scalar)}：\`${scalar.value}\` 不是合法的 JavaScript 正则表达式（${(error as Error).message}）`, {cause: error});
    }
    return scalar.value;
  });
}

function readString(node: Node | null, key: string, at: (node: Node | null) => string): string {
  if (isScalar(node) && typeof node.value === 'string' && node.value !== '') return node.value;
  throw new ConfigError(`${at(node)}：\`${key}\` 应为非空字符串，如 "${DEFAULT_CONFIG.cacheFile}"`);
}

function readNumber(node: Node | null, key: NumberKey, at: (node: Node | null) => string): number {
  const minimum = NUMBER_MINIMUM[key];
  if (isScalar(node) && typeof node.value === 'number' && Number.isFinite(node.value) && node.value >= minimum) return node.value;
  throw new ConfigError(`${at(node)}：\`${key}\` 应为不小于 ${minimum} 的数字，如 ${DEFAULT_CONFIG[key]}`);
}

/** True when `url` matches one of the exclusion patterns. */
export function isExcluded(url: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => pattern.test(url));
}
