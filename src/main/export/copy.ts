// Copies that hash while they copy: a copy-on-write clone where the file system allows (then hashed by
// reading), else a kernel byte copy with the hashing on a worker thread beside it. Never a hard link.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, open, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BaosongError } from '../../shared/errors.js';
import { hashWorkerPath } from '../resources.js';

const CHUNK = 4 * 1024 * 1024;
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

/** Hash workers, one per core, shared by the copies of one export; close() ends them and fails what is pending. */
export class HashPool {
  private workers: Worker[] = [];
  private next = 0;
  private ids = 0;
  private pending = new Map<number, { resolve: (r: { sha256: string; size: number }) => void; reject: (e: Error) => void; onBytes?: (n: number) => void }>();

  private worker(): Worker {
    if (this.workers.length < Math.max(1, availableParallelism())) {
      const w = new Worker(hashWorkerPath());
      w.on('message', (m: { id: number; progress?: number; sha256?: string; size?: number; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        if (m.progress !== undefined) p.onBytes?.(m.progress);
        else {
          this.pending.delete(m.id);
          if (m.error) p.reject(new Error(m.error));
          else p.resolve({ sha256: m.sha256!, size: m.size! });
        }
      });
      // A worker that cannot start (its file missing) or dies fails every pending hash, never leaves it waiting.
      const fail = (why: string) => {
        const pending = [...this.pending.values()];
        this.pending.clear();
        this.workers = this.workers.filter((x) => x !== w);
        for (const p of pending) p.reject(new BaosongError('io', `校验线程${why}(${hashWorkerPath()})：请重新安装报送助手或重新构建(npm run build)`));
      };
      w.on('error', () => fail('无法运行'));
      w.on('exit', (code) => {
        if (!this.closed) fail(`意外退出(退出码 ${code})`);
      });
      this.workers.push(w);
    }
    return this.workers[this.next++ % this.workers.length]!;
  }

  hash(path: string, onBytes?: (n: number) => void): Promise<{ sha256: string; size: number }> {
    if (this.closed) return Promise.reject(new BaosongError('cancelled', '已停止'));
    const id = ++this.ids;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onBytes });
      this.worker().postMessage({ id, path });
    });
  }

  private closed = false;

  /** Ends every worker; a hash still pending fails (its copy is abandoned), none can start after. */
  async close(): Promise<void> {
    this.closed = true;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(new BaosongError('cancelled', '已停止'));
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
  }

  get isClosed(): boolean {
    return this.closed;
  }
}

const sameFile = (a: { size: number; mtimeMs: number }, b: { size: number; mtimeMs: number }) => a.size === b.size && a.mtimeMs === b.mtimeMs;

/**
 * A byte copy by the kernel (copy_file_range where there is one: no trip through user space), while a worker
 * thread reads the same source and hashes it on another core. The source must not change meanwhile: its size and
 * mtime are compared before and after, so the hash is the hash of the bytes copied.
 */
async function byteCopy(pool: HashPool, src: string, dst: string, onBytes?: (n: number) => void, signal?: AbortSignal): Promise<{ sha256: string; size: number }> {
  signal?.throwIfAborted();
  const before = await stat(src);
  const [, hashed] = await Promise.all([copyFile(src, dst, constants.COPYFILE_EXCL), pool.hash(src, onBytes)]);
  const after = await stat(src);
  if (!sameFile(before, after) || hashed.size !== after.size) {
    throw new BaosongError('io', `文件在导出过程中被修改：${src}(请关闭正在编辑它的程序后重新导出)`);
  }
  return hashed;
}

/**
 * Copies src to dst (which must not exist). `canClone` is updated once the file system has answered; `pool` is
 * the export's hash workers (closed by the export when every copy has settled).
 */
export async function copyHashed(
  src: string,
  dst: string,
  state: { canClone: boolean | null; pool: HashPool },
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
    return { ...(await byteCopy(state.pool, src, dst, onBytes, signal)), cloned: false };
  } catch (e) {
    await rm(dst, { force: true });
    throw e;
  }
}
