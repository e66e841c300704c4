// A few table helpers over the `docx` library for the notice's forms: explicit column widths, East-Asian font
// names (WPS ignores theme fonts), fixed layout, borders on every cell.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { normalizeOoxml } from './ooxml.js';

export const FONT = { body: '宋体', heading: '黑体' };
export const SIZE = { body: 21, small: 18, large: 32, title: 36, subtitle: 24 }; // half-points: 10.5 pt (五号), 9 pt, 16 pt, 18 pt, 12 pt

function run(text: string, o: { bold?: boolean; size?: number; font?: string } = {}): TextRun {
  const font = o.font ?? FONT.body;
  return new TextRun({
    text,
    bold: o.bold,
    size: o.size ?? SIZE.body,
    font: { ascii: font, eastAsia: font, hAnsi: font, cs: font },
  });
}

/** Paragraphs from text: each line its own paragraph (Word shows \n as nothing). */
export interface LineOptions {
  bold?: boolean;
  size?: number;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  font?: string;
  keepNext?: boolean;
  /** The lines of `text` as one paragraph that never splits over pages (a label): line breaks, keep-lines. */
  together?: boolean;
  before?: number;
  after?: number;
  indentRight?: number;
}

export function lines(text: string, o: LineOptions = {}): Paragraph[] {
  const all = text === '' ? [''] : text.split('\n');
  if (o.together && all.length > 1) {
    // Word and LibreOffice keep one paragraph's lines together; a chain of kept paragraphs in a cell they do not.
    const children = all.map((line, i) => {
      const r = run(line, o);
      return i === 0 ? r : [new TextRun({ break: 1 }), r];
    });
    return [
      new Paragraph({
        alignment: o.align,
        keepNext: o.keepNext,
        keepLines: true,
        spacing: { before: o.before ?? 0, after: o.after ?? 0, line: 300 },
        children: children.flat() as ParagraphChild[],
      }),
    ];
  }
  return all.map(
    (line) =>
      new Paragraph({
        alignment: o.align,
        keepNext: o.keepNext,
        indent: o.indentRight ? { right: o.indentRight } : undefined,
        spacing: { before: o.before ?? 0, after: o.after ?? 0, line: 300 },
        children: [run(line, o) as ParagraphChild],
      }),
  );
}

export interface CellSpec {
  text?: string;
  paragraphs?: Paragraph[];
  span?: number;
  bold?: boolean;
  center?: boolean;
  /** 'start' begins a vertical merge, 'continue' continues it. */
  merge?: 'start' | 'continue';
  small?: boolean;
  large?: boolean;
  /** No line above / below: a cell that reads as one with the row above or below. */
  openTop?: boolean;
  openBottom?: boolean;
  bottom?: boolean;
  /** At the top of the cell (a long field's label: it stays on the row's first page). */
  top?: boolean;
}

export interface RowSpec {
  cells: CellSpec[];
  /** At least this high, in twips. */
  height?: number;
  /** The row stays whole on one page. */
  cantSplit?: boolean;
  /** Repeats at the top of every page. */
  header?: boolean;
  keepNext?: boolean;
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

export function table(widths: number[], rows: RowSpec[]): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map((r) => {
      let col = 0;
      return new TableRow({
        height: r.height ? { value: r.height, rule: HeightRule.ATLEAST } : undefined,
        cantSplit: r.cantSplit,
        tableHeader: r.header,
        keepNext: r.keepNext,
        children: r.cells.map((c) => {
          const span = c.span ?? 1;
          const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          return new TableCell({
            width: { size: width, type: WidthType.DXA },
            columnSpan: span > 1 ? span : undefined,
            verticalMerge:
              c.merge === 'start'
                ? VerticalMergeType.RESTART
                : c.merge === 'continue'
                  ? VerticalMergeType.CONTINUE
                  : undefined,
            verticalAlign: c.bottom ? VerticalAlign.BOTTOM : c.top ? VerticalAlign.TOP : VerticalAlign.CENTER,
            borders: {
              top: c.openTop ? none : border,
              bottom: c.openBottom ? none : border,
              left: border,
              right: border,
            },
            margins: { top: 40, bottom: 40, left: 80, right: 80 },
            children:
              c.paragraphs ??
              lines(c.text ?? '', {
                bold: c.bold,
                size: c.small ? SIZE.small : c.large ? SIZE.large : SIZE.body,
                align: c.center ? AlignmentType.CENTER : undefined,
              }),
          });
        }),
      });
    }),
  });
}

export function title(text: string, subtitle?: string, appendix?: string): Paragraph[] {
  const out = [
    ...(appendix ? lines(appendix, { after: 120 }) : []),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: subtitle ? 60 : 240 },
      children: [run(text, { bold: true, size: SIZE.title, font: FONT.heading })],
    }),
  ];
  if (subtitle)
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [run(subtitle, { size: SIZE.subtitle })],
      }),
    );
  return out;
}

export function note(text: string): Paragraph[] {
  return lines(text, { size: SIZE.small });
}

export const box = (on: boolean) => (on ? '☑' : '☐');

/** A4 portrait document with the given blocks, packed to normalized (byte-stable) bytes. */
export async function pack(docTitle: string, children: (Paragraph | Table)[], landscape = false): Promise<Buffer> {
  const doc = new Document({
    creator: '报送助手',
    title: docTitle,
    styles: {
      default: {
        document: { run: { font: { ascii: FONT.body, eastAsia: FONT.body, hAnsi: FONT.body }, size: SIZE.body } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: landscape
              ? { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE }
              : { width: 11906, height: 16838 },
            margin: { top: 1440, bottom: 1440, left: 1300, right: 1300 },
          },
        },
        children,
      },
    ],
  });
  return normalizeOoxml(await Packer.toBuffer(doc));
}
