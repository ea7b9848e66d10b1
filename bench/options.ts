/**
 * Command line of `npm run bench`. Parsed into one object; a wrong flag is a
 * {@link UsageError} (exit 2) that says what a valid value looks like.
 */
export const CASE_GROUPS = ['floors', 'lint', 'rules', 'peers', 'autolink', 'build', 'changed'] as const;
export type CaseGroup = (typeof CASE_GROUPS)[number];

export interface BenchOptions {
  /** How many copies of the corpus (×1 ≈ 0.4 MB, ×10 ≈ 4 MB, ×100 ≈ 40 MB). */
  scale: number;
  /** Timed repetitions per case, after one untimed warm-up. */
  runs: number;
  /** Whether to run the untimed warm-up repetition first. */
  warmup: boolean;
  /** Which groups of cases to run. */
  cases: CaseGroup[];
  /** Quick check that the harness works: ×1, one run, no warm-up, no slow peers, no build. */
  smoke: boolean;
  /** Where the Markdown table goes; `null` prints only. */
  out: string | null;
  /** Keep the temp folder (for looking at what a peer did). */
  keep: boolean;
  help: boolean;
}

export const DEFAULT_OUT = 'bench/results.md';

export const DEFAULTS: BenchOptions = {
  scale: 10,
  runs: 3,
  warmup: true,
  cases: [...CASE_GROUPS],
  smoke: false,
  out: DEFAULT_OUT,
  keep: false,
  help: false,
};

/** Groups a smoke run covers: everything that finishes in seconds at ×1. */
export const SMOKE_CASES: CaseGroup[] = ['floors', 'lint', 'rules', 'peers', 'autolink'];

export const HELP = `Usage: npm run bench -- [options]

  --scale N       corpus copies: 1, 10 (default) or 100 (any whole number ≥ 1)
  --runs N        timed runs per case after one warm-up (default 3)
  --no-warmup     skip the untimed warm-up run
  --cases LIST    comma-separated groups (default all): ${CASE_GROUPS.join(', ')}
  --smoke         ×1, 1 run, no warm-up, no slow peers, no build; prints only (for npm test)
  --out FILE      where to write the table (default ${DEFAULT_OUT}); --no-out to print only
  --keep          keep the temp folder and print its path
  -h, --help      this text
`;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

function positiveInt(flag: string, value: string | undefined): number {
  if (value === undefined || !/^[1-9]\d*$/.test(value)) {
    throw new UsageError(`${flag} needs a whole number ≥ 1, e.g. \`${flag} 10\`; got \`${value ?? ''}\``);
  }
  return Number(value);
}

function parseCases(value: string | undefined): CaseGroup[] {
  const names = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError(`--cases needs a list, e.g. \`--cases floors,lint\`; groups: ${CASE_GROUPS.join(', ')}`);
  const unknown = names.filter((n) => !(CASE_GROUPS as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new UsageError(`unknown case group \`${unknown[0]}\` in --cases; groups: ${CASE_GROUPS.join(', ')}`);
  }
  return CASE_GROUPS.filter((g) => names.includes(g));
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {...DEFAULTS, cases: [...DEFAULTS.cases]};
  let scaleSet = false;
  let runsSet = false;
  let casesSet = false;
  let outSet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const value = (): string | undefined => (eq === -1 ? argv[++i] : arg.slice(eq + 1));
    switch (flag) {
      case '--scale':
        options.scale = positiveInt(flag, value());
        scaleSet = true;
        break;
      case '--runs':
        options.runs = positiveInt(flag, value());
        runsSet = true;
        break;
      case '--no-warmup':
        options.warmup = false;
        break;
      case '--cases':
        options.cases = parseCases(value());
        casesSet = true;
        break;
      case '--smoke':
        options.smoke = true;
        break;
      case '--out': {
        const file = value();
        if (!file || file.startsWith('-')) throw new UsageError('--out needs a file, e.g. `--out bench/results.md`');
        options.out = file;
        outSet = true;
        break;
      }
      case '--no-out':
        options.out = null;
        outSet = true;
        break;
      case '--keep':
        options.keep = true;
        break;
      case '-h':
      case '--help':
        options.help = true;
        break;
      default:
        throw new UsageError(`unknown option \`${arg}\`; run \`npm run bench -- --help\` for the options`);
    }
  }
  if (options.smoke) {
    if (!scaleSet) options.scale = 1;
    if (!runsSet) options.runs = 1;
    options.warmup = false;
    if (!casesSet) options.cases = [...SMOKE_CASES];
    if (!outSet) options.out = null;
  }
  return options;
}
