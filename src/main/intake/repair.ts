// Repairs made by intake: NEW files in the catalog's workspace folder, never a change to a source.
// - a ZIP whose names are GBK (no UTF-8 flag) is re-packed with UTF-8 names, entry by entry (streamed);
// - loose material files (or a folder of them) are packed into 相关材料.zip;
// - a ZIP that holds a whole work is unpacked into a folder of the workspace and read as that work's folder.
// Each is written to a temporary name beside its target and renamed when complete (writeZipFile).
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { BaosongError } from '../../shared/errors.js';
import { decodeEntryName, isUnsafePath } from '../inspect/zip.js';
import { writeZipFile } from '../export/zip.js';

/** Re-packs `source` into `target` with UTF-8 names. Refuses an archive with encrypted entries (cannot be re-packed). */
export async function repackZip(source: string, target: string): Promise<{ entries: number; skipped: string[] }> {
  const skipped: string[] = [];
  let entries = 0;
  await writeZipFile(target, (zip) =>
    new Promise<void>((resolve, reject) => {
      yauzl.open(source, { lazyEntries: true, decodeStrings: false, autoClose: true, validateEntrySizes: true }, (err, zf) => {
        if (err || !zf) return reject(new BaosongError('bad-input', `无法打开 ${source}：${err?.message ?? ''}`));
        zf.on('error', reject);
        zf.on('end', () => resolve());
        zf.on('entry', (entry: yauzl.Entry) => {
          const { name } = decodeEntryName({
            rawName: entry.fileName as unknown as Buffer,
            generalPurposeBitFlag: entry.generalPurposeBitFlag,
            compressedSize: entry.compressedSize,
            uncompressedSize: entry.uncompressedSize,
            extraFields: entry.extraFields,
          });
          const clean = name.replace(/\\/g, '/');
          if (entry.generalPurposeBitFlag & 1) {
            zf.close();
            return reject(new BaosongError('bad-input', `${source} 中有加密的文件(${clean})，无法重新打包`));
          }
          if (isUnsafePath(clean)) {
            skipped.push(clean);
            return zf.readEntry();
          }
          if (clean.endsWith('/')) {
            zip.append('', { name: clean, date: entry.getLastModDate() });
            return zf.readEntry();
          }
          zf.openReadStream(entry, (e, stream) => {
            if (e || !stream) return reject(e ?? new Error('no stream'));
            entries += 1;
            // One entry at a time: the next is read when archiver has taken this one in (memory stays flat).
            zip.once('entry', () => zf.readEntry());
            zip.append(stream as Readable, { name: clean, date: entry.getLastModDate() });
          });
        });
        zf.readEntry();
      });
    }),
    { level: 6 },
  );
  return { entries, skipped };
}

/** Packs files (absolute path → name inside the archive) into `target`. */
export async function packFiles(files: { abs: string; name: string }[], target: string): Promise<{ entries: number }> {
  await writeZipFile(target, (zip) => {
    for (const f of files) zip.file(f.abs, { name: f.name });
  }, { level: 6 });
  return { entries: files.length };
}

/**
 * Unpacks a ZIP that holds a whole work into `targetDir` (in the workspace, never beside the source): names decoded
 * as the check decodes them, unsafe paths skipped, streamed entry by entry into a partial folder renamed when done.
 * An archive unpacked before (the same target, named by the source's path, size and mtime) is reused. Refuses an
 * archive with encrypted entries.
 */
export async function unpackZip(source: string, targetDir: string): Promise<{ files: number; skipped: string[]; reused: boolean }> {
  if (existsSync(targetDir)) return { files: 0, skipped: [], reused: true };
  const partial = `${targetDir}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  const skipped: string[] = [];
  let files = 0;
  try {
    await new Promise<void>((resolvePromise, reject) => {
      yauzl.open(source, { lazyEntries: true, decodeStrings: false, autoClose: true, validateEntrySizes: true }, (err, zf) => {
        if (err || !zf) return reject(new BaosongError('bad-input', `无法打开 ${source}：${err?.message ?? ''}`));
        zf.on('error', reject);
        zf.on('end', () => resolvePromise());
        zf.on('entry', (entry: yauzl.Entry) => {
          const { name } = decodeEntryName({
            rawName: entry.fileName as unknown as Buffer,
            generalPurposeBitFlag: entry.generalPurposeBitFlag,
            compressedSize: entry.compressedSize,
            uncompressedSize: entry.uncompressedSize,
            extraFields: entry.extraFields,
          });
          const clean = name.replace(/\\/g, '/');
          if (entry.generalPurposeBitFlag & 1) {
            zf.close();
            return reject(new BaosongError('bad-input', `${source} 中有加密的文件(${clean})，无法解压`));
          }
          if (isUnsafePath(clean) || clean.split('/').some((p) => p === '..')) {
            skipped.push(clean);
            return zf.readEntry();
          }
          const out = join(partial, ...clean.split('/').filter(Boolean));
          if (clean.endsWith('/')) {
            mkdir(out, { recursive: true }).then(() => zf.readEntry(), reject);
            return;
          }
          zf.openReadStream(entry, (e, stream) => {
            if (e || !stream) return reject(e ?? new Error('no stream'));
            mkdir(dirname(out), { recursive: true })
              .then(() => pipeline(stream, createWriteStream(out, { flags: 'wx' })))
              .then(() => {
                files += 1;
                zf.readEntry();
              }, reject);
          });
        });
        zf.readEntry();
      });
    });
    await rename(partial, targetDir);
  } catch (e) {
    await rm(partial, { recursive: true, force: true });
    throw e;
  }
  return { files, skipped, reused: false };
}
