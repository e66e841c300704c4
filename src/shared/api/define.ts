// How a method of the API is declared: its arguments' schema, its result type, and how it uses the session's catalog.
import type { z } from 'zod';

/**
 * How a call uses the session's catalog: reads overlap with anything but an open; writes run one at a time; an
 * open (or close) runs alone. The dispatcher enforces it per session (src/main/api/gate.ts).
 */
export type Access = 'read' | 'write' | 'open';

export interface MethodDef<A extends z.ZodType = z.ZodType, R = unknown> {
  access: Access;
  args: A;
  /** Never set: carries the result type. */
  readonly result?: R;
}

/** `method<Work[]>()('read', z.strictObject({}))`: a method whose result is Work[]. */
export const method =
  <R>() =>
  <A extends z.ZodType>(access: Access, args: A): MethodDef<A, R> => ({ access, args });
