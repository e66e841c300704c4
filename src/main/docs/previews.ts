// `npm run previews`: PNG previews of the hardest print pages at the limits (docs/previews/), drawn by poppler's
// pdftoppm from the same PDFs `baosong print` writes, and the Excel summary through LibreOffice when it is there.
// Not byte-stable across poppler versions, so not part of `npm run docs`' stale check: run it after a layout change.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireProfile } from '../../shared/rules/registry.js';
import { planExport } from '../../shared/export-plan.js';
import { certificateCheckForms, cloudForm, recommendationForm, registrationForm, summaryForm, unitInfoForm } from '../forms/content.js';
import { formPdf, formsPdf } from '../forms/pdf.js';
import { summaryXlsx } from '../forms/summary-xlsx.js';
import { fullText, limitCatalog } from './limits.js';

/** name → the PDF and the pages to show. */
async function previews(): Promise<{ name: string; pdf: Buffer; pages: number[] }[]> {
  const profile = requireProfile(null);
  const catalog = limitCatalog();
  const plan = planExport(profile, catalog);
  const work = (c: string) => catalog.works.find((w) => w.category === c)!;
  const long = { ...catalog.works[0]!, comment: catalog.works[0]!.comment.repeat(3) };
  const summary = await formPdf(summaryForm(profile, catalog.unit, plan));
  // The boundary cases of the stamped pages: one work with a long row (its seal under it, never on a page alone), and
  // a 1,050-字 comment (the seal and 备注 with the comment's last lines).
  const one = { unit: catalog.unit, works: [{ ...catalog.works[6]!, title: catalog.works[6]!.title.slice(0, 39), authors: catalog.works[6]!.authors.slice(0, 3) }] };
  const comment = { ...catalog.works[0]!, comment: fullText(1050, 4) };
  const last = Number(/\/Count (\d+)/.exec(summary.toString('latin1'))?.[1] ?? 1);
  return [
    { name: 'registration-management', pdf: await formPdf(registrationForm(profile, work('management-case'), new Map())), pages: [1, 2, 5] },
    { name: 'registration-ai', pdf: await formPdf(registrationForm(profile, work('ai-case'), new Map())), pages: [2, 5] },
    { name: 'registration-microlecture', pdf: await formPdf(registrationForm(profile, work('microlecture'), new Map())), pages: [1, 2] },
    { name: 'recommendation', pdf: await formPdf(recommendationForm(profile, catalog.unit, catalog.works[0]!)), pages: [1] },
    { name: 'recommendation-long', pdf: await formPdf(recommendationForm(profile, catalog.unit, long)), pages: [2] },
    { name: 'summary', pdf: summary, pages: [1, last] },
    { name: 'summary-one-work', pdf: await formPdf(summaryForm(profile, one.unit, planExport(profile, one))), pages: [1] },
    { name: 'recommendation-1050', pdf: await formPdf(recommendationForm(profile, catalog.unit, comment)), pages: [1] },
    { name: 'unit-info', pdf: await formPdf(unitInfoForm(profile, catalog.unit)), pages: [1] },
    { name: 'cloud', pdf: await formPdf(cloudForm(profile, catalog.unit, plan)), pages: [3] },
    { name: 'certificate-check', pdf: await formsPdf(certificateCheckForms(profile, plan).slice(5, 6), '证书信息核对单'), pages: [1] },
    { name: 'summary-xlsx', pdf: await summaryXlsx(profile, plan), pages: [1] },
  ];
}

export async function writePreviews(out: string): Promise<string[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'baosong-previews-'));
  const written: string[] = [];
  try {
    for (const p of await previews()) {
      const pdf = join(tmp, `${p.name}.pdf`);
      if (p.name.endsWith('-xlsx')) {
        const xlsx = join(tmp, `${p.name}.xlsx`);
        writeFileSync(xlsx, p.pdf);
        const r = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', tmp, xlsx], { encoding: 'utf8', timeout: 120_000 });
        if (r.status !== 0) {
          console.warn(`跳过 ${p.name}：没有 LibreOffice(soffice)`);
          continue;
        }
      } else writeFileSync(pdf, p.pdf);
      for (const page of p.pages) {
        const base = join(tmp, `${p.name}-${page}`);
        const r = spawnSync('pdftoppm', ['-r', '60', '-png', '-singlefile', '-f', String(page), '-l', String(page), pdf, base], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`pdftoppm: ${r.stderr || r.error?.message}`);
        renameSync(`${base}.png`, join(out, `${p.name}-${page}.png`));
        written.push(`${p.name}-${page}.png`);
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(fileURLToPath(new URL('../../../docs/previews', import.meta.url)));
  // Only this script's own previews are replaced (docs/previews holds screenshots made elsewhere too).
  const ours = new Set((await previews()).map((p) => p.name));
  for (const f of readdirSync(out)) if (ours.has(f.replace(/-\d+\.png$/, ''))) rmSync(join(out, f));
  const files = await writePreviews(out);
  console.log(files.map((f) => `docs/previews/${f}`).join('\n'));
}
