// A FormDoc as a Word file (the `docx` library), byte-stable for the same content. Room comes from row heights and
// paragraph spacing, never blank lines: a field is at least its lines high and may break across pages only when it
// is long; the signature, seal and date sit in a row of their own that stays whole and keeps the row above company.
import { AlignmentType, Paragraph } from 'docx';
import type { FormCell, FormDoc, SignBlock } from './content.js';
import { lines, pack, SIZE, table, title, type CellSpec, type RowSpec } from './docx-kit.js';

const CM = 567; // twips
const LINE = 340; // one 10.5 pt line at the forms' spacing, in twips
const SEAL = Math.round(4.5 * CM);
/** 年　　　　月　　　　日: four full-width spaces (1.5 cm) to write each figure. */
const DATE = '　　　　　年　　　　月　　　　日';

/** The signing block as paragraphs: signature room by spacing, the seal label centred in a 4.5 cm square. */
function signParagraphs(s: SignBlock): Paragraph[] {
  const out: Paragraph[] = [];
  if (s.signature) out.push(...lines(s.signature.label, { after: Math.max(1, Math.ceil(s.signature.signers / 3)) * 600 }));
  if (s.name) out.push(...lines(s.name, { align: AlignmentType.RIGHT, keepNext: true }));
  if (s.seal) {
    const labelWidth = Array.from(s.seal).length * SIZE.body * 10;
    const pad = Math.round((SEAL - LINE) / 2);
    out.push(...lines(s.seal, { align: AlignmentType.RIGHT, indentRight: Math.max(0, Math.round((SEAL - labelWidth) / 2)), before: pad, after: pad, keepNext: true }));
  }
  if (s.date) out.push(...lines(DATE, { align: AlignmentType.RIGHT }));
  return out;
}

const signHeight = (s: SignBlock) => (s.signature ? Math.max(1, Math.ceil(s.signature.signers / 3)) * 600 + LINE : 0) + (s.name ? LINE : 0) + (s.seal ? SEAL : 0) + (s.date ? LINE : 0) + 120;

/** A cell's paragraphs; `keep` keeps the whole cell with the next row, `keepLast` only its last line (a long field). */
function cellSpec(c: FormCell, keep: boolean, keepLast = keep): CellSpec {
  const o = { bold: c.bold, size: c.large ? SIZE.large : undefined, align: c.center ? AlignmentType.CENTER : undefined };
  const all = c.text.split('\n');
  const head = all.slice(0, -1).join('\n');
  const paragraphs = [...(all.length > 1 ? lines(head, { ...o, keepNext: keep }) : []), ...lines(all[all.length - 1]!, { ...o, keepNext: keep || keepLast })];
  return { paragraphs, span: c.span };
}

function rowsOf(doc: FormDoc): RowSpec[] {
  const out: RowSpec[] = [];
  doc.rows.forEach((row, r) => {
    const long = row.some((c) => c.long);
    const signed = row.find((c) => c.sign);
    const next = doc.rows[r + 1];
    // A row before a signing row keeps it company (Word: keep-with-next on its paragraphs).
    const keep = !!next?.some((c) => c.sign && !c.long);
    const minLines = Math.max(1, ...row.map((c) => c.minLines ?? 1));
    const large = row.some((c) => c.large);
    const height = minLines > 1 ? minLines * LINE + 80 : large ? 2 * LINE : undefined;
    const header = r < (doc.headerRows ?? 0);
    if (!signed) {
      out.push({ cells: row.map((c) => cellSpec(c, keep && !long, keep)), height, cantSplit: !long, header, keepNext: (keep && !long) || undefined });
      return;
    }
    // The signing block in a row of its own below, without a line between: the cell reads as one.
    out.push({
      cells: row.map((c): CellSpec => (c === signed ? { ...cellSpec(c, !long, true), openBottom: true } : { ...cellSpec(c, !long, true), merge: 'start' })),
      height,
      cantSplit: !long,
      keepNext: !long || undefined,
    });
    out.push({
      cells: row.map((c): CellSpec => (c === signed ? { paragraphs: signParagraphs(c.sign!), span: c.span, openTop: true, bottom: true } : { merge: 'continue', span: c.span })),
      height: signHeight(c(signed)),
      cantSplit: true,
    });
  });
  return out;
}

const c = (cell: FormCell) => cell.sign!;

export async function formDocx(doc: FormDoc): Promise<Buffer> {
  const blocks: (Paragraph | ReturnType<typeof table>)[] = [...title(doc.title, doc.subtitle || undefined, doc.appendix)];
  if (doc.intro) blocks.push(...lines(doc.intro, { size: SIZE.small, after: 120 }));
  if (doc.rows.length) blocks.push(table(doc.widths, rowsOf(doc)));
  const after = doc.after ?? [];
  after.forEach((a, i) => {
    const keep = !!doc.sign && i === after.length - 1;
    if (a.heading) blocks.push(...lines(a.heading, { bold: true, keepNext: true, before: 120 }));
    // Only the last line keeps the seal company: Word and LibreOffice give up on a chain of kept paragraphs.
    const all = a.text.split('\n');
    const size = a.small ? SIZE.small : undefined;
    if (all.length > 1) blocks.push(...lines(all.slice(0, -1).join('\n'), { size }));
    blocks.push(...lines(all[all.length - 1]!, { size, keepNext: keep, after: 120 }));
  });
  if (doc.sign) blocks.push(...signParagraphs(doc.sign));
  return pack(doc.title, blocks, doc.landscape);
}
