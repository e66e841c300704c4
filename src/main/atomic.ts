// Every file the app writes outside an export's staging tree is written whole or not at all: under a temporary
// name beside it, then renamed over (a kill or a full disk leaves the old file, or none, never half a file).
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

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
