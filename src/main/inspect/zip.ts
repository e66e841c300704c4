// ZIP central directory, read lazily with yauzl: never extracts, never reads the entries' data.
import yauzl from 'yauzl';

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
export function readZipEntries(path: string, visit: (entry: ZipEntryFact) => boolean | void): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    yauzl.open(path, { lazyEntries: true, decodeStrings: false, autoClose: true, validateEntrySizes: false }, (err, zip) => {
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
      zip.on('entry', (entry: yauzl.Entry) => {
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
    });
  });
}

/** What an OOXML package is, from its part names; 'zip' for any other archive. */
export async function sniffZip(path: string): Promise<'docx' | 'pptx' | 'xlsx' | 'zip'> {
  let kind: 'docx' | 'pptx' | 'xlsx' | 'zip' = 'zip';
  let contentTypes = false;
  let part: 'docx' | 'pptx' | 'xlsx' | null = null;
  await readZipEntries(path, (e) => {
    const name = e.rawName.toString('latin1');
    if (name === '[Content_Types].xml') contentTypes = true;
    else if (name === 'word/document.xml') part = 'docx';
    else if (name.startsWith('ppt/')) part ??= 'pptx';
    else if (name === 'xl/workbook.xml') part ??= 'xlsx';
    if (part === 'docx' && contentTypes) return false;
  });
  if (part && contentTypes) kind = part;
  return kind;
}
