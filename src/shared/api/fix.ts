// fix.*: one click from a failing file to a passing one — what each fixable finding's fix will do (or what the
// teacher must do), running it into the catalog's workspace, and going back to the source (还原).
import { z } from 'zod';
import type { FileRef, Finding } from '../model.js';
import { method } from './define.js';

/** The fixes this version makes (the title card is to follow). */
export const FIX_KINDS = ['remux', 'transcode', 'board'] as const;
export type FixKind = (typeof FIX_KINDS)[number];

/** A file's findings and the one fix that answers them (kind null: no mechanical fix; text says what to do). */
export interface FixOffer {
  work: string;
  title: string;
  fileId: number;
  path: string;
  /** The finding ids this offer answers. */
  rules: string[];
  kind: FixKind | null;
  text: string;
  wont?: string;
  /** The file is already a fix-it's result: 还原 goes back to this source. */
  origin: string | null;
}

const id = z.number().int().positive();

export const fixApi = {
  'fix.offers': method<FixOffer[]>()('read', z.strictObject({ work: z.string().min(1).optional(), file: id.optional() })),
  'fix.run': method<{ file: FileRef; remaining: Finding[] }>()('write', z.strictObject({ file: id, kind: z.enum(FIX_KINDS) })),
  'fix.restore': method<{ file: FileRef; remaining: Finding[] }>()('write', z.strictObject({ file: id })),
};
