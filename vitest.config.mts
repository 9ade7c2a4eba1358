import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: CI machines have 2 cores and the browser suites share them; a hang still fails.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One test file at a time: with two, an e2e suite shared the 2 cores with another browser suite or a CPU-heavy one
    // (the multi-clone test, the bench smoke run), and drags, hovers and timed waits failed under that load (1, 2 and
    // 6 failures in three CI runs, each passing alone). Serial costs minutes, not correctness.
    maxWorkers: 1,
    // expect.poll waits on the UI or a server: its default 1 s was too short at load 20-30 (corpus-cleanup's "N → next"
    // and label-bar each failed once so). A wait that never comes true still fails, after 10 s.
    expect: { poll: { timeout: 10_000 } },
  },
});
