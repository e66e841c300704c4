// unit.*: the organizing unit (附表1-4 and the cloud link of 附表1-6).
import { z } from 'zod';
import { unitEditSchema } from '../entities.js';
import type { Unit } from '../model.js';
import { method } from './define.js';
import type { Overwritten } from '../patch.js';

export const unitApi = {
  'unit.get': method<Unit | null>()('read', z.strictObject({})),
  /**
   * Any of the unit's values; a new catalog's unit is made from at least its name and kind. With `base` (what the
   * editor loaded): the values another program changed meanwhile and this call replaced are named.
   */
  'unit.update': method<Unit & { overwritten?: Overwritten[] }>()(
    'write',
    unitEditSchema.extend({ base: unitEditSchema.optional() }),
  ),
};
