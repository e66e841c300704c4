// manifest.sha256: `sha256sum -c` compatible (hex, two spaces, relative path with /), UTF-8, sorted by path.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashFile } from '../fs/hash.js';
import { listTree } from '../fs/tree.js';

export const MANIFEST = 'manifest.sha256';

export function formatManifest(entries: { rel: string; sha256: string }[]): string {
  return [...entries]
    .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))
    .map((e) => `${e.sha256}  ${e.rel}\n`)
    .join('');
}

export function parseManifest(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.replace(/\r$/, ''));
    if (m) out.set(m[2]!, m[1]!);
  }
  return out;
}

export interface VerifyResult {
  files: number;
  changed: string[];
  missing: string[];
  extra: string[];
}

/** Re-hashes every file of the manifest; lists changed, missing and extra files. */
export async function verifyTree(
  dir: string,
  onBytes?: (n: number) => void,
  signal?: AbortSignal,
): Promise<VerifyResult> {
  const manifest = parseManifest(await readFile(join(dir, MANIFEST), 'utf8'));
  const present = new Set(await listTree(dir));
  const result: VerifyResult = { files: manifest.size, changed: [], missing: [], extra: [] };
  for (const [rel, sha] of manifest) {
    if (!present.has(rel)) {
      result.missing.push(rel);
      continue;
    }
    const h = await hashFile(join(dir, rel), onBytes, signal);
    if (h.sha256 !== sha) result.changed.push(rel);
  }
  for (const rel of present) if (rel !== MANIFEST && !manifest.has(rel)) result.extra.push(rel);
  return result;
}
