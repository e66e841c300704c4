// The export service: check, plan, generate the forms, materialize the tree, remember what was written.
import { resolve } from 'node:path';
import type { ExportResult } from '../../shared/api.js';
import { BaosongError } from '../../shared/errors.js';
import type { Catalog, CheckReport, FileFacts } from '../../shared/model.js';
import type { Profile } from '../../shared/rules/profile.js';
import type { Db } from '../catalog/db.js';
import { loadRecords, saveRecords } from '../catalog/export-records.js';
import { cloudForm, recommendationForm, registrationForm, reportForm, unitInfoForm } from '../forms/content.js';
import { formDocx } from '../forms/docx.js';
import { summaryXlsx } from '../forms/summary-xlsx.js';
import { materialize, type MaterializeProgress } from './materialize.js';
import { planExport, type ExportPlan } from './plan.js';
import { zipTree } from './zip.js';

/** Every generated form of the plan, keyed by its path in the tree. */
export async function buildForms(profile: Profile, catalog: Catalog, plan: ExportPlan, facts: Map<string, FileFacts>): Promise<Map<string, Buffer>> {
  const sizes = new Map([...facts].map(([path, f]) => [path, f.size]));
  const out = new Map<string, Buffer>();
  for (const e of plan.entries) {
    if (e.kind !== 'form') continue;
    let buf: Buffer;
    switch (e.form) {
      case 'registration':
        buf = await formDocx(registrationForm(profile, e.work!, sizes));
        break;
      case 'recommendation':
        buf = await formDocx(recommendationForm(profile, catalog.unit, e.work!));
        break;
      case 'summary':
        buf = await summaryXlsx(profile, plan);
        break;
      case 'unit-info':
        buf = await formDocx(unitInfoForm(profile, catalog.unit));
        break;
      case 'cloud':
        buf = await formDocx(cloudForm(profile, catalog.unit, plan));
        break;
      case 'report':
        buf = await formDocx(reportForm(profile, catalog));
        break;
    }
    out.set(e.rel, buf);
  }
  return out;
}

export async function runExport(
  db: Db,
  profile: Profile,
  catalog: Catalog,
  checked: { report: CheckReport; facts: Map<string, FileFacts> },
  args: { out: string; allowErrors?: boolean; zip?: string },
  options: { signal?: AbortSignal; onProgress?: (p: MaterializeProgress) => void } = {},
): Promise<ExportResult> {
  const dir = resolve(args.out);
  const errors = checked.report.findings.filter((f) => f.severity === 'error');
  if (errors.length && !args.allowErrors) {
    throw new BaosongError('refused', `还有 ${errors.length} 个错误，未导出(修正后再导出，或加 --allow-errors 强制导出)`, {
      details: [{ message: '' }, ...errors.map((f) => ({ work: f.work, message: `${f.rule}：${f.message}${f.file ? `(${f.file})` : ''}` }))],
    });
  }
  const plan = planExport(profile, catalog);
  // Forced past its errors, an export leaves out the files that are not there (they are among the errors).
  const skipped = plan.entries.filter((e) => e.kind === 'copy' && checked.facts.get(e.file.absPath)?.exists === false).map((e) => e.rel);
  plan.entries = plan.entries.filter((e) => !skipped.includes(e.rel));
  const forms = await buildForms(profile, catalog, plan, checked.facts);
  const result = await materialize(dir, plan, forms, loadRecords(db, dir), {
    ...options,
    beforeSwap: (records) => saveRecords(db, dir, records),
  });
  let zip: ExportResult['zip'] = null;
  if (args.zip) zip = { file: resolve(args.zip), ...(await zipTree(dir, resolve(args.zip), options.signal)) };
  return {
    dir,
    unchanged: result.unchanged,
    files: result.files,
    copied: result.copied,
    reused: result.reused,
    cloned: result.cloned,
    bytesCopied: result.bytesCopied,
    errors: errors.length,
    findings: plan.findings,
    zip,
    skipped,
  };
}
