// The return list for one unit: each finding it must act on (补交 a missing file, 退回修改 an error, 核实 a warning;
// no 待人工确认), with its message; as a workbook and a PDF whose text holds every item, header on every page.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { returnItems, returnListPdf, returnListXlsx } from '../../src/main/province/returns.js';
import type { Finding } from '../../src/shared/model.js';
import { readPdf } from '../helpers/pdf-read.js';

const findings = [
  { rule: 'authors.max-two', severity: 'error', work: 'w2', title: '分数的初步认识', message: '赵敏 参与了 3 件作品' },
  {
    rule: 'checklist.citations',
    severity: 'info',
    work: 'w1',
    title: '小小的船',
    message: '待人工确认：资料的引用注明出处',
  },
  {
    rule: 'video.title-card',
    severity: 'warning',
    work: 'w1',
    title: '小小的船',
    file: 'works/w1/微课.mp4',
    role: 'lecture-video',
    message: '开头 5 秒看起来不是蓝底片头',
  },
  {
    rule: 'file.missing',
    severity: 'error',
    work: 'w1',
    title: '小小的船',
    role: 'registration-scan',
    message: '缺少 作品登记表(签字扫描件)',
  },
  { rule: 'unit.scans', severity: 'error', message: '缺少 组织单位及联系人信息表(盖章扫描件)' },
] as unknown as Finding[];

describe('the return list', () => {
  it("says what to resend, correct or confirm, the unit's own first; skips what is the unit's own business", () => {
    expect(returnItems(findings).map((i) => `${i.action} ${i.work} ${i.rule}`)).toEqual([
      '补交 单位 unit.scans',
      '补交 w1《小小的船》 file.missing',
      '退回修改 w2《分数的初步认识》 authors.max-two',
      '核实 w1《小小的船》 video.title-card',
    ]);
  });

  it('as a workbook and a PDF: every item, at any length', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      ...findings[0]!,
      work: `w${i + 1}`,
      message: `第 ${i + 1} 项：${'这是一段很长的问题说明，'.repeat(6)}`,
    })) as Finding[];
    const items = returnItems([...findings, ...many]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await returnListXlsx('沈阳市教育局', items)) as never);
    const ws = wb.getWorksheet('退回补交清单')!;
    expect(ws.getRow(1).getCell(1).value).toBe('沈阳市教育局 退回/补交清单(共 64 项)');
    expect(ws.rowCount).toBe(2 + 64);
    expect(ws.getRow(3).getCell(2).value).toBe('补交');
    const pages = readPdf(await returnListPdf('沈阳市教育局', items), false);
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.map((p) => p.words.map((w) => w.text).join('')).join('');
    for (let i = 1; i <= 60; i += 1) expect(text).toContain(`第${i}项`);
    // The header row on every page.
    for (const p of pages)
      expect(p.words.map((w) => w.text)).toEqual(expect.arrayContaining(['序号', '处理', '作品', '文件', '问题']));
  });
});
