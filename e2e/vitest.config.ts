import { defineConfig } from 'vitest/config';

// Browser tests against a real server, run from the repository root (`npm run e2e`):
// one file at a time, generous timeouts for a first start on 2 cores.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
