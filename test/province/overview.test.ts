// The province overview: a row per unit with each quota counted against its kind's limit (the same count as the
// unit's own quota rule), the over-quota ones marked and listed, a total row; and as a workbook.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { provinceOverview, provinceOverviewXlsx } from '../../src/main/province/overview.js';
import type { Catalog } from '../../src/shared/model.js';
import { findings, profile, rulesOf, unit, work } from '../helpers/build.js';

function catalogs(): Catalog[] {
  const provincial: Catalog = {
    unit: unit({ name: '辽宁省电化教育馆', kind: 'provincial' }),
    works: [work('microlecture'), work('courseware'), work('microlecture'), work('microlecture'), work('ai-case')],
  };
  const city: Catalog = {
    unit: unit({ name: '鞍山市教育局', kind: 'city', city: '鞍山' }),
    works: [work('microlecture'), work('platform-case')],
  };
  return [provincial, city];
}

describe('the province overview', () => {
  it("counts each unit's quotas as its own rule does, marks and lists what is over, totals", async () => {
    const units = catalogs();
    const t = provinceOverview(profile, units);
    expect(t.header).toEqual([
      '报送单位',
      '单位类型',
      '组别',
      '作品数',
      '教学类',
      '管理案例',
      '平台案例',
      '人工智能+',
      '教学类中职',
      '平台案例中职',
      '人工智能+中职',
    ]);
    expect(t.rows[0]!.slice(0, 8)).toEqual([
      '辽宁省电化教育馆',
      '其他省直属单位',
      '中小学校',
      '5',
      '4/3 超额',
      '0/1',
      '0/1',
      '1/1',
    ]);
    expect(t.rows[1]!.slice(0, 8)).toEqual(['鞍山市教育局', '其他市', '中小学校', '2', '1/30', '0/5', '1/8', '0/8']);
    expect(t.rows[2]!.slice(0, 8)).toEqual(['合计', '', '', '7', '5', '0', '1', '1']);
    expect(t.over).toEqual(['辽宁省电化教育馆：教学类 4/3']);
    // The same verdict as the unit's own rule.
    expect(rulesOf(findings({ unit: units[0]!.unit, works: units[0]!.works }))).toContain('quota.teaching');
    expect(
      rulesOf(findings({ unit: units[1]!.unit, works: units[1]!.works })).filter((r) => r.startsWith('quota.')),
    ).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await provinceOverviewXlsx(profile, units)) as never);
    const ws = wb.getWorksheet('各单位报送概况')!;
    expect(ws.getRow(2).getCell(5).value).toBe('4/3 超额');
    expect(ws.rowCount).toBe(4);
  });
});
