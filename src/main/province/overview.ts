// The province overview (issue 17): one row per unit — its kind, its works, and each quota counted against the
// unit kind's limit ("5/6", "7/6 超额") — and a total row; the quotas are counted by quotaUsage, the same function
// the unit's own quota rules and the window's meters use, so the overview cannot disagree with them.
import type { Catalog } from '../../shared/model.js';
import type { Profile } from '../../shared/rules/profile.js';
import { quotaUsage } from '../../shared/rules/quotas.js';
import { FIXED_DATE } from '../fs/fixed-date.js';
import { normalizeOoxml } from '../forms/ooxml.js';
import { exceljs } from '../lazy.js';

export interface OverviewTable {
  header: string[];
  rows: string[][];
  /** "沈阳市教育局：教学类 7/6" for each quota over its limit. */
  over: string[];
}

export function provinceOverview(profile: Profile, units: Catalog[]): OverviewTable {
  const columns: string[] = [];
  const perUnit = units.map((catalog) => {
    const uses = quotaUsage(profile, catalog);
    for (const u of uses) if (!columns.includes(u.short)) columns.push(u.short);
    return { catalog, uses };
  });
  const over: string[] = [];
  const totals = new Map<string, number>();
  const rows = perUnit.map(({ catalog, uses }) => {
    const unit = catalog.unit;
    const name = unit?.name ?? '(单位未填)';
    const cells = columns.map((short) => {
      const u = uses.find((x) => x.short === short);
      if (!u) return '—';
      totals.set(short, (totals.get(short) ?? 0) + u.count);
      if (u.count > u.limit) over.push(`${name}：${short} ${u.count}/${u.limit}`);
      return `${u.count}/${u.limit}${u.count > u.limit ? ' 超额' : ''}`;
    });
    return [
      name,
      unit ? profile.unitKinds[unit.kind] : '',
      unit ? profile.groups[unit.group].short : '',
      String(catalog.works.length),
      ...cells,
    ];
  });
  const total = [
    '合计',
    '',
    '',
    String(units.reduce((n, c) => n + c.works.length, 0)),
    ...columns.map((c) => String(totals.get(c) ?? 0)),
  ];
  return { header: ['报送单位', '单位类型', '组别', '作品数', ...columns], rows: [...rows, total], over };
}

export async function provinceOverviewXlsx(profile: Profile, units: Catalog[]): Promise<Buffer> {
  const table = provinceOverview(profile, units);
  const wb = new (await exceljs()).Workbook();
  wb.creator = '报送助手';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet('各单位报送概况', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
  });
  ws.columns = table.header.map((header, i) => ({ header, width: i === 0 ? 28 : i === 1 ? 22 : 12 }));
  ws.getRow(1).font = { name: '宋体', bold: true, size: 11 };
  for (const values of table.rows) {
    const row = ws.addRow(values);
    row.font = { name: '宋体', size: 11, bold: values[0] === '合计' };
    values.forEach((v, i) => {
      if (v.endsWith('超额'))
        row.getCell(i + 1).font = { name: '宋体', size: 11, bold: true, color: { argb: 'FFC00000' } };
    });
  }
  return normalizeOoxml(Buffer.from(await wb.xlsx.writeBuffer()));
}
