// The session behind every transport and every engine: one open catalog, its workspace, its edition's profile, and the
// check over it. Below the API: the handlers (src/main/api), the province engine and the CLI's helpers all use it.
import { rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CallOptions } from '../../shared/api.js';
import { BaosongError } from '../../shared/errors.js';
import type { Catalog } from '../../shared/model.js';
import { buildReport } from '../../shared/rules/index.js';
import type { Profile } from '../../shared/rules/profile.js';
import { requireProfile } from '../../shared/rules/registry.js';
import { countRows, type ReadDb, type RecordDb, type WriteDb } from '../catalog/db.js';
import { probeCache } from '../catalog/probe-cache.js';
import { getUnit } from '../catalog/unit.js';
import { listWorks, type WorksSnapshot } from '../catalog/works.js';
import { planExport } from '../../shared/export-plan.js';
import { gatherFacts } from '../inspect/facts.js';

export interface Session {
  db: WriteDb | null;
  path: string | null;
  /** The catalog file was created by this session's open and nothing has been stored in it yet. */
  fresh: boolean;
  /** Works deleted by works.remove, for works.restore: the latest few, each with the catalog it came from. */
  undo?: { token: string; catalog: string; snapshot: WorksSnapshot }[];
  /** How system.openPath opens a folder: Electron's shell.openPath in the app, the platform's opener otherwise. */
  openPath?: (path: string) => Promise<void>;
}

/** A session seen through a narrower handle (a read's, a record's): what a function that takes it may do. */
export type SessionWith<D extends ReadDb> = Omit<Session, 'db'> & { db: D | null };

export function createSession(): Session {
  return { db: null, path: null, fresh: false };
}

export function closeSession(session: Session): void {
  session.db?.close();
  session.db = null;
  session.undo = [];
  session.path = null;
  session.fresh = false;
}

/**
 * A refused first import leaves no catalog file behind: "nothing written" includes the file itself. Only a file this
 * session made that still holds nothing at all: a unit or a work typed in the window, or imported by another program
 * into the same file meanwhile, keeps it (the refused import itself wrote nothing — it is one transaction).
 */
export function discardIfFresh(session: Session): void {
  if (!session.fresh || !session.path || !session.db) return;
  if (Object.values(countRows(session.db)).some((n) => n > 0)) {
    session.fresh = false;
    return;
  }
  const path = session.path;
  closeSession(session);
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/** The catalog's own folder beside its file (catalog.sqlite → catalog.baosong/): caches and repaired files. */
export function workspaceOf(catalogPath: string): string {
  return join(dirname(catalogPath), `${basename(catalogPath).replace(/\.[^.]+$/, '')}.baosong`);
}

export function cacheDirOf(session: Pick<Session, 'path'>): string {
  return join(workspaceOf(session.path!), 'cache');
}

export function needDb<D extends ReadDb>(session: { db: D | null }): D {
  if (!session.db) throw new BaosongError('no-catalog', '尚未打开目录文件');
  return session.db;
}

export function loadCatalog(db: ReadDb): Catalog {
  return { unit: getUnit(db), works: listWorks(db) };
}

/** The profile of the edition the catalog names (the current edition's before a unit is stored). */
export function profileOf(catalog: Pick<Catalog, 'unit'>): Profile {
  return requireProfile(catalog.unit?.edition);
}

/** Every rule over the catalog, with the facts of every file (probed, or from the cache). */
export async function checkSession(session: SessionWith<RecordDb>, options: CallOptions) {
  const db = needDb(session);
  const catalog = loadCatalog(db);
  const profile = profileOf(catalog);
  const files = [...(catalog.unit?.files ?? []), ...catalog.works.flatMap((w) => w.files)];
  const facts = await gatherFacts(files, {
    signal: options.signal,
    cache: probeCache(db),
    cacheDir: cacheDirOf(session),
    onProgress: (p) =>
      options.onProgress?.({
        phase: 'inspect',
        done: p.done,
        total: p.total,
        bytes: p.bytes,
        totalBytes: p.totalBytes,
      }),
  });
  // The export plan's names are checked here too (a title or a kept file name too long in bytes, a clash with a
  // generated form): a warning of the check, not a surprise at export time. title.unsafe-chars is the check's own.
  const naming = planExport(profile, catalog).findings.filter((f) => f.rule !== 'title.unsafe-chars');
  return { catalog, profile, facts, report: buildReport({ profile, catalog, facts }, naming) };
}
