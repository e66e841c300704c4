// The organizing unit: one row (id = 1) per catalog. Its columns are derived from the entity (shared/entities.ts):
// a value added there gets its column when a catalog is opened (ensureUnitColumns), with '' for the units stored.
import { UNIT_KEYS, UNIT_TEXT_KEYS, unitColumn, type UnitKey } from '../../shared/entities.js';
import type { Unit } from '../../shared/model.js';
import type { ReadDb, WriteDb } from './db.js';
import { listFiles } from './files.js';

export type UnitValues = Omit<Unit, 'files'>;

const KEYS: (UnitKey | 'edition')[] = ['edition', ...UNIT_KEYS];

function rowToUnit(db: ReadDb, row: Record<string, string>): Unit {
  const values = Object.fromEntries(KEYS.map((k) => [k, row[unitColumn(k)] ?? '']));
  return { ...(values as UnitValues), files: listFiles(db, null) };
}

export function getUnit(db: ReadDb): Unit | null {
  const row = db.prepare('SELECT * FROM unit WHERE id = 1').get() as Record<string, string> | undefined;
  return row ? rowToUnit(db, row) : null;
}

/** Inserts or replaces the unit's values (its files are kept). */
export function putUnit(db: WriteDb, unit: UnitValues): void {
  const row = Object.fromEntries(KEYS.map((k) => [unitColumn(k), unit[k]]));
  const cols = Object.keys(row);
  db.prepare(
    `INSERT INTO unit (id, ${cols.join(', ')}) VALUES (1, ${cols.map((c) => `@${c}`).join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}`).join(', ')}`,
  ).run(row);
}

/** A new unit's values: its name and kind given, its group from the kind, every text value empty. */
export function newUnitValues(edition: string, name: string, kind: Unit['kind']): UnitValues {
  const text = Object.fromEntries(UNIT_TEXT_KEYS.map((k) => [k, '']));
  return {
    ...(text as Record<(typeof UNIT_TEXT_KEYS)[number], string>),
    edition,
    name,
    kind,
    group: kind === 'university' ? 'higher' : 'k12',
  };
}
