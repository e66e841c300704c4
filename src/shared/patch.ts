// Edits as patches: the window sends only the values the user changed, with what they were when the editor loaded
// them (`base`). Another program's change to any other value is never reverted; where both changed the same value,
// the later save wins and the answer names it (`overwritten`), so the window can say so.

export interface Overwritten {
  /** The value's key: `cloudLink`, `title`, `fields.教材版本`, `checklist.xxx`. */
  key: string;
  /** What the other program had saved there, now replaced. */
  theirs: unknown;
}

/** Records (a work's form fields, its checklist) are patched key by key; every other value whole. */
const RECORDS = new Set(['fields', 'checklist']);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? '') === JSON.stringify(b ?? '');

/**
 * The patch from `base` (what the editor loaded or last saved) to `next` (what it holds now): only what changed;
 * for a record, only its changed keys (a key gone is sent as '' or false: removed). Empty: nothing to save.
 */
export function diffPatch<T extends Record<string, unknown>>(
  next: T,
  base: T,
  keys: readonly (keyof T & string)[],
): { patch: Partial<T>; base: Partial<T> } {
  const patch: Record<string, unknown> = {};
  const was: Record<string, unknown> = {};
  for (const k of keys) {
    if (next[k] === undefined || same(next[k], base[k])) continue;
    if (RECORDS.has(k)) {
      const a = (next[k] ?? {}) as Record<string, unknown>;
      const b = (base[k] ?? {}) as Record<string, unknown>;
      const sub: Record<string, unknown> = {};
      const subBase: Record<string, unknown> = {};
      for (const s of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (same(a[s], b[s])) continue;
        sub[s] = a[s] ?? (k === 'checklist' ? false : '');
        subBase[s] = b[s] ?? (k === 'checklist' ? false : '');
      }
      patch[k] = sub;
      was[k] = subBase;
    } else {
      patch[k] = next[k];
      was[k] = base[k];
    }
  }
  return { patch: patch as Partial<T>, base: was as Partial<T> };
}

/** The values in `patch` that another program changed since `base` was read (and to something else than ours). */
export function overwrites(
  current: Record<string, unknown>,
  patch: Record<string, unknown>,
  base: Record<string, unknown> | undefined,
): Overwritten[] {
  if (!base) return [];
  const out: Overwritten[] = [];
  for (const [k, v] of Object.entries(patch)) {
    if (!(k in base)) continue;
    if (RECORDS.has(k) && v && typeof v === 'object') {
      const now = (current[k] ?? {}) as Record<string, unknown>;
      const was = (base[k] ?? {}) as Record<string, unknown>;
      for (const [s, sv] of Object.entries(v as Record<string, unknown>)) {
        if (s in was && !same(now[s], was[s]) && !same(now[s], sv)) out.push({ key: `${k}.${s}`, theirs: now[s] });
      }
    } else if (!same(current[k], base[k]) && !same(current[k], v)) out.push({ key: k, theirs: current[k] });
  }
  return out;
}
