import {defineConfig} from 'vitest/config';

/** Unit and integration tests: everything that does not need the built site or a browser. */
export default defineConfig({
  test: {
    include: ['**/__tests__/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/*.e2e.test.ts', 'build/**', '.docusaurus/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
