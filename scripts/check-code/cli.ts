/**
 * `npm run check:code [-- paths…] [--no-run]`: every code block of the book parses, every
 * complete TypeScript program type-checks and runs against the local stand-in API.
 * Problems are printed as `file:line:col  message`; the exit code is 1 when there is one.
 */
import path from 'node:path';
import {ROOT_DIR} from '../../core/constants';
import {checkBlocks, isRunnable, markdownFiles, readBlocks} from './check';
import {runExamples} from './run-examples';

export async function main(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const run = !argv.includes('--no-run');
  const paths = argv.filter((a) => !a.startsWith('--'));
  let files: string[];
  try {
    files = markdownFiles(paths.length > 0 ? paths.map((p) => path.resolve(p)) : [path.join(ROOT_DIR, 'docs')]);
  } catch (error) {
    out(`check:code：找不到路径：${(error as NodeJS.ErrnoException).path ?? (error as Error).message}`);
    return 2;
  }
  const blocks = readBlocks(files);
  const result = checkBlocks(blocks);
  for (const p of result.problems) out(`${p.file}:${p.line}:${p.column}  ${p.message}`);
  let failed = result.problems.length;
  const bad = new Set(result.problems.map((p) => p.file));
  const runnable = run ? blocks.filter((b) => isRunnable(b) && !bad.has(b.file)) : [];
  for (const outcome of await runExamples(runnable)) {
    if (outcome.ok) continue;
    failed += 1;
    const why = outcome.code !== 0 ? `退出码 ${outcome.code}` : '没有请求模型 API';
    out(`${outcome.block.file}:${outcome.block.line}:${outcome.block.column}  可运行示例失败（${why}）：\n${outcome.output.trim().split('\n').slice(-12).map((l) => `    ${l}`).join('\n')}`);
  }
  const unchecked = [...result.unchecked].map(([lang, n]) => `${lang} ${n}`).join('、');
  out(`${files.length} 个文件，${result.blocks} 个代码块，检查了 ${result.checked} 个，运行了 ${runnable.length} 个示例${unchecked ? `；未检查的语言：${unchecked}` : ''}；${failed === 0 ? '没有发现问题' : `${failed} 个问题`}`);
  return failed === 0 ? 0 : 1;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
