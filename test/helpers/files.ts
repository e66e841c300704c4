// Generated test files: real containers made by real libraries, in a temp folder per test file.
import { fileURLToPath } from 'node:url';
import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipArchive } from 'archiver';
import CFB from 'cfb';

export const FIXTURES = fileURLToPath(new URL('../fixtures/realworld/', import.meta.url));

/** A new temporary folder, inside this run's own (removed when the run ends: test/global-tmp.ts). */
export function tempDir(prefix = 'baosong-test-'): string {
  return mkdtempSync(join(process.env.BAOSONG_TEST_TMP ?? tmpdir(), prefix));
}

/** A real ZIP (UTF-8 names) written by archiver. */
export function writeZip(path: string, entries: Record<string, string | Buffer>): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    const zip = new ZipArchive({ zlib: { level: 1 } });
    out.on('close', () => resolve());
    zip.on('error', reject);
    zip.pipe(out);
    for (const [name, data] of Object.entries(entries))
      zip.append(data, { name, date: new Date('2025-01-01T00:00:00Z') });
    void zip.finalize();
  });
}

/** A legacy Office (OLE compound) file holding the given streams, written by the cfb library. */
export function writeOle(path: string, streams: string[]): void {
  const doc = CFB.utils.cfb_new();
  for (const name of streams) CFB.utils.cfb_add(doc, `/${name}`, Buffer.alloc(600, 1));
  writeFileSync(path, CFB.write(doc, { type: 'buffer' }) as Buffer);
}

export function minimalPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}
