// Repairs made by intake: NEW files in the catalog's workspace folder, never a change to a source.
// - a ZIP whose names are GBK (no UTF-8 flag) is re-packed with UTF-8 names, entry by entry (streamed);
// - loose material files (or a folder of them) are packed into 相关材料.zip;
// - a ZIP that holds a whole work is unpacked into a folder of the workspace and read as that work's folder.
// Each is written to a temporary name beside its target and renamed when complete (writeZipFile).
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm, statfs } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { BaosongError } from '../../shared/errors.js';
import { decodeEntryName, isUnsafePath, readZipEntries } from '../inspect/zip.js';
import { removeDeadLeftovers } from '../atomic.js';
import { writeZipFile } from '../fs/zip.js';
import { killPoint } from '../fs/kill-point.js';

/**
 * Each entry of a ZIP, one at a time, named as the check names it (decoded, `/` separators). An archive with an
 * encrypted entry is refused (`what` says what could then not be done); unsafe paths are skipped and listed.
 * `take` gets the entry's name and a function to open its data; the next entry is read when it resolves.
 */
function eachEntry(
  source: string,
  what: string,
  skipped: string[],
  take: (name: string, entry: yauzl.Entry, open: () => Promise<Readable>) => Promise<void>,
): Promise<void> {
  return new Promise<void>((resolvePromise, reject) => {
    yauzl.open(
      source,
      { lazyEntries: true, decodeStrings: false, autoClose: true, validateEntrySizes: true },
      (err, zf) => {
        if (err || !zf) return reject(new BaosongError('bad-input', `无法打开 ${source}：${err?.message ?? ''}`));
        zf.on('error', reject);
        zf.on('end', () => resolvePromise());
        zf.on('entry', (entry: yauzl.Entry) => {
          const name = decodeEntryName({
            rawName: entry.fileName as unknown as Buffer,
            generalPurposeBitFlag: entry.generalPurposeBitFlag,
            compressedSize: entry.compressedSize,
            uncompressedSize: entry.uncompressedSize,
            extraFields: entry.extraFields,
          }).name.replace(/\\/g, '/');
          if (entry.generalPurposeBitFlag & 1) {
            zf.close();
            return reject(new BaosongError('bad-input', `${source} 中有加密的文件(${name})，${what}`));
          }
          if (isUnsafePath(name)) {
            skipped.push(name);
            return zf.readEntry();
          }
          const open = () =>
            new Promise<Readable>((resolveStream, rejectStream) =>
              zf.openReadStream(entry, (e, stream) =>
                e || !stream ? rejectStream(e ?? new Error('no stream')) : resolveStream(stream),
              ),
            );
          take(name, entry, open).then(() => zf.readEntry(), reject);
        });
        zf.readEntry();
      },
    );
  });
}

/** Re-packs `source` into `target` with UTF-8 names. Refuses an archive with encrypted entries (cannot be re-packed). */
export async function repackZip(source: string, target: string): Promise<{ entries: number; skipped: string[] }> {
  const skipped: string[] = [];
  let entries = 0;
  await writeZipFile(
    target,
    (zip) =>
      eachEntry(source, '无法重新打包', skipped, async (name, entry, open) => {
        if (name.endsWith('/')) {
          zip.append('', { name, date: entry.getLastModDate() });
          return;
        }
        const stream = await open();
        entries += 1;
        // One entry at a time: the next is read when archiver has taken this one in (memory stays flat).
        await new Promise<void>((taken) => {
          zip.once('entry', () => taken());
          zip.append(stream, { name, date: entry.getLastModDate() });
        });
      }),
    { level: 6 },
  );
  return { entries, skipped };
}

/** Packs files (absolute path → name inside the archive) into `target`. */
export async function packFiles(files: { abs: string; name: string }[], target: string): Promise<{ entries: number }> {
  await writeZipFile(
    target,
    (zip) => {
      for (const f of files) zip.file(f.abs, { name: f.name });
    },
    { level: 6 },
  );
  return { entries: files.length };
}

/**
 * Unpacks a ZIP that holds a whole work into `targetDir` (in the workspace, never beside the source): names decoded
 * as the check decodes them, unsafe paths skipped, streamed entry by entry into a partial folder renamed when done.
 * An archive unpacked before (the same target, named by the source's path, size and mtime) is reused. Refuses an
 * archive with encrypted entries.
 */
export async function unpackZip(
  source: string,
  targetDir: string,
): Promise<{ files: number; skipped: string[]; reused: boolean }> {
  if (existsSync(targetDir)) return { files: 0, skipped: [], reused: true };
  await removeDeadLeftovers(dirname(targetDir), 0, /\.partial-(\d+)$/);
  await checkBudget(source, dirname(targetDir));
  const partial = `${targetDir}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  const skipped: string[] = [];
  let files = 0;
  try {
    await eachEntry(source, '无法解压', skipped, async (name, _entry, open) => {
      const out = join(partial, ...name.split('/').filter(Boolean));
      if (name.endsWith('/')) {
        await mkdir(out, { recursive: true });
        return;
      }
      await mkdir(dirname(out), { recursive: true });
      await pipeline(await open(), createWriteStream(out, { flags: 'wx' }));
      files += 1;
      if (files === 2) killPoint('unpack-mid');
    });
    await rename(partial, targetDir);
  } catch (e) {
    await rm(partial, { recursive: true, force: true });
    throw e;
  }
  return { files, skipped, reused: false };
}

/** What one unpack may take: entries, bytes, and how far an entry may expand (a "ZIP bomb" expands thousands of times). */
export const UNPACK_LIMITS = { entries: 200_000, bytes: 256 * 1024 ** 3, ratio: 200, ratioFloor: 64 * 1024 ** 2 };

/**
 * Reads the archive's central directory (names and sizes only) before anything is written: refuses one with too
 * many entries, an entry that expands past any real document's ratio, or more bytes than the disk has free.
 */
async function checkBudget(source: string, into: string): Promise<void> {
  let entries = 0;
  let bytes = 0;
  let bomb: string | null = null;
  await readZipEntries(source, (e) => {
    entries += 1;
    bytes += e.uncompressedSize;
    if (
      !bomb &&
      e.uncompressedSize > UNPACK_LIMITS.ratioFloor &&
      e.uncompressedSize > UNPACK_LIMITS.ratio * Math.max(1, e.compressedSize)
    )
      bomb = decodeEntryName(e).name;
    return entries <= UNPACK_LIMITS.entries && !bomb;
  }).catch((e: Error) => {
    throw new BaosongError('bad-input', `无法读取压缩包 ${source}：${e.message}`);
  });
  const gb = (n: number) => `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (bomb)
    throw new BaosongError(
      'bad-input',
      `${source} 中的 ${bomb} 解压后比压缩时大 ${UNPACK_LIMITS.ratio} 倍以上(异常的压缩包)：没有解压，请对方重新打包发送`,
    );
  if (entries > UNPACK_LIMITS.entries)
    throw new BaosongError(
      'bad-input',
      `${source} 中的文件超过 ${UNPACK_LIMITS.entries} 个：没有解压，请确认这是单位报送的压缩包`,
    );
  if (bytes > UNPACK_LIMITS.bytes)
    throw new BaosongError('bad-input', `${source} 解压后有 ${gb(bytes)}，超过 ${gb(UNPACK_LIMITS.bytes)}：没有解压`);
  await mkdir(into, { recursive: true });
  const fs = await statfs(into).catch(() => null);
  const free = fs ? fs.bavail * fs.bsize : Infinity;
  if (bytes + 64 * 1024 ** 2 > free) {
    throw Object.assign(
      new BaosongError(
        'io',
        `解压 ${source} 需要 ${gb(bytes)}，${into} 所在磁盘只剩 ${gb(free)}：磁盘已满，没有解压(这不是压缩包的问题，请先腾出空间)`,
      ),
      { diskFull: true },
    );
  }
}
