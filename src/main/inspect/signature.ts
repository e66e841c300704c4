// What a file IS, from its first bytes (and for ZIP and OLE containers, their directories): never its name.
import { open } from 'node:fs/promises';
import type { ContentKind } from '../../shared/model.js';

export const HEAD_BYTES = 4096;

const ascii = (buf: Buffer, start: number, text: string) => buf.toString('latin1', start, start + text.length) === text;
const bytes = (buf: Buffer, start: number, sig: number[]) => sig.every((b, i) => buf[start + i] === b);

/** Kinds that only the head can tell. ZIP and OLE need their directories: see sniffFile. */
export function sniffHead(head: Buffer): ContentKind | 'zip-container' | 'ole-container' {
  if (head.length === 0) return 'empty';
  if (head.length >= 8 && ascii(head, 4, 'ftyp')) return 'mp4';
  // Acrobat accepts up to 1 KB of junk before the header; so do we.
  if (head.subarray(0, 1024).indexOf('%PDF-', 0, 'latin1') !== -1) return 'pdf';
  if (bytes(head, 0, [0x50, 0x4b, 0x03, 0x04]) || bytes(head, 0, [0x50, 0x4b, 0x05, 0x06])) return 'zip-container';
  if (bytes(head, 0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole-container';
  if (bytes(head, 0, [0xff, 0xd8, 0xff])) return 'jpg';
  if (bytes(head, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (bytes(head, 0, [0x49, 0x49, 0x2a, 0x00]) || bytes(head, 0, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (bytes(head, 0, [0x49, 0x49, 0x2b, 0x00]) || bytes(head, 0, [0x4d, 0x4d, 0x00, 0x2b])) return 'tiff';
  if (ascii(head, 0, '8BPS')) return 'psd';
  if (ascii(head, 0, '%!PS-Adobe') || bytes(head, 0, [0xc5, 0xd0, 0xd3, 0xc6])) return 'postscript';
  if (ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a')) return 'gif';
  if (ascii(head, 0, 'BM') && head.length >= 26) return 'bmp';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return 'webp';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'AVI ')) return 'avi';
  if (ascii(head, 0, 'FLV')) return 'flv';
  if (bytes(head, 0, [0x1a, 0x45, 0xdf, 0xa3])) return 'mkv';
  if (ascii(head, 0, 'Rar!\x1a\x07')) return 'rar';
  if (bytes(head, 0, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (looksLikeText(head)) return 'text';
  return 'unknown';
}

/** Text: no NUL and few control bytes. Encoding is not judged (UTF-8 and GB18030 scripts both pass). */
function looksLikeText(head: Buffer): boolean {
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control += 1;
  }
  return control <= head.length / 100;
}

/** Reads the head of a file (at most HEAD_BYTES). */
export async function readHead(path: string, length = HEAD_BYTES): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
