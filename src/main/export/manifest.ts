// manifest.sha256: `sha256sum -c` compatible (hex, two spaces, relative path with /), UTF-8, sorted by path.
import { lstat, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { hashFile } from './copy.js';

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

/**
 * Every file below dir, as relative paths with /. Only what can be read to its end is listed: a regular file, or a
 * link to one. A pipe, a device, a socket — or a link to one, or to a folder (a loop) — would hang a reader for
 * good (a FIFO, /dev/zero): each is left out and named in `skipped`, with why.
 */
export async function listTree(dir: string, prefix = '', skipped?: { rel: string; why: string }[]): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listTree(dir, rel, skipped)));
    else if (e.isFile()) out.push(rel);
    else {
      const why = await specialKind(join(dir, rel), e.isSymbolicLink());
      if (why) skipped?.push({ rel, why });
      else out.push(rel);
    }
  }
  return out;
}

/** Why an entry that is no regular file is not read (null: a link to a regular file, read as that file). */
export async function specialKind(abs: string, link: boolean): Promise<string | null> {
  if (link) {
    const st = await stat(abs).catch(() => null);
    if (!st) return '指向不存在位置的链接';
    if (st.isFile()) return null;
    return st.isDirectory() ? '指向文件夹的链接(不跟随)' : '指向设备或管道的链接';
  }
  const st = await lstat(abs).catch(() => null);
  if (st?.isFIFO()) return '管道(FIFO)';
  if (st?.isSocket()) return '套接字';
  if (st?.isCharacterDevice() || st?.isBlockDevice()) return '设备文件';
  return '不是普通文件';
}

export interface VerifyResult {
  files: number;
  changed: string[];
  missing: string[];
  extra: string[];
}

/** Re-hashes every file of the manifest; lists changed, missing and extra files. */
export async function verifyTree(dir: string, onBytes?: (n: number) => void, signal?: AbortSignal): Promise<VerifyResult> {
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
