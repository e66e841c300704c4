// Files by role: a work's (work_id) or the unit's (work_id NULL). Paths are referenced, never moved.
import { BaosongError } from '../../shared/errors.js';
import type { FileRef, Role } from '../../shared/model.js';
import type { ReadDb, WriteDb } from './db.js';

interface FileRow {
  id: number;
  role: string;
  path: string;
  abs_path: string;
  size: number | null;
  mtime_ms: number | null;
  origin: string | null;
}

function rowToFile(row: FileRow): FileRef {
  return {
    id: row.id,
    role: row.role as Role,
    path: row.path,
    absPath: row.abs_path,
    size: row.size,
    mtimeMs: row.mtime_ms,
    origin: row.origin,
  };
}

export function listFiles(db: ReadDb, workId: number | null): FileRef[] {
  const rows = (
    workId === null
      ? db.prepare('SELECT * FROM files WHERE work_id IS NULL ORDER BY role, position, id').all()
      : db.prepare('SELECT * FROM files WHERE work_id = ? ORDER BY role, position, id').all(workId)
  ) as FileRow[];
  return rows.map(rowToFile);
}

/** Every work's files in one query, grouped by work id. */
export function filesByWork(db: ReadDb): Map<number, FileRef[]> {
  const rows = db
    .prepare('SELECT * FROM files WHERE work_id IS NOT NULL ORDER BY work_id, role, position, id')
    .all() as (FileRow & { work_id: number })[];
  const out = new Map<number, FileRef[]>();
  for (const row of rows) {
    const list = out.get(row.work_id) ?? [];
    list.push(rowToFile(row));
    out.set(row.work_id, list);
  }
  return out;
}

export interface NewFile {
  role: Role;
  path: string;
  absPath: string;
  size: number | null;
  mtimeMs: number | null;
  origin?: string | null;
}

export function addFile(db: WriteDb, workId: number | null, file: NewFile): number {
  const position = (
    db
      .prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM files WHERE work_id IS ? AND role = ?')
      .get(workId, file.role) as { p: number }
  ).p;
  return Number(
    db
      .prepare(
        `INSERT INTO files (work_id, role, position, path, abs_path, size, mtime_ms, origin)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(workId, file.role, position, file.path, file.absPath, file.size, file.mtimeMs, file.origin ?? null)
      .lastInsertRowid,
  );
}

/** Records what a check saw on disk, so the catalog's size/mtime stay current. */
export function updateFileStat(db: WriteDb, id: number, size: number | null, mtimeMs: number | null): void {
  db.prepare('UPDATE files SET size = ?, mtime_ms = ? WHERE id = ?').run(size, mtimeMs, id);
}

/** A write that changed no row names a file the catalog does not hold: said, and the transaction rolls back. */
function changedOne(changes: number, id: number): void {
  if (changes !== 1) throw new BaosongError('bad-input', `目录中没有文件 id:${id}`);
}

export function removeFile(db: WriteDb, id: number): void {
  changedOne(db.prepare('DELETE FROM files WHERE id = ?').run(id).changes, id);
}

export function setFileRole(db: WriteDb, id: number, role: Role): void {
  changedOne(db.prepare('UPDATE files SET role = ? WHERE id = ?').run(role, id).changes, id);
}

/** A file of the catalog now read from somewhere else (a fix-it's result, or back to its source). */
export function replaceFile(
  db: WriteDb,
  id: number,
  file: { path: string; absPath: string; size: number | null; mtimeMs: number | null; origin: string | null },
): void {
  changedOne(
    db
      .prepare('UPDATE files SET path = ?, abs_path = ?, size = ?, mtime_ms = ?, origin = ? WHERE id = ?')
      .run(file.path, file.absPath, file.size, file.mtimeMs, file.origin, id).changes,
    id,
  );
}
