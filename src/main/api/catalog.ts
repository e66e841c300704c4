// catalog.*: opening a catalog file, what it holds, its edition's profile, and importing a batch into it.
import type { catalogApi } from '../../shared/api/catalog.js';
import { getUnit } from '../catalog/unit.js';
import { catalogInfo, importInto, openInto } from '../services/catalog.js';
import { profileOf, type DomainHandlers } from './session.js';

export const catalogHandlers: DomainHandlers<typeof catalogApi> = {
  'catalog.open': async (session, args) => openInto(session, args.path, args.create ?? false),
  'catalog.info': async (session) => catalogInfo(session),
  'catalog.profile': async (session) => profileOf({ unit: session.db ? getUnit(session.db) : null }),
  'batch.import': async (session, args) => importInto(session, args.path),
};
