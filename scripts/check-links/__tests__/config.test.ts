import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ConfigError, isExcluded, loadConfig, parseConfig} from '../config';
import {DEFAULT_CONFIG} from '../options';

const FIXTURES = path.join(__dirname, '../__fixtures__');

describe('loadConfig', () => {
  it('reads the project config with its exclusions', async () => {
    const config = await loadConfig(path.join(__dirname, '../config.json'));
    expect(config.cacheFile).toBe('.link-check-cache.json');
    const patterns = config.exclude.map((pattern) => new RegExp(pattern));
    expect(isExcluded('http://localhost:3000/llm-books/', patterns)).toBe(true);
    expect(isExcluded('https://api.example.com/v1', patterns)).toBe(true);
    expect(isExcluded('https://github.com/morsoli/llm-books', patterns)).toBe(false);
  });

  it('fills missing settings from the defaults', () => {
    expect(parseConfig('{"exclude": ["^https://a\\\\.org/"]}', 'c.json')).toEqual({
      ...DEFAULT_CONFIG,
      exclude: ['^https://a\\.org/'],
    });
  });

  it('names the position of a pattern that is not a regular expression', async () => {
    const load = loadConfig(path.join(FIXTURES, 'config-bad-regex.json'), 'config-bad-regex.json');
    await expect(load).rejects.toThrow(ConfigError);
    await expect(load).rejects.toThrow(
      'config-bad-regex.json:4:5：`^https://(unclosed` 不是合法的 JavaScript 正则表达式（Invalid regular expression: /^https://(unclosed/: Unterminated group）',
    );
  });

  it('names an unknown key and lists the valid ones', async () => {
    await expect(loadConfig(path.join(FIXTURES, 'config-unknown-key.json'), 'c.json')).rejects.toThrow(
      'c.json:3:3：未知的配置项 `timeout`；可用的有 `exclude`、`cacheFile`、`cacheMaxAgeDays`、`timeoutMs`、`retries`、`backoffMs`、`maxRetryAfterMs`、`maxRedirects`、`concurrency`、`perHostConcurrency`',
    );
  });

  it('refuses a limit below its minimum and shows a valid value', async () => {
    await expect(loadConfig(path.join(FIXTURES, 'config-bad-number.json'), 'c.json')).rejects.toThrow(
      'c.json:2:25：`perHostConcurrency` 应为不小于 1 的数字，如 2',
    );
  });

  it('reports a JSON syntax error with its position', () => {
    expect(() => parseConfig('{"exclude": [}', 'c.json')).toThrow(/^c\.json:1:14：JSON 语法错误：/);
  });
});
