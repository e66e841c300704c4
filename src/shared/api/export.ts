// export.*: the cloud-drive tree: its pre-flight, the export itself, and verifying a tree against its manifest.
import { z } from 'zod';
import type { Finding } from '../model.js';
import { method } from './define.js';

export interface ExportResult {
  dir: string;
  /** Nothing had changed: the folder was left as it was. */
  unchanged: boolean;
  files: number;
  copied: number;
  reused: number;
  cloned: number;
  bytesCopied: number;
  /** Errors that “有错误也导出” (allowErrors) let through. */
  errors: number;
  /** How names were changed (title.unsafe-chars, title.too-long, file.export-name). */
  findings: Finding[];
  /** The target's warnings (target.path-*, cloud.file-count, target.fs-unknown); its errors refuse the export. */
  limits: Finding[];
  zip: { file: string; entries: number } | null;
  /** Files left out of a forced export because they do not exist. */
  skipped: string[];
}

/** Before an export: where, how much, and what the check says. */
export interface Preflight {
  dir: string;
  state: 'absent' | 'empty' | 'previous' | 'refused';
  /** Why the folder cannot be used (state 'refused'). */
  problem: string | null;
  freeBytes: number | null;
  /** Bytes to copy (files that a previous export already holds unchanged are not counted). */
  copyBytes: number;
  files: number;
  reusable: number;
  works: number;
  folders: { name: string; works: number }[];
  errors: number;
  warnings: number;
  infos: number;
  /** title.unsafe-chars / title.too-long / file.export-name: names the export will change. */
  renamed: Finding[];
  /** The target disk's file system ('ntfs', 'vfat', 'NTFS'…), null where it cannot be read (fileSystemNote says why). */
  fileSystem: string | null;
  fileSystemNote: string | null;
  /** The target's limits (target.*, cloud.file-count): an error here refuses the export. */
  limits: Finding[];
}

export interface VerifyResult {
  dir: string;
  files: number;
  changed: string[];
  missing: string[];
  extra: string[];
}

const dir = z.string().min(1);

export const exportApi = {
  'export.preflight': method<Preflight>()('record', z.strictObject({ out: dir })),
  'export.run': method<ExportResult>()(
    'record',
    z.strictObject({ out: dir, allowErrors: z.boolean().optional(), zip: dir.optional() }),
  ),
  'export.verify': method<VerifyResult>()('read', z.strictObject({ dir })),
};
