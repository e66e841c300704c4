// 附表1-5 作品汇总表 (exceljs): one sheet with the header and one row per work, nothing below; the notes on a
// second sheet. Phone numbers as text, frozen header, widths, A4 landscape. Byte-stable for the same catalog.
import ExcelJS from 'exceljs';
import type { Profile } from '../../shared/rules/profile.js';
import type { ExportPlan } from '../export/plan.js';
import { SUMMARY_HEADER, summaryRows } from './content.js';
import { FIXED_DATE, normalizeOoxml } from './ooxml.js';

const WIDTHS = [6, 10, 30, 22, 30, 22, 10, 10, 14, 12];

export async function summaryXlsx(profile: Profile, plan: ExportPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '报送助手';
  wb.lastModifiedBy = '报送助手';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet('作品汇总表', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  ws.columns = SUMMARY_HEADER.map((header, i) => ({ header, width: WIDTHS[i] }));
  const head = ws.getRow(1);
  head.font = { name: '宋体', bold: true, size: 11 };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  for (const values of summaryRows(profile, plan)) {
    const row = ws.addRow([Number(values[0]), ...values.slice(1)]);
    row.font = { name: '宋体', size: 11 };
    row.alignment = { vertical: 'middle', wrapText: true };
    // 手机号码 stays text: a number would lose nothing today but shows as 1.38E+10 in narrow columns.
    row.getCell(9).numFmt = '@';
  }
  ws.getColumn(9).numFmt = '@';
  const notes = wb.addWorksheet('填写说明');
  notes.columns = [{ width: 120 }];
  for (const line of profile.formTexts.summaryNotes) notes.addRow([line]).alignment = { wrapText: true };
  return normalizeOoxml(Buffer.from(await wb.xlsx.writeBuffer()));
}
