/**
 * Preloaded into every Node process a benchmark case starts (through NODE_OPTIONS),
 * so peak memory and CPU time are measured the same way for our tools and for peers:
 * on exit, one JSON line with this process's getrusage() goes to BENCH_RUSAGE_FILE.
 */
'use strict';
const fs = require('node:fs');
const {isMainThread} = require('node:worker_threads');

const file = process.env.BENCH_RUSAGE_FILE;
if (file && isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const line = {pid: process.pid, ppid: process.ppid, maxRssKb: usage.maxRSS, userUs: usage.userCPUTime, systemUs: usage.systemCPUTime};
    try {
      fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
    } catch {
      // The temp folder is gone: the harness is shutting down and no longer reads it.
    }
  });
}
