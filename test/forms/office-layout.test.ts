// The Word forms and the Excel summary at the limits through LibreOffice (a stand-in for WPS and Office): no two
// text lines overlap (a row is at least as tall as its wrapped text), every page holds part of a table, and every
// value is printed whole (a row too short would clip it).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cloudForm,
  recommendationForm,
  registrationForm,
  reportForm,
  unitInfoForm,
  type FormDoc,
} from '../../src/main/forms/content.js';
import { formDocx } from '../../src/main/forms/docx.js';
import { summaryXlsx } from '../../src/main/forms/summary-xlsx.js';
import { planExport } from '../../src/shared/export-plan.js';
import { requireProfile } from '../../src/shared/rules/registry.js';
import { limitCatalog } from '../helpers/limits.js';
import { tempDir } from '../helpers/files.js';
import { has, overlaps, readPdf, squash, type PdfPage } from '../helpers/pdf-read.js';

const CM = 72 / 2.54;
const ready = has('soffice') && has('pdftotext');
const profile = requireProfile(null);
const catalog = limitCatalog();
const plan = planExport(profile, catalog);
const registrations = Object.keys(profile.categories).map((c) => catalog.works.find((w) => w.category === c)!);

const SEAL_AT_END = [32, 38, 46];
const sealAtEnd = (n: number): FormDoc => ({
  appendix: '附表1-7',
  title: '市级(校级)工作报告',
  widths: [9000],
  rows: [],
  after: [
    { heading: '一、概况', text: Array.from({ length: n }, (_, i) => `第${i + 1}行：用事实和数据说话。`).join('\n') },
  ],
  sign: { name: '沈阳市教育局', seal: '单位公章', date: true },
});

let dir: string;
const pdf = (name: string) => readPdf(readFileSync(join(dir, `${name}.pdf`)), false);

beforeAll(async () => {
  if (!ready) return;
  dir = tempDir();
  const files: [string, Buffer][] = [
    ...(await Promise.all(
      registrations.map(async (w): Promise<[string, Buffer]> => [
        `reg-${w.category}.docx`,
        await formDocx(registrationForm(profile, w, new Map())),
      ]),
    )),
    ['rec.docx', await formDocx(recommendationForm(profile, catalog.unit, catalog.works[0]!))],
    ['unit.docx', await formDocx(unitInfoForm(profile, catalog.unit))],
    ['cloud.docx', await formDocx(cloudForm(profile, catalog.unit, plan))],
    ['report.docx', await formDocx(reportForm(profile, catalog))],
    ['summary.xlsx', await summaryXlsx(profile, plan)],
    // A report whose seal falls at a page's end, at three lengths: the seal takes the last lines along.
    ...(await Promise.all(
      SEAL_AT_END.map(async (n): Promise<[string, Buffer]> => [`keep-${n}.docx`, await formDocx(sealAtEnd(n))]),
    )),
  ];
  for (const [name, data] of files) writeFileSync(join(dir, name), data);
  const r = spawnSync(
    'soffice',
    ['--headless', '--convert-to', 'pdf', '--outdir', dir, ...files.map(([n]) => join(dir, n))],
    { encoding: 'utf8', timeout: 240_000 },
  );
  expect(r.status, r.stderr).toBe(0);
}, 300_000);

/** No two of poppler's text lines on a page cover each other (1 pt of slack for glyph boxes). */
function noOverlap(name: string, pages: PdfPage[]): void {
  pages.forEach((p, i) => {
    for (let a = 0; a < p.lines.length; a += 1) {
      for (let b = a + 1; b < p.lines.length; b += 1) {
        const [x, y] = [p.lines[a]!, p.lines[b]!];
        expect(
          overlaps(x, y, 1.5),
          `${name} p.${i + 1}: "${x.text.slice(0, 20)}" overlaps "${y.text.slice(0, 20)}"`,
        ).toBe(false);
      }
    }
  });
}

/** A sheet's text column by column: a wrapped cell's lines start at one x, so words grouped by x and read down. */
function columnText(pages: PdfPage[]): string {
  return pages
    .map((p) => {
      const columns = new Map<number, typeof p.words>();
      for (const w of p.words) columns.set(Math.round(w.x0), [...(columns.get(Math.round(w.x0)) ?? []), w]);
      return [...columns.values()]
        .map((ws) =>
          ws
            .sort((a, b) => a.y0 - b.y0)
            .map((w) => w.text)
            .join(''),
        )
        .join('|');
    })
    .join('|')
    .replace(/\s+/g, '');
}

const text = (pages: PdfPage[]) => squash(pages.flatMap((p) => p.words.map((w) => w.text)).join(''));

describe.skipIf(!ready)(
  'Word and Excel at the limits through LibreOffice (skipped where soffice or pdftotext is missing)',
  () => {
    it('作品登记表 of every category: no overlapping lines, every page a table page, every value whole', () => {
      for (const w of registrations) {
        const pages = pdf(`reg-${w.category}`);
        noOverlap(w.category, pages);
        // Every page carries a row of the form: a label of the form or the field's own text.
        for (const [i, p] of pages.entries())
          expect(p.words.length, `${w.category} p.${i + 1} empty`).toBeGreaterThan(3);
        // Whole in one of three readings: poppler's order, column by column, or the value area line by line (a label's
        // lines beside a value interleave with it in poppler's order).
        // The value area read line by line (right of the labels, 5.5 cm from the edge) holds the wide fields whole.
        const valueArea = squash(
          pages
            .map((p) =>
              p.words
                .filter((x) => x.x0 > 5.5 * CM)
                .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)
                .map((x) => x.text)
                .join(''),
            )
            .join(''),
        );
        const readings = [text(pages), columnText(pages), valueArea];
        for (const v of [w.title, ...Object.values(w.fields), ...w.authors.map((a) => a.unit)]) {
          expect(
            readings.some((r) => r.includes(squash(v))),
            `${w.category}: a value cut: ${v.slice(0, 20)}`,
          ).toBe(true);
        }
        expect(text(pages)).toContain('承诺人(作者)签名');
      }
    });

    it('推荐意见, 1-4, 1-6, 1-7: no overlapping lines, the seal and date printed', () => {
      for (const name of ['rec', 'unit', 'cloud', 'report']) {
        const pages = pdf(name);
        noOverlap(name, pages);
        const all = text(pages);
        expect(all, name).toMatch(/单位公章|组织单位盖章/);
        // 年, 月, 日 with room to write each figure.
        const words = pages.flatMap((p) => p.words);
        const year = words.filter((w) => w.text === '年').pop()!;
        const month = words.find((w) => w.text === '月' && Math.abs(w.y0 - year.y0) < 2)!;
        const day = words.find((w) => w.text === '日' && Math.abs(w.y0 - year.y0) < 2)!;
        expect(month.x0 - year.x1, name).toBeGreaterThan(1.2 * CM);
        expect(day.x0 - month.x1, name).toBeGreaterThan(1.2 * CM);
      }
      expect(text(pdf('rec'))).toContain(squash(catalog.works[0]!.comment));
    });

    it("a Word form's seal never stands on a page of its own: the last lines go with it", () => {
      for (const n of SEAL_AT_END) {
        const pages = pdf(`keep-${n}`);
        const last = pages[pages.length - 1]!;
        expect(
          last.words.some((w) => w.text === '单位公章'),
          `${n} lines`,
        ).toBe(true);
        expect(
          last.words.filter((w) => w.text.startsWith('第')).length,
          `${n} lines: the seal alone on p.${pages.length}`,
        ).toBeGreaterThan(0);
      }
    });

    it('作品汇总表.xlsx: rows as tall as their wrapped text (nothing overlaps, nothing clipped), the header on every page, the notes on A4', () => {
      const pages = pdf('summary');
      noOverlap('summary', pages);
      const notesPage = pages.findIndex((p) => p.words.some((w) => w.text.startsWith('注意事项')));
      expect(notesPage).toBeGreaterThan(0);
      for (const p of pages.slice(0, notesPage)) expect(p.words.some((w) => w.text === '序号')).toBe(true);
      const all = columnText(pages.slice(0, notesPage));
      for (const w of catalog.works) {
        expect(all, 'a title clipped').toContain(squash(w.title));
        expect(all, 'the names clipped').toContain(squash(w.authors.map((a) => a.name).join('、')));
        expect(all, 'a unit clipped').toContain(squash(w.authors[0]!.unit));
      }
      // The notes fit the page's width: every note is printed whole.
      const notes = text(pages.slice(notesPage));
      for (const n of profile.formTexts.summaryNotes) expect(notes, n.slice(0, 12)).toContain(squash(n));
      for (const p of pages)
        for (const w of p.words) expect(w.x1, `"${w.text}" beyond the page's edge`).toBeLessThanOrEqual(p.width);
    });
  },
);
