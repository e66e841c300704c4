// The catalog connection: the one place that loads the better-sqlite3 addon and migrates the schema.
import { ensureUnitColumns } from './unit.js';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { CatalogError } from '../../shared/errors.js';
import { sqliteBinding } from '../resources.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.js';

export type Db = BetterSqlite3.Database;

const require = createRequire(import.meta.url);

/**
 * The addon is built for one ABI at a time. Node (tests, CLI) uses the one npm built; in Electron the
 * Electron-ABI build beside the app is used (resources.ts), so one checkout serves both.
 */
let nativeBinding: string | undefined = sqliteBinding();

export function setNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

function loadDriver(): typeof BetterSqlite3 {
  return require('better-sqlite3') as typeof BetterSqlite3;
}

export interface OpenOptions {
  /** Create the file when absent (import does; check does not). */
  create?: boolean;
}

/** Opens (and migrates) a catalog file. Refuses a file that is no catalog, or one newer than this code. */
export function openCatalog(file: string, options: OpenOptions = {}): Db {
  if (!options.create && !existsSync(file)) {
    throw new CatalogError(`找不到目录文件 ${file}(请先用 import 导入报送批次)`);
  }
  const Database = loadDriver();
  let db: Db;
  try {
    db = new Database(file, { nativeBinding });
  } catch (e) {
    throw new CatalogError(`无法打开目录文件 ${file}：${(e as Error).message}`);
  }
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const version = readVersion(db, file);
    if (version > LATEST_VERSION) {
      throw new CatalogError(
        `目录文件 ${file} 由更新版本的报送助手创建(数据版本 ${version}，本程序只支持到 ${LATEST_VERSION})，请升级报送助手后再打开；文件未做任何改动。`,
      );
    }
    if (version === 0 && hasForeignTables(db)) {
      throw new CatalogError(`${file} 是一个 SQLite 数据库，但不是报送助手的目录文件；文件未做任何改动。`);
    }
    db.pragma('journal_mode = WAL');
    migrate(db, version);
    // The unit's text values are the entity's (shared/entities.ts): a value added there gets its column here.
    ensureUnitColumns(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function readVersion(db: Db, file: string): number {
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch {
    throw new CatalogError(`${file} 不是报送助手的目录文件(不是 SQLite 数据库)；文件未做任何改动。`);
  }
}

function hasForeignTables(db: Db): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
  return row.n > 0;
}

function migrate(db: Db, from: number): void {
  for (const m of MIGRATIONS) {
    if (m.version <= from) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/** Row counts of every table: what an all-or-nothing import is tested against. */
export function countRows(db: Db): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]),
  );
}
