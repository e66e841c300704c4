// A SHA-256 worker: it reads and hashes a file on its own core while the main thread's kernel copy runs.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

const CHUNK = 4 * 1024 * 1024;
const buf = Buffer.allocUnsafe(CHUNK);

parentPort!.on('message', ({ id, path }: { id: number; path: string }) => {
  let fd = -1;
  try {
    fd = openSync(path, 'r');
    const hash = createHash('sha256');
    let size = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      size += n;
      parentPort!.postMessage({ id, progress: n });
    }
    parentPort!.postMessage({ id, sha256: hash.digest('hex'), size });
  } catch (e) {
    parentPort!.postMessage({ id, error: (e as Error).message });
  } finally {
    if (fd >= 0) closeSync(fd);
  }
});
