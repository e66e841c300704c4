// The whole schema is in numbered migrations, and every one of them upgrades a catalog that holds data. The schema
// guard: a catalog made by the migrations alone has a column for every entity field (src/main/catalog/schema.ts).
// One upgrade test per migration: a catalog brought to the version before it, filled as that version's code would
// have filled it, then opened — every row kept, readable as works and a unit, at the newest version.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countRows, createCatalogAt, openCatalog, schemaVersion, type Db } from '../../src/main/catalog/db.js';
import { LATEST_VERSION, MIGRATIONS } from '../../src/main/catalog/migrations/index.js';
import { schemaGaps } from '../../src/main/catalog/schema.js';
import { getUnit } from '../../src/main/catalog/unit.js';
import { listWorks } from '../../src/main/catalog/works.js';
import { tempDir } from '../helpers/files.js';

const Database = createRequire(import.meta.url)('better-sqlite3');

/** What a catalog of each version holds after its code stored a unit with one work: by the version that added it. */
const FILL: Record<number, string> = {
  1: `
    INSERT INTO unit (id, edition, name, kind, city, grp, contact, mobile, email, cloud_link, cloud_code)
      VALUES (1, 'liaoning-29', '沈阳市教育局', 'city', '沈阳', 'k12', '李老师', '13800000000', 'a@b.cn', 'https://pan.baidu.com/s/1x', 'abcd');
    INSERT INTO people (id, name, unit, name_key, unit_key) VALUES (1, '张强', '沈阳市和平区第一小学', '张强', '沈阳市和平区第一小学');
    INSERT INTO works (id, batch_key, position, category, stage, variant, title, subject, grade, share, comment, space)
      VALUES (1, 'w1', 1, 'microlecture', 'primary', NULL, '小小的船', '语文', '一年级', 1, '以儿歌导入', 0);
    INSERT INTO work_authors (work_id, position, person_id, mobile, email, phone) VALUES (1, 1, 1, '13800000001', 'z@q.cn', '');
    INSERT INTO files (id, work_id, role, position, path, abs_path, size, mtime_ms, origin) VALUES
      (1, 1, 'lecture-video', 1, 'works/w1/微课.mp4', '/批次/works/w1/微课.mp4', 1000, 1.5, NULL),
      (2, NULL, 'unit-info-scan', 1, 'unit/附表1-4.pdf', '/批次/unit/附表1-4.pdf', 10, 2.5, NULL);
    INSERT INTO form_fields (work_id, key, value) VALUES (1, '作品特点', '以儿歌导入。');
    INSERT INTO work_scenes (work_id, label) VALUES (1, '课堂教学');
    INSERT INTO checklist (work_id, item, checked) VALUES (1, 'checklist.citations', 1);`,
  2: `INSERT INTO probe_cache (path, size, mtime_ms, title_card, probe_version, facts) VALUES ('/批次/works/w1/微课.mp4', 1000, 1.5, 0, 1, '{}');`,
  3: `INSERT INTO export_files (dir, rel, source, source_size, source_mtime, size, mtime, sha256)
      VALUES ('/导出', '1-张强-小小的船/微课.mp4', '/批次/works/w1/微课.mp4', 1000, 1.5, 1000, 3.5, '${'0'.repeat(64)}');`,
  4: `INSERT INTO output_files (path, command, size, mtime) VALUES ('/导出.zip', 'zip', 2000, 4.5);`,
  5: `UPDATE checklist SET confirmed_by = '李老师', confirmed_at = '2026-11-20T08:00:00.000Z';`,
};

/** A catalog of `version`, holding what that version's code stored. */
function catalogOf(version: number): string {
  const file = join(tempDir(), `v${version}.sqlite`);
  const db = createCatalogAt(file, version);
  for (let v = 1; v <= version; v += 1) db.exec(FILL[v]!);
  expect(schemaVersion(db)).toBe(version);
  db.close();
  return file;
}

/** Every row of every table, by table (columns by name: a migration may add columns, never drop a value). */
function rows(db: Db): Record<string, Record<string, unknown>[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all() as Record<string, unknown>[]]),
  );
}

describe('the schema guard', () => {
  it('a catalog made by the migrations alone has a column for every entity field', () => {
    const db = createCatalogAt(join(tempDir(), 'c.sqlite'), LATEST_VERSION);
    expect(schemaGaps(db)).toEqual([]);
    // The guard can fail: the same catalog without a column the unit entity names.
    db.exec('ALTER TABLE unit DROP COLUMN cloud_code');
    expect(schemaGaps(db)).toEqual(['unit.cloudCode → unit.cloud_code']);
    db.close();
  });

  it('opening never adds a column by itself: user_version says what a catalog holds', () => {
    const file = join(tempDir(), 'c.sqlite');
    const made = createCatalogAt(file, LATEST_VERSION);
    const before = made.prepare('SELECT sql FROM sqlite_master ORDER BY name').pluck().all();
    made.close();
    const db = openCatalog(file);
    expect(db.prepare('SELECT sql FROM sqlite_master ORDER BY name').pluck().all()).toEqual(before);
    db.close();
  });

  it('the fill holds a row in every table of the newest schema (a new table needs its upgrade data)', () => {
    const db = openCatalog(catalogOf(LATEST_VERSION));
    expect(Object.entries(countRows(db)).filter(([, n]) => n === 0)).toEqual([]);
    db.close();
  });
});

describe('each migration upgrades a catalog holding data', () => {
  it.each(MIGRATIONS.filter((m) => m.version > 1).map((m) => [m.version, m.name] as const))(
    'migration %i (%s)',
    (version) => {
      const file = catalogOf(version - 1);
      const old = new Database(file, { readonly: true }) as Db;
      const kept = rows(old);
      old.close();
      const db = openCatalog(file);
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      expect(schemaGaps(db)).toEqual([]);
      const now = rows(db);
      for (const [table, list] of Object.entries(kept)) {
        // Every value of every row still there, under its column.
        expect(now[table]!.map((r) => Object.fromEntries(Object.keys(list[0] ?? {}).map((k) => [k, r[k]])))).toEqual(
          list,
        );
      }
      // The code reads it whole.
      const [work] = listWorks(db);
      expect(work).toMatchObject({
        key: 'w1',
        title: '小小的船',
        share: true,
        fields: { 作品特点: '以儿歌导入。' },
        scenes: ['课堂教学'],
        checklist: { 'checklist.citations': true },
      });
      expect(work!.authors[0]).toMatchObject({ name: '张强', unit: '沈阳市和平区第一小学', mobile: '13800000001' });
      expect(work!.files[0]).toMatchObject({ role: 'lecture-video', absPath: '/批次/works/w1/微课.mp4' });
      expect(getUnit(db)).toMatchObject({
        name: '沈阳市教育局',
        cloudCode: 'abcd',
        files: [{ role: 'unit-info-scan' }],
      });
      // And takes what the migration added: its fill applies to the upgraded catalog.
      db.exec(FILL[version]!);
      db.close();
    },
  );
});
