// Works with their authors, form fields, scenes and checklist state.
import { WORK_PATCH_KEYS, type WorkPatch } from '../../shared/entities.js';
import { BaosongError } from '../../shared/errors.js';
import type { Author, CategoryId, Stage, Variant, Work } from '../../shared/model.js';
import type { ReadDb, WriteDb } from './db.js';
import { filesByWork, listFiles } from './files.js';
import { personId } from './people.js';

interface WorkRow {
  id: number;
  batch_key: string | null;
  position: number;
  category: string;
  stage: string;
  variant: string | null;
  title: string;
  subject: string;
  grade: string;
  share: number | null;
  comment: string;
  space: number;
}

export type NewWork = Omit<Work, 'id' | 'position' | 'files' | 'authors'> & {
  authors: Omit<Author, 'personId'>[];
};

function nextPosition(db: ReadDb): number {
  return (db.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM works').get() as { p: number }).p;
}

/** Adds a work at the end of the order; the caller owns the transaction. */
export function insertWork(db: WriteDb, work: NewWork): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO works (batch_key, position, category, stage, variant, title, subject, grade, share, comment, space)
         VALUES (@key, @position, @category, @stage, @variant, @title, @subject, @grade, @share, @comment, @space)`,
      )
      .run({
        key: work.key,
        position: nextPosition(db),
        category: work.category,
        stage: work.stage,
        variant: work.variant,
        title: work.title,
        subject: work.subject,
        grade: work.grade,
        share: work.share === null ? null : work.share ? 1 : 0,
        comment: work.comment,
        space: work.space ? 1 : 0,
      }).lastInsertRowid,
  );
  const addAuthor = db.prepare(
    'INSERT INTO work_authors (work_id, position, person_id, mobile, email, phone) VALUES (?, ?, ?, ?, ?, ?)',
  );
  work.authors.forEach((a, i) => addAuthor.run(id, i + 1, personId(db, a.name, a.unit), a.mobile, a.email, a.phone));
  const addField = db.prepare('INSERT INTO form_fields (work_id, key, value) VALUES (?, ?, ?)');
  for (const [key, value] of Object.entries(work.fields)) addField.run(id, key, value);
  const addScene = db.prepare('INSERT OR IGNORE INTO work_scenes (work_id, label) VALUES (?, ?)');
  for (const label of work.scenes) addScene.run(id, label);
  // Ticks that come with a batch file are the batch's: recorded as such, at the import.
  const addItem = db.prepare(
    'INSERT INTO checklist (work_id, item, checked, confirmed_by, confirmed_at) VALUES (?, ?, ?, ?, ?)',
  );
  const at = new Date().toISOString();
  for (const [item, checked] of Object.entries(work.checklist))
    addItem.run(id, item, checked ? 1 : 0, checked ? '批次文件' : null, checked ? at : null);
  return id;
}

export function workKeyExists(db: ReadDb, key: string): boolean {
  return db.prepare('SELECT 1 FROM works WHERE batch_key = ?').get(key) !== undefined;
}

/** Every work in order, whole: a handful of queries whatever the batch's size. */
export function listWorks(db: ReadDb): Work[] {
  return readWorks(db, db.prepare('SELECT * FROM works ORDER BY position, id').all() as WorkRow[]);
}

/** One work, whole; null when the catalog has no such work. */
export function findWork(db: ReadDb, id: number): Work | null {
  const row = db.prepare('SELECT * FROM works WHERE id = ?').get(id) as WorkRow | undefined;
  return row ? readWorks(db, [row])[0]! : null;
}

/** One work, whole; a work the catalog does not hold is said so (the caller's transaction rolls back). */
export function getWork(db: ReadDb, id: number): Work {
  const work = findWork(db, id);
  if (!work) throw new BaosongError('bad-input', `目录中没有作品 id:${id}`);
  return work;
}

function requireWork(db: ReadDb, id: number): void {
  if (db.prepare('SELECT 1 FROM works WHERE id = ?').get(id) === undefined)
    throw new BaosongError('bad-input', `目录中没有作品 id:${id}`);
}

export function countWorks(db: ReadDb): number {
  return (db.prepare('SELECT count(*) AS n FROM works').get() as { n: number }).n;
}

/** The works of these rows, whole. One work (findWork) reads only its own rows; a list reads every table once. */
function readWorks(db: ReadDb, rows: WorkRow[]): Work[] {
  if (rows.length === 0) return [];
  const only = rows.length === 1 ? rows[0]!.id : null;
  const where = (column: string) => (only === null ? '' : `WHERE ${column} = ${only}`);
  const authors = new Map<number, Author[]>();
  for (const a of db
    .prepare(
      `SELECT wa.work_id, wa.person_id, p.name, p.unit, wa.mobile, wa.email, wa.phone
       FROM work_authors wa JOIN people p ON p.id = wa.person_id ${where('wa.work_id')} ORDER BY wa.work_id, wa.position`,
    )
    .all() as {
    work_id: number;
    person_id: number;
    name: string;
    unit: string;
    mobile: string;
    email: string;
    phone: string;
  }[]) {
    const list = authors.get(a.work_id) ?? [];
    list.push({ personId: a.person_id, name: a.name, unit: a.unit, mobile: a.mobile, email: a.email, phone: a.phone });
    authors.set(a.work_id, list);
  }
  const fields = groupBy(
    db.prepare(`SELECT work_id, key, value FROM form_fields ${where('work_id')}`).all() as {
      work_id: number;
      key: string;
      value: string;
    }[],
  );
  const scenes = groupBy(
    db.prepare(`SELECT work_id, label FROM work_scenes ${where('work_id')} ORDER BY rowid`).all() as {
      work_id: number;
      label: string;
    }[],
  );
  const checks = groupBy(
    db
      .prepare(`SELECT work_id, item, checked, confirmed_by, confirmed_at FROM checklist ${where('work_id')}`)
      .all() as {
      work_id: number;
      item: string;
      checked: number;
      confirmed_by: string | null;
      confirmed_at: string | null;
    }[],
  );
  const files = only === null ? filesByWork(db) : new Map([[only, listFiles(db, only)]]);
  return rows.map((r) => ({
    id: r.id,
    key: r.batch_key,
    position: r.position,
    category: r.category as CategoryId,
    stage: r.stage as Stage,
    variant: r.variant as Variant | null,
    title: r.title,
    subject: r.subject,
    grade: r.grade,
    share: r.share === null ? null : r.share === 1,
    comment: r.comment,
    space: r.space === 1,
    authors: authors.get(r.id) ?? [],
    fields: Object.fromEntries((fields.get(r.id) ?? []).map((f) => [f.key, f.value])),
    scenes: (scenes.get(r.id) ?? []).map((s) => s.label),
    checklist: Object.fromEntries((checks.get(r.id) ?? []).map((c) => [c.item, c.checked === 1])),
    confirmed: Object.fromEntries(
      (checks.get(r.id) ?? [])
        .filter((c) => c.checked === 1 && c.confirmed_by !== null)
        .map((c) => [c.item, { by: c.confirmed_by!, at: c.confirmed_at ?? '' }]),
    ),
    files: files.get(r.id) ?? [],
  }));
}

function groupBy<T extends { work_id: number }>(rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const list = out.get(row.work_id) ?? [];
    list.push(row);
    out.set(row.work_id, list);
  }
  return out;
}

/** How each of a work's own values is stored: a column of `works` (booleans as 0/1), or rows of its own table. */
const STORED: Record<keyof WorkPatch, 'text' | 'flag' | 'rows'> = {
  category: 'text',
  stage: 'text',
  variant: 'text',
  title: 'text',
  subject: 'text',
  grade: 'text',
  comment: 'text',
  share: 'flag',
  space: 'flag',
  fields: 'rows',
  scenes: 'rows',
  checklist: 'rows',
};

const flag = (v: boolean | null) => (v === null ? null : v ? 1 : 0);

/** Changes a work's values; fields, scenes and checklist are replaced whole when given. The caller owns the transaction. */
export function updateWork(db: WriteDb, id: number, patch: WorkPatch, by = ''): void {
  requireWork(db, id);
  for (const key of WORK_PATCH_KEYS) {
    const value = patch[key];
    if (value === undefined || STORED[key] === 'rows') continue;
    const stored = STORED[key] === 'flag' ? flag(value as boolean | null) : (value as string | null);
    db.prepare(`UPDATE works SET ${key} = ? WHERE id = ?`).run(stored, id);
  }
  // A record is patched key by key: the keys the patch names ('' removes a field); the others stay as they are.
  if (patch.fields) {
    const drop = db.prepare('DELETE FROM form_fields WHERE work_id = ? AND key = ?');
    const add = db.prepare('INSERT INTO form_fields (work_id, key, value) VALUES (?, ?, ?)');
    for (const [k, v] of Object.entries(patch.fields)) {
      drop.run(id, k);
      if (v !== '') add.run(id, k, v);
    }
  }
  if (patch.scenes) {
    db.prepare('DELETE FROM work_scenes WHERE work_id = ?').run(id);
    const add = db.prepare('INSERT OR IGNORE INTO work_scenes (work_id, label) VALUES (?, ?)');
    for (const label of patch.scenes) add.run(id, label);
  }
  if (patch.checklist) writeChecklist(db, id, { ...getWork(db, id).checklist, ...patch.checklist }, by);
}

/**
 * A work's checklist, replaced whole: an item that was ticked keeps who ticked it and when; an item ticked now is
 * recorded as ticked by `by`, now.
 */
export function writeChecklist(db: WriteDb, id: number, checklist: Record<string, boolean>, by: string): void {
  const before = new Map(
    (
      db.prepare('SELECT item, checked, confirmed_by, confirmed_at FROM checklist WHERE work_id = ?').all(id) as {
        item: string;
        checked: number;
        confirmed_by: string | null;
        confirmed_at: string | null;
      }[]
    ).map((r) => [r.item, r]),
  );
  db.prepare('DELETE FROM checklist WHERE work_id = ?').run(id);
  const add = db.prepare(
    'INSERT INTO checklist (work_id, item, checked, confirmed_by, confirmed_at) VALUES (?, ?, ?, ?, ?)',
  );
  const now = new Date().toISOString();
  for (const [item, checked] of Object.entries(checklist)) {
    const was = before.get(item);
    if (!checked) add.run(id, item, 0, null, null);
    else if (was?.checked === 1) add.run(id, item, 1, was.confirmed_by, was.confirmed_at);
    else add.run(id, item, 1, by, now);
  }
}

/** Ticks one checklist item on several works (the 检查 screen's 批量确认), recorded as ticked by `by`, now. */
export function confirmItem(db: WriteDb, ids: number[], item: string, by: string): number {
  let changed = 0;
  for (const id of ids) {
    const work = getWork(db, id);
    if (work.checklist[item] === true) continue;
    writeChecklist(db, id, { ...work.checklist, [item]: true }, by);
    changed += 1;
  }
  return changed;
}

/** Replaces a work's authors, in order (people are found or created by their folded name and unit). */
export function setAuthors(db: WriteDb, id: number, authors: Omit<Author, 'personId'>[]): void {
  requireWork(db, id);
  db.prepare('DELETE FROM work_authors WHERE work_id = ?').run(id);
  const add = db.prepare(
    'INSERT INTO work_authors (work_id, position, person_id, mobile, email, phone) VALUES (?, ?, ?, ?, ?, ?)',
  );
  authors.forEach((a, i) => add.run(id, i + 1, personId(db, a.name, a.unit), a.mobile, a.email, a.phone));
}

/** The works' order (= 序号): ids in the new order; every work must be named once. */
export function reorderWorks(db: WriteDb, ids: number[]): void {
  const all = workIds(db);
  if (ids.length !== all.length || [...ids].sort((a, b) => a - b).join() !== [...all].sort((a, b) => a - b).join()) {
    throw new BaosongError('bad-input', '新的顺序必须恰好包含目录中的每件作品一次');
  }
  const set = db.prepare('UPDATE works SET position = ? WHERE id = ?');
  ids.forEach((id, i) => set.run(i + 1, id));
}

export function deleteWork(db: WriteDb, id: number): void {
  if (db.prepare('DELETE FROM works WHERE id = ?').run(id).changes !== 1)
    throw new BaosongError('bad-input', `目录中没有作品 id:${id}`);
}

export function workIds(db: ReadDb): number[] {
  return db.prepare('SELECT id FROM works ORDER BY position, id').pluck().all() as number[];
}

/** Every row that belongs to some works, as stored: what deleting them removes, and what undoing it puts back. */
export interface WorksSnapshot {
  tables: Record<(typeof WORK_TABLES)[number], Record<string, unknown>[]>;
}

/** The work's own row and the rows that cascade from it, in the order they are put back. */
const WORK_TABLES = ['works', 'work_authors', 'files', 'form_fields', 'work_scenes', 'checklist'] as const;

/** Deletes works (their files on disk are never touched) and returns what it deleted, to put back with restoreWorks. */
export function removeWorks(db: WriteDb, ids: number[]): WorksSnapshot {
  const unique = [...new Set(ids)];
  const marks = unique.map(() => '?').join(',');
  const snapshot = { tables: {} } as WorksSnapshot;
  for (const table of WORK_TABLES) {
    const column = table === 'works' ? 'id' : 'work_id';
    snapshot.tables[table] = db
      .prepare(`SELECT * FROM ${table} WHERE ${column} IN (${marks})`)
      .all(...unique) as Record<string, unknown>[];
  }
  const found = new Set(snapshot.tables.works.map((w) => w.id as number));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length) throw new BaosongError('bad-input', `目录中没有作品 id:${missing.join('、')}`);
  db.prepare(`DELETE FROM works WHERE id IN (${marks})`).run(...unique);
  return snapshot;
}

/**
 * Puts deleted works back as they were (order, authors, files, form, checklist). A row keeps its id unless another
 * work or file has taken it since (SQLite reuses the largest rowid): then it gets a new one, and every row that
 * points at it follows. A batch key taken meanwhile by another work is dropped (the restored work is told apart by
 * its id). Returns the works' ids as restored.
 */
export function restoreWorks(db: WriteDb, snapshot: WorksSnapshot): number[] {
  const insert = (table: string, row: Record<string, unknown>) => {
    const columns = Object.keys(row);
    return db
      .prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      .run(...columns.map((c) => row[c] as never));
  };
  const taken = (table: string, id: unknown) => db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  const workIds = new Map<unknown, number>();
  for (const row of snapshot.tables.works) {
    const next = { ...row };
    if (taken('works', row.id)) delete next.id;
    if (next.batch_key != null && db.prepare('SELECT 1 FROM works WHERE batch_key = ?').get(next.batch_key))
      next.batch_key = null;
    workIds.set(row.id, Number(insert('works', next).lastInsertRowid));
  }
  for (const table of WORK_TABLES) {
    if (table === 'works') continue;
    for (const row of snapshot.tables[table]) {
      const next: Record<string, unknown> = { ...row, work_id: workIds.get(row.work_id) ?? row.work_id };
      if (table === 'files' && taken('files', row.id)) delete next.id;
      insert(table, next);
    }
  }
  return snapshot.tables.works.map((w) => workIds.get(w.id)!);
}
