// A FormDoc as a Word file (the `docx` library), byte-stable for the same content. Room comes from row heights and
// paragraph spacing, never blank lines: a field is at least its lines high and may break across pages only when it
// is long; the signature, seal and date sit in a row of their own that stays whole and keeps the row above company.
import { AlignmentType, type Paragraph } from 'docx';
import type { FormCell, FormDoc, SignBlock } from './content.js';
import { lines, pack, SIZE, table, title, type CellSpec, type RowSpec } from './docx-kit.js';

const CM = 567; // twips
const LINE = 340; // one 10.5 pt line at the forms' spacing, in twips
const SEAL = Math.round(4.5 * CM);
/** 年　　　　月　　　　日: four full-width spaces (1.5 cm) to write each figure. */
const DATE = '　　　　　年　　　　月　　　　日';

/** The signing block as paragraphs: signature room by spacing, the seal label centred in a 4.5 cm square. */
function signParagraphs(s: SignBlock, keepAll = false): Paragraph[] {
  const out: Paragraph[] = [];
  if (s.signature)
    out.push(
      ...lines(s.signature.label, { after: Math.max(1, Math.ceil(s.signature.signers / 3)) * 600, keepNext: true }),
    );
  if (s.name) out.push(...lines(s.name, { align: AlignmentType.RIGHT, keepNext: true }));
  if (s.seal) {
    const labelWidth = Array.from(s.seal).length * SIZE.body * 10;
    const pad = Math.round((SEAL - LINE) / 2);
    out.push(
      ...lines(s.seal, {
        align: AlignmentType.RIGHT,
        indentRight: Math.max(0, Math.round((SEAL - labelWidth) / 2)),
        before: pad,
        after: pad,
        keepNext: true,
      }),
    );
  }
  if (s.date) out.push(...lines(DATE, { align: AlignmentType.RIGHT, keepNext: keepAll }));
  return out;
}

const signHeight = (s: SignBlock) =>
  (s.signature ? Math.max(1, Math.ceil(s.signature.signers / 3)) * 600 + LINE : 0) +
  (s.name ? LINE : 0) +
  (s.seal ? SEAL : 0) +
  (s.date ? LINE : 0) +
  120;

/** A cell's paragraphs; `keep` keeps them all with the next row. A label's lines stay together on one page. */
function cellSpec(c: FormCell, keep: boolean, text = c.text, width = 0): CellSpec {
  const o = {
    bold: c.bold,
    size: c.large ? SIZE.large : undefined,
    align: c.center ? AlignmentType.CENTER : undefined,
  };
  const value = c.names && width ? nameLines(text, width, c.large ? SIZE.large : SIZE.body) : text;
  return { paragraphs: lines(value, { ...o, keepNext: keep, together: c.bold && !c.long }), span: c.span };
}

/**
 * Names joined by 、 as lines that break between names, never inside one: a word processor breaks Chinese between
 * any two characters, so a list too wide for its cell gets its own line breaks after a 、. Widths are estimated
 * (a CJK character one em, anything else half), with a tenth spare.
 */
export function nameLines(text: string, width: number, halfPoints: number): string {
  const em = halfPoints * 10; // twips
  const room = (width - 160) * 0.9;
  const measure = (s: string) => Array.from(s).reduce((a, ch) => a + (/[\u2E80-\uFFEF]/.test(ch) ? em : em / 2), 0);
  if (measure(text) <= room) return text;
  const out: string[] = [];
  let line = '';
  for (const name of text.split(/(?<=、)/)) {
    if (line && measure(line + name) > room) {
      out.push(line);
      line = '';
    }
    line += name;
  }
  if (line) out.push(line);
  return out.join('\n');
}

/** A long field at most this long stays whole with what follows it; a longer one keeps only its tail. */
const WHOLE_CHARS = 420;
const TAIL_CHARS = 90;

/** The first index in `from`, `from + step`, … (before `to`) that follows a sentence break (。！？；), or `fallback`. */
function sentenceBreak(chars: string[], from: number, to: number, step: 1 | -1, fallback: number): number {
  for (let i = from; step > 0 ? i < to : i > to; i += step) if ('。！？；'.includes(chars[i - 1]!)) return i;
  return fallback;
}

/**
 * The last lines of a long text, to stand in a row of their own that keeps company with the signature or seal
 * below: the last paragraph when it is short, else its end from a sentence break (。！？；) about two lines before
 * it ends. Null when the text is short enough to keep whole.
 */
export function splitTail(text: string): { head: string; tail: string } | null {
  if (Array.from(text).length <= WHOLE_CHARS) return null;
  const paras = text.split('\n');
  const last = paras[paras.length - 1]!;
  const lastLen = Array.from(last).length;
  if (paras.length > 1 && lastLen > 0 && lastLen <= 2 * TAIL_CHARS)
    return { head: paras.slice(0, -1).join('\n'), tail: last };
  const chars = Array.from(last);
  const cut = sentenceBreak(
    chars,
    chars.length - TAIL_CHARS,
    Math.max(0, chars.length - 4 * TAIL_CHARS),
    -1,
    Math.max(1, chars.length - TAIL_CHARS),
  );
  return { head: [...paras.slice(0, -1), chars.slice(0, cut).join('')].join('\n'), tail: chars.slice(cut).join('') };
}

/**
 * The first lines of a long text, to stand with the field's label in a row that cannot split (so that the label is
 * never cut by a page break): the first paragraph when it is short, else up to a sentence break after about three
 * lines. Null when the text is short enough to keep whole.
 */
export function splitHead(text: string): { head: string; rest: string } | null {
  if (Array.from(text).length <= WHOLE_CHARS) return null;
  const paras = text.split('\n');
  const first = Array.from(paras[0]!);
  if (paras.length > 1 && first.length > 0 && first.length <= 3 * TAIL_CHARS)
    return { head: paras[0]!, rest: paras.slice(1).join('\n') };
  const cut = sentenceBreak(
    first,
    TAIL_CHARS + 30,
    Math.min(first.length - 1, 4 * TAIL_CHARS),
    1,
    Math.min(first.length - 1, TAIL_CHARS + 30),
  );
  return { head: first.slice(0, cut).join(''), rest: [first.slice(cut).join(''), ...paras.slice(1)].join('\n') };
}

/**
 * The table's rows. Word and LibreOffice keep a row with the next only when it cannot split: a long field above a
 * signature (the pledge, a comment's seal) is therefore kept whole when it is short, and otherwise ends in a row of
 * its own holding its last lines — that row cannot split and keeps with the signature, which keeps with 备注. The
 * rows of one field read as one cell: the label merged down, no line between them.
 */
function rowsOf(doc: FormDoc): RowSpec[] {
  const out: RowSpec[] = [];
  doc.rows.forEach((row, r) => {
    const long = row.find((c) => c.long);
    const signed = row.find((c) => c.sign);
    const next = doc.rows[r + 1];
    // The next row keeps this one company: a signing row, or one that stays with its predecessor (备注).
    // The last row keeps the form's own seal company when nothing stands between them (1-6's 参考目录).
    const keep = !!next?.some((c) => (c.sign && !c.long) || c.withPrev) || (!next && !!doc.sign && !doc.after?.length);
    const minLines = Math.max(1, ...row.map((c) => c.minLines ?? 1));
    const large = row.some((c) => c.large);
    const height = minLines > 1 ? minLines * LINE + 80 : large ? 2 * LINE : undefined;
    const header = r < (doc.headerRows ?? 0);
    let col = 0;
    const widths = row.map((c) => doc.widths.slice(col, (col += c.span ?? 1)).reduce((a, b) => a + b, 0));
    // The cells beside the main one (the label): the first row of a merge holds them, the rows below continue it.
    const beside = (c: FormCell, merge: 'start' | 'continue', keepNext: boolean, top: boolean): CellSpec =>
      merge === 'start'
        ? { ...cellSpec(c, keepNext, c.text, widths[row.indexOf(c)]), merge, top }
        : { merge, span: c.span };
    const parts = long && (keep || signed) ? splitTail(long.text) : null;
    const lead = long && !parts && !keep && !signed ? splitHead(long.text) : null;
    if (lead) {
      // The label with the field's first lines in a row that cannot split, the rest in one that can.
      out.push({
        cells: row.map((c) =>
          c === long ? { ...cellSpec(c, false, lead.head), openBottom: true } : beside(c, 'start', false, true),
        ),
        height,
        cantSplit: true,
        header,
      });
      out.push({
        cells: row.map((c) =>
          c === long ? { ...cellSpec(c, false, lead.rest), openTop: true } : beside(c, 'continue', false, false),
        ),
        cantSplit: false,
      });
      return;
    }
    const merged = !!signed || !!parts;
    if (!merged) {
      // A long row is kept whole when it is short (or must keep company); a longer one was split above.
      const whole = !long || keep || Array.from(long.text).length <= WHOLE_CHARS;
      // A split row's label stands at its top: on the row's first page, not across the break.
      out.push({
        cells: row.map((c, k) => ({ ...cellSpec(c, keep && whole, c.text, widths[k]), top: !whole && c !== long })),
        height,
        cantSplit: whole,
        header,
        keepNext: (keep && whole) || undefined,
      });
      return;
    }
    const main = long ?? signed!;
    if (parts) {
      // The head splits freely; the tail stays whole and with what follows.
      out.push({
        cells: row.map((c) =>
          c === main ? { ...cellSpec(c, false, parts.head), openBottom: true } : beside(c, 'start', false, true),
        ),
        height,
        cantSplit: false,
      });
      out.push({
        cells: row.map((c) =>
          c === main
            ? { ...cellSpec(c, true, parts.tail), openTop: true, openBottom: !!signed }
            : beside(c, 'continue', true, true),
        ),
        cantSplit: true,
        keepNext: true,
      });
    } else {
      out.push({
        cells: row.map((c) =>
          c === main ? { ...cellSpec(c, true), openBottom: !!signed } : beside(c, 'start', true, false),
        ),
        height,
        cantSplit: true,
        keepNext: true,
      });
    }
    if (signed) {
      // The signing block in a row of its own below, without a line between: the cell reads as one.
      out.push({
        cells: row.map((c): CellSpec =>
          c === signed
            ? { paragraphs: signParagraphs(c.sign!, keep), span: c.span, openTop: true, bottom: true }
            : { merge: 'continue', span: c.span },
        ),
        height: signHeight(c(signed)),
        cantSplit: true,
        keepNext: keep || undefined,
      });
    }
  });
  return out;
}

const c = (cell: FormCell) => cell.sign!;

export async function formDocx(doc: FormDoc): Promise<Buffer> {
  const blocks: (Paragraph | ReturnType<typeof table>)[] = [
    ...title(doc.title, doc.subtitle || undefined, doc.appendix),
  ];
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
