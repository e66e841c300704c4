// intake.plan: a folder of works as schools sent it → a plan (a batch file) to correct and import.
import { z } from 'zod';
import type { IntakeReport } from '../intake/report.js';
import { UNIT_KINDS } from '../model.js';
import { method } from './define.js';

const path = z.string().min(1);

export const intakeApi = {
  /**
   * A folder of works (and a filled 作品汇总表.xlsx) → a plan that is a batch file, with a sidecar report; repairs
   * go into the catalog's workspace (or beside the plan when no catalog is open). Apply with batch.import.
   */
  'intake.plan': method<IntakeReport>()(
    'read',
    z.strictObject({ dir: path, summary: path.optional(), plan: path.optional(), unitName: path.optional(), unitKind: z.enum(UNIT_KINDS).optional() }),
  ),
};
