// `--zip FILE`: the exported tree as one ZIP with UTF-8 names, streamed (archiver), written beside FILE and renamed.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ZipArchive } from 'archiver';
import { FIXED_DATE } from '../forms/ooxml.js';
import { listTree } from './manifest.js';

export async function zipTree(dir: string, file: string, signal?: AbortSignal): Promise<{ entries: number }> {
  const tmp = `${file}.baosong-tmp`;
  const rels = (await listTree(dir)).sort();
  const zip = new ZipArchive({ zlib: { level: 1 }, forceZip64: false });
  const out = createWriteStream(tmp);
  const done = new Promise<void>((resolve, reject) => {
    out.on('close', () => resolve());
    out.on('error', reject);
    zip.on('error', reject);
  });
  const abort = () => zip.abort();
  signal?.addEventListener('abort', abort, { once: true });
  zip.pipe(out);
  // Archiver sets the UTF-8 flag on every entry. Level 1: videos barely compress, so little time goes to trying.
  for (const rel of rels) zip.file(join(dir, rel), { name: rel, date: FIXED_DATE });
  void zip.finalize();
  try {
    await done;
    signal?.throwIfAborted();
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  } finally {
    signal?.removeEventListener('abort', abort);
  }
  await rename(tmp, file);
  return { entries: rels.length };
}
