import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { countRows, openCatalog } from '../../src/main/catalog/db.js';
import { LATEST_VERSION, MIGRATIONS } from '../../src/main/catalog/migrations/index.js';
import { CatalogError } from '../../src/shared/errors.js';
import { tempDir } from '../helpers/files.js';

const Database = createRequire(import.meta.url)('better-sqlite3');
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('the catalog file', () => {
  it('is created on a real file with WAL, foreign keys and the latest schema version', () => {
    const file = join(tempDir(), 'c.sqlite');
    const db = openCatalog(file, { create: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(Object.keys(countRows(db)).sort()).toEqual(
      [
        'checklist',
        'export_files',
        'files',
        'form_fields',
        'output_files',
        'people',
        'probe_cache',
        'unit',
        'work_authors',
        'work_scenes',
        'works',
      ].sort(),
    );
    db.close();
    // Re-opening runs no migration twice.
    const again = openCatalog(file);
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    again.close();
  });

  it('migration 1 makes a unit table that holds at most one row', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const db = openCatalog(join(tempDir(), 'c.sqlite'), { create: true });
    const insert = db.prepare(
      "INSERT INTO unit (id, edition, name, kind, grp) VALUES (?, 'liaoning-29', 'x', 'city', 'k12')",
    );
    insert.run(1);
    expect(() => insert.run(2)).toThrow();
    db.close();
  });

  it('refuses a catalog made by a newer version, and leaves it untouched', () => {
    const file = join(tempDir(), 'new.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future (x)');
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const before = sha(file);
    expect(() => openCatalog(file)).toThrow(CatalogError);
    expect(() => openCatalog(file)).toThrow(/更新版本/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a file that is not SQLite, and a SQLite file of another program', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'text.sqlite'), 'hello, this is not a database at all'.repeat(40));
    expect(() => openCatalog(join(dir, 'text.sqlite'))).toThrow(/不是报送助手的目录文件/);
    const other = new Database(join(dir, 'other.sqlite'));
    other.exec('CREATE TABLE songs (title)');
    other.close();
    expect(() => openCatalog(join(dir, 'other.sqlite'))).toThrow(/不是报送助手的目录文件/);
  });

  it('does not create a catalog unless asked to', () => {
    expect(() => openCatalog(join(tempDir(), 'absent.sqlite'))).toThrow(/找不到目录文件/);
  });
});
