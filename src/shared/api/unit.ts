// unit.*: the organizing unit (附表1-4 and the cloud link of 附表1-6).
import { z } from 'zod';
import { unitEditSchema } from '../entities.js';
import type { Unit } from '../model.js';
import { method } from './define.js';

export const unitApi = {
  'unit.get': method<Unit | null>()('read', z.strictObject({})),
  /** Any of the unit's values; a new catalog's unit is made from at least its name and kind. */
  'unit.update': method<Unit>()('write', unitEditSchema),
};
