// The heavy libraries, loaded on first use: a command that never probes a board, writes a form, a workbook or a ZIP
// never pays for them, and every command starts in a tenth of a second (loaded up front they cost ~0.9 s a command:
// exceljs ~280 ms, pdf-lib ~220 ms, pdfkit ~215 ms, archiver ~214 ms, sharp ~170 ms, fontkit ~140 ms, yauzl ~35 ms).
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import type * as Fontkit from 'fontkit';
import type PDFDocument from 'pdfkit';
import type Sharp from 'sharp';

const require = createRequire(import.meta.url);

let sharpLib: typeof Sharp | undefined;
let pdfLibMod: typeof import('pdf-lib') | undefined;
let yauzlMod: typeof import('yauzl') | undefined;
let excelMod: typeof ExcelJS | undefined;
let pdfkitMod: typeof PDFDocument | undefined;
let archiverMod: typeof import('archiver') | undefined;
let fontkitMod: typeof Fontkit | undefined;

export async function sharp(): Promise<typeof Sharp> {
  if (!sharpLib) {
    sharpLib = (await import('sharp')).default;
    // Boards at 300 dpi are ~21024 × 9272 px; metadata never decodes them, and nothing is worth caching.
    sharpLib.cache(false);
  }
  return sharpLib;
}

export async function pdfLib(): Promise<typeof import('pdf-lib')> {
  pdfLibMod ??= await import('pdf-lib');
  return pdfLibMod;
}

export async function yauzl(): Promise<typeof import('yauzl')> {
  yauzlMod ??= ((await import('yauzl')) as { default?: typeof import('yauzl') }).default ?? (await import('yauzl'));
  return yauzlMod;
}

export async function exceljs(): Promise<typeof ExcelJS> {
  excelMod ??= (await import('exceljs')).default;
  return excelMod;
}

export async function pdfkit(): Promise<typeof PDFDocument> {
  pdfkitMod ??= (await import('pdfkit')).default;
  return pdfkitMod;
}

export async function archiver(): Promise<typeof import('archiver')> {
  archiverMod ??= await import('archiver');
  return archiverMod;
}

/** fontkit, synchronously (the title card's glyph outlines are read inside synchronous layout code). */
export function fontkit(): typeof Fontkit {
  fontkitMod ??= require('fontkit') as typeof Fontkit;
  return fontkitMod;
}
