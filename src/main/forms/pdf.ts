// Print-ready PDFs of the forms (pdfkit), with Source Han Sans SC embedded as a subset, so that a printer or a
// PC without Chinese fonts shows the same page. ☐/☑ come from DejaVu Sans (Source Han Sans lacks them).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { appResources } from '../resources.js';
import type { FormCell, FormDoc } from './content.js';
import { FIXED_DATE } from './ooxml.js';

const FONTS = appResources().fontsDir;
const REGULAR = join(FONTS, 'SourceHanSansSC-Regular.otf');
const BOLD = join(FONTS, 'SourceHanSansSC-Bold.otf');
const SYMBOLS = join(FONTS, 'DejaVuSans.ttf');

const SIZE = 10.5;
const PAD = 4;
const MARGIN = 56;
const LINE_GAP = 2;

export function fontsAvailable(): boolean {
  return existsSync(REGULAR) && existsSync(BOLD) && existsSync(SYMBOLS);
}

type Doc = PDFKit.PDFDocument;

function newDoc(title: string, landscape = false): Doc {
  if (!fontsAvailable()) throw new Error(`缺少字体文件(${FONTS})：请运行 npm run build`);
  const doc = new PDFDocument({
    size: 'A4',
    layout: landscape ? 'landscape' : 'portrait',
    margin: MARGIN,
    compress: true,
    info: { Title: title, Creator: '报送助手', Producer: '报送助手', CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
  });
  doc.registerFont('body', REGULAR);
  doc.registerFont('bold', BOLD);
  doc.registerFont('sym', SYMBOLS);
  doc.font('body').fontSize(SIZE);
  return doc;
}

function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Writes text at (x, y) within width, line by line, switching to the symbol font for ☐ and ☑. */
function write(doc: Doc, text: string, x: number, y: number, width: number, o: { bold?: boolean; align?: 'left' | 'center' | 'right' } = {}): void {
  let top = y;
  for (const line of text.split('\n')) {
    const parts = line.split(/([☐☑])/).filter((p) => p !== '');
    const opts = { width, lineGap: LINE_GAP, align: o.align };
    if (parts.length === 0) {
      top += doc.currentLineHeight(true) + LINE_GAP;
      continue;
    }
    doc.font(o.bold ? 'bold' : 'body');
    if (parts.length === 1) doc.text(line, x, top, opts);
    else {
      parts.forEach((part, i) => {
        const sym = part === '☐' || part === '☑';
        doc.font(sym ? 'sym' : o.bold ? 'bold' : 'body');
        const more = { ...opts, continued: i < parts.length - 1 };
        if (i === 0) doc.text(part, x, top, more);
        else doc.text(part, more);
      });
    }
    top = doc.y;
  }
  doc.font('body');
}

function heightOf(doc: Doc, text: string, width: number, bold?: boolean): number {
  if (text === '') return doc.currentLineHeight(true) + LINE_GAP;
  doc.font(bold ? 'bold' : 'body');
  const h = doc.heightOfString(text.replace(/[☐☑]/g, '口'), { width, lineGap: LINE_GAP });
  doc.font('body');
  return h;
}

function cellHeight(doc: Doc, c: FormCell, width: number): number {
  const line = doc.currentLineHeight(true) + LINE_GAP;
  const body = Math.max(heightOf(doc, c.text, width, c.bold), (c.minLines ?? 1) * line);
  return body + (c.sign?.length ?? 0) * line + 2 * PAD;
}

function drawTitle(doc: Doc, form: FormDoc): void {
  const width = doc.page.width - 2 * MARGIN;
  doc.font('bold').fontSize(18).text(form.title, MARGIN, doc.y, { width, align: 'center' });
  if (form.subtitle) doc.font('body').fontSize(12).text(form.subtitle, { width, align: 'center' });
  doc.font('body').fontSize(SIZE).moveDown(0.8);
}

function drawTable(doc: Doc, form: FormDoc): void {
  const width = doc.page.width - 2 * MARGIN;
  const scale = width / form.widths.reduce((a, b) => a + b, 0);
  const cols = form.widths.map((w) => w * scale);
  const bottom = doc.page.height - MARGIN;
  let y = doc.y;
  for (const row of form.rows) {
    let col = 0;
    const cells = row.map((c) => {
      const span = c.span ?? 1;
      const x = MARGIN + cols.slice(0, col).reduce((a, b) => a + b, 0);
      const w = cols.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      return { c, x, w };
    });
    const h = Math.max(...cells.map(({ c, w }) => cellHeight(doc, c, w - 2 * PAD)));
    if (y + h > bottom && y > MARGIN + 40) {
      doc.addPage();
      y = MARGIN;
    }
    const line = doc.currentLineHeight(true) + LINE_GAP;
    for (const { c, x, w } of cells) {
      doc.lineWidth(0.6).rect(x, y, w, h).stroke();
      const textH = heightOf(doc, c.text, w - 2 * PAD, c.bold);
      const top = c.center && !c.sign ? y + (h - textH) / 2 : y + PAD;
      write(doc, c.text, x + PAD, top, w - 2 * PAD, { bold: c.bold, align: c.center ? 'center' : 'left' });
      (c.sign ?? []).forEach((s, i) => {
        const sy = y + h - PAD - (c.sign!.length - i) * line;
        if (s) write(doc, s, x + PAD, sy, w - 2 * PAD - 12, { align: 'right' });
      });
    }
    y += h;
  }
  doc.x = MARGIN;
  doc.y = y + 10;
}

function drawAfter(doc: Doc, form: FormDoc): void {
  const width = doc.page.width - 2 * MARGIN;
  for (const a of form.after ?? []) {
    if (a.heading) {
      doc.font('bold').text(a.heading, MARGIN, doc.y, { width });
      doc.font('body');
    }
    write(doc, a.text, MARGIN, doc.y, width);
    doc.moveDown(0.6);
  }
  if (form.sign) {
    doc.moveDown(1);
    for (const s of form.sign) write(doc, s, MARGIN, doc.y, width - 24, { align: 'right' });
  }
}

export async function formPdf(form: FormDoc): Promise<Buffer> {
  const doc = newDoc(form.title);
  drawTitle(doc, form);
  if (form.rows.length) drawTable(doc, form);
  drawAfter(doc, form);
  return finish(doc);
}

/** 附表1-5 for signing and stamping: the same rows as the Excel file, A4 landscape, notes and seal lines below. */
export async function summaryPdf(header: string[], rows: string[][], notes: string[], seal: string[], unitName: string): Promise<Buffer> {
  const doc = newDoc('作品汇总表', true);
  const widths = [36, 54, 130, 100, 130, 100, 50, 50, 80, 50];
  const form: FormDoc = {
    title: '作品汇总表',
    subtitle: unitName,
    widths: widths.map((w) => w * 20),
    rows: [header.map((h) => ({ text: h, bold: true, center: true })), ...rows.map((r) => r.map((text) => ({ text })))],
  };
  drawTitle(doc, form);
  drawTable(doc, form);
  doc.fontSize(9);
  for (const n of notes) write(doc, n, MARGIN, doc.y, doc.page.width - 2 * MARGIN);
  doc.fontSize(SIZE).moveDown(1);
  for (const s of seal) write(doc, s, MARGIN, doc.y, doc.page.width - 2 * MARGIN - 24, { align: 'right' });
  return finish(doc);
}
