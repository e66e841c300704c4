// What the last export of each folder wrote: enough to reuse an unchanged file instead of copying it again.
export const sql = `
CREATE TABLE export_files (
  dir           TEXT NOT NULL,
  rel           TEXT NOT NULL,
  source        TEXT,
  source_size   INTEGER,
  source_mtime  REAL,
  size          INTEGER NOT NULL,
  mtime         REAL NOT NULL,
  sha256        TEXT NOT NULL,
  PRIMARY KEY (dir, rel)
);
`;
