// How a method of the API is declared: its arguments' schema, its result type, and how it uses the session's catalog.
import type { z } from 'zod';

/**
 * How a call uses the session's catalog, which the dispatcher enforces per session (src/main/api/gate.ts) and the
 * handler's database handle types (src/main/catalog/db.ts):
 * - read: reads only (a ReadDb); overlaps with anything but an open.
 * - record: reads, and keeps the catalog's own bookkeeping (the probe cache, the records of outputs and exports),
 *   each such write one synchronous statement or transaction (a RecordDb); overlaps like a read. A long job that
 *   ends by changing the catalog (fix.run) makes that change through the gate's write queue.
 * - write: changes the catalog (a WriteDb); writes run one at a time, beside reads.
 * - open: swaps the session's catalog; runs alone.
 * - folder: does not use the session's catalog but a folder named by its `dir` argument (the province's): calls on
 *   one folder run one at a time, beside everything else.
 */
export type Access = 'read' | 'record' | 'write' | 'open' | 'folder';

export interface MethodDef<A extends z.ZodType = z.ZodType, R = unknown, X extends Access = Access> {
  access: X;
  args: A;
  /** Never set: carries the result type. */
  readonly result?: R;
}

/** `method<Work[]>()('read', z.strictObject({}))`: a method whose result is Work[]. */
export const method =
  <R>() =>
  <X extends Access, A extends z.ZodType>(access: X, args: A): MethodDef<A, R, X> => ({ access, args });
