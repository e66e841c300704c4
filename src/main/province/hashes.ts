// Hashing a unit's whole tree for the province (issue 17): on every core (the export's hash workers), as fast
// as the disk reads, and resumable. Each file hashed is appended to a journal beside the unit's catalog —
// SHA-256, size, mtime, ctime, inode, path — so that a later pass re-reads only the files whose stat changed
// (ctime too: restoring a modified file's mtime changes its ctime), and an interrupted verification continues
// where it stopped instead of starting again.
import { appendFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { HashPool } from '../fs/hash.js';

export interface StatKey {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export interface Hashed {
  sha256: string;
  size: number;
}

interface Entry extends Hashed {
  key: string;
}

const keyOf = (s: StatKey) => `${s.size}:${Math.round(s.mtimeMs)}:${Math.round(s.ctimeMs)}:${s.ino}`;

/** An append-only journal of hashed files: `sha256 \t stat-key \t path` per line; the last line for a path wins. */
export class HashJournal {
  private pending: string[] = [];
  constructor(readonly file: string) {}

  /** What the journal knows (a torn last line, from a kill, is skipped). */
  read(): Map<string, Entry> {
    const out = new Map<string, Entry>();
    if (!existsSync(this.file)) return out;
    for (const line of readFileSync(this.file, 'utf8').split('\n')) {
      const m = /^([0-9a-f]{64})\t(\d+):(-?\d+):(-?\d+):(\d+)\t(.+)$/.exec(line);
      if (m) out.set(m[6]!, { sha256: m[1]!, size: Number(m[2]), key: `${m[2]}:${m[3]}:${m[4]}:${m[5]}` });
    }
    return out;
  }

  add(rel: string, key: string, sha256: string): void {
    this.pending.push(`${sha256}\t${key}\t${rel}\n`);
    if (this.pending.length >= 256) this.flush();
  }

  flush(): void {
    if (!this.pending.length) return;
    appendFileSync(this.file, this.pending.join(''));
    this.pending = [];
  }

  /** Replaces the journal at `to` with this one (a completed verification becomes the unit's record). */
  promote(to: string): void {
    this.flush();
    renameSync(this.file, to);
  }

  remove(): void {
    this.pending = [];
    rmSync(this.file, { force: true });
  }
}

export interface HashTreeOptions {
  /** Hashes to take for files whose stat is unchanged (a journal read earlier); none: every file is read. */
  known?: Map<string, Entry>;
  /** Where each new hash is recorded as it completes. */
  journal?: HashJournal;
  signal?: AbortSignal;
  onBytes?: (n: number) => void;
  /** A pool to share (the province check's); else one is made and closed here. */
  pool?: HashPool;
  /** Filled with every file's hash, read or known (the province check's cross-unit rules use them). */
  seen?: Map<string, Hashed>;
  /** Called with a file's size each time a file is read and hashed. */
  onRead?: (size: number) => void;
}

/**
 * SHA-256 of each file (relative paths below dir), with the hash workers on every core; files whose stat matches
 * `known` are not read. A file that cannot be read is left out of the result (the caller reports it missing).
 */
export async function hashTree(
  dir: string,
  rels: string[],
  options: HashTreeOptions = {},
): Promise<{ hashes: Map<string, Hashed>; read: number; bytes: number }> {
  const pool = options.pool ?? new HashPool();
  const hashes = new Map<string, Hashed>();
  let next = 0;
  let read = 0;
  let bytes = 0;
  const worker = async () => {
    while (next < rels.length) {
      options.signal?.throwIfAborted();
      const rel = rels[next++]!;
      const abs = join(dir, rel);
      let st;
      try {
        st = await stat(abs);
      } catch {
        continue;
      }
      // Only a regular file is read (a pipe or a device put in place of one would never end).
      if (!st.isFile()) continue;
      const key = keyOf({ size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino });
      const known = options.known?.get(rel);
      if (known && known.key === key) {
        hashes.set(rel, { sha256: known.sha256, size: known.size });
        continue;
      }
      let h: Hashed;
      try {
        h = await pool.hash(abs, options.onBytes);
      } catch (e) {
        if (options.signal?.aborted || pool.isClosed) throw e;
        continue;
      }
      hashes.set(rel, h);
      options.onRead?.(h.size);
      read += 1;
      bytes += h.size;
      options.journal?.add(rel, key, h.sha256);
    }
  };
  try {
    // Two files in flight per core: while one worker hashes, the next file is opened and stat'ed.
    await Promise.all(Array.from({ length: Math.max(1, availableParallelism() * 2) }, worker));
  } finally {
    options.journal?.flush();
    if (!options.pool) await pool.close();
  }
  if (options.seen) for (const [rel, h] of hashes) options.seen.set(rel, h);
  return { hashes, read, bytes };
}
