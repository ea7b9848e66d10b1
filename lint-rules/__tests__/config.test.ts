import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import {parse} from 'yaml';
import {describe, expect, it} from 'vitest';
import {ROOT_DIR} from '../../core/constants';
import {ConfigError, DEFAULT_LIMITS, limitsOf, loadConfig, parseConfig} from '../engine/config';

const FIXTURES = path.join(__dirname, '__fixtures__/cli/config');
const fixture = (name: string): string => path.join(FIXTURES, name);
const shown = (name: string): string => path.relative(process.cwd(), fixture(name));

function problemsOf(file: string): string[] {
  try {
    loadConfig(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
  }
  throw new Error(`expected ${file} to be rejected`);
}

describe('loadConfig', () => {
  it('reads severities and [severity, options] pairs', () => {
    expect(loadConfig(fixture('good.yaml'))).toEqual({
      rules: {
        terminology: 'error',
        'model-names': 'warn',
        'cjk-spacing': ['error', {}],
        'reference-links': ['warn', {headings: ['参考链接']}],
        'internal-links': ['off'],
      },
    });
  });

  it('reports every problem at once with file:line:column', () => {
    const f = shown('bad.yaml');
    expect(problemsOf(fixture('bad.yaml'))).toEqual([
      `${f}:2:16: 规则 \`terminology\` 的级别 \`fatal\` 无效；可选值：\`off\`、\`warn\`、\`error\``,
      `${f}:3:3: 未知规则 \`model-name\`；可用规则：\`terminology\`、\`model-names\`、\`unknown-models\`、\`reference-links\`、\`internal-links\`、\`cjk-spacing\`、\`retired-models\``,
      `${f}:4:24: 规则 \`cjk-spacing\` 的选项应为映射，例如 \`[error, {}]\``,
      `${f}:5:21: 规则 \`reference-links\` 的级别 \`loud\` 无效；可选值：\`off\`、\`warn\`、\`error\``,
      `${f}:6:30: 规则 \`internal-links\` 的设置最多两项：\`[级别, {选项}]\`，例如 \`[warn, {}]\``,
      `${f}:7:1: 未知的顶层字段 \`extends\`；顶层只有 \`rules\` 和 \`limits\``,
    ]);
  });

  it('reports YAML syntax errors with their position', () => {
    expect(problemsOf(fixture('syntax.yaml'))[0]).toBe(
      `${shown('syntax.yaml')}:2:16: YAML 语法错误：Nested mappings are not allowed in compact mappings`,
    );
  });

  it('treats a missing file as "all rules at their defaults" and an empty one too', () => {
    expect(loadConfig(fixture('does-not-exist.yaml'))).toEqual({rules: {}});
    expect(parseConfig('# nothing\n', 'x.yaml')).toEqual({rules: {}});
  });

  it('accepts the repository config', () => {
    expect(loadConfig().rules.terminology).toBe('error');
  });
});

describe('lintrc.schema.json', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../lintrc.schema.json'), 'utf8')) as object;
  const validate = new Ajv({strictTuples: false}).compile(schema);
  const read = (file: string): unknown => parse(fs.readFileSync(file, 'utf8'));

  it('accepts the repository config and the good fixture', () => {
    expect(validate(read(path.join(ROOT_DIR, '.lintrc.yaml')))).toBe(true);
    expect(validate(read(fixture('good.yaml')))).toBe(true);
  });

  it('rejects the bad fixture, as the loader does', () => {
    expect(validate(read(fixture('bad.yaml')))).toBe(false);
  });

  it('accepts limits and rejects what the loader rejects', () => {
    expect(validate(parse('limits:\n  maxFileBytes: 100\n  fileTimeoutSeconds: 0\n'))).toBe(true);
    expect(validate(parse('limits:\n  maxFileBytes: -1\n'))).toBe(false);
    expect(validate(parse('limits:\n  maxBytes: 1\n'))).toBe(false);
  });
});

describe('limits', () => {
  it('are read when set and default otherwise', () => {
    const config = parseConfig('limits:\n  maxFileBytes: 100\n', 'l.yaml');
    expect(config.limits).toEqual({maxFileBytes: 100});
    expect(limitsOf(config)).toEqual({maxFileBytes: 100, fileTimeoutSeconds: 60});
    expect(limitsOf(parseConfig('', 'l.yaml'))).toEqual(DEFAULT_LIMITS);
  });

  it('report a wrong name or value at its line and column', () => {
    expect(() => parseConfig('limits:\n  maxFileBytes: lots\n  timeout: 1\n', 'l.yaml')).toThrow(
      [
        'lint 配置有 2 处错误：',
        'l.yaml:2:17: 限制 `maxFileBytes` 应为非负数（0 表示不限），例如 `maxFileBytes: 2097152`',
        'l.yaml:3:3: 未知的限制 `timeout`；可用：`maxFileBytes`、`fileTimeoutSeconds`',
      ].join('\n'),
    );
  });
});
