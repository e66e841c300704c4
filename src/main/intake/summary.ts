// Reading a filled 作品汇总表.xlsx as units really fill it: title rows above the header, a header over one or two
// rows with merged cells, spaces and full-width characters in labels, phone numbers stored as numbers, authors
// separated by 、 , ， or spaces, notes below the table.
import { BaosongError } from '../../shared/errors.js';
import { splitAuthors } from '../../shared/intake/names.js';
import { fold } from '../../shared/text.js';
import { guardWorkbook, SUMMARY_LIMITS } from './xlsx-guard.js';

export interface SummaryRow {
  /** The Excel row number (1-based), for messages. */
  row: number;
  serial: number | null;
  group: string;
  title: string;
  authors: string[];
  unit: string;
  category: string;
  grade: string;
  subject: string;
  mobile: string;
  share: boolean | null;
  /** How messages name the row: `汇总表第 5 行`, or with its file when several tables were merged. */
  where?: string;
}

export interface Summary {
  file: string;
  sheet: string;
  /** The title rows above the header, joined (often “沈阳市…作品汇总表”). */
  caption: string;
  rows: SummaryRow[];
  /** What could not be read (a formula without its result): said to the user, never silently dropped. */
  problems: string[];
}

type Column = Exclude<keyof SummaryRow, 'row' | 'authors'> | 'authors';

/** Header words per column, tried in this order (所在单位 before 作者: “作者所在单位” is the unit). */
const HEADERS: [Column, RegExp][] = [
  ['serial', /^(序号|编号|排序)/],
  ['unit', /单位|学校/],
  ['mobile', /手机|电话|联系方式/],
  ['share', /共享/],
  ['group', /组别/],
  ['category', /类别|类型/],
  ['title', /作品名称|作品名|名称|题目/],
  ['authors', /作者|姓名/],
  ['grade', /年级/],
  ['subject', /学科/],
];

const clean = (s: string) =>
  fold(s.normalize('NFKC'))
    .replace(/\s+/g, '')
    .replace(/[(（][^)）]*[)）]/g, '');

/** A cell's text whatever exceljs holds: rich text, a formula's result, a hyperlink, a number, a date. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return cellText(v.result);
  if (v.text !== undefined) return cellText(v.text);
  return '';
}

function columnOf(label: string): Column | null {
  const l = clean(label);
  if (!l) return null;
  for (const [col, re] of HEADERS) if (re.test(l)) return col;
  return null;
}

export async function readSummary(file: string): Promise<Summary> {
  if (/\.xls$/i.test(file))
    throw new BaosongError(
      'bad-input',
      `${file} 是旧的 Excel 97-2003 格式(.xls)：请在 Excel 或 WPS 中另存为 .xlsx 后再读取`,
    );
  await guardWorkbook(file);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new BaosongError(
      'bad-input',
      `无法读取作品汇总表 ${file}：${(e as Error).message.includes('ENOENT') ? '文件不存在' : '不是有效的 .xlsx 文件'}`,
    );
  }
  for (const ws of wb.worksheets) {
    const texts: string[][] = [];
    const problems: string[] = [];
    // (rowCount and columnCount walk every row: asked once, not per cell.)
    const last = Math.min(ws.rowCount, SUMMARY_LIMITS.rows);
    const width = Math.min(ws.columnCount, 40);
    for (let r = 1; r <= last; r += 1) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= width; c += 1) {
        const value = row.getCell(c).value;
        // A formula saved without its result (made by a program, never opened in Excel): there is nothing to read.
        if (
          value &&
          typeof value === 'object' &&
          'formula' in value &&
          (value as { result?: unknown }).result === undefined
        ) {
          problems.push(
            `第 ${r} 行 ${row.getCell(c).address} 是公式，但文件中没有它的计算结果(请在 Excel 或 WPS 中打开后保存一次)`,
          );
        }
        cells.push(cellText(value).trim());
      }
      texts.push(cells);
    }
    // The header: the first of the top 15 rows naming at least a title and an author column.
    let header = -1;
    for (let r = 0; r < Math.min(15, texts.length); r += 1) {
      const cols = new Set(texts[r]!.map(columnOf));
      if (cols.has('title') && cols.has('authors')) {
        header = r;
        break;
      }
    }
    if (header < 0) continue;
    // A two-row header: merged cells above (作者信息) with their parts below (姓名 | 所在单位).
    const labels = texts[header]!.map((t) => t);
    let first = header + 1;
    const below = texts[header + 1] ?? [];
    // …told from the first data row by its title cell: a data row has a title there, a header row a label or nothing.
    const titleAt = labels.findIndex((t) => columnOf(t) === 'title');
    const titleBelow = below[titleAt] ?? '';
    const belowIsHeader =
      below.some((t, i) => t && t !== labels[i] && columnOf(t) !== null) &&
      (!titleBelow || titleBelow === labels[titleAt] || columnOf(titleBelow) === 'title');
    if (belowIsHeader) {
      below.forEach((t, i) => {
        if (t && t !== labels[i]) labels[i] = `${labels[i] ?? ''}${t}`;
      });
      first = header + 2;
    }
    const columns = new Map<Column, number>();
    labels.forEach((label, i) => {
      const col = columnOf(label);
      // A merged group label repeated over its columns: the more specific part decides (作者信息姓名 → authors).
      if (col && !columns.has(col)) columns.set(col, i);
    });
    const get = (cells: string[], col: Column) =>
      columns.has(col) ? fold((cells[columns.get(col)!] ?? '').normalize('NFKC')) : '';
    const rows: SummaryRow[] = [];
    let blank = 0;
    for (let r = first; r < texts.length; r += 1) {
      const cells = texts[r]!;
      const title = get(cells, 'title');
      const authors = get(cells, 'authors');
      if (!title && !authors) {
        if (cells.every((c) => !c)) blank += 1;
        if (blank >= 3) break;
        continue;
      }
      // Notes under the table: one cell merged across the row (every cell reads the same), or no author.
      const distinct = new Set(cells.filter(Boolean));
      if (distinct.size === 1 || (!authors && /说明|注[:：]|备注|填表/.test(cells.join('')))) break;
      blank = 0;
      const share = get(cells, 'share');
      const serial = Number(get(cells, 'serial'));
      rows.push({
        row: r + 1,
        serial: Number.isFinite(serial) && serial > 0 ? serial : null,
        group: get(cells, 'group'),
        // 作品名称 is written without 《》 (附表1-5 注 2); a unit that typed them did not mean them as part of it.
        title: title.replace(/[《》]/g, '').trim(),
        authors: splitAuthors(authors),
        unit: get(cells, 'unit'),
        category: get(cells, 'category'),
        grade: get(cells, 'grade'),
        subject: get(cells, 'subject'),
        mobile: get(cells, 'mobile').replace(/[\s-]/g, ''),
        share: /^(是|同意|y|yes)$/i.test(share) ? true : /^(否|不同意|n|no)$/i.test(share) ? false : null,
      });
    }
    const caption = texts
      .slice(0, header)
      .map((cells) => [...new Set(cells.filter(Boolean))].join(' '))
      .filter(Boolean)
      .join(' ');
    return { file, sheet: ws.name, caption, rows, problems };
  }
  throw new BaosongError('bad-input', `作品汇总表 ${file} 中找不到表头(应有“作品名称”和“作者姓名”两列)`);
}
