import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests share the machine's Redis (unique key prefixes keep them apart) and 2 cores.
    maxWorkers: 2,
    minWorkers: 1,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
  },
});
