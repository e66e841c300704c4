// Copies that hash while they copy: a copy-on-write clone where the file system allows (then hashed by
// reading), else a kernel byte copy with the hashing on a worker thread beside it. Never a hard link.
import { constants } from 'node:fs';
import { copyFile, rm, stat } from 'node:fs/promises';
import { BaosongError } from '../../shared/errors.js';
import { hashFile, type HashPool } from '../fs/hash.js';

const NO_CLONE = new Set(['ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'EINVAL', 'ENOSYS', 'ENOTTY', 'EPERM']);

export interface CopyResult {
  sha256: string;
  size: number;
  cloned: boolean;
}

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

const sameFile = (a: { size: number; mtimeMs: number }, b: { size: number; mtimeMs: number }) =>
  a.size === b.size && a.mtimeMs === b.mtimeMs;

/**
 * A byte copy by the kernel (copy_file_range where there is one: no trip through user space), while a worker
 * thread reads the same source and hashes it on another core. The source must not change meanwhile: its size and
 * mtime are compared before and after, so the hash is the hash of the bytes copied.
 */
async function byteCopy(
  pool: HashPool,
  src: string,
  dst: string,
  onBytes?: (n: number) => void,
  signal?: AbortSignal,
): Promise<{ sha256: string; size: number }> {
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
