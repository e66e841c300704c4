// Photoshop files: the 26-byte header and the ResolutionInfo image resource (0x03ED), read by hand.
// Reads the header and the image-resources section only; layers and pixels are never touched.
import { open } from 'node:fs/promises';
import type { ImageFacts } from '../../shared/model.js';

const COLOR_MODES: Record<number, string> = {
  0: 'bitmap',
  1: 'grayscale',
  2: 'indexed',
  3: 'rgb',
  4: 'cmyk',
  7: 'multichannel',
  8: 'duotone',
  9: 'lab',
};
const MAX_RESOURCES = 16 * 1024 * 1024;

export async function probePsd(path: string): Promise<ImageFacts> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(30);
    const { bytesRead } = await fh.read(head, 0, 30, 0);
    if (bytesRead < 30 || head.toString('latin1', 0, 4) !== '8BPS') throw new Error('PSD 文件头不完整');
    const version = head.readUInt16BE(4);
    if (version !== 1 && version !== 2) throw new Error(`不认识的 PSD 版本 ${version}`);
    const height = head.readUInt32BE(14);
    const width = head.readUInt32BE(18);
    const bitDepth = head.readUInt16BE(22);
    const mode = head.readUInt16BE(24);
    const colorDataLength = head.readUInt32BE(26);
    let dpi: number | null = null;
    const lenBuf = Buffer.alloc(4);
    const resourcesAt = 30 + colorDataLength;
    if ((await fh.read(lenBuf, 0, 4, resourcesAt)).bytesRead === 4) {
      const length = Math.min(lenBuf.readUInt32BE(0), MAX_RESOURCES);
      const res = Buffer.alloc(length);
      const got = (await fh.read(res, 0, length, resourcesAt + 4)).bytesRead;
      dpi = resolutionFrom(res.subarray(0, got));
    }
    if (!width || !height) throw new Error('PSD 尺寸为 0');
    return {
      format: version === 2 ? 'psb' : 'psd',
      width,
      height,
      space: COLOR_MODES[mode] ?? `mode-${mode}`,
      dpi,
      bitDepth,
    };
  } finally {
    await fh.close();
  }
}

/** Walks the 8BIM resource blocks for ResolutionInfo; its hRes is a 16.16 fixed-point pixels-per-inch value. */
function resolutionFrom(buf: Buffer): number | null {
  let p = 0;
  while (p + 12 <= buf.length) {
    if (buf.toString('latin1', p, p + 4) !== '8BIM') return null;
    const id = buf.readUInt16BE(p + 4);
    const nameLength = buf[p + 6]!;
    let q = p + 6 + 1 + nameLength;
    if ((1 + nameLength) % 2) q += 1;
    if (q + 4 > buf.length) return null;
    const size = buf.readUInt32BE(q);
    const data = q + 4;
    if (id === 0x03ed && size >= 16 && data + 16 <= buf.length) {
      const hRes = buf.readUInt32BE(data) / 65536;
      return hRes > 0 ? Math.round(hRes * 100) / 100 : null;
    }
    p = data + size + (size % 2);
  }
  return null;
}
