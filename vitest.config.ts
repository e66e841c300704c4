import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // expect.poll's default second is too short on a busy machine: a screen can take longer to settle.
    expect: { poll: { timeout: 15_000 } },
    // better-sqlite3 is a native addon: separate processes keep each test file's handles apart.
    pool: 'forks',
    // Both cores (vitest takes one less than there are): two files at a time, 8 min instead of 11 here.
    maxWorkers: 2,
    reporters: ['default', './test/summary-reporter.ts'],
    // One temporary folder per run, removed at its end (BAOSONG_KEEP_TMP=1 keeps it to look at).
    globalSetup: ['./test/global-tmp.ts'],
  },
});
