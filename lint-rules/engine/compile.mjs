/**
 * The compiled lint CLI: `npm run lint` runs JavaScript, never TypeScript compiled at
 * start-up. esbuild bundles `cli.ts` and `worker.ts` (with the rules, the kernel and
 * the preset; npm packages stay imports) into ES modules under
 * `node_modules/.cache/llmbook-lint/bin/`. A stamp lists every source file the bundle
 * was made from with its size and mtime; `freshCli()` rebuilds when one of them
 * changed, so a contributor never runs stale code and never waits for a build that is
 * not needed. `npm ci` builds it once (`prepare`).
 *
 * Plain JavaScript on purpose: this file runs before anything can load TypeScript.
 * Each source's `__dirname` / `__filename` is replaced with its own path (a bundle
 * has one directory; the sources find `data/` and the preset from theirs), so the
 * bundle is keyed by the checkout's path and rebuilt if the checkout moves.
 *
 *   node lint-rules/engine/compile.mjs           build if stale, print where
 *   node lint-rules/engine/compile.mjs --force   build now
 */
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');
const ENTRIES = {cli: 'lint-rules/engine/cli.ts', worker: 'lint-rules/engine/worker.ts'};
const SELF = fileURLToPath(import.meta.url);
/** Bump when the build itself changes shape. */
const FORMAT = 2;

function binDir(root = ROOT) {
  const key = createHash('sha1').update(`${FORMAT}\0${root}`).digest('hex').slice(0, 12);
  return path.join(root, 'node_modules', '.cache', 'llmbook-lint', 'bin', key);
}

function statOf(file) {
  try {
    const stat = fs.statSync(file);
    return {size: stat.size, mtimeMs: stat.mtimeMs};
  } catch {
    return undefined;
  }
}

function readStamp(dir) {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(dir, 'current.json'), 'utf8'));
    return stamp && typeof stamp.build === 'string' && Array.isArray(stamp.inputs) ? stamp : undefined;
  } catch {
    return undefined;
  }
}

/** The stamp's build if every input is as it was when built, else undefined. */
function freshBuild(dir) {
  const stamp = readStamp(dir);
  if (!stamp) return undefined;
  for (const input of stamp.inputs) {
    const now = statOf(path.join(ROOT, input.file));
    if (!now || now.size !== input.size || now.mtimeMs !== input.mtimeMs) return undefined;
  }
  const build = path.join(dir, stamp.build);
  return fs.existsSync(path.join(build, 'cli.mjs')) && fs.existsSync(path.join(build, 'worker.mjs')) ? build : undefined;
}

/** Replace `__dirname` and `__filename` in our sources with their own paths. */
const ownPaths = {
  name: 'own-paths',
  setup(build) {
    build.onLoad({filter: /\.ts$/}, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await fs.promises.readFile(args.path, 'utf8');
      const contents = source
        .replace(/\b__dirname\b/g, JSON.stringify(path.dirname(args.path)))
        .replace(/\b__filename\b/g, JSON.stringify(args.path));
      return {contents, loader: 'ts'};
    });
  },
};

/** Build into a new folder, then point the stamp at it (atomically: a concurrent run sees the old or the new one). */
export async function compile(dir = binDir()) {
  const {build} = await import('esbuild');
  const id = `${Date.now().toString(36)}-${process.pid}`;
  const out = path.join(dir, id);
  const worker = path.join(out, 'worker.mjs');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.entries(ENTRIES).map(([name, file]) => ({in: file, out: name})),
    outdir: out,
    outExtension: {'.js': '.mjs'},
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Packages too: one file per chunk loads much faster than hundreds of small modules resolved one by
    // one, and chunks (splitting) keep what a run does not need (unified, the rules on a fully cached run) unloaded.
    splitting: true,
    // CommonJS packages inside an ES module bundle still call `require` for Node's built-ins.
    banner: {js: "import {createRequire as __llmbookRequire} from 'node:module'; const require = __llmbookRequire(import.meta.url);"},
    define: {LLMBOOK_COMPILED_WORKER: JSON.stringify(worker)},
    plugins: [ownPaths],
    metafile: true,
    logLevel: 'error',
    legalComments: 'none',
  });
  // The lockfile stands for the bundled packages: `npm ci` with another lockfile rebuilds.
  const files = new Set([path.relative(ROOT, SELF), 'package.json', 'package-lock.json', 'tsconfig.json']);
  for (const input of Object.keys(result.metafile.inputs)) if (!input.includes('node_modules/')) files.add(input);
  const inputs = [...files].sort().map((file) => ({file: file.split(path.sep).join('/'), ...statOf(path.join(ROOT, file))}));
  const temp = path.join(dir, `current.json.${id}`);
  fs.writeFileSync(temp, `${JSON.stringify({build: id, inputs})}\n`);
  fs.renameSync(temp, path.join(dir, 'current.json'));
  prune(dir, id);
  return out;
}

/** Older builds, kept an hour for runs that started on them and still start workers. */
function prune(dir, keep) {
  const hourAgo = Date.now() - 3_600_000;
  for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
    if (entry.name === keep) continue;
    const full = path.join(dir, entry.name);
    try {
      if (fs.statSync(full).mtimeMs < hourAgo) fs.rmSync(full, {recursive: true, force: true});
    } catch {
      // Another run pruned it first.
    }
  }
}

/** The compiled CLI's path: the current build, rebuilt first if a source changed. */
export async function freshCli() {
  const dir = binDir();
  const build = freshBuild(dir) ?? (await compile(dir));
  return path.join(build, 'cli.mjs');
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  const force = process.argv.includes('--force');
  const dir = binDir();
  const started = performance.now();
  try {
    const out = force ? await compile(dir) : (freshBuild(dir) ?? (await compile(dir)));
    process.stdout.write(`lint CLI compiled: ${path.relative(ROOT, out)} (${Math.round(performance.now() - started)} ms)\n`);
  } catch (error) {
    // From `prepare` (npm ci) a failed bundle must not fail the install: `npm run lint` then runs the
    // sources through tsx (bin.mjs) and says why. Run by hand (`--force`), it fails.
    process.stderr.write(`lint CLI not compiled (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); npm run lint will run the TypeScript sources instead\n`);
    process.exitCode = force ? 1 : 0;
  }
}

