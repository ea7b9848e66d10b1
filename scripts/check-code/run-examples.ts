/**
 * Runs the book's complete TypeScript programs (fence meta `runnable`) against the local
 * stand-in API: each is written to a temp folder as an ES module and started with tsx,
 * `OPENAI_BASE_URL` pointing at the stand-in, stdin closed after one line of input. A
 * program passes when it exits 0 within the time limit.
 */
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {ROOT_DIR} from '../../core/constants';
import type {CodeBlock} from './blocks';
import {programName} from './check';
import {startStandIn} from './stand-in-server';

export interface RunOutcome {
  block: CodeBlock;
  ok: boolean;
  code: number | null;
  output: string;
  requests: number;
}

const TSX = path.join(ROOT_DIR, 'node_modules/tsx/dist/esm/index.mjs');

function runOne(file: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{code: number | null; output: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, file], {cwd, env, stdio: ['pipe', 'pipe', 'pipe']});
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      output += `\n(超过 ${timeoutMs / 1000} 秒未结束，已终止)`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdin.on('error', () => undefined);
    child.stdin.end('你好\n');
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({code, output});
    });
  });
}

export async function runExamples(blocks: CodeBlock[], timeoutMs = 30_000): Promise<RunOutcome[]> {
  const standIn = await startStandIn();
  const outcomes: RunOutcome[] = [];
  try {
    for (const block of blocks) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmbook-run-'));
      try {
        fs.writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}\n');
        const file = path.join(dir, `${programName(block)}.mts`);
        fs.writeFileSync(file, block.value);
        const before = standIn.requests.length;
        const env = {PATH: process.env.PATH, HOME: dir, OPENAI_BASE_URL: standIn.baseUrl, OPENAI_API_KEY: 'sk-local-stand-in', NO_COLOR: '1'};
        const {code, output} = await runOne(file, dir, env, timeoutMs);
        const requests = standIn.requests.length - before;
        outcomes.push({block, ok: code === 0 && requests > 0, code, output, requests});
      } finally {
        fs.rmSync(dir, {recursive: true, force: true});
      }
    }
  } finally {
    await standIn.close();
  }
  return outcomes;
}
