// The file system an export lands on, where the OS lets us read it: FAT32 (a USB stick) cannot hold a file of
// 4 GiB, and the export must say so before it copies anything. statfs's numeric type does not name FUSE or
// Windows file systems, so each OS is asked its own way.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { dirname, parse, resolve, sep } from 'node:path';

export type FileSystem = { name: string; fat: boolean } | { name: null; why: string };

const FAT = /^(vfat|msdos|fat|fat12|fat16|fat32|fuse\.fusefat|fuse\.vfat|fuseblk\.fat)$/i;

/** The deepest folder of path that exists (the export folder itself may not yet). */
export function existingAncestor(path: string): string {
  let p = resolve(path);
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

/** /proc/self/mountinfo escapes space, tab, newline and backslash in paths as octal. */
function unescapeMount(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

async function linux(path: string): Promise<FileSystem> {
  const info = await readFile('/proc/self/mountinfo', 'utf8');
  let best: { point: string; type: string } | null = null;
  for (const line of info.split('\n')) {
    const [left, right] = line.split(' - ');
    if (!left || !right) continue;
    const point = unescapeMount(left.split(' ')[4] ?? '');
    const type = right.split(' ')[0] ?? '';
    const inside = point === '/' || path === point || path.startsWith(point.endsWith('/') ? point : `${point}/`);
    // The last matching line of the longest mount point wins (a later mount hides an earlier one).
    if (inside && (!best || point.length >= best.point.length)) best = { point, type };
  }
  if (!best) return { name: null, why: '找不到它所在的挂载点' };
  return { name: best.type, fat: FAT.test(best.type) };
}

function run(file: string, args: string[]): Promise<string> {
  return new Promise((ok, fail) => {
    execFile(file, args, { timeout: 15_000, windowsHide: true, encoding: 'utf8' }, (err, stdout) =>
      err ? fail(err) : ok(stdout),
    );
  });
}

async function windows(path: string): Promise<FileSystem> {
  const root = parse(path).root;
  // A drive letter only (D:\): a network share (\\server\…) has no format that Windows will tell.
  if (!/^[A-Za-z]:\\$/.test(root)) return { name: null, why: '网络位置' };
  const out = await run('powershell.exe', [
    '-NoProfile',
    '-NonInteractive',
    '-Command',
    `[System.IO.DriveInfo]::new('${root[0]}').DriveFormat`,
  ]);
  const name = out.trim();
  if (!name) return { name: null, why: 'Windows 没有给出格式' };
  return { name, fat: FAT.test(name) };
}

async function mac(path: string): Promise<FileSystem> {
  // `mount` lists "/dev/disk4s1 on /Volumes/U 盘 (msdos, local, nodev, nosuid, noowners)".
  const out = await run('/sbin/mount', []);
  let best: { point: string; type: string } | null = null;
  for (const line of out.split('\n')) {
    const m = / on (.+) \(([^,)]+)/.exec(line);
    if (!m) continue;
    const point = m[1]!;
    const inside = point === '/' || path === point || path.startsWith(`${point}/`);
    if (inside && (!best || point.length > best.point.length)) best = { point, type: m[2]! };
  }
  if (!best) return { name: null, why: '找不到它所在的卷' };
  return { name: best.type, fat: FAT.test(best.type) };
}

/** The file system of the disk that holds (or will hold) path. */
export async function fileSystemOf(path: string): Promise<FileSystem> {
  try {
    const at = await realpath(existingAncestor(path));
    if (process.platform === 'linux') return await linux(at);
    if (process.platform === 'win32') return await windows(at);
    if (process.platform === 'darwin') return await mac(at);
    return { name: null, why: `不支持的系统 ${process.platform}` };
  } catch (e) {
    return { name: null, why: `读取失败：${(e as Error).message.split('\n')[0]}` };
  }
}

/** The path separator of this OS, for whole paths as the user's programs see them. */
export const SEP = sep;
