// People: one row per (name, unit) after trimming and full-width/half-width folding.
import { fold, personKey } from '../../shared/text.js';
import type { Db } from './db.js';

/** The person's id, created when new. The first spelling typed is kept for display. */
export function personId(db: Db, name: string, unit: string): number {
  const [nameKey, unitKey] = personKey(name, unit).split('\u0000') as [string, string];
  const found = db.prepare('SELECT id FROM people WHERE name_key = ? AND unit_key = ?').get(nameKey, unitKey) as
    | { id: number }
    | undefined;
  if (found) return found.id;
  return Number(
    db
      .prepare('INSERT INTO people (name, unit, name_key, unit_key) VALUES (?, ?, ?, ?)')
      .run(fold(name), fold(unit), nameKey, unitKey).lastInsertRowid,
  );
}
