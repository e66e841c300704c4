// files.*: a work's (or the unit's) files, their roles, and what the window shows of them.
import { z } from 'zod';
import { ROLE_IDS } from '../entities.js';
import type { ContentKind, FileRef } from '../model.js';
import type { RoleGuess } from '../rules/guess.js';
import { method } from './define.js';

/** What the window shows for a file: its facts in one line, and a picture where there is one. */
export interface FileDetail {
  id: number;
  kind: ContentKind;
  summary: string;
  /** A data: URL: the title-card contact sheet of a lecture video, or a board's thumbnail. */
  image: string | null;
  imageLabel: string | null;
}

const id = z.number().int();

export const filesApi = {
  /** Without a role, the role is guessed from the file's name and type (the result says how). */
  'files.add': method<FileRef & { guess: RoleGuess | null }>()(
    'write',
    z.strictObject({ workId: id.nullable(), role: z.enum(ROLE_IDS).optional(), path: z.string().min(1) }),
  ),
  'files.details': method<FileDetail[]>()('record', z.strictObject({ workId: id.nullable() })),
  'files.remove': method<{ id: number }>()('write', z.strictObject({ id })),
  'files.setRole': method<{ id: number }>()('write', z.strictObject({ id, role: z.enum(ROLE_IDS) })),
};
