// Print-ready PDFs of the forms (pdfkit), with Source Han Sans SC embedded as a subset, so that a printer or a
// PC without Chinese fonts shows the same page. ☐/☑ come from DejaVu Sans (Source Han Sans lacks them).
// The layout is measured before it is drawn (pdf-layout.ts): long fields continue with their label, frames close on
// every page, signatures and seals keep company and room.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as fontkit from 'fontkit';
import { fontkit as loadFontkit, pdfkit } from '../lazy.js';
import { appResources } from '../resources.js';
import type { FormDoc, SignBlock } from './content.js';
import { FIXED_DATE } from '../fs/fixed-date.js';
import {
  CM,
  DATE_GAPS,
  LH,
  PAD,
  SEAL,
  SIZE,
  SMALL,
  SMALL_LH,
  paginate,
  signHeight,
  SIGN_LH,
  SIGN_SLOT,
  type Block,
  type CellBox,
  type Page,
  type Piece,
} from './pdf-layout.js';
import { Measure, drawLine, type Doc, type FontName } from './pdf-text.js';
import { cellFont, fitColumns } from './pdf-columns.js';

const FONTS = appResources().fontsDir;
const REGULAR = join(FONTS, 'SourceHanSansSC-Regular.otf');
const BOLD = join(FONTS, 'SourceHanSansSC-Bold.otf');
const SYMBOLS = join(FONTS, 'DejaVuSans.ttf');
const MARGIN = 2 * CM;

export function fontsAvailable(): boolean {
  return existsSync(REGULAR) && existsSync(BOLD) && existsSync(SYMBOLS);
}

/**
 * The fonts, read and parsed once a process (tens of MB), shared by every document: pdfkit takes a fontkit font
 * as it is and subsets it per document. (Parsed per document, a one-page list spent half its time there.)
 */
let fonts: { body: fontkit.Font; bold: fontkit.Font; sym: fontkit.Font } | null = null;
const parse = (file: string) => loadFontkit().create(readFileSync(file)) as fontkit.Font;

/** A run of glyphs as pdfkit's EmbeddedFont lays it out (positions scaled to its 1000-unit space). */
interface GlyphRun {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  positions: Record<string, number>[];
  advanceWidth: number;
}
interface EmbeddedFontLike {
  font: fontkit.Font;
  layoutRun(text: string): GlyphRun;
  layout(
    text: string,
    features?: unknown,
    onlyWidth?: boolean,
  ): { glyphs: GlyphRun['glyphs'] | null; positions: GlyphRun['positions'] | null; advanceWidth: number };
}

/** Each character's glyph run, laid out once a process per font (the fonts are shared by every document). */
const charRuns = new WeakMap<fontkit.Font, Map<string, GlyphRun>>();

/**
 * Lays text out character by character from the shared cache, as the layout measured it (pdf-text.ts: each
 * character's advance on its own, no shaping across characters — which Chinese, digits and Latin in these forms do
 * not need). pdfkit would shape every line anew (a line of Chinese is one "word" to its cache): that was most of a
 * long PDF's time. Its own per-word cache shares runs the same way.
 */
function layOutByCharacter(embedded: EmbeddedFontLike): void {
  let runs = charRuns.get(embedded.font);
  if (!runs) charRuns.set(embedded.font, (runs = new Map()));
  const cache = runs;
  embedded.layout = (text: string, _features?: unknown, onlyWidth?: boolean) => {
    const glyphs: GlyphRun['glyphs'] = [];
    const positions: GlyphRun['positions'] = [];
    let advanceWidth = 0;
    for (const ch of text) {
      let run = cache.get(ch);
      if (!run) cache.set(ch, (run = embedded.layoutRun(ch)));
      if (!onlyWidth) {
        for (const g of run.glyphs) glyphs.push(g);
        for (const p of run.positions) positions.push(p);
      }
      advanceWidth += run.advanceWidth;
    }
    return onlyWidth ? { glyphs: null, positions: null, advanceWidth } : { glyphs, positions, advanceWidth };
  };
}

async function newDoc(title: string): Promise<Doc> {
  if (!fontsAvailable()) throw new Error(`缺少字体文件(${FONTS})：请运行 npm run build`);
  // pdfkit's own margins are small: the layout keeps its own, and the page number sits below the content.
  const PDFDocument = await pdfkit();
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    margin: 10,
    compress: true,
    info: { Title: title, Creator: '报送助手', Producer: '报送助手', CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
  });
  fonts ??= { body: parse(REGULAR), bold: parse(BOLD), sym: parse(SYMBOLS) };
  // pdfkit's types want a file or bytes; its font factory takes a parsed fontkit font too.
  doc.registerFont('body', fonts.body as unknown as Buffer);
  doc.registerFont('bold', fonts.bold as unknown as Buffer);
  doc.registerFont('sym', fonts.sym as unknown as Buffer);
  for (const name of ['body', 'bold', 'sym'])
    layOutByCharacter((doc.font(name) as unknown as { _font: EmbeddedFontLike })._font);
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

function pageOf(landscape: boolean | undefined): Page {
  const [width, height] = landscape ? [841.89, 595.28] : [595.28, 841.89];
  return { width, height, margin: MARGIN, top: MARGIN, bottom: height - MARGIN };
}

/** The form as blocks, every text measured and broken into lines. */
function blocksOf(form: FormDoc, page: Page, m: Measure): Block[] {
  const width = page.width - 2 * page.margin;
  const blocks: Block[] = [];
  const text: NonNullable<Block['text']> = [];
  const add = (s: string, font: FontName, size: number, lh: number, align: 'left' | 'center') => {
    for (const line of m.wrap(s, width, font, size)) text.push({ line, font, size, lh, align });
  };
  if (form.appendix) add(form.appendix, 'body', SIZE, LH + 4, 'left');
  add(form.title, 'bold', 18, 28, 'center');
  if (form.subtitle) add(form.subtitle, 'body', 12, 20, 'center');
  if (form.intro) add(form.intro, 'body', SMALL, SMALL_LH, 'left');
  if (form.lead) add(form.lead, 'body', SIZE, LH + 2, 'left');
  blocks.push({
    kind: 'title',
    text,
    fixed: text.reduce((a, t) => a + t.lh, 0) + 10,
    minLines: 0,
    minFirst: 0,
    keepWithPrev: false,
  });
  const cols = form.fitColumns
    ? fitColumns(form, width, m)
    : form.widths.map((w) => (w * width) / form.widths.reduce((a, b) => a + b, 0));
  form.rows.forEach((row, r) => {
    let col = 0;
    const cells: CellBox[] = row.map((cell) => {
      const span = cell.span ?? 1;
      const x = page.margin + cols.slice(0, col).reduce((a, b) => a + b, 0);
      const w = cols.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      const [size, lh] = cell.large ? [16, 23] : [SIZE, LH];
      const lines = m.wrap(cell.text, w - 2 * PAD, cellFont(cell), size, { names: cell.names });
      return { cell, x, w, font: cellFont(cell), size, lh, lines };
    });
    const long = cells.find((c) => c.cell.long);
    for (const c of cells)
      if (c !== long && long) c.cont = m.wrap(`${c.cell.text.split('\n')[0]}(续)`, c.w - 2 * PAD, c.font, c.size);
    const signCell = cells.find((c) => c.cell.sign);
    blocks.push({
      kind: 'row',
      header: r < (form.headerRows ?? 0),
      cells,
      long,
      fixed: signCell ? signHeight(signCell.cell.sign, signCell.w - 2 * PAD, m) : 0,
      minLines: 0,
      minFirst: Math.max(2, ...cells.filter((c) => c !== long).map((c) => c.lines.length)),
      keepWithPrev: (!!signCell && !long) || row.some((c) => c.withPrev),
    });
  });
  if (form.signBeside && form.sign) {
    blocks.push(signBeside(form, form.sign, width, m));
    return blocks;
  }
  for (const a of form.after ?? []) {
    const [size, lh] = a.small ? [SMALL, SMALL_LH] : [SIZE, LH];
    const heading = a.heading
      ? m
          .wrap(a.heading, width, 'bold', SIZE)
          .map((line) => ({ line, font: 'bold' as FontName, size: SIZE, lh: LH, align: 'left' as const }))
      : [];
    const long: CellBox = {
      cell: { text: a.text },
      x: page.margin,
      w: width,
      font: 'body',
      size,
      lh,
      lines: m.wrap(a.text, width, 'body', size),
    };
    // After a table the notes stay whole and with it (so that the seal below never stands on a page without table).
    const kept = form.rows.length > 0;
    blocks.push({
      kind: 'para',
      long,
      text: heading,
      fixed: 0,
      minLines: 0,
      minFirst: 2 + heading.length,
      keepWithPrev: kept,
      atomic: kept,
    });
  }
  if (form.sign)
    blocks.push({
      kind: 'sign',
      sign: form.sign,
      signWidth: width,
      fixed: signHeight(form.sign, width, m) + 12,
      minLines: 0,
      minFirst: 0,
      keepWithPrev: true,
      company: form.company,
    });
  return blocks;
}

/** Room the date line takes at the right: the year's figures, 年, the month's, 月, the day's, 日. */
const dateWidth = (m: Measure) => 3 * m.width('年', 'body', SIZE) + 2.2 * CM + DATE_GAPS.month + DATE_GAPS.day + 6;

/** The notes after the table at the left, the seal and date at the right: one block that keeps the table's last rows. */
function signBeside(form: FormDoc, sign: SignBlock, width: number, m: Measure): Block {
  const notesWidth = width - Math.max(SEAL, dateWidth(m)) - 0.8 * CM;
  const text: NonNullable<Block['text']> = [];
  for (const a of form.after ?? []) {
    const [size, lh] = a.small ? [SMALL, SMALL_LH] : [SIZE, LH];
    if (a.heading)
      for (const line of m.wrap(a.heading, notesWidth, 'bold', SIZE))
        text.push({ line, font: 'bold', size: SIZE, lh: LH, align: 'left' });
    for (const line of m.wrap(a.text, notesWidth, 'body', size))
      text.push({ line, font: 'body', size, lh, align: 'left' });
  }
  const notes = text.reduce((a, t) => a + t.lh, 0) + 6;
  return {
    kind: 'sign',
    sign,
    signWidth: width,
    text,
    fixed: Math.max(notes, signHeight(sign, width, m)) + 12,
    minLines: 0,
    minFirst: 0,
    keepWithPrev: true,
    company: form.company,
  };
}

/** Signature room, seal square and date, drawn bottom-up inside (x, w) ending at `bottom`. */
function drawSign(doc: Doc, m: Measure, s: SignBlock, x: number, w: number, top: number): void {
  let y = top;
  if (s.signature) {
    const labelW = m.width(s.signature.label, 'body', SIZE);
    drawLine(doc, m, s.signature.label, x, y + 8, 'body', SIZE);
    const indent = labelW <= w / 2 ? labelW : 0;
    let sx = x + labelW;
    let sy = y;
    doc.save().lineWidth(0.4).strokeColor('#999999');
    for (let i = 0; i < s.signature.signers; i += 1) {
      if (sx + SIGN_SLOT > x + w + 0.01) {
        sx = x + indent;
        sy += SIGN_LH;
      }
      doc
        .moveTo(sx + 6, sy + 24)
        .lineTo(sx + SIGN_SLOT - 6, sy + 24)
        .stroke();
      sx += SIGN_SLOT;
    }
    doc.restore();
    y = sy + SIGN_LH + 6;
  }
  const right = x + w - 6;
  if (s.name) {
    drawLine(doc, m, s.name, right - m.width(s.name, 'body', SIZE), y, 'body', SIZE);
    y += LH;
  }
  if (s.seal) {
    // The seal square: its label at the centre, nothing else inside.
    const sx = right - SEAL;
    const lw = m.width(s.seal, 'body', SIZE);
    drawLine(doc, m, s.seal, sx + (SEAL - lw) / 2, y + SEAL / 2 - SIZE / 2, 'body', SIZE);
    y += SEAL;
  }
  if (s.date) {
    const unit = m.width('年', 'body', SIZE);
    const dx = right - unit - DATE_GAPS.day - unit - DATE_GAPS.month - unit;
    drawLine(doc, m, '年', dx, y + 4, 'body', SIZE);
    drawLine(doc, m, '月', dx + unit + DATE_GAPS.month, y + 4, 'body', SIZE);
    drawLine(doc, m, '日', dx + 2 * unit + DATE_GAPS.month + DATE_GAPS.day, y + 4, 'body', SIZE);
  }
}

function drawPiece(doc: Doc, m: Measure, p: Piece, page: Page): void {
  const b = p.block;
  if (b.kind === 'title') {
    let y = p.y;
    for (const t of b.text!) {
      const x = t.align === 'center' ? (page.width - m.width(t.line, t.font, t.size)) / 2 : page.margin;
      drawLine(doc, m, t.line, x, y, t.font, t.size);
      y += t.lh;
    }
    return;
  }
  if (b.kind === 'sign') {
    let y = p.y + 8;
    for (const t of b.text ?? []) {
      drawLine(doc, m, t.line, page.margin, y, t.font, t.size);
      y += t.lh;
    }
    drawSign(doc, m, b.sign!, page.margin, b.signWidth!, p.y + 12);
    return;
  }
  if (b.kind === 'para') {
    let y = p.y;
    if (p.from === 0) {
      for (const t of b.text!) {
        drawLine(doc, m, t.line, page.margin, y, t.font, t.size);
        y += t.lh;
      }
    }
    const c = b.long!;
    for (const line of c.lines.slice(p.from, p.to)) {
      drawLine(doc, m, line, c.x, y, c.font, c.size);
      y += c.lh;
    }
    return;
  }
  const last = p.to === (b.long?.lines.length ?? 0);
  for (const c of b.cells!) {
    doc.lineWidth(0.6).strokeColor('#000000').rect(c.x, p.y, c.w, p.h).stroke();
    const lines = c === b.long ? c.lines.slice(p.from, p.to) : p.from === 0 ? c.lines : (c.cont ?? []);
    const textH = lines.length * c.lh;
    const middle = c.cell.center || c.cell.bold || (c !== b.long && !c.cell.sign);
    let y = middle && !c.cell.sign ? p.y + (p.h - textH) / 2 : p.y + PAD;
    for (const line of lines) {
      const lw = m.width(line, c.font, c.size);
      const x = c.cell.center ? c.x + (c.w - lw) / 2 : c.x + PAD;
      drawLine(doc, m, line, x, y + (c.lh - c.size) / 2 - 1, c.font, c.size);
      y += c.lh;
    }
    if (c.cell.sign && last) drawSign(doc, m, c.cell.sign, c.x + PAD, c.w - 2 * PAD, p.y + p.h - PAD - b.fixed);
  }
}

function drawForm(doc: Doc, form: FormDoc): void {
  const page = pageOf(form.landscape);
  const m = new Measure(doc);
  const pages = paginate(blocksOf(form, page, m), page);
  pages.forEach((pieces, i) => {
    doc.addPage({ size: 'A4', layout: form.landscape ? 'landscape' : 'portrait', margin: 10 });
    for (const p of pieces) drawPiece(doc, m, p, page);
    if (pages.length > 1) {
      const foot = `${form.title}　第 ${i + 1} 页 共 ${pages.length} 页`;
      drawLine(doc, m, foot, (page.width - m.width(foot, 'body', SMALL)) / 2, page.height - MARGIN + 14, 'body', SMALL);
    }
  });
}

/** One form, one PDF. */
export async function formPdf(form: FormDoc): Promise<Buffer> {
  return formsPdf([form], form.title);
}

/** Several forms in one PDF, each starting on a new page (the certificate proof: a page per work). */
export async function formsPdf(forms: FormDoc[], title: string): Promise<Buffer> {
  const doc = await newDoc(title);
  for (const f of forms) drawForm(doc, f);
  if (forms.length === 0) doc.addPage();
  return finish(doc);
}
