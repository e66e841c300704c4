// Every file the app writes outside an export's staging tree is written whole or not at all: under a temporary
// name beside it, then renamed over (a kill or a full disk leaves the old file, or none, never half a file).
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isDeadPid } from './processes.js';

const tmpOf = (path: string) => `${path}.${process.pid}.baosong-tmp`;

export async function writeAtomic(path: string, data: Buffer | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tmpOf(path);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

export function writeAtomicSync(path: string, data: Buffer | string): void {
  const tmp = tmpOf(path);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Temporary files (`*.<pid>.baosong-tmp`) a killed run left in dir (and, with `depth`, its subfolders): removed
 * when their process is gone. A live run's are left alone. Run at the start of the commands that write there.
 */
export async function removeDeadTemps(dir: string, depth = 0): Promise<number> {
  let removed = 0;
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const m = /\.(\d+)\.baosong-tmp$/.exec(e.name);
    if (m && e.isFile() && isDeadPid(Number(m[1]))) {
      await rm(join(dir, e.name), { force: true });
      removed += 1;
    } else if (depth > 0 && e.isDirectory()) removed += await removeDeadTemps(join(dir, e.name), depth - 1);
  }
  return removed;
}
