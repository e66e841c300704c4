// Files this tool wrote outside an export tree (the --zip archive): a later run may replace them, and only them.
export const sql = `
CREATE TABLE output_files (
  path     TEXT NOT NULL,
  command  TEXT NOT NULL,
  size     INTEGER NOT NULL,
  mtime    REAL NOT NULL,
  PRIMARY KEY (path, command)
);
`;
