// The province check and verification (issue 17), for the CLI and the window alike.
// check: each unit's catalog checked with its own rules (one open at a time), each tree audited against its freeze
// baseline (the journal spares unchanged files), the rules across units, then the merged 作品汇总表, the overview,
// a return list per unit (rewritten only when its content changed) and the freeze report.
// verify: every file of every tree read and hashed again, on every core, resumable.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { JobProgress } from '../../shared/api.js';
import { BaosongError } from '../../shared/errors.js';
import type { Catalog, FileRef, Finding } from '../../shared/model.js';
import type { Profile } from '../../shared/rules/profile.js';
import { provinceRules, sizesToHash } from '../../shared/rules/province.js';
import { descriptorOf } from '../../shared/rules/rule-ids.js';
import { safeName } from '../../shared/rules/naming.js';
import { removeDeadLeftovers, writeAtomic } from '../atomic.js';
import { HashPool, hashFile } from '../fs/hash.js';
import type { FormsRead, ProvinceCheckResult, ProvinceVerifyResult, UnitOutcome } from '../../shared/api/province.js';
import { auditFreeze, freezeReport, type FreezeAudit } from './freeze.js';
import { HashJournal, type Hashed } from './hashes.js';
import { mergedSummaryXlsx } from './merged.js';
import { journalOf, stemOf } from './ops.js';
import { withCatalog } from '../services/catalog.js';
import { toApiError } from '../services/errors.js';
import { checkSession } from '../services/session.js';
import { provinceOverview, provinceOverviewXlsx } from './overview.js';
import { returnItems, returnListPdf, returnListXlsx } from './returns.js';
import { readFreeze, readIndex, refuseInsideTrees, withProvinceLock, type ProvinceIndex } from './store.js';

const NONE_READ: FormsRead = { unit: false, cloud: false, comments: 0, registrations: 0, works: 0 };

function indexOf(dir: string): ProvinceIndex {
  const index = readIndex(dir);
  if (!index.units.length) throw new BaosongError('bad-input', `${dir} 中还没有单位：先添加单位的云盘文件夹`);
  return index;
}

/** Writes a unit's return list unless the same list is already there, untouched since we wrote it. */
async function writeReturnList(
  dir: string,
  stem: string,
  out: string,
  unit: string,
  items: ReturnType<typeof returnItems>,
): Promise<boolean> {
  // The name comes from the unit's own 附表1-4: made safe before it becomes a file name (never a path of its own).
  const name = safeName(unit).name || '未命名单位';
  const files = [join(out, '退回补交', `${name}.xlsx`), join(out, '退回补交', `${name}.pdf`)];
  const digest = createHash('sha256')
    .update(JSON.stringify({ v: 1, unit, items }))
    .digest('hex');
  const state = join(dir, `${stem}.returns.json`);
  const stamp = () => files.map((f) => (existsSync(f) ? `${statSync(f).size}:${statSync(f).mtimeMs}` : ''));
  try {
    const was = JSON.parse(readFileSync(state, 'utf8')) as { digest: string; files: string[]; stamps: string[] };
    if (
      was.digest === digest &&
      JSON.stringify(was.files) === JSON.stringify(files) &&
      JSON.stringify(was.stamps) === JSON.stringify(stamp())
    )
      return false;
  } catch {
    // none yet, or unreadable: written again
  }
  await writeAtomic(files[0]!, await returnListXlsx(unit, items));
  await writeAtomic(files[1]!, await returnListPdf(unit, items));
  await writeAtomic(state, JSON.stringify({ digest, files, stamps: stamp() }));
  return true;
}

export async function provinceCheck(
  dirArg: string,
  options: {
    out?: string;
    signal?: AbortSignal;
    onProgress?: (p: JobProgress) => void;
    onStage?: (name: string, seconds: number) => void;
  } = {},
): Promise<ProvinceCheckResult> {
  indexOf(resolve(dirArg));
  return withProvinceLock(dirArg, () => CheckLocked(dirArg, options));
}

async function CheckLocked(
  dirArg: string,
  options: {
    out?: string;
    signal?: AbortSignal;
    onProgress?: (p: JobProgress) => void;
    onStage?: (name: string, seconds: number) => void;
  },
): Promise<ProvinceCheckResult> {
  const dir = resolve(dirArg);
  const index = indexOf(dir);
  const { signal } = options;
  const out = resolve(options.out ?? join(dir, '输出'));
  refuseInsideTrees(out, '输出文件夹', index);
  await removeDeadLeftovers(dir, 1);
  await removeDeadLeftovers(out, 1);
  let mark = performance.now();
  const stage = (name: string) => {
    const now = performance.now();
    options.onStage?.(name, (now - mark) / 1000);
    mark = now;
  };
  const progress = (phase: string, done: number, total = index.units.length) =>
    options.onProgress?.({ phase, done, total });
  let profile: Profile | null = null;
  const notesOf: (string | undefined)[] = [];
  const units: { name: string; catalog: Catalog; findings: Finding[] }[] = [];
  // Two units' checks at a time (a unit's own check leaves a core idle between its probes and its rules); never
  // more than two catalogs open, whatever the number of units.
  let next = 0;
  let done = 0;
  const checkOne = async () => {
    while (next < index.units.length) {
      const i = next++;
      const entry = index.units[i]!;
      units[i] = await withCatalog(join(dir, entry.catalog), false, async (session) => {
        let checked;
        try {
          checked = await checkSession(session, { signal });
        } catch (e) {
          const error = toApiError(e, signal, session);
          throw new BaosongError(error.code, `${entry.name}：${error.message}`);
        }
        profile ??= checked.profile;
        const forms = entry.forms ?? NONE_READ;
        // A rule whose values live only in a unit's Word form (its descriptor's fromForm): where the tree had no
        // readable .docx of that form (a scan, an old .doc), its findings would only say "missing" — left out of the
        // return list, and said so.
        const formOf = (rule: string) => descriptorOf(rule)?.fromForm;
        const unread = (rule: string) => {
          const from = formOf(rule);
          return !!from && !forms[from.read];
        };
        const left = [
          ...new Set(checked.report.findings.filter((f) => unread(f.rule)).map((f) => formOf(f.rule)!.form)),
        ];
        if (left.length)
          notesOf[i] = `${entry.name}：没有可读取的 ${left.join('、')} Word 版，依据它们的检查未列入退回清单`;
        return {
          name: entry.name,
          catalog: checked.catalog,
          findings: checked.report.findings.filter((f) => !unread(f.rule)),
        };
      });
      progress('province-units', ++done);
    }
  };
  progress('province-units', 0);
  await Promise.all([checkOne(), checkOne()]);
  const notes = notesOf.filter((n): n is string => n !== undefined);
  stage('units');
  // Each tree against its freeze baseline: the unit's journal spares the files whose stat has not changed.
  const pool = new HashPool();
  const audits: FreezeAudit[] = [];
  const treeHashes = new Map<string, Hashed>();
  try {
    for (const [i, entry] of index.units.entries()) {
      progress('province-audit', i);
      const journal = new HashJournal(join(dir, journalOf(entry)));
      const seen = new Map<string, Hashed>();
      audits.push(
        await auditFreeze(entry.tree, readFreeze(dir, entry), { known: journal.read(), journal, pool, signal, seen }),
      );
      for (const [rel, h] of seen) treeHashes.set(join(entry.tree, ...rel.split('/')), h);
    }
  } finally {
    await pool.close();
  }
  stage('audits');
  progress('province-across', 0, 1);
  // Across units: only the files whose size another unit's file shares need a hash (the audit's, mostly).
  const everyUnit = units.map((u) => ({ unit: { name: u.name }, works: u.catalog.works }));
  const shared = sizesToHash(everyUnit, (f: FileRef) => f.size);
  const hashes = new Map<string, string>();
  for (const u of units) {
    for (const w of u.catalog.works) {
      for (const f of w.files) {
        if (!f.size || !shared.has(f.size)) continue;
        const known = treeHashes.get(resolve(f.absPath));
        if (known) hashes.set(f.absPath, known.sha256);
        else if (existsSync(f.absPath)) hashes.set(f.absPath, (await hashFile(f.absPath, undefined, signal)).sha256);
      }
    }
  }
  const across = provinceRules(profile!, everyUnit, (f) =>
    f.size ? { size: f.size, hash: hashes.get(f.absPath) } : null,
  );
  const catalogs = units.map((u) => u.catalog);
  const mergedXlsx = await mergedSummaryXlsx(profile!, catalogs);
  const overviewXlsx = await provinceOverviewXlsx(profile!, catalogs);
  const over = provinceOverview(profile!, catalogs).over;
  stage('across');

  await mkdir(join(out, '退回补交'), { recursive: true });
  const reports: string[] = [];
  const outcomes: UnitOutcome[] = [];
  let written = 0;
  for (const [i, u] of units.entries()) {
    progress('province-outputs', i);
    signal?.throwIfAborted();
    const entry = index.units[i]!;
    const audit = audits[i]!;
    reports.push(freezeReport(u.name, readFreeze(dir, entry), audit));
    const acrossHere = across.filter((f) => f.unit === u.name);
    const mine = [...u.findings, ...acrossHere];
    const items = returnItems(mine);
    if (await writeReturnList(dir, stemOf(entry), out, u.name, items)) written += 1;
    outcomes.push({
      name: u.name,
      works: u.catalog.works.length,
      items: items.length,
      across: acrossHere.length,
      errors: mine.filter((f) => f.severity === 'error').length,
      intact: audit.intact,
    });
  }
  await writeAtomic(join(out, '作品汇总表(全省).xlsx'), mergedXlsx);
  await writeAtomic(join(out, '各单位报送概况.xlsx'), overviewXlsx);
  await writeAtomic(join(out, '封存核验.txt'), reports.join('\n'));
  stage('outputs');
  return { out, units: outcomes, over, notes, written };
}

/**
 * Every file of every unit's tree read and hashed again (no journal trusted), on every core, against the freeze
 * baseline and the tree's own manifest. Resumable: the files verified are journaled as they complete, and a
 * verification stopped midway (Ctrl+C, a closed lid) continues where it stopped when run again; `restart` starts
 * over. A completed verification becomes the unit's journal.
 */
export async function provinceVerify(
  dirArg: string,
  options: { out?: string; restart?: boolean; signal?: AbortSignal; onProgress?: (p: JobProgress) => void } = {},
): Promise<ProvinceVerifyResult> {
  indexOf(resolve(dirArg));
  return withProvinceLock(dirArg, () => VerifyLocked(dirArg, options));
}

async function VerifyLocked(
  dirArg: string,
  options: { out?: string; restart?: boolean; signal?: AbortSignal; onProgress?: (p: JobProgress) => void },
): Promise<ProvinceVerifyResult> {
  const dir = resolve(dirArg);
  const index = indexOf(dir);
  const out = resolve(options.out ?? join(dir, '输出'));
  const pool = new HashPool();
  const reports: string[] = [];
  const units: ProvinceVerifyResult['units'] = [];
  let files = 0;
  let bytes = 0;
  const started = performance.now();
  try {
    for (const [i, entry] of index.units.entries()) {
      options.onProgress?.({ phase: 'province-verify', done: i, total: index.units.length });
      const partial = new HashJournal(join(dir, `${stemOf(entry)}.verify-partial`));
      if (options.restart) partial.remove();
      const resumed = partial.read();
      const baseline = readFreeze(dir, entry);
      const audit = await auditFreeze(entry.tree, baseline, {
        known: resumed,
        journal: partial,
        pool,
        signal: options.signal,
        onRead: (n) => ((files += 1), (bytes += n)),
      });
      partial.promote(join(dir, journalOf(entry)));
      const m = audit.manifest;
      const manifestBad = m ? m.changed.length + m.missing.length + m.extra.length : 0;
      reports.push(freezeReport(entry.name, baseline, audit));
      units.push({
        name: entry.name,
        intact: audit.intact && !manifestBad,
        hasManifest: m !== null,
        resumed: resumed.size,
      });
    }
  } finally {
    await pool.close();
  }
  await mkdir(out, { recursive: true });
  await writeAtomic(join(out, '封存核验.txt'), reports.join('\n'));
  return { out, units, files, bytes, seconds: (performance.now() - started) / 1000 };
}
