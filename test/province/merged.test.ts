// The merged 作品汇总表: every unit's rows as its own 汇总表 has them, the unit in front, sorted by group, category,
// unit and the unit's 序号; the workbook opens with the unit column, 序号 as numbers and 手机号码 as text.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { planExport } from '../../src/shared/export-plan.js';
import { summaryRows } from '../../src/main/forms/content.js';
import { MERGED_HEADER, mergedSummaryRows, mergedSummaryXlsx } from '../../src/main/province/merged.js';
import type { Catalog } from '../../src/shared/model.js';
import { author, profile, unit, work } from '../helpers/build.js';

function catalogs(): Catalog[] {
  const shenyang: Catalog = {
    unit: unit({ name: '沈阳市教育局' }),
    works: [
      work('teaching-case', { title: '沈阳案例', authors: [author({ name: '甲', mobile: '13800000011' })] }),
      work('microlecture', { title: '小小的船', authors: [author({ name: '张强', mobile: '13800000012' })] }),
      work('microlecture', { title: '分数', authors: [author({ name: '王芳', mobile: '13800000013' })] }),
    ],
  };
  const dalian: Catalog = {
    unit: unit({ name: '大连市教育局', city: '大连' }),
    works: [
      work('microlecture', { title: '大连的海', authors: [author({ name: '陈刚', mobile: '13900000001' })] }),
      work('courseware', { title: '大连课件', authors: [author({ name: '丁', mobile: '13900000002' })] }),
    ],
  };
  const university: Catalog = {
    unit: unit({ name: '辽宁师范大学', kind: 'university', group: 'higher', city: '大连' }),
    works: [
      work('microlecture', {
        title: '高等数学',
        stage: 'higher',
        authors: [author({ name: '郑华', mobile: '13700000001' })],
      }),
    ],
  };
  return [shenyang, dalian, university];
}

describe('the merged 作品汇总表', () => {
  it("sorts by group, category, unit and 序号, each unit's rows as its own table has them", async () => {
    const units = catalogs();
    const rows = mergedSummaryRows(profile, units);
    expect(rows.map((r) => `${r[0]} ${r[1]} ${r[3]}`)).toEqual([
      '大连市教育局 1 大连课件',
      '沈阳市教育局 1 小小的船',
      '沈阳市教育局 2 分数',
      '大连市教育局 2 大连的海',
      '沈阳市教育局 3 沈阳案例',
      '辽宁师范大学 1 高等数学',
    ]);
    // A unit's rows are its own 汇总表's, the unit in front.
    const own = summaryRows(profile, planExport(profile, units[0]!));
    for (const r of rows.filter((x) => x[0] === '沈阳市教育局')) expect(own).toContainEqual(r.slice(1));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await mergedSummaryXlsx(profile, units)) as never); // (exceljs types a Buffer of another lib)
    const ws = wb.getWorksheet('作品汇总表')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(MERGED_HEADER);
    expect(ws.rowCount).toBe(7);
    expect(ws.getRow(2).getCell(1).value).toBe('大连市教育局');
    expect(ws.getRow(2).getCell(2).value).toBe(1);
    expect(ws.getRow(2).getCell(10).value).toBe('13900000002');
    expect(ws.getRow(2).getCell(10).numFmt).toBe('@');
    expect(wb.getWorksheet('填写说明')).toBeDefined();
  });
});
