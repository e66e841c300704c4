// The catalog connection: the one place that loads the better-sqlite3 addon and migrates the schema.
import { createRequire } from 'node:module';
import { existsSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { describeIoError, describeSqliteError, isSqliteError } from '../io-errors.js';
import type BetterSqlite3 from 'better-sqlite3';
import { CatalogError } from '../../shared/errors.js';
import { sqliteBinding } from '../resources.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.js';

declare const readable: unique symbol;
declare const recordable: unique symbol;
declare const writable: unique symbol;

/**
 * The handle a `read` handler gets (src/shared/api/define.ts): statements it prepares can be read (get, all, iterate)
 * but not run; no exec, no transaction. Functions that only read take this.
 */
export type ReadDb = Omit<
  BetterSqlite3.Database,
  | 'prepare'
  | 'exec'
  | 'transaction'
  | 'backup'
  | 'close'
  | 'function'
  | 'aggregate'
  | 'table'
  | 'loadExtension'
  | 'unsafeMode'
> & {
  prepare(source: string): Omit<BetterSqlite3.Statement<unknown[]>, 'run'>;
  readonly [readable]: true;
};
/** A `record` handler's: it may keep the catalog's own bookkeeping (probe cache, output and export records). */
export type RecordDb = BetterSqlite3.Database & { readonly [readable]: true; readonly [recordable]: true };
/** A `write` handler's (and an open's): anything. */
export type WriteDb = RecordDb & { readonly [writable]: true };
/** The connection as opened: every handle in one. */
export type Db = WriteDb;

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
  const st = statOrNull(file);
  if (!options.create && !st) {
    throw new CatalogError(`找不到目录文件 ${file}(请先用 import 导入报送批次)`);
  }
  if (st?.isDirectory())
    throw new CatalogError(`${file} 是一个文件夹，不是目录文件：请给出 .sqlite 文件的路径；文件未做任何改动。`);
  if (st && !st.isFile())
    throw new CatalogError(`${file} 不是普通文件(设备或管道)，不能作为目录文件；文件未做任何改动。`);
  // A file of 0 bytes that a user names (an empty file made by mistake, a failed copy) is not made into a catalog by
  // a command that only reads: only import and the window's 新建 make catalogs.
  if (st && st.size === 0 && !options.create)
    throw new CatalogError(`${file} 是一个空文件(0 字节)，不是报送助手的目录文件；文件未做任何改动。`);
  const Database = loadDriver();
  let db: Db;
  try {
    db = new Database(file, { nativeBinding }) as Db;
  } catch (e) {
    throw new CatalogError(`无法打开目录文件 ${file}：${openFailure(e, file)}；文件未做任何改动。`);
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
    migrate(db, version, LATEST_VERSION);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof CatalogError) throw e;
    throw new CatalogError(`无法打开目录文件 ${file}：${openFailure(e, file)}；文件未做任何改动。`);
  }
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/** Why a catalog could not be opened, in the user's words: a full disk is not a broken file (nor is a locked one). */
function openFailure(e: unknown, file: string): string {
  if (isSqliteError(e)) {
    if (/^SQLITE_CANTOPEN/.test(e.code)) {
      const dir = dirname(file);
      if (!existsSync(dir)) return `所在文件夹 ${dir} 不存在`;
      return '无法在这里创建或打开文件(文件夹只读、没有权限，或文件正被占用)';
    }
    return describeSqliteError(e).replace(/^目录文件出错：/, '');
  }
  const err = e as NodeJS.ErrnoException;
  if (typeof err?.code === 'string') return describeIoError(err).replace(/^文件操作失败：/, '');
  return '无法读取';
}

export function schemaVersion(db: ReadDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function readVersion(db: Db, file: string): number {
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch (e) {
    // Only a file that is no database is called one; a full disk, a lock or a read error says what it is.
    if (isSqliteError(e) && /^SQLITE_NOTADB/.test(e.code))
      throw new CatalogError(`${file} 不是报送助手的目录文件(不是 SQLite 数据库)；文件未做任何改动。`);
    throw new CatalogError(`无法打开目录文件 ${file}：${openFailure(e, file)}；文件未做任何改动。`);
  }
}

function hasForeignTables(db: Db): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
  return row.n > 0;
}

/** Runs the migrations after `from` up to `to`, each in one transaction with its user_version. */
function migrate(db: Db, from: number, to: number): void {
  for (const m of MIGRATIONS) {
    if (m.version <= from || m.version > to) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/**
 * A new catalog file brought to `version` and no further: what a catalog of an older release holds (the upgrade
 * tests fill one and open it with openCatalog, which migrates it the rest of the way).
 */
export function createCatalogAt(file: string, version: number): Db {
  if (statOrNull(file)) throw new CatalogError(`${file} 已存在`);
  const Database = loadDriver();
  const db = new Database(file, { nativeBinding }) as Db;
  db.pragma('foreign_keys = ON');
  db.pragma('journal_mode = WAL');
  migrate(db, 0, version);
  return db;
}

/** Row counts of every table: what an all-or-nothing import is tested against. */
export function countRows(db: ReadDb): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]),
  );
}
