/**
 * Whether this code runs as the compiled CLI (`compile.mjs` bundles it and defines
 * `LLMBOOK_COMPILED_WORKER`) or from source through tsx (tests, `tsx cli.ts`).
 */
declare const LLMBOOK_COMPILED_WORKER: string | undefined;

/** The compiled worker's path when running compiled, else undefined. */
export const compiledWorker: string | undefined = typeof LLMBOOK_COMPILED_WORKER === 'string' ? LLMBOOK_COMPILED_WORKER : undefined;
