// Is the file whole? A cut-off copy (an interrupted download, a full USB stick) often keeps a readable header.
// Each check reads a few structure fields, never the data: box headers, end markers, section lengths, IFDs.
import { open, type FileHandle } from 'node:fs/promises';

async function readAt(fh: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, offset);
  return buf.subarray(0, bytesRead);
}

async function withFile<T>(path: string, fn: (fh: FileHandle) => Promise<T>): Promise<T> {
  const fh = await open(path, 'r');
  try {
    return await fn(fh);
  } finally {
    await fh.close();
  }
}

const CUT = '文件不完整(被截断，可能没有复制或下载完)';

/** MP4/QuickTime: every top-level box must end within the file. */
export function mp4Problem(path: string, size: number): Promise<string | null> {
  return withFile(path, async (fh) => {
    let at = 0;
    for (let i = 0; at < size && i < 100_000; i += 1) {
      const h = await readAt(fh, at, 16);
      if (h.length < 8) return `视频${CUT}`;
      let boxSize = h.readUInt32BE(0);
      if (boxSize === 1) {
        if (h.length < 16) return `视频${CUT}`;
        boxSize = Number(h.readBigUInt64BE(8));
      } else if (boxSize === 0) {
        return null; // the last box runs to the end of the file
      }
      if (boxSize < 8) return '视频文件结构损坏(无效的 MP4 box)';
      at += boxSize;
    }
    return at > size ? `视频${CUT}` : null;
  });
}

/** JPEG: the end-of-image marker within the last bytes (some writers append a little padding). */
export function jpegProblem(path: string, size: number): Promise<string | null> {
  return withFile(path, async (fh) => {
    const tail = await readAt(fh, Math.max(0, size - 1024), Math.min(1024, size));
    for (let i = tail.length - 2; i >= 0; i -= 1) if (tail[i] === 0xff && tail[i + 1] === 0xd9) return null;
    return `JPEG ${CUT}`;
  });
}

/** PNG: the IEND chunk at the end. */
export function pngProblem(path: string, size: number): Promise<string | null> {
  return withFile(path, async (fh) => {
    const tail = await readAt(fh, Math.max(0, size - 64), Math.min(64, size));
    return tail.includes(Buffer.from('IEND', 'latin1')) ? null : `PNG ${CUT}`;
  });
}

const TIFF_TYPE_SIZES: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
};

/** TIFF: the first IFD and the strips or tiles it lists must lie within the file. */
export function tiffProblem(path: string, size: number): Promise<string | null> {
  return withFile(path, async (fh) => {
    const head = await readAt(fh, 0, 8);
    if (head.length < 8) return `TIFF ${CUT}`;
    const le = head[0] === 0x49;
    const u16 = (b: Buffer, o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
    const u32 = (b: Buffer, o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
    if (u16(head, 2) !== 42) return null; // BigTIFF: not judged
    const ifd = u32(head, 4);
    const countBuf = await readAt(fh, ifd, 2);
    if (countBuf.length < 2) return `TIFF ${CUT}`;
    const n = u16(countBuf, 0);
    const entries = await readAt(fh, ifd + 2, n * 12);
    if (entries.length < n * 12) return `TIFF ${CUT}`;
    const arrays = new Map<number, number[]>();
    for (let i = 0; i < n; i += 1) {
      const e = i * 12;
      const tag = u16(entries, e);
      const type = u16(entries, e + 2);
      const count = u32(entries, e + 4);
      // Any value too big to sit in the entry (an ICC profile, XMP…) must lie within the file.
      const bytes = count * (TIFF_TYPE_SIZES[type] ?? 1);
      if (bytes > 4 && u32(entries, e + 8) + bytes > size) return `TIFF ${CUT}`;
      if (![273, 279, 324, 325].includes(tag)) continue;
      const width = type === 3 ? 2 : 4;
      const inline = count * width <= 4;
      const data = inline ? entries.subarray(e + 8, e + 12) : await readAt(fh, u32(entries, e + 8), count * width);
      if (data.length < count * width) return `TIFF ${CUT}`;
      arrays.set(
        tag,
        Array.from({ length: count }, (_, k) => (width === 2 ? u16(data, k * 2) : u32(data, k * 4))),
      );
    }
    const offsets = arrays.get(273) ?? arrays.get(324) ?? [];
    const counts = arrays.get(279) ?? arrays.get(325) ?? [];
    const end = offsets.reduce((m, o, k) => Math.max(m, o + (counts[k] ?? 0)), 0);
    return end > size ? `TIFF ${CUT}` : null;
  });
}

/** PSD/PSB: the colour, resources and layer sections' lengths must fit, with room left for the image data. */
export function psdProblem(path: string, size: number): Promise<string | null> {
  return withFile(path, async (fh) => {
    const head = await readAt(fh, 0, 26);
    if (head.length < 26) return `PSD ${CUT}`;
    const psb = head.readUInt16BE(4) === 2;
    let at = 26;
    for (const wide of [false, false, psb]) {
      const len = await readAt(fh, at, wide ? 8 : 4);
      if (len.length < (wide ? 8 : 4)) return `PSD ${CUT}`;
      at += (wide ? 8 : 4) + (wide ? Number(len.readBigUInt64BE(0)) : len.readUInt32BE(0));
      if (at > size) return `PSD ${CUT}`;
    }
    // The image data section starts with a 2-byte compression method.
    return at + 2 > size ? `PSD ${CUT}` : null;
  });
}

/** OLE compound files are whole sectors (the header fills the first one). */
export function oleProblem(size: number, sectorSize: number): string | null {
  return size < 2 * sectorSize || size % sectorSize !== 0 ? `Office ${CUT}` : null;
}
