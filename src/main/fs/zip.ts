// ZIP files written by the app, streamed (archiver, UTF-8 names), written beside the target under a temporary name and
// renamed when complete: the export's --zip, intake's repairs.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ZipArchive } from 'archiver';
import { archiver } from '../lazy.js';

/** Writes a ZIP that `fill` adds entries to; a failure or a cancel leaves nothing at `target`. */
export async function writeZipFile(
  target: string,
  fill: (zip: ZipArchive) => void | Promise<void>,
  options: { level: number; signal?: AbortSignal },
): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.baosong-tmp`;
  const zip = new (await archiver()).ZipArchive({ zlib: { level: options.level }, forceZip64: false });
  const out = createWriteStream(tmp);
  const done = new Promise<void>((resolve, reject) => {
    out.on('close', () => resolve());
    out.on('error', reject);
    zip.on('error', reject);
  });
  const abort = () => zip.abort();
  options.signal?.addEventListener('abort', abort, { once: true });
  zip.pipe(out);
  try {
    await fill(zip);
    void zip.finalize();
    await done;
    options.signal?.throwIfAborted();
    await rename(tmp, target);
  } catch (e) {
    zip.abort();
    await rm(tmp, { force: true });
    throw e;
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
}
