// ZIP central directory, read lazily with yauzl: never extracts, never reads the entries' data.
import { crc32 } from 'node:zlib';
import iconv from 'iconv-lite';
import type yauzlTypes from 'yauzl';
import { yauzl } from '../lazy.js';
import type { ZipFacts } from '../../shared/model.js';

export interface ZipEntryFact {
  /** The raw name bytes: decoding (UTF-8 flag, Unicode path field, GB18030) is the caller's business. */
  rawName: Buffer;
  generalPurposeBitFlag: number;
  compressedSize: number;
  uncompressedSize: number;
  extraFields: { id: number; data: Buffer }[];
}

export class ZipReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipReadError';
  }
}

/**
 * Walks the central directory. `visit` may return false to stop early (the OOXML sniff needs one name).
 * decodeStrings is off so that yauzl neither guesses an encoding nor refuses unsafe names: those are findings.
 */
export async function readZipEntries(path: string, visit: (entry: ZipEntryFact) => boolean | void): Promise<number> {
  const lib = await yauzl();
  return new Promise((resolvePromise, reject) => {
    lib.open(
      path,
      { lazyEntries: true, decodeStrings: false, autoClose: true, validateEntrySizes: false },
      (err, zip) => {
        if (err || !zip) {
          reject(new ZipReadError(err?.message ?? 'cannot open'));
          return;
        }
        let count = 0;
        let done = false;
        const finish = (error?: Error) => {
          if (done) return;
          done = true;
          zip.close();
          if (error) reject(new ZipReadError(error.message));
          else resolvePromise(count);
        };
        zip.on('error', (e: Error) => finish(e));
        zip.on('end', () => finish());
        zip.on('entry', (entry: yauzlTypes.Entry) => {
          count += 1;
          const keepGoing = visit({
            rawName: entry.fileName as unknown as Buffer,
            generalPurposeBitFlag: entry.generalPurposeBitFlag,
            compressedSize: entry.compressedSize,
            uncompressedSize: entry.uncompressedSize,
            extraFields: entry.extraFields,
          });
          if (keepGoing === false) finish();
          else zip.readEntry();
        });
        zip.readEntry();
      },
    );
  });
}

const UTF8_FLAG = 0x0800;
const INFOZIP_UNICODE_PATH = 0x7075;

/**
 * An entry's name: the UTF-8 flag, then the Info-ZIP Unicode path field (if its CRC matches), then the bytes as
 * UTF-8 when they are valid UTF-8 (Linux's and macOS's zip write UTF-8 without the flag; GBK-encoded Chinese is
 * practically never valid UTF-8), then GB18030.
 */
export function decodeEntryName(entry: ZipEntryFact): { name: string; legacy: boolean } {
  if (entry.generalPurposeBitFlag & UTF8_FLAG) return { name: entry.rawName.toString('utf8'), legacy: false };
  const unicode = entry.extraFields.find((f) => f.id === INFOZIP_UNICODE_PATH);
  if (
    unicode &&
    unicode.data.length > 5 &&
    unicode.data[0] === 1 &&
    unicode.data.readUInt32LE(1) === crc32(entry.rawName)
  ) {
    return { name: unicode.data.subarray(5).toString('utf8'), legacy: false };
  }
  if (entry.rawName.every((b) => b < 0x80)) return { name: entry.rawName.toString('latin1'), legacy: false };
  try {
    return { name: new TextDecoder('utf-8', { fatal: true }).decode(entry.rawName), legacy: false };
  } catch {
    // not UTF-8: a legacy code page
  }
  // Decode BEFORE looking at separators: a GBK or Shift-JIS trail byte can be 0x5C ("\\").
  return { name: iconv.decode(entry.rawName, 'gb18030'), legacy: true };
}

export function isUnsafePath(name: string): boolean {
  const n = name.replace(/\\/g, '/');
  return n.startsWith('/') || /^[A-Za-z]:/.test(n) || n.split('/').includes('..');
}

export interface ZipScan {
  kind: 'docx' | 'pptx' | 'xlsx' | 'zip';
  facts: ZipFacts;
}

const LIST_LIMIT = 20;

/** One pass over the central directory: what the package is, and the facts the zip.* rules need. */
export async function scanZip(path: string): Promise<ZipScan> {
  let contentTypes = false;
  let part: 'docx' | 'pptx' | 'xlsx' | null = null;
  const facts: ZipFacts = {
    entries: 0,
    encrypted: [],
    encryptedCount: 0,
    legacyNames: [],
    legacyCount: 0,
    unsafePaths: [],
    unsafeCount: 0,
    compressedBytes: 0,
    uncompressedBytes: 0,
  };
  const note = (list: string[], name: string) => {
    if (list.length < LIST_LIMIT) list.push(name);
  };
  facts.entries = await readZipEntries(path, (e) => {
    const { name, legacy } = decodeEntryName(e);
    if (name === '[Content_Types].xml') contentTypes = true;
    else if (name === 'word/document.xml') part = 'docx';
    else if (name.startsWith('ppt/')) part ??= 'pptx';
    else if (name === 'xl/workbook.xml') part ??= 'xlsx';
    if (e.generalPurposeBitFlag & 1) {
      facts.encryptedCount += 1;
      note(facts.encrypted, name);
    }
    if (legacy) {
      facts.legacyCount += 1;
      note(facts.legacyNames, name);
    }
    if (isUnsafePath(name)) {
      facts.unsafeCount += 1;
      note(facts.unsafePaths, name);
    }
    facts.compressedBytes += e.compressedSize;
    facts.uncompressedBytes += e.uncompressedSize;
  });
  return { kind: part && contentTypes ? part : 'zip', facts };
}
