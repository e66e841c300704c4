// Copies that hash while they copy: a copy-on-write clone where the file system allows (then hashed by
// reading), else a byte copy that reads chunk k+1 while chunk k is being written. Never a hard link.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, open, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

const CHUNK = 4 * 1024 * 1024;
const MAX_IN_FLIGHT = 3;
const NO_CLONE = new Set(['ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'EINVAL', 'ENOSYS', 'ENOTTY', 'EPERM']);

export interface CopyResult {
  sha256: string;
  size: number;
  cloned: boolean;
}

/** SHA-256 of a file, read in large chunks. */
export async function hashFile(path: string, onBytes?: (n: number) => void, signal?: AbortSignal): Promise<{ sha256: string; size: number }> {
  const fh = await open(path, 'r');
  try {
    const hash = createHash('sha256');
    const buf = Buffer.allocUnsafe(CHUNK);
    let size = 0;
    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await fh.read(buf, 0, CHUNK, null);
      if (bytesRead === 0) break;
      hash.update(buf.subarray(0, bytesRead));
      size += bytesRead;
      onBytes?.(bytesRead);
    }
    return { sha256: hash.digest('hex'), size };
  } finally {
    await fh.close();
  }
}

/** Hash workers, one per core but one, shared by every copy of the process; they keep no event loop alive. */
class HashPool {
  private workers: Worker[] = [];
  private next = 0;
  private ids = 0;
  private waiting = new Map<number, (sha: string) => void>();
  /** Chunks sent and not yet hashed, per session, and who waits for room. */
  private inFlight = new Map<number, number>();
  private room = new Map<number, () => void>();
  /** Chunk buffers back from the workers, for the next reads. */
  free: Buffer[] = [];

  private worker(): Worker {
    if (this.workers.length < Math.max(1, availableParallelism())) {
      const w = new Worker(new URL('./hash-worker.js', import.meta.url));
      w.unref();
      w.on('message', (m: { id: number; sha256?: string; ack?: boolean; chunk?: ArrayBuffer }) => {
        if (m.ack) {
          if (m.chunk && this.free.length < 16) this.free.push(Buffer.from(m.chunk));
          this.inFlight.set(m.id, (this.inFlight.get(m.id) ?? 1) - 1);
          this.room.get(m.id)?.();
          this.room.delete(m.id);
          return;
        }
        this.waiting.get(m.id)?.(m.sha256!);
        this.waiting.delete(m.id);
        this.inFlight.delete(m.id);
      });
      this.workers.push(w);
    }
    return this.workers[this.next++ % this.workers.length]!;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
  }

  /** A hashing session: feed transferred chunks, then end to get the digest. */
  open(): { feed: (buf: Buffer, length: number) => Promise<void>; end: () => Promise<string> } {
    const id = ++this.ids;
    const w = this.worker();
    return {
      // At most MAX_IN_FLIGHT chunks wait for the hasher: memory stays flat when the disk outruns SHA-256.
      feed: async (buf, length) => {
        while ((this.inFlight.get(id) ?? 0) >= MAX_IN_FLIGHT) await new Promise<void>((r) => this.room.set(id, r));
        this.inFlight.set(id, (this.inFlight.get(id) ?? 0) + 1);
        const ab = buf.buffer as ArrayBuffer;
        w.postMessage({ id, chunk: ab, length }, [ab]);
      },
      end: () =>
        new Promise<string>((resolve) => {
          this.waiting.set(id, resolve);
          w.postMessage({ id, end: true });
        }),
    };
  }
}

let pool: HashPool | null = null;

/** Ends the hash workers (an export calls this when its copies are done). */
export async function closeHashPool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.close();
}

/**
 * A byte copy that reads chunk k+1 while chunk k is being written, and hands each written chunk to a hash
 * worker (transferred, not copied): the disk stays busy and the hashing runs on another core.
 */
async function byteCopy(src: string, dst: string, onBytes?: (n: number) => void, signal?: AbortSignal): Promise<{ sha256: string; size: number }> {
  pool ??= new HashPool();
  const hash = pool.open();
  const input = await open(src, 'r');
  const output = await open(dst, 'wx');
  try {
    let size = 0;
    const read = async () => {
      const buf = pool!.free.pop() ?? Buffer.allocUnsafeSlow(CHUNK);
      const { bytesRead } = await input.read(buf, 0, CHUNK, null);
      return { buf, bytesRead };
    };
    let next = read();
    for (;;) {
      signal?.throwIfAborted();
      const { buf, bytesRead } = await next;
      if (bytesRead === 0) break;
      next = read();
      await output.write(buf, 0, bytesRead);
      await hash.feed(buf, bytesRead);
      size += bytesRead;
      onBytes?.(bytesRead);
    }
    // No fsync per file: the writes stream to disk while the next file is read; the caller syncs once.
    return { sha256: await hash.end(), size };
  } finally {
    await input.close();
    await output.close();
  }
}

/** Copies src to dst (which must not exist). `canClone` is updated once the file system has answered. */
export async function copyHashed(
  src: string,
  dst: string,
  state: { canClone: boolean | null },
  onBytes?: (n: number) => void,
  signal?: AbortSignal,
): Promise<CopyResult> {
  try {
    if (state.canClone !== false) {
      try {
        await copyFile(src, dst, constants.COPYFILE_FICLONE_FORCE | constants.COPYFILE_EXCL);
        state.canClone = true;
        const h = await hashFile(dst, onBytes, signal);
        return { ...h, cloned: true };
      } catch (e) {
        if (!NO_CLONE.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
        state.canClone = false;
        await rm(dst, { force: true });
      }
    }
    return { ...(await byteCopy(src, dst, onBytes, signal)), cloned: false };
  } catch (e) {
    await rm(dst, { force: true });
    throw e;
  }
}
