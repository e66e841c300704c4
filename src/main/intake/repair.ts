// Repairs made by intake: NEW files in the catalog's workspace folder, never a change to a source.
// - a ZIP whose names are GBK (no UTF-8 flag) is re-packed with UTF-8 names, entry by entry (streamed);
// - loose material files (or a folder of them) are packed into 相关材料.zip.
// Each is written to a temporary name beside its target and renamed when complete (writeZipFile).
import type { Readable } from 'node:stream';
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
