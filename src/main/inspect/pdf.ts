// PDF facts: header version, whether the file ends (%%EOF), an encryption dictionary, page count and page size.
// The head and tail are read directly; pdf-lib parses the structure of files up to FULL_PARSE_LIMIT only.
import { open, readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import type { PdfFacts } from '../../shared/model.js';

const EDGE = 64 * 1024;
const FULL_PARSE_LIMIT = 64 * 1024 * 1024;

async function edges(path: string, size: number): Promise<{ head: string; tail: string }> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(EDGE, size));
    await fh.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(EDGE, size));
    await fh.read(tail, 0, tail.length, Math.max(0, size - tail.length));
    return { head: head.toString('latin1'), tail: tail.toString('latin1') };
  } finally {
    await fh.close();
  }
}

function mediaBoxIn(text: string): [number, number] | null {
  const m = /\/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]/.exec(text);
  if (!m) return null;
  const [x0, y0, x1, y1] = m.slice(1).map(Number) as [number, number, number, number];
  return [Math.abs(x1 - x0), Math.abs(y1 - y0)];
}

export async function probePdf(path: string, size: number): Promise<PdfFacts> {
  const { head, tail } = await edges(path, size);
  const version = /%PDF-(\d\.\d)/.exec(head)?.[1] ?? '';
  const facts: PdfFacts = {
    version,
    complete: tail.includes('%%EOF'),
    // The trailer (or the xref stream's dictionary) names /Encrypt; linearized files repeat it at the start.
    encrypted: /\/Encrypt\s/.test(tail) || /\/Encrypt\s/.test(head.slice(0, 4096)),
    pages: null,
    pageWidthPt: null,
    pageHeightPt: null,
  };
  if (size <= FULL_PARSE_LIMIT) {
    try {
      const doc = await PDFDocument.load(await readFile(path), { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
      facts.pages = doc.getPageCount();
      facts.encrypted ||= doc.isEncrypted;
      const page = doc.getPage(0);
      const { width, height } = page.getSize();
      const turned = Math.abs(page.getRotation().angle % 180) === 90;
      facts.pageWidthPt = turned ? height : width;
      facts.pageHeightPt = turned ? width : height;
    } catch {
      // Structure not parseable by pdf-lib: the head/tail facts stand; the size falls back to the text scan.
    }
  }
  if (facts.pageWidthPt === null) {
    const box = mediaBoxIn(head) ?? mediaBoxIn(tail);
    if (box) [facts.pageWidthPt, facts.pageHeightPt] = box;
  }
  return facts;
}
