import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: CI machines have 2 cores and the browser suites share them; a hang still fails.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Browser suites share the 2-core machine with the build; keep parallelism modest.
    maxWorkers: 2,
  },
});
