// Opening a catalog into a session and importing a batch into it: what catalog.open and batch.import do, and what the
// province engine does for each unit's catalog.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CatalogInfo } from '../../shared/api/catalog.js';
import { openCatalog, schemaVersion } from '../catalog/db.js';
import { importBatch } from '../catalog/import.js';
import { getUnit } from '../catalog/unit.js';
import { countWorks } from '../catalog/works.js';
import type { ReadDb } from '../catalog/db.js';
import { closeSession, createSession, discardIfFresh, needDb, type Session, type SessionWith } from './session.js';

export function catalogInfo(session: SessionWith<ReadDb>): CatalogInfo {
  const db = needDb(session);
  const unit = getUnit(db);
  return {
    path: session.path!,
    schemaVersion: schemaVersion(db),
    edition: unit?.edition ?? null,
    unit: unit?.name ?? null,
    works: countWorks(db),
  };
}

/** The catalog file at path (made when create and it does not exist) becomes the session's; the one before is closed. */
export function openInto(session: Session, pathArg: string, create: boolean): CatalogInfo {
  const path = resolve(pathArg);
  const existed = existsSync(path);
  const db = openCatalog(path, { create });
  closeSession(session);
  session.db = db;
  session.path = path;
  session.fresh = !existed;
  return catalogInfo(session);
}

/** A batch file into the session's catalog, all or nothing; a refused first import leaves no catalog file behind. */
export function importInto(session: Session, batchPath: string) {
  try {
    const result = importBatch(needDb(session), resolve(batchPath));
    session.fresh = false;
    return result;
  } catch (e) {
    discardIfFresh(session);
    throw e;
  }
}

/** A catalog in a session of its own, closed when fn is done (a province unit's; the window's session is not touched). */
export async function withCatalog<T>(path: string, create: boolean, fn: (session: Session) => Promise<T>): Promise<T> {
  const session = createSession();
  try {
    openInto(session, path, create);
    return await fn(session);
  } finally {
    closeSession(session);
  }
}
