// Files this tool wrote outside an export tree (a --zip), by canonical path and command, with the size and mtime it
// left them at: a later run may replace such a file, and only such a file.
import type { ReadDb, RecordDb } from './db.js';

export function readOutputFile(
  db: ReadDb,
  canonicalPath: string,
  command: string,
): { size: number; mtime: number } | null {
  const row = db
    .prepare('SELECT size, mtime FROM output_files WHERE path = ? AND command = ?')
    .get(canonicalPath, command) as { size: number; mtime: number } | undefined;
  return row ?? null;
}

export function writeOutputFile(
  db: RecordDb,
  canonicalPath: string,
  command: string,
  size: number,
  mtimeMs: number,
): void {
  db.prepare('INSERT OR REPLACE INTO output_files (path, command, size, mtime) VALUES (?, ?, ?, ?)').run(
    canonicalPath,
    command,
    size,
    mtimeMs,
  );
}
