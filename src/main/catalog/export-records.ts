// The export_files table: per export folder, each file written with its source's and its own size and mtime.
import type { Db } from './db.js';

export interface ExportRecord {
  rel: string;
  source: string | null;
  sourceSize: number | null;
  sourceMtime: number | null;
  size: number;
  mtime: number;
  sha256: string;
}

export function loadRecords(db: Db, dir: string): Map<string, ExportRecord> {
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
    rows.map((r) => [r.rel, { rel: r.rel, source: r.source, sourceSize: r.source_size, sourceMtime: r.source_mtime, size: r.size, mtime: r.mtime, sha256: r.sha256 }]),
  );
}

export function saveRecords(db: Db, dir: string, records: ExportRecord[]): void {
  db.transaction(() => {
    db.prepare('DELETE FROM export_files WHERE dir = ?').run(dir);
    const insert = db.prepare(
      'INSERT INTO export_files (dir, rel, source, source_size, source_mtime, size, mtime, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const r of records) insert.run(dir, r.rel, r.source, r.sourceSize, r.sourceMtime, r.size, r.mtime, r.sha256);
  })();
}
