// The province catalog (issue 17): a folder holding an index (province.json) and, per unit, a unit catalog built
// from its tree by intake's planner and the batch import, the plan it was built from, and the tree's freeze record.
// Every unit rule runs unchanged on a unit's own catalog, one unit at a time (memory stays per unit); the rules
// across units read them all. The index is written whole and renamed.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { lockFile } from '../fs/lock.js';
import { canonical, within } from '../fs/paths.js';
import type { UnitKind } from '../../shared/model.js';
import { BaosongError } from '../../shared/errors.js';
import { writeAtomic } from '../atomic.js';
import type { FormsRead } from '../../shared/api/province.js';
import type { FreezeRecord } from './freeze.js';

export interface ProvinceEntry {
  name: string;
  kind: UnitKind;
  /** The unit's tree as received (a cloud folder downloaded), or as unpacked from its ZIP into units/N.tree. */
  tree: string;
  /** The ZIP the unit's tree came in, when it came as one. */
  archive?: string;
  /** Relative to the province folder. */
  catalog: string;
  freeze: string;
  addedAt: string;
  /** What its Word forms gave (absent in a folder made before forms were read: none). */
  forms?: FormsRead;
}

export interface ProvinceIndex {
  version: 1;
  units: ProvinceEntry[];
}

export const INDEX = 'province.json';
const OWN_CATALOG = /^units\/[1-9]\d{0,5}\.sqlite$/;

/**
 * Refuses a province folder (or an output folder) that is a unit's tree or lies inside one: what the province
 * writes there would change the very tree it audits. A unit's tree unpacked from its ZIP into units/ is ours.
 */
export function refuseInsideTrees(path: string, label: string, index: ProvinceIndex, extra: string[] = []): void {
  const p = canonical(path);
  for (const tree of [...index.units.filter((u) => !u.archive).map((u) => u.tree), ...extra]) {
    const t = canonical(tree);
    if (within(p, t) || within(t, p)) {
      throw new BaosongError(
        'bad-input',
        `${label} ${path} ${within(p, t) ? `位于单位的文件夹 ${tree} 之内` : `包含单位的文件夹 ${tree}`}：省级目录和输出不能与单位报送的文件夹重叠(否则会改动单位的文件，封存核验也会误报)，请另选一个文件夹`,
      );
    }
  }
}

export function readIndex(dir: string): ProvinceIndex {
  const file = join(dir, INDEX);
  if (!existsSync(file)) return { version: 1, units: [] };
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as ProvinceIndex;
    if (v.version !== 1 || !Array.isArray(v.units)) throw new Error('shape');
    // The files an entry names are the province's own, in units/: an index edited (or made) to name anything else
    // would have remove delete it and check overwrite it.
    for (const u of v.units) {
      if (
        typeof u?.name !== 'string' ||
        typeof u.tree !== 'string' ||
        !OWN_CATALOG.test(u.catalog) ||
        u.freeze !== u.catalog.replace(/\.sqlite$/, '.freeze.json')
      )
        throw new Error('entry');
    }
    return v;
  } catch {
    throw new BaosongError('bad-input', `${file} 不是报送助手的省级目录索引(或已损坏)`);
  }
}

export async function writeIndex(dir: string, index: ProvinceIndex): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeAtomic(join(dir, INDEX), `${JSON.stringify(index, null, 2)}\n`);
}

/** Where a new unit's files go: units/<n>. */
export function slotFor(index: ProvinceIndex): string {
  const taken = new Set(index.units.map((u) => u.catalog));
  for (let n = 1; ; n += 1) if (!taken.has(`units/${n}.sqlite`)) return `units/${n}`;
}

export function readFreeze(dir: string, entry: ProvinceEntry): FreezeRecord {
  return JSON.parse(readFileSync(join(dir, entry.freeze), 'utf8')) as FreezeRecord;
}

/**
 * One operation on a province folder at a time, across processes (the window and a command line): add, check,
 * verify and remove each hold the folder's lock; a second is told who holds it. A killed holder's lock is stale.
 */
export async function withProvinceLock<T>(dirArg: string, fn: () => Promise<T>): Promise<T> {
  const dir = resolve(dirArg);
  const release = await lockFile(
    join(dir, '.baosong-lock'),
    (holder) =>
      new BaosongError(
        'bad-input',
        `省级目录 ${dir} 正由另一个操作使用(进程 ${holder.pid}，开始于 ${holder.since ?? '未知时间'})：请等它结束后再试`,
      ),
  );
  try {
    return await fn();
  } finally {
    await release();
  }
}
