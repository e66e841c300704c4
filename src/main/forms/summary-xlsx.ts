// 附表1-5 作品汇总表 (exceljs): one sheet with the header and one row per work, nothing below; the notes on a
// second sheet. Phone numbers as text, frozen header, widths, A4 landscape, the header repeated on every printed
// page, thin borders (a printed sheet has no grid), and each row as tall as its wrapped text — spreadsheets do not
// grow a row for wrapped text by themselves when the file says nothing (LibreOffice overlaps it, WPS clips it).
// Byte-stable for the same catalog.
import type { Profile } from '../../shared/rules/profile.js';
import type { ExportPlan } from '../../shared/export-plan.js';
import { SUMMARY_HEADER, summaryRows } from './content.js';
import { FIXED_DATE } from '../fs/fixed-date.js';
import { normalizeOoxml } from './ooxml.js';
import { exceljs } from '../lazy.js';

export const WIDTHS = [6, 10, 30, 22, 30, 22, 10, 10, 14, 12];
/** Points per line of 11 pt 宋体 with Excel's leading, and the cell's own padding. */
const LINE_PT = 15;
const PAD_PT = 6;

/** Width in Excel's column units (a digit's width): a CJK or full-width character takes two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u3000-\u303F\u201C\u201D\u2018\u2019\u2026\u2014]/.test(
        ch,
      ) || ch.codePointAt(0)! > 0xffff
        ? 2
        : 1;
  return w;
}

/** The lines `text` wraps into in a column `width` units wide (a unit of margin on each side). */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - 1.5);
  return text.split('\n').reduce((n, para) => n + Math.max(1, Math.ceil(displayWidth(para) / room)), 0);
}

export function rowHeight(values: string[], widths: number[]): number {
  return Math.max(...values.map((v, i) => wrappedLines(v, widths[i]!))) * LINE_PT + PAD_PT;
}

const thin = { style: 'thin', color: { argb: 'FF000000' } } as const;
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

export async function summaryXlsx(profile: Profile, plan: ExportPlan): Promise<Buffer> {
  return summaryTableXlsx(profile, { header: SUMMARY_HEADER, widths: WIDTHS, rows: summaryRows(profile, plan) });
}

/**
 * A 作品汇总表-shaped workbook: `header` and `rows` on the first sheet (the 序号 column, wherever it is, as a number;
 * 手机号码 as text), the notice's notes on the second. The province's merged table is this with a unit column.
 */
export async function summaryTableXlsx(
  profile: Profile,
  table: { header: string[]; widths: number[]; rows: string[][] },
): Promise<Buffer> {
  const { header, widths, rows } = table;
  const serialCol = header.indexOf('序号');
  const mobileCol = header.indexOf('手机号码') + 1;
  const wb = new (await exceljs()).Workbook();
  wb.creator = '报送助手';
  wb.lastModifiedBy = '报送助手';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet('作品汇总表', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  ws.columns = header.map((text, i) => ({ header: text, width: widths[i] }));
  const head = ws.getRow(1);
  head.font = { name: '宋体', bold: true, size: 11 };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  head.height = rowHeight(header, widths);
  head.eachCell((cell) => (cell.border = BORDER));
  for (const values of rows) {
    const row = ws.addRow(values.map((v, i) => (i === serialCol ? Number(v) : v)));
    row.font = { name: '宋体', size: 11 };
    row.alignment = { vertical: 'middle', wrapText: true };
    row.height = rowHeight(values, widths);
    for (let c = 1; c <= header.length; c += 1) row.getCell(c).border = BORDER;
    // 手机号码 stays text: a number would lose nothing today but shows as 1.38E+10 in narrow columns.
    if (mobileCol) row.getCell(mobileCol).numFmt = '@';
  }
  if (mobileCol) ws.getColumn(mobileCol).numFmt = '@';
  // The notes: one wrapped column that fits A4 portrait's width, each note as tall as its lines.
  const notes = wb.addWorksheet('填写说明', {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
  });
  const NOTE_WIDTH = 72;
  notes.columns = [{ width: NOTE_WIDTH }];
  for (const line of [profile.formTexts.summaryNotesHeading, ...profile.formTexts.summaryNotes]) {
    const row = notes.addRow([line]);
    row.font = { name: '宋体', size: 11 };
    row.alignment = { vertical: 'top', wrapText: true };
    row.height = rowHeight([line], [NOTE_WIDTH]);
  }
  return normalizeOoxml(Buffer.from(await wb.xlsx.writeBuffer()));
}
