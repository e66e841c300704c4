// One run at a time on a path, across processes and within one: a lock file written whole and linked into place (a
// link fails when the name exists, on NTFS as on POSIX); a stale one (its process gone) is taken over safely.
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { BaosongError } from '../../shared/errors.js';
import { isAlive } from '../processes.js';

const heldHere = new Map<string, string>();

/**
 * The same lock for anything else one run at a time may touch (a fix of one file, a province folder): `lock` is the
 * lock file's path, `refusal` the error that tells the second run who holds it.
 */
export async function lockFile(
  lock: string,
  refusal: (holder: { pid: number; since?: string }) => Error,
): Promise<() => Promise<void>> {
  // Two runs in one process (the window) share a pid: the lock tells them apart only here.
  const mine = heldHere.get(lock);
  if (mine !== undefined) throw refusal({ pid: process.pid, since: mine });
  const since = new Date().toISOString();
  heldHere.set(lock, since);
  try {
    const release = await takeLock(lock, since, refusal);
    return async () => {
      try {
        await release();
      } finally {
        heldHere.delete(lock);
      }
    };
  } catch (e) {
    heldHere.delete(lock);
    throw e;
  }
}

async function takeLock(
  lock: string,
  since: string,
  refusal: (holder: { pid: number; since?: string }) => Error,
): Promise<() => Promise<void>> {
  const own = `${lock}.${process.pid}.tmp`;
  const aside = `${lock}.${process.pid}.stale`;
  await mkdir(dirname(lock), { recursive: true });
  const body = JSON.stringify({ pid: process.pid, host: hostname(), since });
  await writeFile(own, body);
  try {
    for (let attempt = 0; attempt < 8; attempt += 1) {
      try {
        await link(own, lock);
        return async () => void (await rm(lock, { force: true }));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const seen = await readFile(lock, 'utf8').catch(() => undefined);
      if (seen === undefined) continue; // released meanwhile: try again
      const holder = parseLock(seen);
      // A lock with this process's pid that this process does not hold is an old run's (the pid reused): stale.
      if (holder && holder.host === hostname() && holder.pid !== process.pid && isAlive(holder.pid))
        throw refusal(holder);
      // Stale: move it aside, and make sure it is the lock judged stale.
      try {
        await rename(lock, aside);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw e;
      }
      const moved = await readFile(aside, 'utf8').catch(() => undefined);
      if (moved !== undefined && moved !== seen) {
        // Another export took the stale lock over between our reading and our move: its lock goes back.
        await link(aside, lock).catch(() => undefined);
        await rm(aside, { force: true });
        const other = parseLock(moved);
        throw refusal(other ?? { pid: 0 });
      }
      await rm(aside, { force: true });
    }
    throw new BaosongError('io', `无法锁定 ${lock}：多个程序同时在争用，请稍后再试`);
  } finally {
    await rm(own, { force: true });
  }
}

function parseLock(text: string): { pid: number; host?: string; since?: string } | undefined {
  try {
    const v = JSON.parse(text) as { pid?: unknown; host?: unknown; since?: unknown };
    if (typeof v.pid !== 'number') return undefined;
    return {
      pid: v.pid,
      host: typeof v.host === 'string' ? v.host : undefined,
      since: typeof v.since === 'string' ? v.since : undefined,
    };
  } catch {
    return undefined; // cut short by a kill (an older version wrote it in place): stale
  }
}
