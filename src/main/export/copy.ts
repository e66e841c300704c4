// Copies that hash while they copy: a copy-on-write clone where the file system allows (then hashed by
// reading), else a byte copy that reads chunk k+1 while chunk k is being written. Never a hard link.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, open, rm } from 'node:fs/promises';

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

async function byteCopy(src: string, dst: string, onBytes?: (n: number) => void, signal?: AbortSignal): Promise<{ sha256: string; size: number }> {
  const input = await open(src, 'r');
  const output = await open(dst, 'wx');
  try {
    const hash = createHash('sha256');
    let buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
    let writing: Promise<unknown> = Promise.resolve();
    let size = 0;
    for (;;) {
      signal?.throwIfAborted();
      const buf = buffers[0]!;
      const { bytesRead } = await input.read(buf, 0, CHUNK, null);
      if (bytesRead === 0) break;
      hash.update(buf.subarray(0, bytesRead));
      await writing;
      writing = output.write(buf, 0, bytesRead);
      buffers = [buffers[1]!, buf];
      size += bytesRead;
      onBytes?.(bytesRead);
    }
    await writing;
    await output.datasync();
    return { sha256: hash.digest('hex'), size };
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
