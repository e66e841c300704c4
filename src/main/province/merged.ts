// The province's merged 作品汇总表 (issue 17): every unit's works in the notice's columns with the unit in front,
// sorted by group (基础教育组 before 高等学校组), category (the notice's order), unit (as the office lists them) and
// the unit's own 序号 — the table certificates are printed from. Each unit's rows are exactly its own 汇总表's.
import type { Catalog } from '../../shared/model.js';
import { CATEGORIES } from '../../shared/model.js';
import type { Profile } from '../../shared/rules/profile.js';
import { groupOfStage } from '../../shared/rules/text.js';
import { planExport } from '../../shared/export-plan.js';
import { SUMMARY_HEADER, summaryRows } from '../forms/content.js';
import { summaryTableXlsx, WIDTHS } from '../forms/summary-xlsx.js';

export const MERGED_HEADER = ['报送单位', ...SUMMARY_HEADER];
const MERGED_WIDTHS = [24, ...WIDTHS];
const GROUP_ORDER = ['k12', 'higher'];

/** The merged rows: [报送单位, 序号 (the unit's), 交流组别, 作品名称, …]. */
export function mergedSummaryRows(profile: Profile, units: Catalog[]): string[][] {
  const keyed: { group: number; category: number; unit: number; serial: number; row: string[] }[] = [];
  units.forEach((catalog, unitIndex) => {
    const plan = planExport(profile, catalog);
    const rows = summaryRows(profile, plan);
    plan.folders
      .flatMap((f) => f.works)
      .forEach(({ work, serial }, i) => {
        keyed.push({
          group: GROUP_ORDER.indexOf(groupOfStage(work.stage)),
          category: CATEGORIES.indexOf(work.category),
          unit: unitIndex,
          serial,
          row: [catalog.unit?.name ?? '', ...rows[i]!],
        });
      });
  });
  keyed.sort((a, b) => a.group - b.group || a.category - b.category || a.unit - b.unit || a.serial - b.serial);
  return keyed.map((k) => k.row);
}

export function mergedSummaryXlsx(profile: Profile, units: Catalog[]): Promise<Buffer> {
  return summaryTableXlsx(profile, {
    header: MERGED_HEADER,
    widths: MERGED_WIDTHS,
    rows: mergedSummaryRows(profile, units),
  });
}
