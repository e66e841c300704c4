// The export service: check, plan, generate the forms, materialize the tree, remember what was written.
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ExportResult } from '../../shared/api.js';
import { BaosongError } from '../../shared/errors.js';
import type { Catalog, CheckReport, FileFacts } from '../../shared/model.js';
import type { Profile } from '../../shared/rules/profile.js';
import type { ReadDb, RecordDb } from '../catalog/db.js';
import { writeAtomic } from '../atomic.js';
import { loadPreviousRecords, loadRecords, restoreRecords, saveRecords } from '../catalog/export-records.js';
import {
  cloudForm,
  recommendationForm,
  registrationForm,
  reportForm,
  summaryRows,
  unitInfoForm,
  type FormDoc,
} from '../forms/content.js';
import { formDocx } from '../forms/docx.js';
import { summaryXlsx } from '../forms/summary-xlsx.js';
import { lockTarget, materialize, ownTarget, sidecarsOf, type MaterializeProgress } from './materialize.js';
import { planExport, type ExportPlan } from '../../shared/export-plan.js';
import { canonical, within } from '../fs/paths.js';
import { ownOutput, protectedPaths, recordOutput, refuseProtected } from './guard.js';
import { targetLimits } from './preflight.js';
import { fileSystemOf } from './volume.js';
import { zipTree } from './zip.js';

/** Bump when a generator's output changes, so that cached forms are made again. */
const FORMS_VERSION = 1;

/**
 * Every generated form of the plan, keyed by its path in the tree. A form's bytes depend only on its content,
 * so they are kept in the catalog's cache folder under the hash of that content: an unchanged form is read back,
 * not generated again (a Word form takes ~25 ms; a batch has two per work).
 */
export async function buildForms(
  profile: Profile,
  catalog: Catalog,
  plan: ExportPlan,
  facts: Map<string, FileFacts>,
  cacheDir: string | null = null,
): Promise<Map<string, Buffer>> {
  const sizes = new Map([...facts].map(([path, f]) => [path, f.size]));
  const out = new Map<string, Buffer>();
  const cached = async (kind: string, content: unknown, make: () => Promise<Buffer>): Promise<Buffer> => {
    if (!cacheDir) return make();
    const key = createHash('sha256')
      .update(JSON.stringify([FORMS_VERSION, kind, content]))
      .digest('hex');
    const file = join(cacheDir, `${key}.${kind}`);
    try {
      return await readFile(file);
    } catch {
      const buf = await make();
      await writeAtomic(file, buf);
      return buf;
    }
  };
  const docx = (doc: FormDoc) => cached('docx', doc, () => formDocx(doc));
  for (const e of plan.entries) {
    if (e.kind !== 'form') continue;
    let buf: Buffer;
    switch (e.form) {
      case 'registration':
        buf = await docx(registrationForm(profile, e.work!, sizes));
        break;
      case 'recommendation':
        buf = await docx(recommendationForm(profile, catalog.unit, e.work!));
        break;
      case 'summary':
        buf = await cached('xlsx', [summaryRows(profile, plan), profile.formTexts.summaryNotes], () =>
          summaryXlsx(profile, plan),
        );
        break;
      case 'unit-info':
        buf = await docx(unitInfoForm(profile, catalog.unit));
        break;
      case 'cloud':
        buf = await docx(cloudForm(profile, catalog.unit, plan));
        break;
      case 'report':
        buf = await docx(reportForm(profile, catalog));
        break;
    }
    out.set(e.rel, buf);
  }
  return out;
}

/** An existing file at target is replaced only when this tool wrote it there last (same size and time). */
export function refuseForeignFile(db: ReadDb, target: string, command: string, label: string): void {
  let st;
  try {
    st = statSync(target);
  } catch {
    return;
  }
  const own = ownOutput(db, target, command);
  if (!st.isFile() || !own || own.size !== st.size || own.mtime !== st.mtimeMs) {
    throw new BaosongError(
      'bad-input',
      `${label} ${target} 已经存在，不是报送助手上次生成的(或之后被改动过)：为免覆盖，请换一个文件名，或先把它移走`,
    );
  }
}

/**
 * What an export may not touch, checked before anything is inspected or written: the folder (and the ZIP) must
 * hold no source and not be one, the folder must be absent, empty or this catalog's own export, and an existing
 * ZIP this tool's unchanged output. Returns the ZIP's path.
 */
export async function guardExport(
  db: ReadDb,
  catalog: Catalog,
  catalogPath: string | null,
  args: { out: string; zip?: string },
): Promise<string | null> {
  const dir = resolve(args.out);
  const zipFile = args.zip ? resolve(args.zip) : null;
  const guarded = protectedPaths(catalog, catalogPath);
  refuseProtected(dir, '导出文件夹', guarded);
  await ownTarget(dir, loadRecords(db, dir), loadPreviousRecords(db, dir));
  if (zipFile) {
    refuseProtected(zipFile, 'ZIP 文件', guarded);
    if (within(canonical(zipFile), canonical(dir)))
      throw new BaosongError('bad-input', `ZIP 文件 ${zipFile} 不能放在导出文件夹 ${dir} 里面`);
    refuseForeignFile(db, zipFile, 'zip', 'ZIP 文件');
  }
  return zipFile;
}

export async function runExport(
  db: RecordDb,
  profile: Profile,
  catalog: Catalog,
  checked: { report: CheckReport; facts: Map<string, FileFacts> },
  args: { out: string; allowErrors?: boolean; zip?: string },
  options: {
    signal?: AbortSignal;
    onProgress?: (p: MaterializeProgress) => void;
    cacheDir?: string;
    catalogPath?: string | null;
  } = {},
): Promise<ExportResult> {
  const dir = resolve(args.out);
  const zipFile = await guardExport(db, catalog, options.catalogPath ?? null, args);
  const errors = checked.report.findings.filter((f) => f.severity === 'error');
  if (errors.length && !args.allowErrors) {
    throw new BaosongError('refused', `还有 ${errors.length} 个错误，未导出`, {
      refusal: { kind: 'errors-remain', errors: errors.length, override: 'allowErrors' },
      details: [
        { message: '' },
        ...errors.map((f) => ({ work: f.work, message: `${f.rule}：${f.message}${f.file ? `(${f.file})` : ''}` })),
      ],
    });
  }
  const plan = planExport(profile, catalog);
  // Forced past its errors, an export leaves out the files that are not there (they are among the errors).
  const skipped = plan.entries
    .filter((e) => e.kind === 'copy' && checked.facts.get(e.file.absPath)?.exists === false)
    .map((e) => e.rel);
  plan.entries = plan.entries.filter((e) => !skipped.includes(e.rel));
  // The target's limits, before anything is copied: an error (a FAT32 disk and a file of 4 GiB) refuses.
  const limits = targetLimits(profile, dir, plan, checked.facts, await fileSystemOf(dir));
  const blocking = limits.filter((f) => f.severity === 'error');
  if (blocking.length) throw new BaosongError('io', `不能导出到 ${dir}：${blocking.map((f) => f.message).join('；')}`);
  const forms = await buildForms(
    profile,
    catalog,
    plan,
    checked.facts,
    options.cacheDir ? join(options.cacheDir, 'forms') : null,
  );
  // One export per folder: the records are read under the lock, so a second export sees what the first wrote.
  const unlock = await lockTarget(dir);
  let saved = false;
  let result;
  let zip: ExportResult['zip'] = null;
  try {
    try {
      result = await materialize(
        dir,
        plan,
        forms,
        { current: loadRecords(db, dir), previous: loadPreviousRecords(db, dir) },
        {
          ...options,
          beforeSwap: (records) => {
            saveRecords(db, dir, records);
            saved = true;
          },
        },
      );
    } catch (e) {
      // A swap rolled back (a busy folder): DIR holds the previous tree again, and so do the records.
      if (saved && !existsSync(sidecarsOf(dir).journal)) restoreRecords(db, dir);
      throw e;
    }
    // The ZIP is read from the tree while the lock still keeps other exports out of it.
    if (zipFile) {
      zip = { file: zipFile, ...(await zipTree(dir, zipFile, options.signal)) };
      recordOutput(db, zipFile, 'zip', await stat(zipFile));
    }
  } finally {
    await unlock();
  }
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
    limits,
    zip,
    skipped,
  };
}
