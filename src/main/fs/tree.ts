// Walking a tree without hanging on what is no regular file (a pipe, a device, a link to a folder).
import { lstat, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

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
