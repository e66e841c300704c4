// fix.*: one click from a failing file to a passing one — what each fixable finding's fix will do (or what the
// teacher must do), running it into the catalog's workspace, and going back to the source (还原).
import { z } from 'zod';
import type { FileRef, Finding } from '../model.js';
import { method } from './define.js';

/** The fixes this version makes. */
export const FIX_KINDS = ['remux', 'transcode', 'title-card', 'board'] as const;
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

/** The 微课 title card as it will be made: shown before it is (fix.preview). */
export interface CardPreview {
  /** A data: URL of the card's PNG at the video's size. */
  image: string;
  width: number;
  height: number;
  lines: string[];
  /** The work's values it lacks: 教材版本 (and any of 学科/年级/作品名称/作者) must be filled first. */
  missing: string[];
  /** The font it is set in; fallback: a character no 楷体 here has was set in 黑体. */
  font: string;
  fallback: boolean;
}

const id = z.number().int().positive();

export const fixApi = {
  'fix.offers': method<FixOffer[]>()(
    'record',
    z.strictObject({ work: z.string().min(1).optional(), file: id.optional() }),
  ),
  /** `out`: also saved there as a PNG (a new file, or this command's own earlier preview; never a source). */
  'fix.preview': method<CardPreview & { saved?: string }>()(
    'record',
    z.strictObject({ file: id, out: z.string().min(1).max(4096).optional() }),
  ),
  'fix.run': method<{ file: FileRef; remaining: Finding[] }>()(
    'record',
    z.strictObject({ file: id, kind: z.enum(FIX_KINDS) }),
  ),
  'fix.restore': method<{ file: FileRef; remaining: Finding[] }>()('write', z.strictObject({ file: id })),
};
