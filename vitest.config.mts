import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser suites share the 2-core machine with the build; keep parallelism modest.
    maxWorkers: 2,
  },
});
