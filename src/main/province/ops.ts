// The province folder's operations that change it (issue 17): add a unit's tree, remove a unit, list them. The CLI
// (`baosong province …`) and the window both reach these through the API's province.* methods. Each unit's catalog is
// opened in a session of its own and closed again: the window's open catalog is never touched.
import { rm, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BaosongError } from '../../shared/errors.js';
import type { UnitKind } from '../../shared/model.js';
import { removeDeadLeftovers, stageJson, writeAtomic } from '../atomic.js';
import type { ProvinceAddResult } from '../../shared/api/province.js';
import { fillFromForms, treeUnitForm } from './forms-read.js';
import { recordFreeze } from './freeze.js';
import { HashJournal } from './hashes.js';
import { readIndex, refuseInsideTrees, slotFor, withProvinceLock, writeIndex, type ProvinceEntry } from './store.js';
import { within } from '../fs/paths.js';
import { killPoint } from '../fs/kill-point.js';
import { importInto, withCatalog } from '../services/catalog.js';
import { planIntake } from '../services/intake.js';
import { getUnit } from '../catalog/unit.js';
import { profileOf } from '../services/session.js';

export const stemOf = (entry: ProvinceEntry) => entry.catalog.replace(/\.sqlite$/, '');
export const journalOf = (entry: ProvinceEntry) => `${stemOf(entry)}.hashes`;

export type AddResult = ProvinceAddResult;

/**
 * Adds a unit's tree: records its freeze baseline (every file's hash, also journaled), builds its catalog through
 * intake's planner, fills what intake leaves empty from its Word forms, and imports. All or nothing: on any
 * failure, nothing of it stays in the province folder.
 */
export async function provinceAdd(
  dirArg: string,
  treeArg: string,
  options: { unitName?: string; unitKind?: UnitKind; signal?: AbortSignal } = {},
): Promise<AddResult> {
  // The province folder is never a unit's tree, nor inside one (nor one inside it): what it writes would change
  // the tree it audits. (A tree unpacked from a ZIP lands in units/, ours.) Checked before the folder is made.
  const given = resolve(treeArg);
  refuseInsideTrees(
    resolve(dirArg),
    '省级目录',
    readIndex(resolve(dirArg)),
    (await stat(given).catch(() => null))?.isDirectory() ? [given] : [],
  );
  await mkdir(resolve(dirArg), { recursive: true });
  return withProvinceLock(dirArg, () => addLocked(dirArg, treeArg, options));
}

async function addLocked(
  dirArg: string,
  treeArg: string,
  options: { unitName?: string; unitKind?: UnitKind; signal?: AbortSignal },
): Promise<AddResult> {
  const dir = resolve(dirArg);
  const given = resolve(treeArg);
  const index = readIndex(dir);
  refuseInsideTrees(dir, '省级目录', index, (await stat(given).catch(() => null))?.isDirectory() ? [given] : []);
  const had = index.units.find((u) => resolve(u.archive ?? u.tree) === given);
  if (had) throw new BaosongError('bad-input', `${given} 已经作为“${had.name}”添加过`);
  const slot = slotFor(index);
  await mkdir(join(dir, 'units'), { recursive: true });
  // The slot is no unit's (not in the index): whatever is there was left by an add that was killed.
  await removeSlot(dir, slot, true);
  await removeDeadLeftovers(dir, 1);
  // A tree sent as one ZIP is unpacked into the province folder (names decoded, unsafe paths left out) and read there.
  let tree = given;
  let archive: string | undefined;
  const skipped: string[] = [];
  const st = await stat(given).catch(() => null);
  if (st?.isFile()) {
    if (!/\.zip$/i.test(given))
      throw new BaosongError('bad-input', `${given} 不是文件夹，也不是 ZIP：请给出单位从云盘下载的文件夹或 ZIP 压缩包`);
    const { unpackZip } = await import('../intake/repair.js');
    const target = join(dir, `${slot}.tree`);
    await rm(target, { recursive: true, force: true });
    try {
      skipped.push(...(await unpackZip(given, target)).skipped);
    } catch (e) {
      await rm(target, { recursive: true, force: true });
      throw new BaosongError('bad-input', `无法解压 ${given}：${(e as Error).message}`);
    }
    // A ZIP of the unit's folder holds that one folder: the tree is inside it.
    const top = await readdir(target, { withFileTypes: true });
    tree = top.length === 1 && top[0]!.isDirectory() ? join(target, top[0]!.name) : target;
    archive = given;
  }
  const catalog = join(dir, `${slot}.sqlite`);
  const plan = join(dir, `${slot}.plan.json`);
  // Every file's hash goes to the unit's journal too: the first check reads none of them again.
  const journal = new HashJournal(join(dir, `${slot}.hashes`));
  const undo = () => removeSlot(dir, slot, !!archive);
  let staged: { abort: () => Promise<void> } | undefined;
  journal.remove();
  try {
    const specials: { rel: string; why: string }[] = [];
    // The baseline goes to disk at once (renamed into place at the end): a tree of 100,000 files is not kept in
    // memory through the intake that follows.
    const { freeze, freezeFile } = await (async () => {
      const recorded = await recordFreeze(tree, options.signal, new Date(), journal, specials);
      const file = await stageJson(join(dir, `${slot}.freeze.json`), recorded as unknown as Record<string, unknown>);
      return {
        freeze: { recordedAt: recorded.recordedAt, count: Object.keys(recorded.files).length },
        freezeFile: file,
      };
    })();
    staged = freezeFile;
    // The unit's name: as given, else from its 附表1-4 (组织单位名称, as on its seal), else intake's guess.
    const unitForm = await treeUnitForm(tree);
    const unitName = options.unitName ?? (unitForm?.name || undefined);
    const result = await withCatalog(catalog, true, async (session) => {
      const planned = await planIntake(
        session,
        {
          dir: tree,
          plan,
          ...(unitName ? { unitName } : {}),
          ...(options.unitKind ? { unitKind: options.unitKind } : {}),
        },
        { signal: options.signal },
      );
      // What intake leaves empty (the unit's contact, the cloud link, each work's 质性评语 and e-mail): the Word forms.
      const batch = JSON.parse(await readFile(plan, 'utf8')) as Parameters<typeof fillFromForms>[1] & {
        unit: { name: string; kind: UnitKind };
      };
      const forms = await fillFromForms(tree, batch);
      await writeAtomic(plan, `${JSON.stringify(batch, null, 2)}\n`);
      killPoint('province-add-planned');
      if (index.units.some((u) => u.name === batch.unit.name)) {
        throw new BaosongError('bad-input', `单位“${batch.unit.name}”已经添加过：如是另一个单位，请给出它的名称`);
      }
      importInto(session, plan);
      const profile = profileOf({ unit: getUnit(session.db!) });
      return {
        name: batch.unit.name,
        kind: batch.unit.kind,
        kindName: profile.unitKinds[batch.unit.kind],
        nameFrom: options.unitName ? '给出的名称' : unitForm?.name ? '附表1-4 的组织单位名称' : planned.unit.reason,
        works: planned.works.length,
        files: freeze.count,
        forms,
        ...(archive ? { archive, skipped } : {}),
        ...(specials.length ? { specials: specials.map((x) => `${x.rel}(${x.why})`) } : {}),
        ...(planned.unread?.length ? { unread: planned.unread.map((u) => `${u.path}：${u.reason}`) } : {}),
      };
    });
    await freezeFile.commit();
    index.units.push({
      name: result.name,
      kind: result.kind,
      tree,
      ...(archive ? { archive } : {}),
      catalog: `${slot}.sqlite`,
      freeze: `${slot}.freeze.json`,
      addedAt: freeze.recordedAt,
      forms: result.forms,
    });
    await writeIndex(dir, index);
    return result;
  } catch (e) {
    await staged?.abort();
    await undo();
    throw e;
  }
}

/** Takes a unit out of the province folder: its index entry and the files the province made for it (never its tree). */
export async function provinceRemove(dirArg: string, name: string): Promise<ProvinceEntry> {
  return withProvinceLock(dirArg, () => removeLocked(dirArg, name));
}

async function removeLocked(dirArg: string, name: string): Promise<ProvinceEntry> {
  const dir = resolve(dirArg);
  const index = readIndex(dir);
  const entry = index.units.find((u) => u.name === name);
  if (!entry)
    throw new BaosongError(
      'bad-input',
      `${dir} 中没有单位“${name}”(有：${index.units.map((u) => u.name).join('、') || '无'})`,
    );
  index.units = index.units.filter((u) => u !== entry);
  await writeIndex(dir, index);
  await removeSlot(dir, stemOf(entry), !!entry.archive);
  return entry;
}

/**
 * The files the province made for one unit slot (units/N…), and with `tree` its copy unpacked from the unit's ZIP.
 * Only paths inside the province folder's units/ are ever removed, whatever an index names.
 */
export async function removeSlot(dir: string, stem: string, tree: boolean): Promise<void> {
  const units = join(dir, 'units');
  const own = (rel: string) => {
    const abs = resolve(dir, rel);
    if (!within(abs, units) || abs === units)
      throw new BaosongError('bad-input', `${abs} 不在省级目录的 units 文件夹内：没有删除它`);
    return abs;
  };
  for (const suffix of [
    '.sqlite',
    '.sqlite-wal',
    '.sqlite-shm',
    '.freeze.json',
    '.plan.json',
    '.plan.report.json',
    '.hashes',
    '.verify-partial',
    '.returns.json',
  ]) {
    await rm(own(`${stem}${suffix}`), { force: true });
  }
  await rm(own(`${stem}.baosong`), { recursive: true, force: true });
  if (tree) await rm(own(`${stem}.tree`), { recursive: true, force: true });
}
