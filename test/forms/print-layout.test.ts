// The print PDFs at the limits — every field full, five authors, long units, 47 works in the summary — read back
// from the PDF's own drawing (its rectangles) and poppler's word positions: no text outside its frame, every page's
// frame closed, the signature on a page with the form's content, the seal's 4.5 cm square free, room to sign and
// date, the summary's header on every page, and not a character lost to a page break.
import { describe, expect, it } from 'vitest';
import {
  certificateCheckForms,
  cloudForm,
  recommendationForm,
  registrationForm,
  reportForm,
  summaryForm,
  unitInfoForm,
  type FormDoc,
} from '../../src/main/forms/content.js';
import { formPdf, formsPdf } from '../../src/main/forms/pdf.js';
import { planExport } from '../../src/shared/export-plan.js';
import { requireProfile } from '../../src/shared/rules/registry.js';
import type { Work } from '../../src/shared/model.js';
import { limitCatalog } from '../helpers/limits.js';
import { has, inside, overlaps, readPdf, squash, type Box, type PdfPage, type Word } from '../helpers/pdf-read.js';

const profile = requireProfile(null);
const catalog = limitCatalog();
const plan = planExport(profile, catalog);
const CM = 72 / 2.54;
const MARGIN = 2 * CM;

/** The words a form's page shows outside the body: the page number line. */
const isFooter = (p: PdfPage, w: Word) => w.y0 > p.height - MARGIN;

/** The checks every print page passes. */
function checkPages(name: string, pages: PdfPage[]): void {
  pages.forEach((p, i) => {
    const where = `${name} p.${i + 1}`;
    const body = p.words.filter((w) => !isFooter(p, w));
    expect(body.length, `${where}: a page with nothing on it`).toBeGreaterThan(0);
    // Inside the margins.
    for (const w of body) {
      expect(
        w.x0 >= MARGIN - 1 && w.x1 <= p.width - MARGIN + 1 && w.y0 >= MARGIN - 1 && w.y1 <= p.height - MARGIN + 1,
        `${where}: "${w.text}" outside the margins`,
      ).toBe(true);
    }
    if (p.rects.length === 0) return;
    // Every word at the table's height is inside one of its cells.
    const top = Math.min(...p.rects.map((r) => r.y0));
    const bottom = Math.max(...p.rects.map((r) => r.y1));
    for (const w of body.filter((w) => (w.y0 + w.y1) / 2 > top && (w.y0 + w.y1) / 2 < bottom)) {
      expect(
        p.rects.some((r) => inside(w, r)),
        `${where}: "${w.text}" crosses its cell's frame`,
      ).toBe(true);
    }
    // The frame is closed: the table's left and right edges end at the same bottom line, and no cell is open.
    const left = Math.min(...p.rects.map((r) => r.x0));
    const right = Math.max(...p.rects.map((r) => r.x1));
    const lowest = (pick: (r: Box) => boolean) => Math.max(...p.rects.filter(pick).map((r) => r.y1));
    expect(
      lowest((r) => Math.abs(r.x0 - left) < 0.5),
      `${where}: frame not closed`,
    ).toBeCloseTo(
      lowest((r) => Math.abs(r.x1 - right) < 0.5),
      1,
    );
    expect(
      p.rects.every((r) => r.y1 - r.y0 > 5),
      `${where}: a cell without height (a frame with nothing in it)`,
    ).toBe(true);
  });
}

/** The seal's label sits at the centre of a clear 4.5 cm square: nothing else is printed inside it. */
function checkSeal(name: string, pages: PdfPage[], label: string): void {
  const hits = pages.flatMap((p, i) => p.words.filter((w) => w.text === label).map((w) => ({ p, w, i })));
  expect(hits.length, `${name}: ${label}`).toBeGreaterThan(0);
  for (const { p, w, i } of hits) {
    const cx = (w.x0 + w.x1) / 2;
    const cy = (w.y0 + w.y1) / 2;
    const half = (4.5 * CM) / 2;
    const square = { x0: cx - half, y0: cy - half, x1: cx + half, y1: cy + half };
    const intruders = p.words.filter((o) => o !== w && overlaps(o, square));
    expect(
      intruders.map((o) => o.text),
      `${name} p.${i + 1}: text inside the seal's square`,
    ).toEqual([]);
    expect(
      square.x1 <= p.width - MARGIN + 1 && square.y1 <= p.height - MARGIN + 1,
      `${name}: the seal's square leaves the page`,
    ).toBe(true);
    // The seal has company: the page holds more than the signing block.
    const others = p.words.filter((o) => o.y1 < square.y0 && !isFooter(p, o));
    expect(others.length, `${name} p.${i + 1}: the seal alone on a page`).toBeGreaterThan(0);
  }
}

/** 年, 月 and 日 on one line with at least 1.2 cm to write each figure. */
function checkDates(name: string, pages: PdfPage[]): void {
  const years = pages.flatMap((p) => p.words.filter((w) => w.text === '年').map((w) => ({ p, w })));
  expect(years.length, `${name}: no date line`).toBeGreaterThan(0);
  for (const { p, w } of years) {
    const row = p.words.filter((o) => Math.abs(o.y0 - w.y0) < 2 && o.x0 > w.x1).sort((a, b) => a.x0 - b.x0);
    expect(row.map((o) => o.text).slice(0, 2), name).toEqual(['月', '日']);
    expect(row[0]!.x0 - w.x1, `${name}: room between 年 and 月`).toBeGreaterThan(1.2 * CM);
    expect(row[1]!.x0 - row[0]!.x1, `${name}: room between 月 and 日`).toBeGreaterThan(1.2 * CM);
    const before = p.words.filter((o) => Math.abs(o.y0 - w.y0) < 2 && o.x1 < w.x0);
    if (before.length === 0) expect(w.x0 - MARGIN, `${name}: room for the year`).toBeGreaterThan(1.5 * CM);
  }
}

/** Lines on one baseline sort together (a glyph from another font moves a line's box by a point). */
const row = (l: Box) => Math.round((l.y0 + l.y1) / 2 / 6);
const render = (form: FormDoc) => formPdf(form).then((b) => readPdf(b));
const full = (w: Work) => [w.title, ...w.authors.flatMap((a) => [a.name, a.unit])];

describe.skipIf(!has('pdftotext'))('print PDFs at the limits (poppler; skipped where pdftotext is missing)', () => {
  it.each(Object.keys(profile.categories))(
    '作品登记表 %s: fields continue under their label, the pledge signed on a page with the form',
    async (category) => {
      const work = catalog.works.find((w) => w.category === category)!;
      const pages = await render(registrationForm(profile, work, new Map()));
      checkPages(category, pages);
      checkDates(category, pages);
      // Nothing lost at a page break: every field's text, in order, in what the wide column shows, page by page.
      const column = MARGIN + 80;
      const text = squash(
        pages
          .flatMap((p) =>
            p.words
              .filter((l) => l.x0 > column && !isFooter(p, l))
              .sort((a, b) => row(a) - row(b) || a.x0 - b.x0)
              .map((l) => l.text),
          )
          .join(''),
      );
      for (const t of Object.values(work.fields)) expect(text, `${category}: a field's text lost`).toContain(squash(t));
      const all = squash(pages.flatMap((p) => p.lines.map((l) => l.text)).join(''));
      for (const t of full(work)) expect(all, `${category}: a value lost`).toContain(squash(t));
      // A continued field repeats its label with 续, never on the first page.
      expect(pages[0]!.words.some((w) => w.text.includes('续'))).toBe(false);
      if (pages.length > 2) expect(pages.slice(1).some((p) => p.words.some((w) => w.text.includes('续')))).toBe(true);
      // The signature: on a page with other rows of the form above it, with room to its right and below for each author.
      const i = pages.findIndex((p) => p.words.some((w) => w.text.startsWith('承诺人(作者)签名')));
      const p = pages[i]!;
      const label = p.words.find((w) => w.text.startsWith('承诺人(作者)签名'))!;
      const pledgeTop = Math.min(...p.words.filter((w) => w.text.startsWith('本人确认')).map((w) => w.y0));
      expect(
        p.rects.filter((r) => r.y1 <= pledgeTop).length,
        `${category}: the pledge alone on p.${i + 1}`,
      ).toBeGreaterThanOrEqual(2);
      const cell = p.rects.filter((r) => inside(label, r)).sort((a, b) => a.x1 - a.x0 - (b.x1 - b.x0))[0]!;
      const rows = Math.ceil(work.authors.length / 2);
      const room = { x0: label.x1 + 1, y0: label.y0, x1: cell.x1 - 1, y1: label.y0 + rows * 30 };
      expect(
        p.words.filter((w) => w !== label && overlaps(w, room)).map((w) => w.text),
        `${category}: writing on the signatures' room`,
      ).toEqual([]);
      expect(cell.x1 - label.x1, `${category}: room to sign`).toBeGreaterThan(2 * 3.5 * CM - 1);
    },
  );

  it("nearly empty 作品登记表 fit on one page where the notice's form does, and never leave the pledge alone", async () => {
    for (const category of Object.keys(profile.categories)) {
      const work = catalog.works.find((w) => w.category === category)!;
      const blank = { ...work, title: '小小的船', fields: {}, authors: work.authors.slice(0, 1), comment: '' };
      const pages = await render(registrationForm(profile, blank, new Map()));
      checkPages(`${category} (blank)`, pages);
      if (category === 'courseware' || category === 'microlecture') expect(pages.length, category).toBe(1);
      const last = pages[pages.length - 1]!;
      expect(last.rects.length, `${category}: the pledge alone on the last page`).toBeGreaterThan(2);
    }
  });

  it('推荐意见 with a 900-character comment: the seal keeps its 4.5 cm square, below the comment', async () => {
    const pages = await render(recommendationForm(profile, catalog.unit, catalog.works[0]!));
    checkPages('推荐意见', pages);
    checkSeal('推荐意见', pages, '单位公章');
    checkDates('推荐意见', pages);
    expect(squash(pages.flatMap((p) => p.lines.map((l) => l.text)).join(''))).toContain(
      squash(catalog.works[0]!.comment),
    );
    // A comment of 4 pages' length still ends with the seal on a page with the comment's last lines.
    const long = { ...catalog.works[0]!, comment: catalog.works[0]!.comment.repeat(5) };
    const more = await render(recommendationForm(profile, catalog.unit, long));
    expect(more.length).toBeGreaterThan(1);
    checkPages('推荐意见 (long)', more);
    checkSeal('推荐意见 (long)', more, '单位公章');
  });

  it('作品汇总表 over pages: the header on every page, the notes and seal with the last rows', async () => {
    const pages = await render(summaryForm(profile, catalog.unit, plan));
    expect(pages.length).toBeGreaterThan(3);
    checkPages('作品汇总表', pages);
    checkSeal('作品汇总表', pages, '单位公章');
    checkDates('作品汇总表', pages);
    for (const [i, p] of pages.entries()) {
      expect(
        p.words.some((w) => w.text === '序号') && p.words.some((w) => w.text === '作品名称'),
        `header on p.${i + 1}`,
      ).toBe(true);
      expect(p.rects.length, `p.${i + 1}: a page without rows`).toBeGreaterThan(10);
    }
    // Read column by column (a cell's lines start at one x): narrow neighbouring columns read as one block by rows.
    const text = squash(
      pages
        .flatMap((p) => {
          const columns = new Map<number, Word[]>();
          for (const w of p.words) columns.set(Math.round(w.x0), [...(columns.get(Math.round(w.x0)) ?? []), w]);
          return [...columns.values()].map((ws) =>
            ws
              .sort((a, b) => a.y0 - b.y0)
              .map((w) => w.text)
              .join(''),
          );
        })
        .join('|'),
    );
    for (const w of catalog.works) expect(text).toContain(squash(w.title));
  });

  it('1-4, 1-6 and 1-7: the seal after the form, in its square, on a page with the form', async () => {
    for (const [name, form, seal] of [
      ['组织单位及联系人信息表', unitInfoForm(profile, catalog.unit), '(组织单位盖章)'],
      ['云盘报送要求', cloudForm(profile, catalog.unit, plan), '单位公章'],
      ['工作报告', reportForm(profile, catalog), '单位公章'],
    ] as const) {
      const pages = await render(form);
      checkPages(name, pages);
      checkSeal(name, pages, seal);
      checkDates(name, pages);
    }
  });

  it('证书信息核对单: a page per work, every author named in large type with a line to sign', async () => {
    const forms = certificateCheckForms(profile, plan);
    expect(forms.length).toBe(catalog.works.length);
    const pages = readPdf(await formsPdf(forms, '证书信息核对单'));
    // One page per work even with five authors, an 80-character title and long units: it goes to that work's authors.
    expect(pages.length).toBe(forms.length);
    checkPages('证书信息核对单', pages);
    pages.forEach((p, i) => {
      const work = plan.folders.flatMap((f) => f.works)[i]!.work;
      for (const a of work.authors) {
        const name = p.words.find((w) => w.text === a.name.replace(/\s/g, ''));
        expect(name, a.name).toBeDefined();
        expect(name!.y1 - name!.y0, 'large type').toBeGreaterThan(20);
      }
      expect(p.words.filter((w) => w.text.startsWith('核对无误')).length).toBe(work.authors.length);
    });
  });
});
