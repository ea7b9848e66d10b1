import {defineConfig} from 'vitest/config';

/**
 * Tests against the built site (`build/`) in Debian's Chromium, and tests that run a
 * whole Docusaurus build of a temp copy. Run after `npm run build`.
 */
export default defineConfig({
  test: {
    include: ['**/__tests__/**/*.e2e.test.ts'],
    exclude: ['**/node_modules/**', 'build/**', '.docusaurus/**'],
    // Without the GitBook corpus its suites skip and the run ends with how to get it and what
    // was skipped; with LLMBOOK_REQUIRE_CORPUS=1 its absence fails the run (test-support/corpus.ts).
    globalSetup: ['./test-support/corpus.ts'],
    reporters: ['default', './test-support/skipped-reporter.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
