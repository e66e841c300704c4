// fix.offers, fix.preview, fix.run, fix.restore: the fix-its (src/main/fix/service.ts) over the session; fix.run's
// switch of the work's file goes through the gate's write queue.
import type { fixApi } from '../../shared/api/fix.js';
import { fixOffers, fixPreview, fixRestore, fixRun } from '../fix/service.js';
import { writeWithin, type DomainHandlers } from './session.js';

export const fixHandlers: DomainHandlers<typeof fixApi> = {
  'fix.offers': async (session, args, options) => fixOffers(session, args, options),
  'fix.preview': async (session, args, options) => fixPreview(session, args, options),
  'fix.run': async (session, args, options) => fixRun(session, args, options, (fn) => writeWithin(session, fn)),
  'fix.restore': async (session, args, options) => fixRestore(session, args, options),
};
