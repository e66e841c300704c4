// The one typed API: method name → arguments → result. The CLI, the Electron IPC and the HTTP bridge all carry
// exactly these calls; arguments are validated at the boundary (src/main/api/dispatch.ts), whoever the caller is.
// Methods are declared by domain in src/shared/api/<domain>.ts (schema, result type, access); their handlers live in
// src/main/api/<domain>.ts.
import type { z } from 'zod';
import type { ApiError } from './errors.js';
import { catalogApi } from './api/catalog.js';
import { checkApi } from './api/check.js';
import type { MethodDef } from './api/define.js';
import { exportApi } from './api/export.js';
import { filesApi } from './api/files.js';
import { fixApi } from './api/fix.js';
import { intakeApi } from './api/intake.js';
import { printApi } from './api/print.js';
import { provinceApi } from './api/province.js';
import { systemApi } from './api/system.js';
import { unitApi } from './api/unit.js';
import { worksApi } from './api/works.js';

export type { CatalogInfo, ImportResult } from './api/catalog.js';
export type { Person } from './api/works.js';
export type { FileDetail } from './api/files.js';
export type { CardPreview, FixKind, FixOffer } from './api/fix.js';
export type { ExportResult, Preflight, VerifyResult } from './api/export.js';
export type { DirListing } from './api/system.js';
export type {
  FormsRead,
  ProvinceAddResult,
  ProvinceCheckResult,
  ProvinceUnit,
  ProvinceVerifyResult,
  UnitOutcome,
} from './api/province.js';
export type { Access } from './api/define.js';

/** Every method, by domain. */
export const api = joinDomains(
  catalogApi,
  unitApi,
  worksApi,
  filesApi,
  checkApi,
  fixApi,
  exportApi,
  printApi,
  intakeApi,
  provinceApi,
  systemApi,
);

type Union<T> = (T extends unknown ? (x: T) => void : never) extends (x: infer I) => void ? I : never;

/** The domains' maps as one; a method name declared by two domains is an error at start-up, not a silent override. */
export function joinDomains<D extends Record<string, unknown>[]>(...domains: D): Union<D[number]> {
  const out: Record<string, unknown> = {};
  for (const domain of domains) {
    for (const [name, value] of Object.entries(domain)) {
      if (Object.hasOwn(out, name)) throw new Error(`API method ${name} is declared twice`);
      out[name] = value;
    }
  }
  return out as Union<D[number]>;
}

export type ApiMethod = keyof typeof api;
type Def<M extends ApiMethod> = (typeof api)[M];

/** Argument schemas, one per method. */
export const apiArgs = Object.fromEntries(Object.entries(api).map(([m, d]) => [m, d.args])) as {
  [M in ApiMethod]: Def<M>['args'];
};
export type ApiArgs<M extends ApiMethod> = z.input<Def<M>['args']>;
export type ApiResults = { [M in ApiMethod]: Def<M> extends MethodDef<z.ZodType, infer R> ? R : never };

/** How a method uses the session's catalog (src/shared/api/define.ts). */
export type AccessOf<M extends ApiMethod> = Def<M>['access'];

export function accessOf<M extends ApiMethod>(method: M): AccessOf<M> {
  return api[method].access;
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
