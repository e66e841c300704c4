// The province's return list for one unit (issue 17): what the unit must resend (补交: a file missing or not found),
// correct and resend (退回修改: every other error) or confirm (核实: a warning), with the rule's own message — as a
// workbook to send back and a PDF to print. Info items (the checklist's 待人工确认) are the unit's own business.
import type { Finding } from '../../shared/model.js';
import type { FormCell, FormDoc } from '../forms/content.js';
import { FIXED_DATE } from '../fs/fixed-date.js';
import { normalizeOoxml } from '../forms/ooxml.js';
import { formPdf } from '../forms/pdf.js';
import { rowHeight } from '../forms/summary-xlsx.js';
import { exceljs } from '../lazy.js';

export type ReturnAction = '补交' | '退回修改' | '核实';

export interface ReturnItem {
  action: ReturnAction;
  /** "w1《小小的船》", or "单位" for a finding of the unit itself. */
  work: string;
  file: string;
  rule: string;
  message: string;
}

const MISSING = new Set(['file.missing', 'file.not-found', 'unit.scans']);
const ORDER: ReturnAction[] = ['补交', '退回修改', '核实'];

export function returnItems(findings: Finding[]): ReturnItem[] {
  const items = findings
    .filter((f) => f.severity !== 'info')
    .map((f): ReturnItem => ({
      action: MISSING.has(f.rule) ? '补交' : f.severity === 'error' ? '退回修改' : '核实',
      work: 'work' in f && f.work ? `${f.work}${f.title ? `《${f.title}》` : ''}` : '单位',
      file: 'file' in f && f.file ? f.file : '',
      rule: f.rule,
      message: f.message,
    }));
  // Stable: by action, then the unit's own items first, then by work as the report listed them.
  return items
    .map((item, i) => ({ item, i }))
    .sort(
      (a, b) =>
        ORDER.indexOf(a.item.action) - ORDER.indexOf(b.item.action) ||
        Number(b.item.work === '单位') - Number(a.item.work === '单位') ||
        a.i - b.i,
    )
    .map((x) => x.item);
}

const HEADER = ['序号', '处理', '作品', '文件', '问题', '规则'];
const XLSX_WIDTHS = [6, 10, 28, 30, 60, 20];

export async function returnListXlsx(unit: string, items: ReturnItem[]): Promise<Buffer> {
  const wb = new (await exceljs()).Workbook();
  wb.creator = '报送助手';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet('退回补交清单', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  ws.columns = XLSX_WIDTHS.map((width) => ({ width }));
  const title = ws.addRow([`${unit} 退回/补交清单(共 ${items.length} 项)`]);
  title.font = { name: '宋体', bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, HEADER.length);
  const head = ws.addRow(HEADER);
  head.font = { name: '宋体', bold: true, size: 11 };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  items.forEach((it, i) => {
    const values = [String(i + 1), it.action, it.work, it.file, it.message, it.rule];
    const row = ws.addRow([i + 1, ...values.slice(1)]);
    row.font = { name: '宋体', size: 11 };
    row.alignment = { vertical: 'middle', wrapText: true };
    row.height = rowHeight(values, XLSX_WIDTHS);
  });
  return normalizeOoxml(Buffer.from(await wb.xlsx.writeBuffer()));
}

/** The list as a form: A4 landscape, the header on every page. */
export function returnListForm(unit: string, items: ReturnItem[]): FormDoc {
  const head = HEADER.slice(0, 5).map((text): FormCell => ({ text, bold: true, center: true }));
  return {
    title: '退回/补交清单',
    subtitle: unit,
    landscape: true,
    intro: items.length
      ? `共 ${items.length} 项：补交的文件请补齐，退回修改的请改正后重新报送，核实的请确认无误或说明。`
      : '没有需要退回或补交的问题。',
    widths: [36, 60, 170, 190, 320].map((w) => w * 20),
    headerRows: 1,
    rows: [
      head,
      ...items.map((it, i): FormCell[] => [
        { text: String(i + 1), center: true },
        { text: it.action, center: true },
        { text: it.work },
        { text: it.file },
        { text: it.message },
      ]),
    ],
  };
}

export function returnListPdf(unit: string, items: ReturnItem[]): Promise<Buffer> {
  return formPdf(returnListForm(unit, items));
}
