// A FormDoc as a Word file (the `docx` library), byte-stable for the same content.
import { AlignmentType, Paragraph } from 'docx';
import type { FormDoc } from './content.js';
import { lines, pack, table, title, type CellSpec } from './docx-kit.js';

function cellParagraphs(c: FormDoc['rows'][number][number]): Paragraph[] {
  const out = lines(c.text, { bold: c.bold, align: c.center ? AlignmentType.CENTER : undefined });
  for (let i = out.length; i < (c.minLines ?? 0); i += 1) out.push(...lines(''));
  for (const s of c.sign ?? []) out.push(...lines(s, { align: AlignmentType.RIGHT }));
  return out;
}

export async function formDocx(doc: FormDoc): Promise<Buffer> {
  const blocks: (Paragraph | ReturnType<typeof table>)[] = [...title(doc.title, doc.subtitle || undefined)];
  if (doc.rows.length) {
    blocks.push(table(doc.widths, doc.rows.map((r) => ({ cells: r.map((c): CellSpec => ({ paragraphs: cellParagraphs(c), span: c.span })) }))));
  }
  for (const a of doc.after ?? []) {
    if (a.heading) blocks.push(...lines(a.heading, { bold: true }));
    blocks.push(...lines(a.text), ...lines(''));
  }
  if (doc.sign) {
    blocks.push(...lines(''));
    for (const s of doc.sign) blocks.push(...lines(s, { align: AlignmentType.RIGHT }));
  }
  return pack(doc.title, blocks);
}
