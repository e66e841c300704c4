// Every stamped page holds what it certifies. The sweep (test/helpers/sweep.ts) renders every print form at the
// limits and at everyday lengths and reads each page back with pdftotext: no page whose only content is a seal, a
// signature, a pledge, a date or 备注; the 汇总表's seal with at least one row of the table (two where there are two
// to move); a continued field carries at least two lines; no name or Latin word broken across lines; every page of a
// 证书信息核对单 says which work it is and a work's signatures stand on one page with its data. The Word forms the same,
// laid out by LibreOffice with a SimSun-like 宋体, and every field's label whole on one page.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
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
import { formDocx } from '../../src/main/forms/docx.js';
import { formPdf, formsPdf } from '../../src/main/forms/pdf.js';
import { planExport } from '../../src/shared/export-plan.js';
import { requireProfile } from '../../src/shared/rules/registry.js';
import { tempDir } from '../helpers/files.js';
import { officeReady, toPdf } from '../helpers/office.js';
import { has, readPdf, squash, type PdfPage } from '../helpers/pdf-read.js';
import { batch, brokenWords, NAMES, prose, registrationSweep, substance, sweepWork } from '../helpers/sweep.js';

const profile = requireProfile(null);
const t = profile.formTexts;
/** What only certifies: a page holding nothing else fails. */
const CERTIFYING = [t.seal, t.unitSeal, t.pledgeSign, t.pledge, t.remarkLabel, '诚信承诺', t.certificateCheck.sign];

/** The title block and a repeated header are not content either. */
const stripOf = (form: FormDoc): string[] => [
  ...CERTIFYING,
  form.title,
  form.appendix ?? '',
  form.subtitle ?? '',
  form.intro ?? '',
  form.lead ?? '',
  ...form.rows.slice(0, form.headerRows ?? 0).flatMap((r) => r.map((c) => c.text)),
];

function checkSubstance(name: string, form: FormDoc, pages: PdfPage[]): void {
  pages.forEach((p, i) =>
    expect(
      substance(p, stripOf(form)),
      `${name} p.${i + 1}/${pages.length}: a page holding only a seal, signature, pledge, date or 备注`,
    ).not.toBe(''),
  );
}

const render = async (form: FormDoc) => readPdf(await formPdf(form), false);

/** Many forms in one PDF (one pdfkit document, one pdftotext), split back where a form's 附表 number heads a page. */
async function renderMany(forms: FormDoc[]): Promise<PdfPage[][]> {
  const pages = readPdf(await formsPdf(forms, 'sweep'), false);
  const out: PdfPage[][] = [];
  for (const p of pages) {
    if (p.words.some((w) => w.y0 < 80 && w.text === forms[0]!.appendix)) out.push([]);
    out[out.length - 1]!.push(p);
  }
  expect(out.length, 'a form without its 附表 number on its first page').toBe(forms.length);
  return out;
}

describe.skipIf(!has('pdftotext'))(
  'stamped print pages hold what they certify (poppler; skipped where pdftotext is missing)',
  () => {
    it('作品登记表: every category and variant, fields at 0/30/60/100 %, 1–5 authors', async () => {
      const sweep = registrationSweep(profile).map(({ name, work }) => ({
        name,
        work,
        form: registrationForm(profile, work, new Map()),
      }));
      const rendered = await renderMany(sweep.map((x) => x.form));
      for (const [i, { name, work, form }] of sweep.entries()) {
        const pages = rendered[i]!;
        checkSubstance(name, form, pages);
        // The pledge's page holds a row of the form above it.
        const pledge = pages.find((p) => p.words.some((w) => w.text.startsWith('承诺人')))!;
        expect(
          squash(pledge.words.map((w) => w.text).join('')).split('诚信承诺')[0]!.length,
          `${name}: the pledge without the form above`,
        ).toBeGreaterThan(0);
        expect(
          brokenWords(
            pages,
            work.authors.map((a) => a.name),
          ),
          name,
        ).toEqual([]);
      }
    });

    it('推荐意见: comments of 100–3,000 字, 1 and 5 authors — the seal with the comment, 备注 never alone', async () => {
      const cases = [100, 300, 600, 900, 1050, 1500, 2000, 2500, 3000].flatMap((chars) =>
        [1, 5].map((n) => ({ chars, n })),
      );
      const works = cases.map(({ chars, n }) => ({
        ...sweepWork(profile, 1, 'management-case', 'region', 1, n),
        comment: prose(chars, Math.ceil(chars / 300)),
      }));
      const forms = works.map((work) => recommendationForm(profile, null, work));
      const rendered = await renderMany(forms);
      for (const [i, { chars, n }] of cases.entries()) {
        const [work, form, pages] = [works[i]!, forms[i]!, rendered[i]!];
        checkSubstance(`推荐意见 ${chars}字 ${n}人`, form, pages);
        const seal = pages.find((p) => p.words.some((w) => w.text === t.seal))!;
        expect(substance(seal, stripOf(form)).length, `${chars}字: the seal without comment text`).toBeGreaterThan(2);
        expect(
          brokenWords(
            pages,
            work.authors.map((a) => a.name),
          ),
          `${chars}字`,
        ).toEqual([]);
      }
    });

    it('作品汇总表: batches of 1–30 works, long and short rows — the seal with the table, the header whole, the subtitle kept', async () => {
      const cases = [true, false].flatMap((long) =>
        Array.from({ length: 30 }, (_, i) => ({ long, n: i + 1 })).filter(({ n }) => long || n % 3 === 1),
      );
      const catalogs = cases.map(({ long, n }) => batch(profile, n, long));
      const forms = catalogs.map((catalog) => summaryForm(profile, catalog.unit, planExport(profile, catalog)));
      const rendered = await renderMany(forms);
      for (const [i, { long, n }] of cases.entries()) {
        const [catalog, form, pages] = [catalogs[i]!, forms[i]!, rendered[i]!];
        const name = `汇总表 ${n} 件${long ? '(长)' : ''}`;
        checkSubstance(name, form, pages);
        const last = pages[pages.length - 1]!;
        expect(
          last.words.some((w) => w.text === t.seal),
          name,
        ).toBe(true);
        // The seal's page holds rows of the table: their serial numbers stand in the first column.
        const serials = last.words.filter((w) => /^\d+$/.test(w.text) && w.x0 < 90).length;
        expect(serials, `${name}: rows on the seal's page`).toBeGreaterThanOrEqual(
          Math.min(n, pages.length > 1 ? 2 : 1),
        );
        // Headers on one line each; 交流组别's value whole; the notice's subtitle and the unit on a line of its own.
        for (const h of ['交流组别', '是否同意共享', '作品类别', '手机号码'])
          expect(
            pages[0]!.words.some((w) => w.text === h),
            `${name}: ${h} wrapped`,
          ).toBe(true);
        expect(
          pages[0]!.words.some((w) => w.text === '中小学校'),
          `${name}: 交流组别 wrapped`,
        ).toBe(true);
        const first = squash(pages[0]!.words.map((w) => w.text).join(''));
        expect(first).toContain(squash(t.summarySub));
        expect(first).toContain(`组织单位：${squash(catalog.unit!.name)}`);
        expect(brokenWords(pages, NAMES.slice(0, 3)), name).toEqual([]);
      }
    });

    it('1-4, 1-6, 1-7: the seal never alone, whatever the tree or report', async () => {
      for (const n of [1, 4, 9, 16, 24, 30]) {
        const catalog = batch(profile, n, true);
        const plan = planExport(profile, catalog);
        for (const [name, form] of [
          [`云盘报送要求 ${n}`, cloudForm(profile, catalog.unit, plan)],
          [`工作报告 ${n}`, reportForm(profile, catalog)],
        ] as const)
          checkSubstance(name, form, await render(form));
      }
      const form = unitInfoForm(profile, batch(profile, 1, true).unit);
      checkSubstance('组织单位及联系人信息表', form, await render(form));
    });

    it('证书信息核对单: 1–5 authors at full length — every page names its work, the signatures on one page with the data', async () => {
      for (const n of [1, 2, 3, 4, 5]) {
        const catalog = {
          unit: null,
          works: [
            {
              ...sweepWork(profile, 1, 'management-case', 'region', 1, n),
              title:
                '基于国家智慧教育平台与人工智能助教的初中数学“函数的性质”单元整体教学设计及其在区域内推广应用的实践研究与反思'.slice(
                  0,
                  80,
                ),
            },
          ],
        };
        const plan = planExport(profile, catalog);
        const [form] = certificateCheckForms(profile, plan);
        const pages = readPdf(await formsPdf([form!], '证书信息核对单'), false);
        const name = `核对单 ${n} 人`;
        checkSubstance(name, form!, pages);
        for (const [i, p] of pages.entries()) {
          const text = squash(p.words.map((w) => w.text).join(''));
          expect(text, `${name} p.${i + 1}: no 序号`).toContain('序号1');
          expect(text, `${name} p.${i + 1}: no title`).toContain(squash(catalog.works[0]!.title));
        }
        const signing = pages.filter((p) => p.words.some((w) => w.text.startsWith('核对无误')));
        expect(signing.length, `${name}: signatures over pages`).toBe(1);
        const text = squash(signing[0]!.words.map((w) => w.text).join(''));
        expect(text, `${name}: the signatures without the names and units`).toContain(
          squash(catalog.works[0]!.authors.map((a) => a.name).join('、')),
        );
        expect(
          brokenWords(
            pages,
            catalog.works[0]!.authors.map((a) => a.name),
          ),
          name,
        ).toEqual([]);
      }
    });
  },
);

/** Word forms laid out by LibreOffice with a SimSun-like 宋体: what Word and WPS will paginate, near enough. */
describe.skipIf(!officeReady)(
  'stamped Word pages hold what they certify (LibreOffice; skipped where soffice, pdftotext or fonts-arphic-uming is missing)',
  () => {
    const docs: { name: string; form: FormDoc; names: string[] }[] = [];
    let dir: string;
    const pdfOf = (i: number) => readPdf(readFileSync(join(dir, `${i}.pdf`)), false);

    beforeAll(async () => {
      for (const { name, work } of registrationSweep(profile))
        docs.push({
          name: `作品登记表 ${name}`,
          form: registrationForm(profile, work, new Map()),
          names: work.authors.map((a) => a.name),
        });
      for (const chars of [100, 300, 600, 900, 1050, 1500, 2000, 2500, 3000]) {
        for (const n of [1, 5]) {
          const work = {
            ...sweepWork(profile, 1, 'management-case', 'region', 1, n),
            comment: prose(chars, Math.ceil(chars / 300)),
          };
          docs.push({
            name: `推荐意见 ${chars}字 ${n}人`,
            form: recommendationForm(profile, null, work),
            names: work.authors.map((a) => a.name),
          });
        }
      }
      for (let n = 1; n <= 30; n += 1) {
        const catalog = batch(profile, n, true);
        docs.push({
          name: `云盘报送要求 ${n} 件`,
          form: cloudForm(profile, catalog.unit, planExport(profile, catalog)),
          names: [],
        });
        if (n % 6 === 1) docs.push({ name: `工作报告 ${n} 件`, form: reportForm(profile, catalog), names: [] });
      }
      docs.push({
        name: '组织单位及联系人信息表',
        form: unitInfoForm(profile, batch(profile, 1, true).unit),
        names: [],
      });
      dir = tempDir();
      const files = await Promise.all(
        docs.map(async (d, i) => {
          const file = join(dir, `${i}.docx`);
          writeFileSync(file, await formDocx(d.form));
          return file;
        }),
      );
      toPdf(files, dir);
    }, 600_000);

    it('no page holds only a seal, a signature, the pledge, a date or 备注; labels whole; names and words unbroken', () => {
      const failures: string[] = [];
      docs.forEach((d, i) => {
        const pages = pdfOf(i);
        pages.forEach((p, k) => {
          if (substance(p, stripOf(d.form)) === '')
            failures.push(`${d.name} p.${k + 1}/${pages.length}: 只有盖章、签名、承诺、日期或备注`);
        });
        // A field's label (key and hint) stands whole on one page: read down the label column (words that start left
        // of the value column, 5.5 cm from the paper's edge).
        const labels = d.form.rows
          .filter((r) => r.length > 1 && r[1]!.long && r[0]!.bold)
          .map((r) => squash(r[0]!.text));
        const columns = pages.map((p) =>
          squash(
            p.words
              .filter((w) => w.x0 < 5.5 * (72 / 2.54))
              .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)
              .map((w) => w.text)
              .join(''),
          ),
        );
        for (const l of labels)
          if (!columns.some((c) => c.includes(l))) failures.push(`${d.name}: 标签“${l.slice(0, 12)}…”跨页`);
        for (const w of brokenWords(pages, d.names)) failures.push(`${d.name}: “${w}”断在两行`);
      });
      expect(failures).toEqual([]);
    });
  },
);
