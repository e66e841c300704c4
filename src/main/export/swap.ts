// The swap's sidecars beside DIR: the staging tree, the folder moved aside, the journal of phase B, and the lock
// that keeps a second export out. A run interrupted at any point is finished or undone by the next (recover).
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { BaosongError } from '../../shared/errors.js';
import { MANIFEST, parseManifest } from './manifest.js';
import { isDeadPid } from '../processes.js';
import { lockFile } from '../fs/lock.js';

/** A rename that tries again for a moment: on Windows an antivirus or indexer often holds a file briefly. */
export async function renameRetrying(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      if (process.env.BAOSONG_TEST_BUSY === from) throw Object.assign(new Error('busy (test)'), { code: 'EBUSY' });
      await rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (attempt >= 4 || !['EBUSY', 'EPERM', 'EACCES'].includes(code)) throw e;
      await new Promise((r) => setTimeout(r, 150 * (attempt + 1)));
    }
  }
}

export interface Sidecars {
  staging: string;
  old: string;
  journal: string;
}

export function sidecarsOf(dir: string): Sidecars {
  const parent = dirname(dir);
  const name = basename(dir);
  return {
    staging: join(parent, `.${name}.baosong-staging`),
    old: join(parent, `.${name}.baosong-old`),
    journal: join(parent, `.${name}.baosong-swap.json`),
  };
}

export interface Journal {
  moves: string[];
}

/** The journal as written, or null when it cannot be trusted (cut short by a kill or a full disk, or edited). */
async function readJournal(path: string): Promise<Journal | null> {
  try {
    const j = JSON.parse(await readFile(path, 'utf8')) as unknown;
    if (!j || typeof j !== 'object' || !Array.isArray((j as Journal).moves)) return null;
    const moves = (j as Journal).moves;
    // Relative paths inside the tree only: a journal never moves anything outside DIR and its staging tree.
    if (!moves.every((m) => typeof m === 'string' && m !== '' && !isAbsolute(m) && !m.split(/[\\/]/).includes('..')))
      return null;
    return { moves };
  } catch {
    return null;
  }
}

/** Writes the journal whole or not at all: a temporary file, flushed, then renamed over. */
export async function writeJournal(path: string, journal: Journal): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(JSON.stringify(journal));
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

/**
 * A swap whose journal cannot be read: put the previous tree back. DIR (or, between the two renames, the folder
 * moved aside) is the previous tree; the files its manifest lists that had moved into the staging tree move back.
 */
async function rollBack(dir: string, s: Sidecars): Promise<void> {
  if (existsSync(s.staging)) {
    if (!existsSync(dir) && existsSync(s.old)) await rename(s.old, dir);
    let listed = new Map<string, string>();
    try {
      listed = parseManifest(await readFile(join(dir, MANIFEST), 'utf8'));
    } catch {
      // No previous manifest (a first export): nothing to move back.
    }
    for (const rel of listed.keys()) {
      const from = join(s.staging, rel);
      const to = join(dir, rel);
      if (existsSync(from) && !existsSync(to)) {
        await mkdir(dirname(to), { recursive: true });
        await rename(from, to);
      }
    }
    await rm(s.staging, { recursive: true, force: true });
  }
  // Without a staging tree the swap had finished: DIR is the new tree and only the old one is left to remove.
  await rm(s.old, { recursive: true, force: true });
}

/** Finishes a swap that a kill interrupted, or discards a staging tree that was never complete. */
export async function recover(dir: string): Promise<'none' | 'rolled-forward' | 'rolled-back' | 'discarded'> {
  const s = sidecarsOf(dir);
  for (const name of await readdir(dirname(dir)).catch(() => [] as string[])) {
    // A journal's temporary file left by a kill: never renamed, so never in force.
    if (name.startsWith(`${basename(s.journal)}.`) && name.endsWith('.tmp'))
      await rm(join(dirname(dir), name), { force: true });
    // A lock's own copy left by a kill while it was being taken (lockTarget): its process is gone.
    const prefix = `.${basename(dir)}.baosong-lock.`;
    const left = name.startsWith(prefix) ? /^(\d+)\.(tmp|stale)$/.exec(name.slice(prefix.length)) : null;
    if (left && isDeadPid(Number(left[1]))) await rm(join(dirname(dir), name), { force: true });
  }
  if (existsSync(s.journal)) {
    const journal = await readJournal(s.journal);
    if (!journal) {
      await rollBack(dir, s);
      await rm(s.journal, { force: true });
      return 'rolled-back';
    }
    if (existsSync(s.staging)) {
      for (const rel of journal.moves) {
        const from = join(dir, rel);
        const to = join(s.staging, rel);
        if (existsSync(from) && !existsSync(to)) {
          await mkdir(dirname(to), { recursive: true });
          await rename(from, to);
        }
      }
      if (existsSync(dir)) await rename(dir, s.old);
      await rename(s.staging, dir);
    }
    await rm(s.old, { recursive: true, force: true });
    await rm(s.journal, { force: true });
    return 'rolled-forward';
  }
  let discarded = false;
  if (existsSync(s.staging)) {
    await rm(s.staging, { recursive: true, force: true });
    discarded = true;
  }
  if (existsSync(s.old)) await rm(s.old, { recursive: true, force: true });
  return discarded ? 'discarded' : 'none';
}

/**
 * One export per folder at a time: a lock file beside DIR with the holder's pid. A lock whose process is gone
 * (killed, the PC restarted) is stale and taken over.
 *
 * The lock appears whole or not at all: its content is written to a file of this process's own and linked into
 * place (a link fails when the name exists, on NTFS as on POSIX), so a second export never reads a lock half
 * written and takes it for stale. A stale lock is moved aside under a name of this process's own and checked to
 * be the one judged stale before it is removed; had another export taken it over meanwhile, its lock goes back.
 */
export async function lockTarget(dir: string): Promise<() => Promise<void>> {
  return lockFile(join(dirname(dir), `.${basename(dir)}.baosong-lock`), (holder) => busy(dir, holder));
}

function busy(dir: string, holder: { pid: number; since?: string }): BaosongError {
  return new BaosongError(
    'io',
    `另一个导出正在写入 ${dir}(进程 ${holder.pid}，开始于 ${holder.since ?? '未知时间'})：请等它结束后再导出，或导出到别的文件夹`,
  );
}
