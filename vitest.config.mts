import {defineConfig} from 'vitest/config';

/** Unit and integration tests: everything that does not need the built site or a browser. */
export default defineConfig({
  test: {
    include: ['**/__tests__/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/*.e2e.test.ts', 'build/**', '.docusaurus/**'],
    // Without the GitBook corpus its suites skip and the run ends with how to get it and what
    // was skipped; with LLMBOOK_REQUIRE_CORPUS=1 its absence fails the run (test-support/corpus.ts).
    globalSetup: ['./test-support/corpus.ts'],
    reporters: ['default', './test-support/skipped-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
