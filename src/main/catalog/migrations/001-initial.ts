// The first catalog schema. One organizing unit per catalog; works in an explicit order.
export const sql = `
CREATE TABLE unit (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  edition     TEXT NOT NULL,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL,
  city        TEXT NOT NULL DEFAULT '',
  grp         TEXT NOT NULL,
  department  TEXT NOT NULL DEFAULT '',
  contact     TEXT NOT NULL DEFAULT '',
  title       TEXT NOT NULL DEFAULT '',
  mobile      TEXT NOT NULL DEFAULT '',
  phone       TEXT NOT NULL DEFAULT '',
  qq          TEXT NOT NULL DEFAULT '',
  email       TEXT NOT NULL DEFAULT '',
  postcode    TEXT NOT NULL DEFAULT '',
  address     TEXT NOT NULL DEFAULT '',
  cloud_link  TEXT NOT NULL DEFAULT '',
  cloud_code  TEXT NOT NULL DEFAULT ''
);

-- A person is (name, unit) after folding; the keys hold the folded forms, the other columns what was typed.
CREATE TABLE people (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL,
  unit      TEXT NOT NULL,
  name_key  TEXT NOT NULL,
  unit_key  TEXT NOT NULL,
  UNIQUE (name_key, unit_key)
);

CREATE TABLE works (
  id        INTEGER PRIMARY KEY,
  batch_key TEXT UNIQUE,
  position  INTEGER NOT NULL,
  category  TEXT NOT NULL,
  stage     TEXT NOT NULL,
  variant   TEXT,
  title     TEXT NOT NULL DEFAULT '',
  subject   TEXT NOT NULL DEFAULT '',
  grade     TEXT NOT NULL DEFAULT '',
  share     INTEGER CHECK (share IN (0, 1)),
  comment   TEXT NOT NULL DEFAULT '',
  space     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX works_position ON works (position);

-- Contact details are kept per work as given, so nothing typed is lost when one person appears twice.
CREATE TABLE work_authors (
  work_id   INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  person_id INTEGER NOT NULL REFERENCES people (id),
  mobile    TEXT NOT NULL DEFAULT '',
  email     TEXT NOT NULL DEFAULT '',
  phone     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (work_id, position)
);
CREATE INDEX work_authors_person ON work_authors (person_id);

-- work_id NULL: a file of the organizing unit (its stamped scans, its own report).
CREATE TABLE files (
  id        INTEGER PRIMARY KEY,
  work_id   INTEGER REFERENCES works (id) ON DELETE CASCADE,
  role      TEXT NOT NULL,
  position  INTEGER NOT NULL,
  path      TEXT NOT NULL,
  abs_path  TEXT NOT NULL,
  size      INTEGER,
  mtime_ms  REAL,
  origin    TEXT
);
CREATE INDEX files_work ON files (work_id, role, position);

CREATE TABLE form_fields (
  work_id INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
  key     TEXT NOT NULL,
  value   TEXT NOT NULL,
  PRIMARY KEY (work_id, key)
);

CREATE TABLE work_scenes (
  work_id INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
  label   TEXT NOT NULL,
  PRIMARY KEY (work_id, label)
);

CREATE TABLE checklist (
  work_id INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
  item    TEXT NOT NULL,
  checked INTEGER NOT NULL CHECK (checked IN (0, 1)),
  PRIMARY KEY (work_id, item)
);
`;
