// check.run: every rule over the catalog and its files' facts.
import { z } from 'zod';
import type { CheckReport } from '../model.js';
import { method } from './define.js';

export const checkApi = {
  'check.run': method<CheckReport>()('record', z.strictObject({})),
};
