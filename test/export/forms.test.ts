// The forms as a reviewer meets them: the xlsx read back, each .docx through LibreOffice, each print PDF rendered.
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { microlecture, validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';

const BIN = fileURLToPath(new URL('../../bin/baosong.js', import.meta.url));
const baosong = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const has = (tool: string) => spawnSync(tool, ['-v'], { encoding: 'utf8' }).error === undefined;
const poppler = has('pdftoppm') && has('pdffonts') && has('pdftotext');
const soffice = has('soffice');

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

let dir: string;
let out: string;
let printed: string;
let mail: string;

beforeAll(async () => {
  dir = tempDir();
  const w2 = microlecture('w2', '王芳', { title: '分数的初步认识', subject: '数学', grade: '三年级' });
  w2.authors[0].mobile = '13912345678';
  w2.authors.push({ name: '刘丽', unit: '沈阳市和平区第一小学' });
  const file = await writeBatch(dir, validBatch([microlecture('w1', '张强'), w2]));
  const db = join(dir, 'c.sqlite');
  expect(baosong('import', file, '--db', db).status).toBe(0);
  out = join(dir, '导出');
  printed = join(dir, '打印');
  mail = join(dir, '邮件');
  expect(baosong('export', '--db', db, '--out', out).status).toBe(0);
  expect(baosong('print', '--db', db, '--out', printed).status).toBe(0);
  const m = baosong('mail', '--db', db, '--out', mail);
  expect(m.status).toBe(0);
  expect(m.stdout).toContain('沈阳市教育局-第二十九届教育教学信息化交流活动-中小学校组');
}, 180_000);

describe('作品汇总表.xlsx', () => {
  it('has exactly the header and one row per work, nothing below; phone numbers are text; notes on a second sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, '作品汇总表.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('作品汇总表');
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual([
      '序号',
      '交流组别',
      '作品名称',
      '作者姓名',
      '所在单位',
      '作品类别',
      '年级',
      '学科',
      '手机号码',
      '是否同意共享',
    ]);
    expect(rows.slice(1)).toEqual([
      [1, '中小学校', '小小的船w1', '张强', '沈阳市和平区第一小学', '微课', '一年级', '语文', '13800000001', '是'],
      [
        2,
        '中小学校',
        '分数的初步认识',
        '王芳、刘丽',
        '沈阳市和平区第一小学',
        '微课',
        '三年级',
        '数学',
        '13912345678',
        '是',
      ],
    ]);
    expect(ws.rowCount).toBe(3);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
    expect(wb.worksheets[1]!.name).toBe('填写说明');
  });
});

describe.skipIf(!soffice)('Word forms (LibreOffice; skipped where soffice is missing)', () => {
  it('every .docx converts to PDF without error', () => {
    const docs = walk(out).filter((r) => r.endsWith('.docx'));
    expect(docs.length).toBe(7);
    const work = tempDir();
    docs.forEach((rel, i) => copyFileSync(join(out, rel), join(work, `${i}.docx`)));
    const r = spawnSync(
      'soffice',
      ['--headless', '--convert-to', 'pdf', '--outdir', work, ...docs.map((_, i) => join(work, `${i}.docx`))],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status).toBe(0);
    for (let i = 0; i < docs.length; i += 1) expect(existsSync(join(work, `${i}.pdf`)), docs[i]).toBe(true);
    if (poppler) {
      const text = spawnSync(
        'pdftotext',
        [join(work, `${docs.indexOf('2微课/2-王芳-分数的初步认识/作品登记表.docx')}.pdf`), '-'],
        { encoding: 'utf8' },
      ).stdout;
      expect(text).toContain('作品登记表');
      expect(text).toContain('分数的初步认识');
    }
  }, 180_000);
});

/** Share of dark pixels in a rectangle of a PGM page (fractions of width and height). */
function ink(pgm: Buffer, box: [number, number, number, number]): number {
  const header = pgm.toString('latin1', 0, 64).split(/\s+/);
  const width = Number(header[1]);
  const height = Number(header[2]);
  const start = pgm.length - width * height;
  let dark = 0;
  let all = 0;
  for (let y = Math.floor(box[1] * height); y < box[3] * height; y += 1) {
    for (let x = Math.floor(box[0] * width); x < box[2] * width; x += 1) {
      all += 1;
      if (pgm[start + y * width + x]! < 128) dark += 1;
    }
  }
  return dark / all;
}

describe.skipIf(!poppler)('print PDFs (poppler; skipped where pdftoppm is missing)', () => {
  it("every print PDF carries ink where its labels are, embeds Source Han Sans, and says this work's values", () => {
    const pdfs = walk(printed).filter((r) => r.endsWith('.pdf'));
    expect(pdfs.length).toBe(2 * 2 + 5);
    expect(pdfs).toContain('证书信息核对单(打印).pdf');
    const work = tempDir();
    for (const rel of pdfs) {
      const file = join(printed, rel);
      const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout;
      expect(fonts, rel).toMatch(/SourceHanSansSC-Regular\s+CID Type 0C\s+Identity-H\s+yes\s+yes/);
      const base = join(work, rel.replace(/[/()]/g, '_'));
      spawnSync('pdftoppm', ['-r', '40', '-gray', '-f', '1', '-l', '1', file, base]);
      const page = readdirSync(work).find(
        (n) => n.startsWith(rel.replace(/[/()]/g, '_').split('/').pop()!) && n.endsWith('.pgm'),
      )!;
      const pgm = readFileSync(join(work, page));
      // The title band and the label column of the table both carry ink: not a blank page.
      expect(ink(pgm, [0.3, 0.04, 0.7, 0.2]), `${rel} title`).toBeGreaterThan(0.01);
      expect(ink(pgm, [0.08, 0.15, 0.3, 0.5]), `${rel} labels`).toBeGreaterThan(0.005);
    }
    const reg = spawnSync(
      'pdftotext',
      ['-layout', join(printed, '2微课/2-王芳-分数的初步认识/作品登记表(打印).pdf'), '-'],
      { encoding: 'utf8' },
    ).stdout;
    for (const s of [
      '作品登记表',
      '作品名称',
      '学科',
      '年级',
      '作品大小',
      '作者信息',
      '联系信息',
      '诚信承诺',
      '承诺人(作者)签名',
      '分数的初步认识',
      '数学',
      '三年级',
      '王芳',
      '刘丽',
      '13912345678',
      'MB',
    ]) {
      expect(reg, s).toContain(s);
    }
    const rec = spawnSync('pdftotext', [join(printed, '2微课/2-王芳-分数的初步认识/推荐意见(打印).pdf'), '-'], {
      encoding: 'utf8',
    }).stdout;
    for (const s of ['推荐意见', '质性评语', '单位公章', '沈阳市教育局', '王芳、刘丽']) expect(rec, s).toContain(s);
    const summary = spawnSync('pdftotext', [join(printed, '作品汇总表(打印).pdf'), '-'], { encoding: 'utf8' }).stdout;
    for (const s of ['作品汇总表', '交流组别', '手机号码', '分数的初步认识', '13912345678'])
      expect(summary, s).toContain(s);
  }, 120_000);
});

describe('the e-mail package', () => {
  it('holds the Word/Excel forms, the stamped scans and 邮件.txt with the address, subject and both dates', () => {
    const files = walk(mail);
    expect(files).toEqual(
      expect.arrayContaining([
        '邮件.txt',
        '作品汇总表.xlsx',
        '组织单位及联系人信息表.docx',
        '作品汇总表(盖章).pdf',
        '2微课/1-张强-小小的船w1/作品登记表.docx',
        '2微课/1-张强-小小的船w1/推荐意见.pdf',
      ]),
    );
    expect(files.some((f) => f.endsWith('.mp4') || f.endsWith('相关材料.zip'))).toBe(false);
    const note = readFileSync(join(mail, '邮件.txt'), 'utf8');
    expect(note).toContain('Ln86593376@163.com');
    expect(note).toContain('主题：沈阳市教育局-第二十九届教育教学信息化交流活动-中小学校组');
    expect(note).toContain('2025-06-10');
    expect(note).toContain('2025-07-15');
  });
});

// `baosong demo` is tested from the installed tree: test/installed/installed.test.ts.
