// The one typed API: method name → arguments → result. The CLI, the Electron IPC and the HTTP bridge all
// carry exactly these calls; arguments are validated here, at the boundary, whoever the caller is.
import { z } from 'zod';
import { CATEGORIES, GROUPS, STAGES, UNIT_KINDS, VARIANTS, WORK_ROLES, UNIT_ROLES } from './model.js';
import type { ApiError } from './errors.js';
import type { CheckReport, ContentKind, FileRef, Finding, Unit, Work } from './model.js';
import type { RoleGuess } from './rules/guess.js';
import type { IntakeReport } from './intake/report.js';

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

const editableUnit = z
  .strictObject({
    name: z.string(),
    kind: z.enum(UNIT_KINDS),
    group: z.enum(GROUPS),
    city: z.string(),
    department: z.string(),
    contact: z.string(),
    title: z.string(),
    mobile: z.string(),
    phone: z.string(),
    qq: z.string(),
    email: z.string(),
    postcode: z.string(),
    address: z.string(),
    cloudLink: z.string(),
    cloudCode: z.string(),
  })
  .partial();

const text = z.string().max(20000);
const workPatch = z
  .strictObject({
    category: z.enum(CATEGORIES),
    stage: z.enum(STAGES),
    variant: z.enum(VARIANTS).nullable(),
    title: text,
    subject: text,
    grade: text,
    share: z.boolean().nullable(),
    comment: text,
    space: z.boolean(),
    fields: z.record(z.string(), text),
    scenes: z.array(z.string()),
    checklist: z.record(z.string(), z.boolean()),
  })
  .partial();
const authorInput = z.strictObject({ name: text, unit: text, mobile: text.default(''), email: text.default(''), phone: text.default('') });

/** Argument schemas, one per method. */
export const apiArgs = {
  'catalog.open': z.strictObject({ path: z.string().min(1), create: z.boolean().optional() }),
  'catalog.info': z.strictObject({}),
  'batch.import': z.strictObject({ path: z.string().min(1) }),
  'check.run': z.strictObject({}),
  'unit.get': z.strictObject({}),
  'works.list': z.strictObject({}),
  'works.create': z.strictObject({ category: z.enum(CATEGORIES), stage: z.enum(STAGES), title: text }),
  'works.update': z.strictObject({ id: z.number().int(), patch: workPatch }),
  'works.setAuthors': z.strictObject({ id: z.number().int(), authors: z.array(authorInput).max(10) }),
  'works.reorder': z.strictObject({ ids: z.array(z.number().int()) }),
  'works.delete': z.strictObject({ id: z.number().int() }),
  /** Without a role, the role is guessed from the file's name and type (the result says how). */
  'files.add': z.strictObject({ workId: z.number().int().nullable(), role: z.enum([...WORK_ROLES, ...UNIT_ROLES] as [string, ...string[]]).optional(), path: z.string().min(1) }),
  'files.details': z.strictObject({ workId: z.number().int().nullable() }),
  'people.list': z.strictObject({}),
  'export.preflight': z.strictObject({ out: z.string().min(1) }),
  /** Opens a folder or a file the app wrote (an export, a print PDF) with the system's own program. */
  'system.openPath': z.strictObject({ path: z.string().min(1) }),
  /** The folder browser of browser mode (a browser cannot give file paths). */
  'fs.list': z.strictObject({ dir: z.string().optional() }),
  /**
   * A folder of works (and a filled 作品汇总表.xlsx) → a plan that is a batch file, with a sidecar report; repairs
   * go into the catalog's workspace (or beside the plan when no catalog is open). Apply with batch.import.
   */
  'intake.plan': z.strictObject({
    dir: z.string().min(1),
    summary: z.string().min(1).optional(),
    plan: z.string().min(1).optional(),
    unitName: z.string().min(1).optional(),
    unitKind: z.enum(UNIT_KINDS).optional(),
  }),
  /** A generated print PDF's bytes, for the preview. */
  'print.read': z.strictObject({ path: z.string().min(1) }),
  'files.remove': z.strictObject({ id: z.number().int() }),
  'files.setRole': z.strictObject({ id: z.number().int(), role: z.enum([...WORK_ROLES, ...UNIT_ROLES] as [string, ...string[]]) }),
  'export.run': z.strictObject({ out: z.string().min(1), allowErrors: z.boolean().optional(), zip: z.string().min(1).optional() }),
  'export.verify': z.strictObject({ dir: z.string().min(1) }),
  'print.run': z.strictObject({ out: z.string().min(1), work: z.string().min(1).optional() }),
  'mail.run': z.strictObject({ out: z.string().min(1) }),
  'demo.create': z.strictObject({ dir: z.string().min(1) }),
  'unit.update': editableUnit,
} as const;

export type ApiMethod = keyof typeof apiArgs;
export type ApiArgs<M extends ApiMethod> = z.input<(typeof apiArgs)[M]>;

export interface ApiResults {
  'catalog.open': CatalogInfo;
  'catalog.info': CatalogInfo;
  'batch.import': ImportResult;
  'check.run': CheckReport;
  'unit.get': Unit | null;
  'works.list': Work[];
  'works.create': Work;
  'works.update': Work;
  'works.setAuthors': Work;
  'works.reorder': Work[];
  'works.delete': { id: number };
  'files.add': FileRef & { guess: RoleGuess | null };
  'files.details': FileDetail[];
  'people.list': Person[];
  'export.preflight': Preflight;
  'system.openPath': { path: string };
  'fs.list': DirListing;
  'print.read': { path: string; base64: string };
  'intake.plan': IntakeReport;
  'files.remove': { id: number };
  'files.setRole': { id: number };
  'export.run': ExportResult;
  'export.verify': VerifyResult;
  'print.run': { dir: string; files: string[] };
  'mail.run': { dir: string; files: string[]; subject: string; to: string };
  /** The sample batch file written into dir, ready for batch.import. */
  'demo.create': { batch: string; works: number; files: number };
  'unit.update': Unit;
}

export interface ExportResult {
  dir: string;
  /** Nothing had changed: the folder was left as it was. */
  unchanged: boolean;
  files: number;
  copied: number;
  reused: number;
  cloned: number;
  bytesCopied: number;
  /** Errors that --allow-errors let through. */
  errors: number;
  /** How names were changed (title.unsafe-chars, title.too-long, file.export-name). */
  findings: Finding[];
  /** The target's warnings (target.path-*, cloud.file-count, target.fs-unknown); its errors refuse the export. */
  limits: Finding[];
  zip: { file: string; entries: number } | null;
  /** Files left out of a forced export because they do not exist. */
  skipped: string[];
}

/** What the window shows for a file: its facts in one line, and a picture where there is one. */
export interface FileDetail {
  id: number;
  kind: ContentKind;
  summary: string;
  /** A data: URL: the title-card contact sheet of a lecture video, or a board's thumbnail. */
  image: string | null;
  imageLabel: string | null;
}

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

export interface DirListing {
  dir: string;
  parent: string | null;
  roots: string[];
  entries: { name: string; dir: boolean; size: number | null }[];
}

export interface VerifyResult {
  dir: string;
  files: number;
  changed: string[];
  missing: string[];
  extra: string[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Progress of a long call (a job): phase, counts and bytes; the transport streams these. */
export interface JobProgress {
  phase: string;
  done: number;
  total: number;
  bytes?: number;
  totalBytes?: number;
}

export interface CallOptions {
  onProgress?: (p: JobProgress) => void;
  /** Aborting cancels the job; the call then resolves with error code 'cancelled'. */
  signal?: AbortSignal;
}

/** What every transport's client offers: `call('check.run', {})` typed from the method name. */
export interface ApiClient {
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>, options?: CallOptions): Promise<ApiResult<ApiResults[M]>>;
}
