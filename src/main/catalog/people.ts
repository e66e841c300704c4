// People: one row per (name, unit) after trimming and full-width/half-width folding.
import { fold, personKey } from '../../shared/text.js';
import type { Person } from '../../shared/api.js';
import type { ReadDb, WriteDb } from './db.js';

/** The person's id, created when new. The first spelling typed is kept for display. */
export function personId(db: WriteDb, name: string, unit: string): number {
  const [nameKey, unitKey] = personKey(name, unit).split('\u0000') as [string, string];
  const found = db.prepare('SELECT id FROM people WHERE name_key = ? AND unit_key = ?').get(nameKey, unitKey) as
    { id: number } | undefined;
  if (found) return found.id;
  return Number(
    db
      .prepare('INSERT INTO people (name, unit, name_key, unit_key) VALUES (?, ?, ?, ?)')
      .run(fold(name), fold(unit), nameKey, unitKey).lastInsertRowid,
  );
}

/** Everyone who is an author of a work, with their latest mobile and e-mail and how many works they are in. */
export function listPeople(db: ReadDb): Person[] {
  return db
    .prepare(
      `SELECT p.id, p.name, p.unit,
         (SELECT wa.mobile FROM work_authors wa WHERE wa.person_id = p.id AND wa.mobile <> '' ORDER BY wa.work_id DESC LIMIT 1) AS mobile,
         (SELECT wa.email FROM work_authors wa WHERE wa.person_id = p.id AND wa.email <> '' ORDER BY wa.work_id DESC LIMIT 1) AS email,
         (SELECT count(DISTINCT wa.work_id) FROM work_authors wa WHERE wa.person_id = p.id) AS works,
         (SELECT count(*) FROM work_authors wa WHERE wa.person_id = p.id AND wa.position = 1) AS firstAuthor
       FROM people p ORDER BY p.name`,
    )
    .all()
    .map((r) => {
      const row = r as {
        id: number;
        name: string;
        unit: string;
        mobile: string | null;
        email: string | null;
        works: number;
        firstAuthor: number;
      };
      return { ...row, mobile: row.mobile ?? '', email: row.email ?? '' };
    })
    .filter((p) => p.works > 0);
}
