// catalog.*: the catalog file itself, its edition's profile, and importing a batch file into it.
import { z } from 'zod';
import type { Profile } from '../rules/profile.js';
import { method } from './define.js';

export interface CatalogInfo {
  path: string;
  schemaVersion: number;
  edition: string | null;
  unit: string | null;
  works: number;
}

export interface ImportResult {
  unit: string;
  works: number;
  files: number;
  /** Files not found on disk: stored, and reported by check as file.not-found. */
  missingFiles: number;
}

export const catalogApi = {
  'catalog.open': method<CatalogInfo>()(
    'open',
    z.strictObject({ path: z.string().min(1), create: z.boolean().optional() }),
  ),
  'catalog.info': method<CatalogInfo>()('read', z.strictObject({})),
  /** The open catalog's edition's profile (the current edition's when no unit is stored yet): what the window shows. */
  'catalog.profile': method<Profile>()('read', z.strictObject({})),
  'batch.import': method<ImportResult>()('write', z.strictObject({ path: z.string().min(1) })),
};
