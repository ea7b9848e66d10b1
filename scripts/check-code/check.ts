/**
 * Checks every fenced code block of the given chapters: Python, TypeScript, JavaScript,
 * JSON, YAML and shell must parse, and complete TypeScript programs (fence meta
 * `runnable`) must type-check. A block in a checked language can opt out with the meta
 * word `nocheck` (pseudo-code); output belongs in `text` blocks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import {ROOT_DIR} from '../../core/constants';
import {codeBlocks, metaFlag, metaTitle, type CodeBlock} from './blocks';
import {checkBash, checkJson, checkPython, checkScript, checkYaml, languageOf, NOT_CODE, position, type BlockProblem} from './languages';

export interface CodeProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface CheckResult {
  blocks: number;
  checked: number;
  /** Languages seen but not checked (neither a checker nor known as output). */
  unchecked: Map<string, number>;
  problems: CodeProblem[];
}

/** The program name a runnable block is written to: its `title`, or one made from its place. */
export function programName(block: CodeBlock): string {
  const title = metaTitle(block.meta);
  const base = title ? path.basename(title).replace(/\.[^.]+$/, '') : `${path.basename(block.file, '.md')}-${block.line}`;
  return base.replace(/[^\w.-]/g, '_');
}

export function isRunnable(block: CodeBlock): boolean {
  return languageOf(block.lang) === 'typescript' && metaFlag(block.meta, 'runnable');
}

function place(block: CodeBlock, p: BlockProblem): CodeProblem {
  return {file: block.file, line: block.firstLine + p.line - 1, column: p.line === 1 ? p.column + block.column - 1 : p.column, message: p.message};
}

/** Type-checks complete programs as Node ESM modules with @types/node, strict. */
export function typeCheck(blocks: CodeBlock[]): Map<CodeBlock, BlockProblem[]> {
  const out = new Map<CodeBlock, BlockProblem[]>();
  if (blocks.length === 0) return out;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmbook-code-'));
  try {
    const files = new Map<string, CodeBlock>();
    blocks.forEach((block, i) => {
      const file = path.join(dir, `${i}-${programName(block)}.mts`);
      fs.writeFileSync(file, block.value);
      files.set(file, block);
    });
    fs.writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}\n');
    const program = ts.createProgram([...files.keys()], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2023.d.ts'],
      types: ['node'],
      typeRoots: [path.join(ROOT_DIR, 'node_modules/@types')],
    });
    for (const d of ts.getPreEmitDiagnostics(program)) {
      const block = d.file ? files.get(path.resolve(d.file.fileName)) : undefined;
      if (!block || !d.file) continue;
      const where = d.start === undefined ? {line: 1, column: 1} : position(d.file.text, d.start);
      const list = out.get(block) ?? [];
      list.push({...where, message: `TypeScript 类型错误：${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`});
      out.set(block, list);
    }
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
  return out;
}

export function checkBlocks(blocks: CodeBlock[]): CheckResult {
  const problems: CodeProblem[] = [];
  const unchecked = new Map<string, number>();
  const python: CodeBlock[] = [];
  let checked = 0;
  for (const block of blocks) {
    const language = languageOf(block.lang);
    if (!language || metaFlag(block.meta, 'nocheck')) {
      if (!language && !NOT_CODE.has(block.lang)) unchecked.set(block.lang, (unchecked.get(block.lang) ?? 0) + 1);
      continue;
    }
    checked += 1;
    const jsx = block.lang === 'tsx' || block.lang === 'jsx';
    let found: BlockProblem[] = [];
    if (language === 'python') python.push(block);
    else if (language === 'json') found = checkJson(block.value);
    else if (language === 'yaml') found = checkYaml(block.value);
    else if (language === 'bash') found = checkBash(block.value);
    else found = checkScript(block.value, language, jsx);
    problems.push(...found.map((p) => place(block, p)));
  }
  checkPython(python.map((b) => b.value)).forEach((found, i) => problems.push(...found.map((p) => place(python[i], p))));
  const runnable = blocks.filter((b) => isRunnable(b) && !metaFlag(b.meta, 'nocheck'));
  const syntaxBad = new Set(problems.map((p) => `${p.file}:${p.line}`));
  const typed = typeCheck(runnable.filter((b) => !syntaxBad.has(`${b.file}:${b.firstLine}`)));
  for (const [block, found] of typed) problems.push(...found.map((p) => place(block, p)));
  problems.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
  return {blocks: blocks.length, checked, unchecked, problems};
}

/** Markdown files under the given paths (files or folders), sorted. */
export function markdownFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (!name.startsWith('.') && name !== 'node_modules') walk(path.join(p, name));
    } else if (/\.mdx?$/.test(p)) out.push(p);
  };
  paths.forEach(walk);
  return out;
}

export function readBlocks(files: string[], root = process.cwd()): CodeBlock[] {
  return files.flatMap((file) => codeBlocks(path.relative(root, file) || file, fs.readFileSync(file, 'utf8')));
}
