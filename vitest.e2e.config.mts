import {defineConfig} from 'vitest/config';

/**
 * Tests against the built site (`build/`) in Debian's Chromium, and tests that run a
 * whole Docusaurus build of a temp copy. Run after `npm run build`.
 */
export default defineConfig({
  test: {
    include: ['**/__tests__/**/*.e2e.test.ts'],
    exclude: ['**/node_modules/**', 'build/**', '.docusaurus/**'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
