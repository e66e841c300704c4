// An editor's values when the catalog's change under it: what the user has not changed in the editor takes the
// catalog's new value (the save made on leaving the editor, read back after it opened again; another program's
// edit); what the user has changed stays theirs.
const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

/** `draft` with the catalog's `now` for each key that changed since `before` and that the user left as it was. */
export function adoptTheirs<T extends object>(draft: T, before: T, now: T, keys: readonly (keyof T)[]): T {
  const theirs = keys.filter((k) => !same(now[k], before[k]) && same(draft[k], before[k]));
  return theirs.length ? { ...draft, ...Object.fromEntries(theirs.map((k) => [k, now[k]])) } : draft;
}

/** The whole of a list (the authors) likewise: the catalog's when the user left it as it was, else the user's. */
export function adoptList<T>(draft: T[], before: T[], now: T[]): T[] {
  return !same(now, before) && same(draft, before) ? now : draft;
}
