// Export under faults, through the real CLI: a full disk at each write (a write-failing shim: the export's Nth
// write fails with ENOSPC), a journal cut short by a kill, a kill between the records and the journal, and two
// exports to one folder. Each ends cleanly — a clear message, no hang, no staging tree or lock left, the previous
// tree intact — and the next export succeeds.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { microlecture, validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';

const BIN = fileURLToPath(new URL('../../bin/baosong.js', import.meta.url));

function baosong(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  // A hang would end here as a timeout (status null), which the callers' exit-code checks catch.
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, timedOut: r.error !== undefined };
}

let dir: string;
let db: string;
let out: string;
const sidecars = () => readdirSync(dir).filter((n) => n.includes('baosong-'));

/** New mtimes on every source, so that the next export copies them all again (more writes to fail). */
function touchSources() {
  const t = new Date(Date.now() + Math.floor(Math.random() * 1e6));
  for (const rel of readdirSync(join(dir, 'works'), { recursive: true }).map(String)) {
    const p = join(dir, 'works', rel);
    if (/\.\w+$/.test(rel)) utimesSync(p, t, t);
  }
}

beforeAll(async () => {
  dir = join(tempDir('baosong-faults-'), '报送 材料');
  mkdirSync(dir, { recursive: true });
  const file = await writeBatch(dir, validBatch([microlecture('w1', '张强'), microlecture('w2', '王芳')]));
  db = join(dir, 'catalog.sqlite');
  expect(baosong(['import', file, '--db', db]).code).toBe(0);
  out = join(dir, '导出');
  expect(baosong(['export', '--db', db, '--out', out]).code).toBe(0);
}, 60_000);

describe('a full disk at each write of an export', () => {
  it('fails cleanly every time, keeps the previous tree, and the next export succeeds', () => {
    let n = 1;
    for (; n < 80; n++) {
      touchSources();
      const before = readFileSync(join(out, 'manifest.sha256'), 'utf8');
      const r = baosong(['export', '--db', db, '--out', out], { BAOSONG_TEST_ENOSPC_AT: String(n) });
      expect(r.timedOut, `write ${n}: hung`).toBe(false);
      if (r.code === 0) break; // past the last write: nothing failed
      expect(r.code, `write ${n}: ${r.stderr}`).toBe(2);
      expect(r.stderr, `write ${n}`).toContain('磁盘已满');
      expect(r.stderr).toContain(`${out} 保持上次导出的内容`);
      expect(r.stderr).not.toMatch(/内部错误|at .*\.js:\d+/);
      expect(sidecars(), `write ${n}`).toEqual([]);
      expect(readFileSync(join(out, 'manifest.sha256'), 'utf8')).toBe(before);
      // The manifest is the same; the files it lists are checked every third write (each verify is a process).
      if (n % 3 === 0) expect(baosong(['verify', out]).code, `write ${n}`).toBe(0);
    }
    // Forms, copies, the manifest and the journal: every write was failed once before the run that got through.
    expect(n).toBeGreaterThan(15);
    expect(baosong(['export', '--db', db, '--out', out]).code).toBe(0);
    expect(baosong(['verify', out]).code).toBe(0);
    expect(sidecars()).toEqual([]);
  }, 400_000);
});

describe('a swap journal that cannot be trusted', () => {
  it('a 0-byte journal (a kill or a full disk while it was written) is rolled back, not a permanent failure', () => {
    const before = readFileSync(join(out, 'manifest.sha256'), 'utf8');
    writeFileSync(join(dir, '.导出.baosong-swap.json'), '');
    mkdirSync(join(dir, '.导出.baosong-staging', '2微课'), { recursive: true });
    writeFileSync(join(dir, '.导出.baosong-staging', '2微课', '半个文件.mp4'), 'x');
    const r = baosong(['export', '--db', db, '--out', out]);
    expect(r.stderr).not.toMatch(/内部错误|JSON/);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'manifest.sha256'), 'utf8')).toBe(before);
    expect(sidecars()).toEqual([]);
    expect(baosong(['verify', out]).code).toBe(0);
  });

  it('a journal that names paths outside the tree is not followed', () => {
    writeFileSync(join(dir, '.导出.baosong-swap.json'), JSON.stringify({ moves: ['../catalog.sqlite'] }));
    expect(baosong(['export', '--db', db, '--out', out]).code).toBe(0);
    expect(existsSync(db)).toBe(true);
    expect(sidecars()).toEqual([]);
  });

  it('a kill after the new records are saved and before the journal: the folder is still known as ours', () => {
    expect(baosong(['unit', '--db', db, '--cloud-code', 'zz99']).code).toBe(0);
    const killed = baosong(['export', '--db', db, '--out', out], { BAOSONG_TEST_KILL_AT: 'before-journal' });
    expect(killed.code).toBe(null);
    const r = baosong(['export', '--db', db, '--out', out]);
    expect(r.stderr).not.toMatch(/错误/);
    expect(r.code).toBe(0);
    expect(baosong(['verify', out]).code).toBe(0);
    expect(sidecars()).toEqual([]);
  });
});

describe('two exports to one folder', () => {
  it('a live holder of the lock: the second is told another export is running', () => {
    const lock = join(dir, '.导出.baosong-lock');
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(lock, JSON.stringify({ pid: holder.pid, host: hostname(), since: '2026-12-04T08:00:00Z' }));
      const r = baosong(['export', '--db', db, '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`另一个导出正在写入 ${out}(进程 ${holder.pid}`);
      expect(existsSync(lock)).toBe(true);
    } finally {
      holder.kill();
    }
  });

  it('a stale lock (its process is gone) is taken over', () => {
    const lock = join(dir, '.导出.baosong-lock');
    const gone = spawnSync('true');
    writeFileSync(lock, JSON.stringify({ pid: gone.pid, host: hostname() }));
    expect(baosong(['export', '--db', db, '--out', out]).code).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });

  it('at the same moment: each either exports or is told; the tree verifies; nothing left behind', async () => {
    touchSources();
    const run = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'export', '--db', db, '--out', out], {
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (c) => (stderr += c));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    const results = await Promise.all([run(), run(), run()]);
    for (const r of results) {
      expect(r.stderr).not.toMatch(/内部错误|Cannot read|ENOTEMPTY/);
      if (r.code !== 0) expect(r.stderr).toContain('另一个导出正在写入');
    }
    expect(results.some((r) => r.code === 0)).toBe(true);
    expect(baosong(['verify', out]).code).toBe(0);
    expect(sidecars()).toEqual([]);
  }, 60_000);
});
