// SHA-256 of files: read in large chunks here, or on worker threads (one per core) beside a copy.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BaosongError } from '../../shared/errors.js';
import { hashWorkerPath } from '../resources.js';

const CHUNK = 4 * 1024 * 1024;

/** SHA-256 of a file, read in large chunks. */
export async function hashFile(
  path: string,
  onBytes?: (n: number) => void,
  signal?: AbortSignal,
): Promise<{ sha256: string; size: number }> {
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
  private pending = new Map<
    number,
    {
      resolve: (r: { sha256: string; size: number }) => void;
      reject: (e: Error) => void;
      onBytes?: (n: number) => void;
    }
  >();

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
        for (const p of pending)
          p.reject(
            new BaosongError('io', `校验线程${why}(${hashWorkerPath()})：请重新安装报送助手或重新构建(npm run build)`),
          );
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
