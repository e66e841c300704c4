// Each entity of the catalog declared once, as a zod schema: the types (model.ts), the API's edit schemas, the batch
// file's unit object, the catalog's columns, the window's forms and the CLI's listing are derived from here.
// Adding a unit field = one entry in UNIT_VALUES, its label in UNIT_LABELS (unit-fields.ts) and a numbered migration
// that adds its column (src/main/catalog/migrations; the schema guard, src/main/catalog/schema.ts, fails without it);
// test/unit/entities.test.ts adds one and walks every derived map.
import { z } from 'zod';
import { CATEGORIES, STAGES, UNIT_ROLES, VARIANTS, WORK_ROLES } from './model.js';
import { UNIT_VALUES, type UnitKey } from './unit-fields.js';

export const ROLE_IDS = [...WORK_ROLES, ...UNIT_ROLES] as const;

export const fileRefSchema = z.object({
  id: z.number().int(),
  role: z.enum(ROLE_IDS),
  /** The path as the batch (or the user) gave it: what reports show. */
  path: z.string(),
  /** The absolute path the file is read from. */
  absPath: z.string(),
  /** From the last stat; null: not found then. */
  size: z.number().nullable(),
  mtimeMs: z.number().nullable(),
  /** Where a derived file came from (a repair), null for the user's own file. */
  origin: z.string().nullable(),
});

export const authorSchema = z.object({
  personId: z.number().int(),
  name: z.string(),
  unit: z.string(),
  mobile: z.string(),
  email: z.string(),
  phone: z.string(),
});

/** A work's own values: what an edit may change (works.update) besides its authors and files. */
export const workValuesSchema = z.object({
  category: z.enum(CATEGORIES),
  stage: z.enum(STAGES),
  variant: z.enum(VARIANTS).nullable(),
  title: z.string(),
  subject: z.string(),
  grade: z.string(),
  share: z.boolean().nullable(),
  comment: z.string(),
  space: z.boolean(),
  fields: z.record(z.string(), z.string()),
  scenes: z.array(z.string()),
  checklist: z.record(z.string(), z.boolean()),
});

export const workSchema = workValuesSchema.extend({
  id: z.number().int(),
  /** The batch file's key, or null for a work made in the app. */
  key: z.string().nullable(),
  position: z.number().int(),
  authors: z.array(authorSchema),
  files: z.array(fileRefSchema),
  /** Who confirmed each ticked checklist item, and when (ISO time): the catalog's record, not an edit. */
  confirmed: z.record(z.string(), z.object({ by: z.string(), at: z.string() })).optional(),
});

export { UNIT_LABELS, UNIT_VALUES, type UnitKey } from './unit-fields.js';

export const unitValuesSchema = z.object(UNIT_VALUES);
export const unitSchema = unitValuesSchema.extend({
  /** The edition whose notice the catalog follows (its profile: rules/registry.ts). */
  edition: z.string(),
  files: z.array(fileRefSchema),
});

export const UNIT_KEYS = Object.keys(UNIT_VALUES) as UnitKey[];
/** The free-text values (every one but name, kind and group): empty by default, never required to store. */
export const UNIT_TEXT_KEYS = UNIT_KEYS.filter((k) => k !== 'name' && UNIT_VALUES[k] instanceof z.ZodString) as Exclude<
  UnitKey,
  'name' | 'kind' | 'group'
>[];
export type UnitTextKey = (typeof UNIT_TEXT_KEYS)[number];

/** The catalog's column of a unit value: snake_case (`cloudLink` → `cloud_link`); `group` is an SQL keyword. */
export function unitColumn(key: UnitKey | 'edition'): string {
  return key === 'group' ? 'grp' : key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The longest text an edit may store in one value (the API's boundary). */
export const EDIT_TEXT_MAX = 20000;
export const editText = z.string().max(EDIT_TEXT_MAX);

/** unit.update's arguments: any of the unit's values. */
export const unitEditSchema = z
  .strictObject(
    Object.fromEntries(
      UNIT_KEYS.map((k) => [k, UNIT_VALUES[k] instanceof z.ZodString ? editText : UNIT_VALUES[k]]),
    ) as typeof UNIT_VALUES,
  )
  .partial();

/** works.update's patch: any of the work's own values, text bounded. */
export const workPatchSchema = z
  .strictObject({
    ...workValuesSchema.shape,
    title: editText,
    subject: editText,
    grade: editText,
    comment: editText,
    fields: z.record(z.string(), editText),
  })
  .partial();
export type WorkPatch = z.infer<typeof workPatchSchema>;
export const WORK_PATCH_KEYS = Object.keys(workValuesSchema.shape) as (keyof WorkPatch)[];

/** An author as the window and the API give one (the person is found by name and unit). */
export const authorInputSchema = z.strictObject({
  name: editText,
  unit: editText,
  mobile: editText.default(''),
  email: editText.default(''),
  phone: editText.default(''),
});

/** The batch file's unit object (CONTRACT.md): the text values may be null or absent. */
export function batchUnitShape<F extends z.ZodType>(files: F) {
  const text = z.string().nullish();
  return {
    ...Object.fromEntries(UNIT_KEYS.map((k) => [k, UNIT_TEXT_KEYS.includes(k as UnitTextKey) ? text : UNIT_VALUES[k]])),
    files,
  } as {
    name: z.ZodString;
    kind: (typeof UNIT_VALUES)['kind'];
    group: (typeof UNIT_VALUES)['group'];
    files: F;
  } & Record<UnitTextKey, typeof text>;
}
