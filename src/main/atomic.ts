// Every file the app writes outside an export's staging tree is written whole or not at all: under a temporary
// name beside it, then renamed over (a kill or a full disk leaves the old file, or none, never half a file).
import { createWriteStream, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
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
 * What a killed run left in dir (and, with `depth`, its subfolders): entries whose name `pattern` matches, its first
 * group the pid of the run that made them, removed when that process is gone. A live run's are left alone. The
 * commands that write there run it first: temporary files (`*.<pid>.baosong-tmp`, the default), unpacks'
 * `*.partial-<pid>` folders, ffmpeg's `*.<pid>-<tag>.baosong-part` files.
 */
export async function removeDeadLeftovers(dir: string, depth = 0, pattern = /\.(\d+)\.baosong-tmp$/): Promise<number> {
  let removed = 0;
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const m = pattern.exec(e.name);
    if (m && isDeadPid(Number(m[1]))) {
      await rm(join(dir, e.name), { recursive: true, force: true });
      removed += 1;
    } else if (depth > 0 && e.isDirectory())
      removed += await removeDeadLeftovers(join(dir, e.name), depth - 1, pattern);
  }
  return removed;
}

/**
 * The text of JSON.stringify(value, null, 2) + '\n', in pieces: each element of a top-level array on its own. A
 * report of 50,000 files is written without ever being one string (nor one Buffer) in memory.
 */
export function* jsonPieces(value: Record<string, unknown>): Generator<string> {
  const keys = Object.keys(value).filter((k) => value[k] !== undefined && typeof value[k] !== 'function');
  yield '{\n';
  for (const [i, k] of keys.entries()) {
    const v = value[k];
    const tail = i < keys.length - 1 ? ',\n' : '\n';
    if (Array.isArray(v) && v.length > 0) {
      yield `  ${JSON.stringify(k)}: [\n`;
      for (const [j, el] of v.entries())
        yield `    ${(JSON.stringify(el, null, 2) ?? 'null').replace(/\n/g, '\n    ')}${j < v.length - 1 ? ',\n' : '\n'}`;
      yield `  ]${tail}`;
    } else if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0) {
      // A record (a freeze's files by path): each entry on its own too.
      const entries = Object.entries(v).filter(([, x]) => x !== undefined && typeof x !== 'function');
      yield `  ${JSON.stringify(k)}: {\n`;
      for (const [j, [ek, ev]] of entries.entries())
        yield `    ${JSON.stringify(ek)}: ${JSON.stringify(ev, null, 2).replace(/\n/g, '\n    ')}${j < entries.length - 1 ? ',\n' : '\n'}`;
      yield `  }${tail}`;
    } else yield `  ${JSON.stringify(k)}: ${JSON.stringify(v, null, 2).replace(/\n/g, '\n  ')}${tail}`;
  }
  yield '}\n';
}

/**
 * Writes `value` as indented JSON to a temporary file beside `path`, hashing it as it goes; `commit` renames it
 * into place, `abort` removes it. (Two files that must appear in an order — a plan and its report — are both
 * written before either is renamed.)
 */
export async function stageJson(
  path: string,
  value: Record<string, unknown>,
): Promise<{ sha256: string; commit: () => Promise<void>; abort: () => Promise<void> }> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tmpOf(path);
  const hash = createHash('sha256');
  const out = createWriteStream(tmp);
  try {
    await new Promise<void>((resolve, reject) => {
      out.on('error', reject);
      const pieces = jsonPieces(value);
      const pump = () => {
        for (let r = pieces.next(); !r.done; r = pieces.next()) {
          hash.update(r.value);
          if (!out.write(r.value)) return void out.once('drain', pump);
        }
        out.end(resolve);
      };
      pump();
    });
  } catch (e) {
    out.destroy();
    await rm(tmp, { force: true });
    throw e;
  }
  return { sha256: hash.digest('hex'), commit: () => rename(tmp, path), abort: () => rm(tmp, { force: true }) };
}
