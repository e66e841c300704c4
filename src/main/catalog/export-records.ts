// The export_files table: per export folder, each file written with its source's and its own size and mtime.
import type { ReadDb, RecordDb } from './db.js';

export interface ExportRecord {
  rel: string;
  source: string | null;
  sourceSize: number | null;
  sourceMtime: number | null;
  size: number;
  mtime: number;
  sha256: string;
}

export function loadRecords(db: ReadDb, dir: string): Map<string, ExportRecord> {
  const rows = db.prepare('SELECT * FROM export_files WHERE dir = ?').all(dir) as {
    rel: string;
    source: string | null;
    source_size: number | null;
    source_mtime: number | null;
    size: number;
    mtime: number;
    sha256: string;
  }[];
  return new Map(
    rows.map((r) => [
      r.rel,
      {
        rel: r.rel,
        source: r.source,
        sourceSize: r.source_size,
        sourceMtime: r.source_mtime,
        size: r.size,
        mtime: r.mtime,
        sha256: r.sha256,
      },
    ]),
  );
}

/**
 * The records of the export before the last one are kept under this key: a kill between saving the new records and
 * the swap's journal leaves the folder with the previous tree, which must still be known as ours.
 */
const previousKey = (dir: string) => `${dir}\u0000previous`;

export function loadPreviousRecords(db: ReadDb, dir: string): Map<string, ExportRecord> {
  return loadRecords(db, previousKey(dir));
}

/** Puts back the records of the export before (a swap that was rolled back: the folder holds that tree again). */
export function restoreRecords(db: RecordDb, dir: string): void {
  db.transaction(() => {
    db.prepare('DELETE FROM export_files WHERE dir = ?').run(dir);
    db.prepare('UPDATE export_files SET dir = ? WHERE dir = ?').run(dir, previousKey(dir));
  })();
}

export function saveRecords(db: RecordDb, dir: string, records: ExportRecord[]): void {
  db.transaction(() => {
    db.prepare('DELETE FROM export_files WHERE dir = ?').run(previousKey(dir));
    db.prepare('UPDATE export_files SET dir = ? WHERE dir = ?').run(previousKey(dir), dir);
    const insert = db.prepare(
      'INSERT INTO export_files (dir, rel, source, source_size, source_mtime, size, mtime, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const r of records) insert.run(dir, r.rel, r.source, r.sourceSize, r.sourceMtime, r.size, r.mtime, r.sha256);
  })();
}
