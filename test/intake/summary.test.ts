// 作品汇总表.xlsx as filled by hand: the header found wherever it is, labels with spaces, numbers for phones.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSummary } from '../../src/main/intake/summary.js';
import { tempDir } from '../helpers/files.js';

describe('readSummary', () => {
  it('skips a sheet without a header, reads a plain header row with odd labels, and stops at blank rows', async () => {
    const file = join(tempDir(), '汇总.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('填写说明').getCell('A1').value = '请按要求填写';
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow([
      '序　号',
      '作品名称（全称）',
      '作者姓名(按顺序)',
      '作者所在单位',
      '作品类别',
      '年级',
      '学科',
      '手机号',
      '是否同意共享',
    ]);
    ws.addRow([1, ' 认识 钟表 ', '李四  王五', '鞍山市实验小学', '微课', '一年级', '数学', 13900000001, '否']);
    ws.addRow([
      2,
      { richText: [{ text: '荷塘' }, { text: '月色' }] },
      '张三;赵六',
      '鞍山市第一中学',
      '课件',
      '高一',
      '语文',
      { formula: '13900000000+2', result: 13900000002 },
      '',
    ]);
    ws.addRow([]);
    ws.addRow([]);
    ws.addRow([]);
    ws.addRow([9, '表外的行', '某人']);
    await wb.xlsx.writeFile(file);
    const s = await readSummary(file);
    expect(s.sheet).toBe('Sheet1');
    expect(s.caption).toBe('');
    expect(s.rows).toEqual([
      {
        row: 2,
        serial: 1,
        group: '',
        title: '认识 钟表',
        authors: ['李四', '王五'],
        unit: '鞍山市实验小学',
        category: '微课',
        grade: '一年级',
        subject: '数学',
        mobile: '13900000001',
        share: false,
      },
      {
        row: 3,
        serial: 2,
        group: '',
        title: '荷塘月色',
        authors: ['张三', '赵六'],
        unit: '鞍山市第一中学',
        category: '课件',
        grade: '高一',
        subject: '语文',
        mobile: '13900000002',
        share: null,
      },
    ]);
  });

  it('says when there is no header', async () => {
    const file = join(tempDir(), '空.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a').getCell('A1').value = '没有表头';
    await wb.xlsx.writeFile(file);
    await expect(readSummary(file)).rejects.toThrow('找不到表头');
  });
});
