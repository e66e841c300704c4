// works.*: the works, their authors and order; people.list: the authors the catalog knows.
import { z } from 'zod';
import { authorInputSchema, editText, workPatchSchema } from '../entities.js';
import { CATEGORIES, STAGES, type Work } from '../model.js';
import { method } from './define.js';
import type { Overwritten } from '../patch.js';

/** A person known to the catalog, with how many works they are an author of. */
export interface Person {
  id: number;
  name: string;
  unit: string;
  mobile: string;
  email: string;
  works: number;
  firstAuthor: number;
}

const id = z.number().int();

export const worksApi = {
  'works.list': method<Work[]>()('read', z.strictObject({})),
  'works.create': method<Work>()(
    'write',
    z.strictObject({ category: z.enum(CATEGORIES), stage: z.enum(STAGES), title: editText }),
  ),
  /**
   * Sets the values the patch names (a form field or checklist item each by its key; '' removes a field). With
   * `base` (what the editor loaded): the values another program changed meanwhile and this patch replaced are named.
   */
  'works.update': method<Work & { overwritten?: Overwritten[] }>()(
    'write',
    z.strictObject({ id, patch: workPatchSchema, base: workPatchSchema.optional() }),
  ),
  'works.setAuthors': method<Work>()('write', z.strictObject({ id, authors: z.array(authorInputSchema).max(10) })),
  'works.reorder': method<Work[]>()('write', z.strictObject({ ids: z.array(id) })),
  'works.delete': method<{ id: number }>()('write', z.strictObject({ id })),
  /**
   * Deletes works (never their files on disk); `undo` names what was deleted, for works.restore while this session
   * lasts (the window's 撤销).
   */
  'works.remove': method<{ removed: number; undo: string }>()(
    'write',
    z.strictObject({ ids: z.array(id).min(1).max(5000) }),
  ),
  /** Puts works deleted by works.remove back as they were (ids, order, authors, files, form, checklist). */
  'works.restore': method<Work[]>()('write', z.strictObject({ undo: z.string().min(1) })),
  /** The same change to several works at once (the list's bulk actions: share flag, stage…). */
  'works.updateMany': method<Work[]>()(
    'write',
    z.strictObject({ ids: z.array(id).min(1).max(5000), patch: workPatchSchema }),
  ),
  /**
   * Ticks one 待确认 item on several works (the 检查 screen's 批量确认): recorded with who (the unit's 活动联系人, else
   * the computer's user) and when; `confirmed` counts the works it changed.
   */
  'checklist.confirm': method<{ confirmed: number; by: string }>()(
    'write',
    z.strictObject({ item: z.string().min(1).max(80), ids: z.array(id).min(1).max(5000) }),
  ),
  'people.list': method<Person[]>()('read', z.strictObject({})),
};
