// `baosong province add DIR TREE [--unit NAME] [--kind KIND]`, `baosong province check DIR [--out OUT]` and
// `baosong province remove DIR NAME`: the
// province office's catalog of every unit's tree (province/store.ts). `add` records the tree's freeze baseline and
// builds the unit's catalog through intake's planner and the batch import; `check` checks each unit with its own
// rules, then across units, audits each tree against its baseline, and writes the merged 作品汇总表, the overview,
// a return list per unit and the freeze report.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { UNIT_KINDS, type Catalog, type FileRef, type Finding, type UnitKind } from '../../shared/model.js';
import type { Profile } from '../../shared/rules/profile.js';
import { provinceRules, sizesToHash } from '../../shared/rules/province.js';
import { writeAtomic } from '../atomic.js';
import { HashPool, hashFile } from '../export/copy.js';
import { auditFreeze, freezeReport, recordFreeze, type FreezeAudit } from '../province/freeze.js';
import { fillFromForms, treeUnitForm, type FormsRead } from '../province/forms-read.js';
import { HashJournal, type Hashed } from '../province/hashes.js';
import { mergedSummaryXlsx } from '../province/merged.js';
import { provinceOverview, provinceOverviewXlsx } from '../province/overview.js';
import { returnItems, returnListPdf, returnListXlsx } from '../province/returns.js';
import { readFreeze, readIndex, slotFor, writeIndex, type ProvinceEntry } from '../province/store.js';
import { client, fail, openDb, UsageError, type Exit } from './common.js';

/**
 * The rules whose values live only in a unit's Word forms (附表1-4, 1-6, 1-2, 1-1), and which form each needs.
 * Where a unit's tree has no readable .docx of that form (a scan, an old .doc), its findings would only say
 * "missing": they are left out of that unit's return list, and the check says so.
 */
const FORM_RULES: Record<string, (f: FormsRead) => boolean> = {
  'unit.info': (f) => f.unit,
  'unit.cloud-link': (f) => f.cloud,
  'comment.length': (f) => f.comments > 0,
  'contact.email': (f) => f.registrations > 0,
};
const FORM_OF: Record<string, string> = { 'unit.info': '附表1-4', 'unit.cloud-link': '附表1-6', 'comment.length': '推荐意见(附表1-2)', 'contact.email': '作品登记表(附表1-1)' };
const NONE_READ: FormsRead = { unit: false, cloud: false, comments: 0, registrations: 0, works: 0 };

async function add(positionals: string[], values: Record<string, unknown>, signal: AbortSignal): Promise<Exit> {
  const [dirArg, treeArg] = positionals;
  if (!dirArg || !treeArg) throw new UsageError('用法：baosong province add 省级目录 单位文件夹 [--unit 名称] [--kind 类型]');
  const kind = values.kind as string | undefined;
  if (kind !== undefined && !(UNIT_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind 应为 ${UNIT_KINDS.join('、')} 之一`);
  const dir = resolve(dirArg);
  const tree = resolve(treeArg);
  const index = readIndex(dir);
  const had = index.units.find((u) => resolve(u.tree) === tree);
  if (had) return fail({ code: 'bad-input', message: `${tree} 已经作为“${had.name}”添加过` });
  const slot = slotFor(index);
  await mkdir(join(dir, 'units'), { recursive: true });
  // Every file's hash goes to the unit's journal too: the first check reads none of them again.
  const journal = new HashJournal(join(dir, `${slot}.hashes`));
  journal.remove();
  let freeze;
  try {
    freeze = await recordFreeze(tree, signal, new Date(), journal);
  } catch (e) {
    journal.remove();
    throw e;
  }
  const catalog = join(dir, `${slot}.sqlite`);
  const plan = join(dir, `${slot}.plan.json`);
  const api = await client();
  const undo = async () => {
    for (const f of [catalog, `${catalog}-wal`, `${catalog}-shm`, plan, plan.replace(/\.json$/, '.report.json'), journal.file]) await rm(f, { force: true });
    await rm(join(dir, `${slot}.baosong`), { recursive: true, force: true });
  };
  const err = await openDb(api, catalog, true);
  if (err) return fail(err);
  // The unit's name: as given, else from its 附表1-4 (组织单位名称, as on its seal), else intake's guess.
  const unitForm = await treeUnitForm(tree);
  const unitName = (values.unit as string | undefined) ?? (unitForm?.name || undefined);
  const planned = await api.call('intake.plan', { dir: tree, plan, ...(unitName ? { unitName } : {}), ...(kind ? { unitKind: kind as UnitKind } : {}) }, { signal });
  if (!planned.ok) return (await undo(), fail(planned.error));
  // What intake leaves empty (the unit's contact, the cloud link, each work's 质性评语 and e-mail) from the Word forms.
  const planned2 = JSON.parse(await readFile(plan, 'utf8')) as Parameters<typeof fillFromForms>[1];
  const forms = await fillFromForms(tree, planned2);
  await writeAtomic(plan, `${JSON.stringify(planned2, null, 2)}\n`);
  const imported = await api.call('batch.import', { path: plan }, { signal });
  if (!imported.ok) return (await undo(), fail(imported.error));
  const batch = JSON.parse(await readFile(plan, 'utf8')) as { unit: { name: string; kind: UnitKind } };
  if (index.units.some((u) => u.name === batch.unit.name)) {
    await undo();
    return fail({ code: 'bad-input', message: `单位“${batch.unit.name}”已经添加过：如是另一个单位，请用 --unit 给出它的名称` });
  }
  await writeAtomic(join(dir, `${slot}.freeze.json`), `${JSON.stringify(freeze)}\n`);
  index.units.push({ name: batch.unit.name, kind: batch.unit.kind, tree, catalog: `${slot}.sqlite`, freeze: `${slot}.freeze.json`, addedAt: freeze.recordedAt, forms });
  await writeIndex(dir, index);
  const profile = await api.call('catalog.profile', {});
  const kindName = profile.ok ? profile.value.unitKinds[batch.unit.kind] : batch.unit.kind;
  const nameFrom = values.unit ? '命令行给出' : unitForm?.name ? '附表1-4 的组织单位名称' : planned.value.unit.reason;
  const read = [
    forms.unit ? '附表1-4 已读取' : '附表1-4 未找到 Word 版',
    forms.cloud ? '附表1-6 已读取' : '附表1-6 未找到 Word 版',
    `推荐意见 ${forms.comments}/${forms.works} 件`,
    `作品登记表 ${forms.registrations}/${forms.works} 件`,
  ].join('，');
  process.stdout.write(
    `已添加 ${batch.unit.name}(${kindName}；名称：${nameFrom})：${planned.value.works.length} 件作品；封存基准 ${Object.keys(freeze.files).length} 个文件\n` +
      `表格：${read}\n` +
      `如单位名称或类型不对：baosong province remove "${dir}" "${batch.unit.name}"，再用 --unit/--kind 重新添加\n`,
  );
  return 0;
}

async function check(positionals: string[], values: Record<string, unknown>, signal: AbortSignal): Promise<Exit> {
  const [dirArg] = positionals;
  if (!dirArg) throw new UsageError('用法：baosong province check 省级目录 [--out 输出文件夹]');
  const dir = resolve(dirArg);
  const index = readIndex(dir);
  if (!index.units.length) return fail({ code: 'bad-input', message: `${dir} 中还没有单位：先用 baosong province add 添加` });
  const out = resolve((values.out as string | undefined) ?? join(dir, '输出'));
  // BAOSONG_TIMINGS=1: each stage's seconds on stderr (bench/province reads them).
  let mark = performance.now();
  const stage = (name: string) => {
    const now = performance.now();
    if (process.env.BAOSONG_TIMINGS) process.stderr.write(`${name} ${((now - mark) / 1000).toFixed(2)} s\n`);
    mark = now;
  };
  let profile: Profile | null = null;
  const notes: string[] = [];
  const units: { name: string; catalog: Catalog; findings: Finding[] }[] = [];
  const { createSession, closeSession } = await import('../api/handlers.js');
  const { localClient } = await import('../api/dispatch.js');
  for (const entry of index.units) {
    // One unit's catalog open at a time: 110 units never hold 110 handles.
    const session = createSession();
    try {
      const api = localClient(session);
      const err = await openDb(api, join(dir, entry.catalog), false);
      if (err) return fail(err);
      const [report, works, unit, p] = [await api.call('check.run', {}, { signal }), await api.call('works.list', {}), await api.call('unit.get', {}), await api.call('catalog.profile', {})];
      if (!report.ok) return fail(report.error);
      if (!works.ok) return fail(works.error);
      if (!unit.ok) return fail(unit.error);
      if (!p.ok) return fail(p.error);
      profile ??= p.value;
      const forms = entry.forms ?? NONE_READ;
      const unread = (rule: string) => FORM_RULES[rule] !== undefined && !FORM_RULES[rule]!(forms);
      const left = [...new Set(report.value.findings.filter((f) => unread(f.rule)).map((f) => FORM_OF[f.rule]!))];
      if (left.length) notes.push(`${entry.name}：没有可读取的 ${left.join('、')} Word 版，依据它们的检查未列入退回清单`);
      units.push({ name: entry.name, catalog: { unit: unit.value, works: works.value }, findings: report.value.findings.filter((f) => !unread(f.rule)) });
    } finally {
      closeSession(session);
    }
  }
  stage('units');
  // Each tree against its freeze baseline: the unit's journal spares the files whose stat has not changed.
  const pool = new HashPool();
  const audits: FreezeAudit[] = [];
  const treeHashes = new Map<string, Hashed>();
  try {
    for (const entry of index.units) {
      const journal = new HashJournal(join(dir, journalOf(entry)));
      const seen = new Map<string, Hashed>();
      audits.push(await auditFreeze(entry.tree, readFreeze(dir, entry), { known: journal.read(), journal, pool, signal, seen }));
      for (const [rel, h] of seen) treeHashes.set(join(entry.tree, ...rel.split('/')), h);
    }
  } finally {
    await pool.close();
  }
  stage('audits');
  // Across units: only the files whose size another unit's file shares need a hash (the audit's, mostly).
  const sizeOf = (f: FileRef) => f.size;
  const shared = sizesToHash(units.map((u) => ({ unit: { name: u.name }, works: u.catalog.works })), sizeOf);
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
  const across = provinceRules(profile!, units.map((u) => ({ unit: { name: u.name }, works: u.catalog.works })), (f) => (f.size ? { size: f.size, hash: hashes.get(f.absPath) } : null));

  const catalogs = units.map((u) => u.catalog);
  const mergedXlsx = await mergedSummaryXlsx(profile!, catalogs);
  const overviewXlsx = await provinceOverviewXlsx(profile!, catalogs);
  stage('across');
  await mkdir(join(out, '退回补交'), { recursive: true });
  const reports: string[] = [];
  let changedTrees = 0;
  let errors = 0;
  for (const [i, u] of units.entries()) {
    const entry = index.units[i]!;
    const audit = audits[i]!;
    if (!audit.intact) changedTrees += 1;
    reports.push(freezeReport(u.name, readFreeze(dir, entry), audit));
    const mine = [...u.findings, ...across.filter((f) => f.unit === u.name)];
    const items = returnItems(mine);
    errors += mine.filter((f) => f.severity === 'error').length;
    await writeAtomic(join(out, '退回补交', `${u.name}.xlsx`), await returnListXlsx(u.name, items));
    await writeAtomic(join(out, '退回补交', `${u.name}.pdf`), await returnListPdf(u.name, items));
    const acrossHere = across.filter((f) => f.unit === u.name).length;
    process.stdout.write(`${u.name}：${u.catalog.works.length} 件作品，${items.length} 项需退回/补交/核实${acrossHere ? `(其中跨单位 ${acrossHere} 项)` : ''}；${audit.intact ? '封存核验一致' : '封存后有改动'}\n`);
  }
  await writeAtomic(join(out, '作品汇总表(全省).xlsx'), mergedXlsx);
  await writeAtomic(join(out, '各单位报送概况.xlsx'), overviewXlsx);
  await writeAtomic(join(out, '封存核验.txt'), reports.join('\n'));
  const over = provinceOverview(profile!, catalogs).over;
  if (over.length) process.stdout.write(`超额：${over.join('；')}\n`);
  stage('outputs');
  for (const n of notes) process.stdout.write(`(${n})\n`);
  process.stdout.write(`输出：${out}\n`);
  return errors || changedTrees ? 1 : 0;
}

const stemOf = (entry: ProvinceEntry) => entry.catalog.replace(/\.sqlite$/, '');
const journalOf = (entry: ProvinceEntry) => `${stemOf(entry)}.hashes`;

/**
 * `province verify DIR`: every file of every unit's tree read and hashed again (no journal trusted), on every
 * core, against the freeze baseline and the tree's own manifest. Resumable: the files verified are journaled as
 * they complete, and a verification stopped midway (Ctrl+C, a closed lid) continues where it stopped when run
 * again; `--restart` starts over. A completed verification becomes the unit's journal.
 */
async function verify(positionals: string[], values: Record<string, unknown>, signal: AbortSignal): Promise<Exit> {
  const [dirArg] = positionals;
  if (!dirArg) throw new UsageError('用法：baosong province verify 省级目录 [--out 输出文件夹] [--restart]');
  const dir = resolve(dirArg);
  const index = readIndex(dir);
  if (!index.units.length) return fail({ code: 'bad-input', message: `${dir} 中还没有单位：先用 baosong province add 添加` });
  const out = resolve((values.out as string | undefined) ?? join(dir, '输出'));
  const pool = new HashPool();
  const reports: string[] = [];
  let bad = 0;
  let files = 0;
  let bytes = 0;
  const started = performance.now();
  try {
    for (const entry of index.units) {
      const partial = new HashJournal(join(dir, `${stemOf(entry)}.verify-partial`));
      if (values.restart) partial.remove();
      const resumed = partial.read();
      if (resumed.size) process.stdout.write(`${entry.name}：接着上次中断的核验继续(已核验 ${resumed.size} 个文件)\n`);
      const baseline = readFreeze(dir, entry);
      const audit = await auditFreeze(entry.tree, baseline, { known: resumed, journal: partial, pool, signal, onRead: (n) => ((files += 1), (bytes += n)) });
      partial.promote(join(dir, journalOf(entry)));
      const m = audit.manifest;
      const manifestBad = m ? m.changed.length + m.missing.length + m.extra.length : 0;
      if (!audit.intact || manifestBad) bad += 1;
      reports.push(freezeReport(entry.name, baseline, audit));
      process.stdout.write(`${entry.name}：${audit.intact && !manifestBad ? '一致' : '有差异'}${m ? '' : '(没有 manifest.sha256，仅与封存基准比较)'}\n`);
    }
  } finally {
    await pool.close();
  }
  await mkdir(out, { recursive: true });
  await writeAtomic(join(out, '封存核验.txt'), reports.join('\n'));
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`核验 ${index.units.length} 个单位：读取 ${files} 个文件 ${(bytes / 1e9).toFixed(2)} GB，${seconds.toFixed(1)} 秒；${bad ? `${bad} 个单位有差异` : '全部一致'}\n报告：${join(out, '封存核验.txt')}\n`);
  return bad ? 1 : 0;
}

/** Takes a unit out of the province folder: its index entry and the files the province made for it (never its tree). */
async function remove(positionals: string[]): Promise<Exit> {
  const [dirArg, name] = positionals;
  if (!dirArg || !name) throw new UsageError('用法：baosong province remove 省级目录 单位名称');
  const dir = resolve(dirArg);
  const index = readIndex(dir);
  const entry = index.units.find((u) => u.name === name);
  if (!entry) return fail({ code: 'bad-input', message: `${dir} 中没有单位“${name}”(有：${index.units.map((u) => u.name).join('、') || '无'})` });
  index.units = index.units.filter((u) => u !== entry);
  await writeIndex(dir, index);
  const stem = stemOf(entry);
  for (const f of [entry.catalog, `${entry.catalog}-wal`, `${entry.catalog}-shm`, entry.freeze, `${stem}.plan.json`, `${stem}.plan.report.json`, `${stem}.hashes`, `${stem}.verify-partial`]) {
    await rm(join(dir, f), { force: true });
  }
  await rm(join(dir, `${stem}.baosong`), { recursive: true, force: true });
  process.stdout.write(`已移除 ${name}(它的文件夹 ${entry.tree} 没有改动)\n`);
  return 0;
}

export async function runProvince(positionals: string[], values: Record<string, unknown>, signal: AbortSignal): Promise<Exit> {
  const [sub, ...rest] = positionals;
  if (sub === 'add') return add(rest, values, signal);
  if (sub === 'check') return check(rest, values, signal);
  if (sub === 'verify') return verify(rest, values, signal);
  if (sub === 'remove') return remove(rest);
  throw new UsageError('用法：baosong province add 省级目录 单位文件夹 | baosong province check 省级目录 | baosong province verify 省级目录 | baosong province remove 省级目录 单位名称');
}
