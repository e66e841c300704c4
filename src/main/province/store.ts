// The province catalog (issue 17): a folder holding an index (province.json) and, per unit, a unit catalog built
// from its tree by intake's planner and the batch import, the plan it was built from, and the tree's freeze record.
// Every unit rule runs unchanged on a unit's own catalog, one unit at a time (memory stays per unit); the rules
// across units read them all. The index is written whole and renamed.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
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

export function readIndex(dir: string): ProvinceIndex {
  const file = join(dir, INDEX);
  if (!existsSync(file)) return { version: 1, units: [] };
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as ProvinceIndex;
    if (v.version !== 1 || !Array.isArray(v.units)) throw new Error('shape');
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
