// Paths compared as the file system sees them: links followed, names folded where the file system folds them.
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

/** A path as the file system resolves it (links followed for the part that exists), folded where names fold. */
export function canonical(path: string): string {
  let p = resolve(path);
  const rest: string[] = [];
  while (!existsSync(p) && dirname(p) !== p) {
    rest.unshift(basename(p));
    p = dirname(p);
  }
  try {
    p = realpathSync.native(p);
  } catch {
    // Unreadable: compared as given.
  }
  const out = join(p, ...rest);
  return process.platform === 'win32' || process.platform === 'darwin' ? out.toLowerCase() : out;
}

/** a is b, or inside b (both canonical). */
export function within(a: string, b: string): boolean {
  const rel = relative(b, a);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}
