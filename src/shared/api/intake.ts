// intake.plan: a folder of works as schools sent it → a plan (a batch file) to correct and import.
import { z } from 'zod';
import type { IntakeReport } from '../intake/report.js';
import { editText } from '../entities.js';
import { CATEGORIES, STAGES, UNIT_KINDS, WORK_ROLES } from '../model.js';
import { method } from './define.js';

const path = z.string().min(1);

export const intakeApi = {
  /**
   * A folder of works (and a filled 作品汇总表.xlsx) → a plan that is a batch file, with a sidecar report; repairs
   * go into the catalog's workspace (or beside the plan when no catalog is open). Apply with batch.import.
   */
  'intake.plan': method<IntakeReport>()(
    'record',
    z.strictObject({
      dir: path,
      summary: path.optional(),
      plan: path.optional(),
      unitName: path.optional(),
      unitKind: z.enum(UNIT_KINDS).optional(),
    }),
  ),
  /**
   * The preview's corrections written into the plan (then imported with batch.import): the works in their final
   * order — category, stage, title, authors and the files with their roles (a file left out is not listed; a work
   * merged into another is not listed, its files are the other's). Only files of this intake may be named.
   * A work split out of another has a new key and `from`, the key it was split from (it starts as that work's
   * copy). `row` pairs the work with an unmatched summary row (its index in the report's `unmatchedRows`): the
   * row's subject, grade, share, unit and mobile go into the plan.
   */
  'intake.apply': method<{ plan: string; works: number; files: number }>()(
    'read',
    z.strictObject({
      plan: path,
      works: z
        .array(
          z.strictObject({
            key: z.string().min(1),
            from: z.string().min(1).optional(),
            row: z.number().int().min(0).optional(),
            category: z.enum(CATEGORIES),
            stage: z.enum(STAGES),
            title: editText,
            authors: z.array(editText).max(10),
            files: z.array(z.strictObject({ path, role: z.enum(WORK_ROLES) })).max(500),
          }),
        )
        .max(5000),
    }),
  ),
};
