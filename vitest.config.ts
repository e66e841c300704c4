import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The type checks of every layer and the edit-a-copy-of-src test compile: processes, so not unit. */
const COMPILES = ['test/unit/layers.test.ts', 'test/unit/entities.test.ts'];

/**
 * The fast subset (`npm run test:unit`): no build, no child process, no media, no LibreOffice, no browser — rules,
 * catalog, API in-process, layout and line breaking, readers of small files. Under a minute.
 */
const UNIT = [
  ...readdirSync(fileURLToPath(new URL('./test/unit', import.meta.url)))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `test/unit/${f}`)
    .filter((f) => !COMPILES.includes(f)),
  'test/db/**/*.test.ts',
  'test/api/dispatch.test.ts',
  'test/api/edit.test.ts',
  'test/api/bridge.test.ts',
  'test/forms/paginate.test.ts',
  'test/forms/pdf-text.test.ts',
  'test/inspect/signature.test.ts',
  'test/intake/names.test.ts',
  'test/intake/summary.test.ts',
  'test/province/forms-read.test.ts',
  'test/export/mail-note.test.ts',
  'test/export/hash-pool.test.ts',
];
/** Chromium over the bridge, and the app as installed. */
const E2E = ['test/e2e/**/*.test.ts', 'test/installed/**/*.test.ts'];

export default defineConfig({
  test: {
    // Sized for a busy machine (the suite is run with both cores loaded): a test that takes 20 s alone takes 40.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // expect.poll's default second is too short on a busy machine: a screen can take longer to settle.
    expect: { poll: { timeout: 15_000 } },
    // better-sqlite3 is a native addon: separate processes keep each test file's handles apart.
    pool: 'forks',
    // Both cores (vitest takes one less than there are): two files at a time.
    maxWorkers: 2,
    reporters: ['default', './test/summary-reporter.ts'],
    // One temporary folder per run, removed at its end (BAOSONG_KEEP_TMP=1 keeps it to look at); and, unless only
    // the unit project runs, the CLI and the window built when they are older than their sources.
    globalSetup: ['./test/global-tmp.ts'],
    // `npm test` runs them all (after building); `npm run test:unit` / `test:integration` / `test:e2e` one each.
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.ts'], exclude: [...UNIT, ...E2E] } },
      { extends: true, test: { name: 'e2e', include: E2E } },
    ],
  },
});
