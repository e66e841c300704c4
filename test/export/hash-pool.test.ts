// A hash worker that cannot start (its compiled file missing: a broken install, or tests before a build) fails the
// hashes waiting on it at once, in Chinese — an export or a province audit never waits forever.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/files.js';

vi.mock('../../src/main/resources.js', async (original) => ({
  ...(await original<object>()),
  hashWorkerPath: () => '/nonexistent/报送助手/hash-worker.js',
}));

describe('HashPool', () => {
  it('fails every pending hash when its worker cannot run', async () => {
    const { HashPool } = await import('../../src/main/fs/hash.js');
    const file = join(tempDir(), 'a.bin');
    writeFileSync(file, 'x');
    const pool = new HashPool();
    const started = Date.now();
    const results = await Promise.allSettled([pool.hash(file), pool.hash(file)]);
    expect(Date.now() - started).toBeLessThan(10_000);
    for (const r of results) {
      expect(r.status).toBe('rejected');
      expect(String((r as PromiseRejectedResult).reason.message)).toMatch(
        /^校验线程无法运行\(\/nonexistent\/报送助手\/hash-worker\.js\)：请重新安装/,
      );
    }
    await pool.close();
  });
});
