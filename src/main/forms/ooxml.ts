// Byte-identical Office files: docx and exceljs stamp "now" into docProps/core.xml and into every ZIP entry.
// This re-packs a package with one fixed date, so the same catalog always gives the same bytes.
import { archiver } from '../lazy.js';
import yauzl from 'yauzl';

import { FIXED_DATE } from '../fs/fixed-date.js';

async function entries(buffer: Buffer): Promise<{ name: string; data: Buffer }[]> {
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true });
  const out: { name: string; data: Buffer }[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(err ?? new Error('no stream'));
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
          zip.readEntry();
        });
        stream.on('error', reject);
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return out;
}

export async function normalizeOoxml(buffer: Buffer): Promise<Buffer> {
  const files = await entries(buffer);
  const iso = FIXED_DATE.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const zip = new (await archiver()).ZipArchive({ zlib: { level: 6 } });
  const chunks: Buffer[] = [];
  zip.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    zip.on('end', () => resolve());
    zip.on('error', reject);
  });
  // [Content_Types].xml first, as Office writes it; the rest in name order.
  files.sort((a, b) =>
    a.name === '[Content_Types].xml' ? -1 : b.name === '[Content_Types].xml' ? 1 : a.name < b.name ? -1 : 1,
  );
  for (const f of files) {
    let data = f.data;
    if (f.name === 'docProps/core.xml') {
      data = Buffer.from(
        f.data.toString('utf8').replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`),
        'utf8',
      );
    }
    zip.append(data, { name: f.name, date: FIXED_DATE });
  }
  void zip.finalize();
  await done;
  return Buffer.concat(chunks);
}
