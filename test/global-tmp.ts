// Every temporary folder of one test run lives under one folder of its own, removed when the run ends: a run
// left ~35 GB behind before (installed trees of 1.8 GB, batches of real media), and filled the disk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'baosong-run-'));
  // The test processes are forked after this: they inherit it (test/helpers/files.ts tempDir reads it).
  process.env.BAOSONG_TEST_TMP = root;
  return () => {
    if (process.env.BAOSONG_KEEP_TMP) return;
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
