// The probe cache: facts of a file keyed by (path, size, mtime), so an unchanged file is never probed twice.
export const sql = `
CREATE TABLE probe_cache (
  path        TEXT PRIMARY KEY,
  size        INTEGER NOT NULL,
  mtime_ms    REAL NOT NULL,
  title_card  INTEGER NOT NULL DEFAULT 0,
  probe_version INTEGER NOT NULL,
  facts       TEXT NOT NULL
);
`;
