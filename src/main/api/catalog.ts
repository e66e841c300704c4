// catalog.*: opening a catalog file, what it holds, its edition's profile, and importing a batch into it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { catalogApi, CatalogInfo } from '../../shared/api/catalog.js';
import { openCatalog, schemaVersion } from '../catalog/db.js';
import { countWorks } from '../catalog/works.js';
import { importBatch } from '../catalog/import.js';
import { getUnit } from '../catalog/unit.js';
import { closeSession, discardIfFresh, needDb, profileOf, type DomainHandlers, type Session } from './session.js';

function info(session: Session): CatalogInfo {
  const db = needDb(session);
  const unit = getUnit(db);
  return { path: session.path!, schemaVersion: schemaVersion(db), edition: unit?.edition ?? null, unit: unit?.name ?? null, works: countWorks(db) };
}

export const catalogHandlers: DomainHandlers<typeof catalogApi> = {
  'catalog.open': async (session, args) => {
    const path = resolve(args.path);
    const existed = existsSync(path);
    const db = openCatalog(path, { create: args.create });
    closeSession(session);
    session.db = db;
    session.path = path;
    session.fresh = !existed;
    return info(session);
  },
  'catalog.info': async (session) => info(session),
  'catalog.profile': async (session) => profileOf({ unit: session.db ? getUnit(session.db) : null }),
  'batch.import': async (session, args) => {
    try {
      const result = importBatch(needDb(session), resolve(args.path));
      session.fresh = false;
      return result;
    } catch (e) {
      discardIfFresh(session);
      throw e;
    }
  },
};
