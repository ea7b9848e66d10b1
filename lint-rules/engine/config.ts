/**
 * Loads the lint config, `.lintrc.yaml` at the repository root: per-rule severity
 * (`off` / `warn` / `error`) and options. Every problem is collected with its
 * `file:line:column` before anything is thrown, like the registry loader.
 *
 * ```yaml
 * rules:
 *   terminology: error
 *   cjk-spacing: [warn, {}]
 * ```
 */
import path from 'node:path';
import {isMap, isScalar, isSeq, type Node} from 'yaml';
import {LINT_CONFIG_FILE, RULE_NAMES, ROOT_DIR, type RuleName} from '../../core/constants';
import {displayPath, FileProblemsError, listValues as list, parseDataFile, readDataFile, type FileProblem} from '../../core/yaml-list';

export const SEVERITIES = ['off', 'warn', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type RuleOptions = Record<string, unknown>;
export type RuleSetting = Severity | [Severity] | [Severity, RuleOptions];

/** The shape `createPreset` takes. Rules not named keep the preset's defaults. */
export interface LintConfig {
  rules: Partial<Record<RuleName, RuleSetting>>;
  /** Only when the file sets them; {@link limitsOf} fills in the defaults. */
  limits?: Partial<LintLimits>;
}

/**
 * What one file may cost. A file over `maxFileBytes` is reported and not read
 * further; a file whose lint takes longer than `fileTimeoutSeconds` is reported
 * and its worker replaced (the budget needs a worker thread: with `--threads 0`
 * only the size limit applies). `0` turns a limit off.
 */
export interface LintLimits {
  maxFileBytes: number;
  fileTimeoutSeconds: number;
}

/** The book's largest chapter is under 300 KB and lints in about a second. */
export const DEFAULT_LIMITS: LintLimits = {maxFileBytes: 2 * 1024 * 1024, fileTimeoutSeconds: 60};
export const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as (keyof LintLimits)[];

export function limitsOf(config: LintConfig): LintLimits {
  return {...DEFAULT_LIMITS, ...config.limits};
}

/** Thrown when the config cannot be used; `problems` lists every one found. */
export class ConfigError extends FileProblemsError {
  constructor(problems: FileProblem[], options?: {cause?: unknown}) {
    super('lint 配置', problems, options);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_CONFIG_PATH = path.join(ROOT_DIR, LINT_CONFIG_FILE);

const EXAMPLE = '`terminology: error` 或 `cjk-spacing: [warn, {}]`';

function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** Parse and validate config text. Throws {@link ConfigError} listing every problem. */
export function parseConfig(source: string, file: string): LintConfig {
  const {doc, problems} = parseDataFile(source, displayPath(file));
  if (problems.items.length > 0) throw new ConfigError(problems.items);
  const add = (node: Node | null | undefined, message: string): void => problems.add(node, message);

  const config: LintConfig = {rules: {}};
  const root = doc.contents;
  if (root === null) return config; // an empty file: every rule keeps its default
  if (!isMap(root)) {
    add(root, `配置的顶层应为映射，例如 \`rules:\n  terminology: error\``);
    throw new ConfigError(problems.items);
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (key !== 'rules' && key !== 'limits') add(pair.key as Node, `未知的顶层字段 \`${key}\`；顶层只有 \`rules\` 和 \`limits\``);
  }
  const limits = readLimits(root.get('limits', true) as Node | undefined, add);
  if (limits) config.limits = limits;
  const rules = root.get('rules', true);
  if (rules !== undefined && !isMap(rules)) {
    add(rules as Node, `\`rules\` 应为映射，每行一条规则，例如 ${EXAMPLE}`);
  }
  if (isMap(rules)) {
    for (const pair of rules.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (!(RULE_NAMES as readonly string[]).includes(name)) {
        add(pair.key as Node, `未知规则 \`${name}\`；可用规则：${list(RULE_NAMES)}`);
        continue;
      }
      const setting = readSetting(pair.value as Node | null, name, add);
      if (setting !== undefined) config.rules[name as RuleName] = setting;
    }
  }
  if (problems.items.length > 0) throw new ConfigError(problems.sorted());
  return config;
}

function readLimits(node: Node | undefined, add: (node: Node | null, message: string) => void): Partial<LintLimits> | undefined {
  if (node === undefined) return undefined;
  const example = `\`limits:\n  maxFileBytes: ${DEFAULT_LIMITS.maxFileBytes}\n  fileTimeoutSeconds: ${DEFAULT_LIMITS.fileTimeoutSeconds}\``;
  if (!isMap(node)) {
    add(node, `\`limits\` 应为映射，例如 ${example}`);
    return undefined;
  }
  const limits: Partial<LintLimits> = {};
  for (const pair of node.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!(LIMIT_NAMES as string[]).includes(name)) {
      add(pair.key as Node, `未知的限制 \`${name}\`；可用：${list(LIMIT_NAMES)}`);
      continue;
    }
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      add(pair.value as Node, `限制 \`${name}\` 应为非负数（0 表示不限），例如 \`${name}: ${DEFAULT_LIMITS[name as keyof LintLimits]}\``);
      continue;
    }
    limits[name as keyof LintLimits] = value;
  }
  return limits;
}

function readSetting(node: Node | null, name: string, add: (node: Node | null, message: string) => void): RuleSetting | undefined {
  const badSeverity = (value: unknown, where: Node | null): void =>
    add(where, `规则 \`${name}\` 的级别 \`${String(value)}\` 无效；可选值：${list(SEVERITIES)}`);
  if (isScalar(node)) {
    if (isSeverity(node.value)) return node.value;
    badSeverity(node.value, node);
    return undefined;
  }
  if (isSeq(node)) {
    const [first, second, ...rest] = node.items as Node[];
    if (first === undefined) {
      add(node, `规则 \`${name}\` 的设置不能是空列表；应写作 \`[级别, {选项}]\`，例如 \`[warn, {}]\``);
      return undefined;
    }
    const severity = isScalar(first) ? first.value : undefined;
    if (!isSeverity(severity)) {
      badSeverity(isScalar(first) ? first.value : first, first);
      return undefined;
    }
    if (rest.length > 0) {
      add(rest[0], `规则 \`${name}\` 的设置最多两项：\`[级别, {选项}]\`，例如 \`[warn, {}]\``);
      return undefined;
    }
    if (second === undefined) return [severity];
    if (!isMap(second)) {
      add(second, `规则 \`${name}\` 的选项应为映射，例如 \`[${severity}, {}]\``);
      return undefined;
    }
    return [severity, second.toJSON() as RuleOptions];
  }
  add(node, `规则 \`${name}\` 的设置无效；应写作级别或 \`[级别, {选项}]\`，例如 ${EXAMPLE}`);
  return undefined;
}

/**
 * Read and validate the config file (default `.lintrc.yaml` at the root). A
 * missing file means "every rule at its default"; an unreadable one is an error.
 */
export function loadConfig(file: string = DEFAULT_CONFIG_PATH): LintConfig {
  let source: string;
  try {
    source = readDataFile(file, 'lint 配置', (problems, options) => new ConfigError(problems, options));
  } catch (error) {
    if (error instanceof ConfigError && (error.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return {rules: {}};
    throw error;
  }
  return parseConfig(source, file);
}
