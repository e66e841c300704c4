// A SHA-256 worker: the export hashes on other cores while the main thread keeps the disk busy.
import { createHash, type Hash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';

const open = new Map<number, Hash>();
parentPort!.on('message', (m: { id: number; chunk?: ArrayBuffer; length?: number; end?: boolean }) => {
  let h = open.get(m.id);
  if (!h) {
    h = createHash('sha256');
    open.set(m.id, h);
  }
  if (m.chunk) {
    h.update(new Uint8Array(m.chunk, 0, m.length));
    // The buffer goes back to the main thread for the next read: memory stays at a few chunks.
    parentPort!.postMessage({ id: m.id, ack: true, chunk: m.chunk }, [m.chunk]);
  }
  if (m.end) {
    open.delete(m.id);
    parentPort!.postMessage({ id: m.id, sha256: h.digest('hex') });
  }
});
