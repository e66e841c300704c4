// ZIP files written by the app: `--zip FILE` (the exported tree as one ZIP) and intake's repairs. Streamed
// (archiver, UTF-8 names), written beside the target under a temporary name and renamed when complete.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ZipArchive } from 'archiver';
import { archiver } from '../lazy.js';
import { FIXED_DATE } from '../forms/ooxml.js';
import { listTree } from './manifest.js';

/** Writes a ZIP that `fill` adds entries to; a failure or a cancel leaves nothing at `target`. */
export async function writeZipFile(target: string, fill: (zip: ZipArchive) => void | Promise<void>, options: { level: number; signal?: AbortSignal }): Promise<void> {
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

export async function zipTree(dir: string, file: string, signal?: AbortSignal): Promise<{ entries: number }> {
  const rels = (await listTree(dir)).sort();
  // Archiver sets the UTF-8 flag on every non-ASCII name. Level 1: videos barely compress, so little time goes to trying.
  await writeZipFile(file, (zip) => {
    for (const rel of rels) zip.file(join(dir, rel), { name: rel, date: FIXED_DATE });
  }, { level: 1, signal });
  return { entries: rels.length };
}
