// The date written into every generated file (Office packages, ZIP entries): the edition's deadline, never the clock,
// so the same catalog always gives the same bytes.
export const FIXED_DATE = new Date('2025-07-15T00:00:00Z');
