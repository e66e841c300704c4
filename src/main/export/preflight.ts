// What an export to DIR would do and what would bite it there, before anything is copied: the folder's state,
// bytes and free space, and the target's limits (whole paths for Excel/Word/Explorer, FAT32, the cloud drive's
// share size). The window shows it; `baosong preflight` prints it; `export` refuses on its errors.
import { statfs } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Preflight } from '../../shared/api.js';
import type { Catalog, CheckReport, FileFacts, Finding } from '../../shared/model.js';
import { targetRules } from '../../shared/rules/cloud.js';
import type { Profile } from '../../shared/rules/profile.js';
import { loadPreviousRecords, loadRecords } from '../catalog/export-records.js';
import type { ReadDb } from '../catalog/db.js';
import { protectedPaths, refuseProtected } from './guard.js';
import { checkTarget } from './materialize.js';
import { planExport, type ExportPlan } from '../../shared/export-plan.js';
import { existingAncestor, fileSystemOf, SEP, type FileSystem } from './volume.js';

export interface Checked {
  profile: Profile;
  catalog: Catalog;
  facts: Map<string, FileFacts>;
  report: CheckReport;
}

/** The target's limits for a plan (the manifest is counted by targetRules). */
export function targetLimits(
  profile: Profile,
  dir: string,
  plan: ExportPlan,
  facts: Map<string, FileFacts>,
  fileSystem: FileSystem,
): Finding[] {
  return targetRules({
    profile,
    dir,
    sep: SEP,
    files: plan.entries.map((e) => ({
      rel: e.rel,
      bytes: e.kind === 'copy' ? (facts.get(e.file.absPath)?.size ?? 0) : 0,
    })),
    fileSystem: fileSystem.name === null ? null : fileSystem,
    ...(fileSystem.name === null ? { fileSystemUnknown: fileSystem.why } : {}),
  });
}

export async function preflight(
  db: ReadDb,
  catalogPath: string | null,
  checked: Checked,
  out: string,
): Promise<Preflight> {
  const dir = resolve(out);
  const records = loadRecords(db, dir);
  let state: Preflight['state'];
  let problem: string | null = null;
  try {
    refuseProtected(dir, '导出文件夹', protectedPaths(checked.catalog, catalogPath));
    state = await checkTarget(dir, records, loadPreviousRecords(db, dir));
  } catch (e) {
    state = 'refused';
    problem = (e as Error).message;
  }
  const plan = planExport(checked.profile, checked.catalog);
  let copyBytes = 0;
  let reusable = 0;
  for (const e of plan.entries) {
    if (e.kind !== 'copy') continue;
    const r = records.get(e.rel);
    if (
      state === 'previous' &&
      r &&
      r.source === e.file.absPath &&
      r.sourceSize === e.file.size &&
      r.sourceMtime === e.file.mtimeMs
    )
      reusable += 1;
    else copyBytes += checked.facts.get(e.file.absPath)?.size ?? 0;
  }
  let freeBytes: number | null = null;
  try {
    const s = await statfs(existingAncestor(dir));
    freeBytes = Number(s.bavail) * Number(s.bsize);
  } catch {
    // Unknown (a network path): the export itself checks again.
  }
  const fileSystem = await fileSystemOf(dir);
  const { report } = checked;
  return {
    dir,
    state,
    problem,
    freeBytes,
    copyBytes,
    files: plan.entries.length,
    reusable,
    works: checked.catalog.works.length,
    folders: plan.folders.map((f) => ({ name: f.name, works: f.works.length })),
    errors: report.errors,
    warnings: report.warnings,
    infos: report.infos,
    renamed: plan.findings,
    fileSystem: fileSystem.name,
    fileSystemNote: fileSystem.name === null ? fileSystem.why : null,
    limits: targetLimits(checked.profile, dir, plan, checked.facts, fileSystem),
  };
}
