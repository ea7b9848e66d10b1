/**
 * Syntax checks for the languages a chapter's code blocks are written in. Each checker
 * takes blocks of its language and returns problems with a line and column inside the
 * block (1-based); `check.ts` places them in the chapter. Python and shell go through
 * the real interpreters (`python3`'s `ast`, `bash -n`) in one process per run.
 */
import {spawnSync} from 'node:child_process';
import ts from 'typescript';
import YAML from 'yaml';

export interface BlockProblem {
  line: number;
  column: number;
  message: string;
}

export type Language = 'python' | 'typescript' | 'javascript' | 'json' | 'yaml' | 'bash';

/** Info-string languages we check, by their usual spellings. */
const ALIASES: Record<string, Language> = {
  python: 'python', py: 'python', python3: 'python',
  ts: 'typescript', typescript: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescript',
  js: 'javascript', javascript: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript',
  json: 'json',
  yaml: 'yaml', yml: 'yaml',
  bash: 'bash', sh: 'bash', shell: 'bash', zsh: 'bash',
};

/** Languages that are output, prose or diagrams by definition: never checked. */
export const NOT_CODE = new Set(['', 'text', 'txt', 'plaintext', 'output', 'console', 'shell-session', 'mermaid', 'math', 'latex', 'tex', 'diff', 'markdown', 'md', 'mdx']);

export function languageOf(lang: string): Language | undefined {
  return ALIASES[lang];
}

/** Line and column (1-based) of a 0-based offset in `text`. */
export function position(text: string, offset: number): {line: number; column: number} {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return {line: lines.length, column: lines[lines.length - 1].length + 1};
}

export function checkJson(code: string): BlockProblem[] {
  try {
    JSON.parse(code);
    return [];
  } catch (error) {
    const message = (error as Error).message;
    const lineCol = /line (\d+) column (\d+)/.exec(message);
    const at = /position (\d+)/.exec(message);
    const where = lineCol ? {line: Number(lineCol[1]), column: Number(lineCol[2])} : at ? position(code, Number(at[1])) : {line: 1, column: 1};
    return [{...where, message: `JSON 无法解析：${message.replace(/\s*\(line \d+ column \d+\)/, '')}`}];
  }
}

export function checkYaml(code: string): BlockProblem[] {
  return YAML.parseAllDocuments(code).flatMap((doc) =>
    doc.errors.map((error) => ({
      line: error.linePos?.[0].line ?? 1,
      column: error.linePos?.[0].col ?? 1,
      message: `YAML 无法解析：${error.message.split('\n')[0]}`,
    })),
  );
}

/** Syntax errors as TypeScript's parser reports them (JavaScript is parsed as JavaScript). */
export function checkScript(code: string, language: 'typescript' | 'javascript', jsx: boolean): BlockProblem[] {
  const fileName = `block.${language === 'typescript' ? (jsx ? 'tsx' : 'mts') : jsx ? 'jsx' : 'mjs'}`;
  const {diagnostics = []} = ts.transpileModule(code, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: {target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, jsx: ts.JsxEmit.Preserve},
  });
  return diagnostics.map((d) => ({
    ...(d.start === undefined ? {line: 1, column: 1} : position(code, d.start)),
    message: `${language === 'typescript' ? 'TypeScript' : 'JavaScript'} 语法错误：${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
  }));
}

const PYTHON_CHECK = `
import ast, json, sys
out = []
for code in json.load(sys.stdin):
    try:
        ast.parse(code)
        out.append(None)
    except SyntaxError as e:
        out.append({"line": e.lineno or 1, "column": e.offset or 1, "message": e.msg})
json.dump(out, sys.stdout)
`;

/** Every Python block through one `python3` process; `ast.parse` is Python's own parser. */
export function checkPython(codes: string[]): BlockProblem[][] {
  if (codes.length === 0) return [];
  const run = spawnSync('python3', ['-c', PYTHON_CHECK], {input: JSON.stringify(codes), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024});
  if (run.error || run.status !== 0) throw new Error(`python3 could not check the Python blocks: ${run.error?.message ?? run.stderr}`);
  const results = JSON.parse(run.stdout) as Array<BlockProblem | null>;
  return results.map((r) => (r ? [{line: r.line, column: r.column, message: `Python 语法错误：${r.message}`}] : []));
}

/** `bash -n`: the shell's own syntax check, without running anything. */
export function checkBash(code: string): BlockProblem[] {
  const run = spawnSync('bash', ['-n'], {input: code, encoding: 'utf8'});
  if (run.error) throw new Error(`bash could not check a shell block: ${run.error.message}`);
  if (run.status === 0) return [];
  return run.stderr
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const m = /line (\d+): (.*)$/.exec(l);
      return {line: m ? Number(m[1]) : 1, column: 1, message: `Shell 语法错误：${m ? m[2] : l}`};
    });
}
