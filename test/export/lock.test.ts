// One export per folder: the lock beside the folder holds under real contention between processes and within one.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/files.js';
import { lockTarget } from '../../src/main/export/swap.js';

const SWAP = pathToFileURL(fileURLToPath(new URL('../../dist/main/export/swap.js', import.meta.url))).href;

/** A process that takes the lock, writes in/out around a short hold, or prints what it was told. */
function contender(dir: string, log: string): Promise<{ code: number | null; stderr: string }> {
  const script = `
    import { appendFileSync } from 'node:fs';
    const { lockTarget } = await import(${JSON.stringify(SWAP)});
    const log = ${JSON.stringify(log)};
    try {
      const release = await lockTarget(${JSON.stringify(dir)});
      appendFileSync(log, 'in ' + process.pid + '\\n');
      await new Promise((r) => setTimeout(r, 120));
      appendFileSync(log, 'out ' + process.pid + '\\n');
      await release();
    } catch (e) {
      console.error(e.message);
      process.exit(2);
    }`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('the export lock', () => {
  it('lets exactly one of many processes in at a time; the others are told who holds it; nothing left behind', async () => {
    const parent = tempDir('baosong-lock-');
    const dir = join(parent, '报送 材料');
    for (let round = 0; round < 6; round += 1) {
      const log = join(parent, `log-${round}.txt`);
      writeFileSync(log, '');
      const results = await Promise.all(Array.from({ length: 8 }, () => contender(dir, log)));
      const lines = readFileSync(log, 'utf8').trim().split('\n').filter(Boolean);
      let inside = 0;
      for (const line of lines) {
        inside += line.startsWith('in ') ? 1 : -1;
        expect(inside, `round ${round}: ${lines.join(' | ')}`).toBeLessThanOrEqual(1);
      }
      expect(lines.length).toBeGreaterThanOrEqual(2);
      for (const r of results) {
        if (r.code !== 0) expect(r.stderr).toMatch(/另一个导出正在写入 .*报送 材料\(进程 \d+/);
      }
      expect(readdirSync(parent).filter((n) => n.includes('baosong'))).toEqual([]);
    }
  }, 60_000);

  it('a lock left half written by a killed run is stale; two exports in one process: the second is told', async () => {
    const parent = tempDir('baosong-lock-');
    const dir = join(parent, 'out');
    mkdirSync(parent, { recursive: true });
    writeFileSync(join(parent, '.out.baosong-lock'), '{"pid": 12');
    const [a, b] = await Promise.allSettled([lockTarget(dir), lockTarget(dir)]);
    expect(a.status).toBe('fulfilled');
    expect(b.status === 'rejected' && (b.reason as Error).message).toContain('另一个导出正在写入');
    if (a.status === 'fulfilled') await a.value();
    expect(readdirSync(parent)).toEqual([]);
    // Released: the next one gets it.
    await (
      await lockTarget(dir)
    )();
  });
});
