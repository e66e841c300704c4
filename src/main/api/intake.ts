// intake.plan and intake.apply: a received folder → a plan with its report; the preview's corrections into it.
import type { intakeApi } from '../../shared/api/intake.js';
import { applyCorrections, planIntake } from '../services/intake.js';
import type { DomainHandlers } from './session.js';

export const intakeHandlers: DomainHandlers<typeof intakeApi> = {
  'intake.plan': async (session, args, options) => planIntake(session, args, options),
  'intake.apply': async (_session, args) => applyCorrections(args),
};
