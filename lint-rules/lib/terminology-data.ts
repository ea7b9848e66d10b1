/**
 * The one term-list loader and matcher: the terminology rule, the CLI (which
 * validates the list before linting, exit 2 on errors) and the tests read
 * `data/terminology.yaml` through it. Modelled on `core/registry/load.ts`: every
 * problem is collected with its line and column before anything is thrown.
 *
 * An entry:
 *
 * ```yaml
 * - term: 智能体          # the preferred form
 *   variants: [代理]      # forms that are wrong
 *   allow: [代理服务器]   # phrases in which a variant is fine (optional)
 *   only_when: [大模型]   # report a variant only when one of these is in the same block (optional)
 *   fix: suggest          # `apply` (default): `--fix` replaces; `suggest`: a suggestion only
 *   case: exact           # `exact` (default) or `ignore`
 *   note: 为什么选这个     # shown under the message
 * ```
 */
import path from 'node:path';
import {isSeq, type Node, type YAMLMap} from 'yaml';
import {ROOT_DIR, TERMINOLOGY_FILE} from '../../core/constants';
import {memoized} from '../../core/data-memo';
import {createTrieMatcher} from '../../core/matcher';
import {
  FileProblemsError,
  listValues as list,
  Problems,
  readDataFile,
  readYamlList,
  scalarText,
  type FileProblem,
} from '../../core/yaml-list';

/**
 * `exact`: Latin letters are matched ignoring case, and any spelling of the term
 * other than `term` itself is reported (`github` → `GitHub`).
 * `ignore`: any capitalisation of `term` is accepted; only `variants` are reported.
 */
export const CASE_MODES = ['exact', 'ignore'] as const;
export type CaseMode = (typeof CASE_MODES)[number];

/**
 * `apply`: a variant has one meaning, so `--fix` replaces it. `suggest`: a variant
 * has a second sense (代理 = agent or proxy), so the message only suggests the term.
 */
export const FIX_MODES = ['apply', 'suggest'] as const;
export type FixMode = (typeof FIX_MODES)[number];

export interface TermEntry {
  term: string;
  variants: string[];
  allow: string[];
  /** Words of which one must appear in the same block (paragraph, heading, cell) for a variant to be reported. */
  onlyWhen: string[];
  case: CaseMode;
  fix: FixMode;
  note?: string;
  /** Where the entry starts in the term list (for messages about the list). */
  line: number;
  column: number;
}

export interface TermList {
  /** Absolute path of the file the list was read from. */
  file: string;
  entries: TermEntry[];
}

export type TerminologyProblem = FileProblem;

/** Thrown when the term list cannot be used; `problems` lists every one found. */
export class TerminologyError extends FileProblemsError {
  constructor(problems: TerminologyProblem[], options?: {cause?: unknown}) {
    super('术语表', problems, options);
    this.name = 'TerminologyError';
  }
}

const FIELDS = ['term', 'variants', 'allow', 'only_when', 'fix', 'case', 'note'] as const;

/** Fold ASCII letters only: CJK has no case, and other scripts are not in the list. */
export function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function hasAsciiLetter(text: string): boolean {
  return /[A-Za-z]/.test(text);
}


/** A usable form: non-empty, no surrounding or doubled whitespace, no line breaks. */
function formProblem(key: string, value: string): string | undefined {
  if (value.trim() === '') return `\`${key}\` 不能为空`;
  if (value !== value.trim() || /\s{2}|[\n\r\t]/.test(value)) {
    return `\`${key}\` 的值 \`${value}\` 含有多余的空白；词之间只用一个空格，例如 \`Hugging Face\``;
  }
  return undefined;
}

function stringField(map: YAMLMap, key: string, problems: Problems, example: string): string | undefined {
  const node = map.get(key, true);
  if (node === undefined) return undefined;
  const text = scalarText(node);
  if (text === undefined) {
    problems.add(node as Node, `字段 \`${key}\` 应为文本，例如 \`${key}: ${example}\``);
    return undefined;
  }
  const problem = formProblem(key, text);
  if (problem) {
    problems.add(node as Node, problem);
    return undefined;
  }
  return text;
}

interface Item {
  value: string;
  node: Node;
}

function stringList(map: YAMLMap, key: string, problems: Problems, example: string): Item[] {
  const node = map.get(key, true);
  if (node === undefined) return [];
  if (!isSeq(node)) {
    problems.add(node as Node, `字段 \`${key}\` 应为列表，例如 \`${key}: [${example}]\``);
    return [];
  }
  const items: Item[] = [];
  for (const item of node.items) {
    const text = scalarText(item);
    const problem = text === undefined ? `\`${key}\` 的每一项应为文本，例如 \`${example}\`` : formProblem(key, text);
    if (problem || text === undefined) problems.add(item as Node, problem ?? '');
    else items.push({value: text, node: item as Node});
  }
  return items;
}

interface Draft {
  entry: TermEntry;
  termNode: Node;
  variantNodes: Node[];
}

function readEntry(map: YAMLMap, problems: Problems): Draft | undefined {
  for (const pair of map.items) {
    const key = scalarText(pair.key);
    if (!key || !(FIELDS as readonly string[]).includes(key)) {
      problems.add(pair.key as Node, `未知字段 \`${String(key)}\`；可用字段：${list(FIELDS)}`);
    }
  }
  if (!map.has('term')) problems.add(map, '缺少必填字段 `term`，例如 `term: GitHub`');
  const term = stringField(map, 'term', problems, 'GitHub');
  const note = stringField(map, 'note', problems, '为什么选这个写法');
  const caseText = stringField(map, 'case', problems, 'exact');
  if (caseText !== undefined && !(CASE_MODES as readonly string[]).includes(caseText)) {
    problems.add(map.get('case', true) as Node, `\`case\` 的值 \`${caseText}\` 无效；可选值：${list(CASE_MODES)}`);
  }
  const mode: CaseMode = caseText === 'ignore' ? 'ignore' : 'exact';
  const fixText = stringField(map, 'fix', problems, 'suggest');
  if (fixText !== undefined && !(FIX_MODES as readonly string[]).includes(fixText)) {
    problems.add(map.get('fix', true) as Node, `\`fix\` 的值 \`${fixText}\` 无效；可选值：${list(FIX_MODES)}`);
  }
  const fix: FixMode = fixText === 'suggest' ? 'suggest' : 'apply';
  const variants = stringList(map, 'variants', problems, 'Github');
  const allow = stringList(map, 'allow', problems, '代理服务器');
  const onlyWhen = stringList(map, 'only_when', problems, '大模型');
  if (onlyWhen.length > 0 && variants.length === 0) {
    problems.add(map.get('only_when', true) as Node, `\`only_when\` 只约束 \`variants\`，但条目 \`${term ?? ''}\` 没有变体`);
  }
  if (term === undefined) return undefined;

  const folded = foldAscii(term);
  for (const variant of variants) {
    if (variant.value === term) {
      problems.add(variant.node, `变体 \`${variant.value}\` 与 \`term\` 相同；变体应是错误的写法`);
    } else if (mode === 'ignore' && foldAscii(variant.value) === folded) {
      problems.add(variant.node, `变体 \`${variant.value}\` 只在大小写上与 \`${term}\` 不同，但 \`case: ignore\` 接受任何大小写；删去该变体或改用 \`case: exact\``);
    }
  }
  const checksCase = mode === 'exact' && hasAsciiLetter(term);
  if (variants.length === 0 && !checksCase) {
    problems.add(map, `条目 \`${term}\` 没有 \`variants\`，不会报告任何写法；例如 \`variants: [错误写法]\``);
  }
  const foldedVariants = variants.map((v) => foldAscii(v.value));
  for (const phrase of allow) {
    const inside = foldAscii(phrase.value);
    if (!foldedVariants.some((v) => inside.includes(v))) {
      problems.add(phrase.node, `例外短语 \`${phrase.value}\` 不包含任何变体（${list(variants.map((v) => v.value))}）；\`allow\` 只列出包含变体、但变体在其中是正确用法的短语`);
    }
  }
  const position = problems.position(map);
  return {
    entry: {
      term,
      variants: variants.map((v) => v.value),
      allow: allow.map((a) => a.value),
      onlyWhen: onlyWhen.map((w) => w.value),
      case: mode,
      fix,
      ...(note === undefined ? {} : {note}),
      ...position,
    },
    termNode: map.get('term', true) as Node,
    variantNodes: variants.map((v) => v.node),
  };
}

/** A spelling (folded) may belong to one entry only, or the fix would be ambiguous. */
function checkUniqueness(drafts: Draft[], problems: Problems): void {
  const owners = new Map<string, Draft>();
  for (const draft of drafts) {
    const claims = [draft.entry.term, ...draft.entry.variants].map((value, i) => ({
      value,
      node: i === 0 ? draft.termNode : draft.variantNodes[i - 1],
    }));
    for (const claim of claims) {
      const key = foldAscii(claim.value);
      const owner = owners.get(key);
      if (owner && owner !== draft) {
        problems.add(claim.node, `\`${claim.value}\` 已出现在术语 \`${owner.entry.term}\`（第 ${owner.entry.line} 行）中；每种写法只能属于一个条目`);
      } else if (!owner) {
        owners.set(key, draft);
      }
    }
  }
}

/** Parse and validate term-list text. Throws {@link TerminologyError} listing every problem. */
export function parseTerminology(source: string, file: string): TermList {
  const {problems, items, fatal} = readYamlList(source, file, {label: '术语表', key: 'terms', itemExample: '- term: GitHub'});
  if (fatal) throw new TerminologyError(problems.items);
  const drafts: Draft[] = [];
  for (const item of items) {
    const draft = readEntry(item, problems);
    if (draft) drafts.push(draft);
  }
  checkUniqueness(drafts, problems);
  if (problems.items.length > 0) throw new TerminologyError(problems.sorted());
  return {file, entries: drafts.map((d) => d.entry)};
}

export const DEFAULT_TERMINOLOGY_PATH = path.join(ROOT_DIR, TERMINOLOGY_FILE);

/** Read and validate the term list (default `data/terminology.yaml`). */
export function loadTerminology(file: string = DEFAULT_TERMINOLOGY_PATH): TermList {
  return memoized('terminology', file, () => parseTerminology(readDataFile(file, '术语表', (problems, options) => new TerminologyError(problems, options)), file));
}

// ---------------------------------------------------------------------------
// Matching: the kernel's trie over every term and variant, then the term list's own judgement.

export interface TermMatch {
  /** UTF-16 offsets into the searched text, end exclusive. */
  start: number;
  end: number;
  /** The text as written. */
  found: string;
  entry: TermEntry;
  /**
   * Whether `--fix` may replace it. Not when the entry has a second sense
   * (`fix: suggest`), nor for an all-lower-case spelling of a capitalised name
   * (`docker`, `mysql`), which is as often a command or package as the product.
   */
  certain: boolean;
}

export interface TermMatcher {
  /** Wrong spellings in `text`, leftmost first, the longest at each position. */
  find(text: string): TermMatch[];
}

function allowed(text: string, start: number, end: number, entry: TermEntry): boolean {
  if (entry.allow.length === 0) return false;
  const found = foldAscii(text.slice(start, end));
  for (const phrase of entry.allow) {
    const folded = foldAscii(phrase);
    for (let at = folded.indexOf(found); at !== -1; at = folded.indexOf(found, at + 1)) {
      const from = start - at;
      if (from >= 0 && foldAscii(text.slice(from, from + folded.length)) === folded) return true;
    }
  }
  return false;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

const segmenter = new Intl.Segmenter('zh', {granularity: 'word'});

/** Word boundaries of `text` by `Intl.Segmenter` (offsets where a word starts or ends). */
function wordBoundaries(text: string): Set<number> {
  const boundaries = new Set<number>([0, text.length]);
  for (const {index, segment} of segmenter.segment(text)) {
    boundaries.add(index);
    boundaries.add(index + segment.length);
  }
  return boundaries;
}

/**
 * A Chinese variant must be a whole word: when the segmenter puts the edge of the
 * match inside a longer word (`代理人`, `代理商`), it is part of that word. The
 * segmenter alone is not enough — it splits `提示语句` as `提示|语|句` — so the term
 * list adds what it knows: longer words listed in `allow`, and terms themselves
 * (longest match).
 */
function insideLongerWord(text: string, start: number, end: number, boundaries: () => Set<number>): boolean {
  const cjkStart = CJK.test(text[start] ?? '') && CJK.test(text[start - 1] ?? '');
  const cjkEnd = CJK.test(text[end - 1] ?? '') && CJK.test(text[end] ?? '');
  if (!cjkStart && !cjkEnd) return false;
  const edges = boundaries();
  return (cjkStart && !edges.has(start)) || (cjkEnd && !edges.has(end));
}

/**
 * Words after a lower-case name that make it a command or an identifier rather
 * than the product: `docker 用户组`, `mysql 命令`, `redis 客户端`.
 */
const IDENTIFIER_NOUNS = ['命令', '用户组', '组', '客户端', '进程', '守护进程', '包', '模块', '用户', '账号', '账户', '目录', 'CLI'];

/** Words before a lower-case name that make it a command: `客户端命令 - docker`. */
const COMMAND_BEFORE = /(?:命令|客户端)[\s:：\-–—]*$/;

/**
 * An all-lower-case spelling of a capitalised name followed by a sub-command or
 * flag (`docker run`, `git clone`, `npm install`, `pip -V`) or by a noun that
 * names a program's part (`docker 用户组`) is a command, not a misspelling.
 */
function isCommand(text: string, start: number, end: number): boolean {
  if (COMMAND_BEFORE.test(text.slice(Math.max(0, start - 8), start))) return true;
  const rest = text.slice(end, end + 12);
  if (/^[ \t]+(?:-{1,2}[a-z]|[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*(?![A-Za-z0-9.]))/.test(rest)) return true;
  const after = rest.replace(/^[ \t]+/, '');
  return IDENTIFIER_NOUNS.some((noun) => after.startsWith(noun));
}

/** A one-word name (a command or package name has no space: `common crawl` is just a misspelling). */
function isLowerCaseName(found: string, entry: TermEntry): boolean {
  return !/\s/.test(entry.term) && /[a-z]/.test(found) && found === found.toLowerCase() && entry.term !== entry.term.toLowerCase() && foldAscii(found) === foldAscii(entry.term);
}

/**
 * Builds the matcher: the kernel's trie (`core/matcher.ts`) over every term and variant,
 * case folded, with token boundaries (no match inside a path, an address or an
 * identifier). Terms are in the trie too, so the longest spelling wins: `提示工程` is not
 * read as `提示` + something, `超参数` is not the variant `超参`. A space in a term matches
 * any run of whitespace (a soft line break included).
 */
export function createTermMatcher(list: TermList): TermMatcher {
  const forms: Array<[string, TermEntry]> = [];
  for (const entry of list.entries) for (const form of [entry.term, ...entry.variants]) forms.push([form, entry]);
  const trie = createTrieMatcher(forms, {foldCase: true, boundary: 'token', spaceMatchesWhitespace: true});

  /** A line break inside a multi-word term is layout, not a misspelling. */
  function isWrong(found: string, entry: TermEntry): boolean {
    const written = found.replace(/\s+/g, ' ');
    if (written === entry.term) return false;
    return entry.case === 'exact' || foldAscii(written) !== foldAscii(entry.term);
  }

  return {
    find(text) {
      const matches: TermMatch[] = [];
      let boundaries: Set<number> | undefined;
      const edges = (): Set<number> => (boundaries ??= wordBoundaries(text));
      for (const {start, end, value: entry} of trie.find(text)) {
        const found = text.slice(start, end);
        if (!isWrong(found, entry) || allowed(text, start, end, entry) || insideLongerWord(text, start, end, edges)) continue;
        const lower = isLowerCaseName(found, entry);
        if (!(lower && isCommand(text, start, end))) {
          matches.push({start, end, found, entry, certain: entry.fix === 'apply' && !lower});
        }
      }
      return matches;
    },
  };
}

const matchers = new WeakMap<TermList, TermMatcher>();

/** The matcher for a loaded list, built once per list. */
export function termMatcher(list: TermList): TermMatcher {
  let matcher = matchers.get(list);
  if (!matcher) {
    matcher = createTermMatcher(list);
    matchers.set(list, matcher);
  }
  return matcher;
}
