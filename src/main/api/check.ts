// check.run: every rule of the catalog's edition over the catalog and its files' facts.
import type { checkApi } from '../../shared/api/check.js';
import { checkSession, type DomainHandlers } from './session.js';

export const checkHandlers: DomainHandlers<typeof checkApi> = {
  'check.run': async (session, _args, options) => (await checkSession(session, options)).report,
};
