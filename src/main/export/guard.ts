// What no command may destroy: the catalog's sources and the catalog itself. Every output target (the export
// folder, --zip, print and mail folders, intake's plan) is checked against them before anything is written, and
// an existing file is replaced only when it is this tool's own earlier output of the same command.
import { readOutputFile, writeOutputFile } from '../catalog/output-files.js';
import { resolve } from 'node:path';
import { canonical, within } from '../fs/paths.js';
import { BaosongError } from '../../shared/errors.js';
import type { Catalog } from '../../shared/model.js';
import type { ReadDb, RecordDb } from '../catalog/db.js';

export interface Protected {
  path: string;
  /** What it is, for the message: 作品 w3 的源文件, 目录文件. */
  what: string;
}

/** Every source the catalog names, and the catalog with its journal files and workspace. */
export function protectedPaths(catalog: Catalog, catalogPath: string | null): Protected[] {
  // The catalog first: of all, it is the one a message should name.
  const out: Protected[] = [];
  if (catalogPath) {
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      out.push({ path: `${catalogPath}${suffix}`, what: '目录文件(catalog)' });
  }
  for (const w of catalog.works)
    for (const f of w.files) out.push({ path: f.absPath, what: `作品 ${w.key ?? w.id}《${w.title}》的源文件` });
  for (const f of catalog.unit?.files ?? []) out.push({ path: f.absPath, what: '组织单位的文件' });
  return out;
}

/**
 * Refuses a target that is, contains (a folder that an export replaces) or lies inside a protected path.
 * `label` names the target in the message: 导出文件夹, ZIP 文件, 打印文件夹…
 */
export function refuseProtected(target: string, label: string, list: Protected[]): void {
  const t = canonical(target);
  for (const p of list) {
    const c = canonical(p.path);
    if (within(c, t) || within(t, c)) {
      const how = c === t ? '就是' : within(c, t) ? '里面有' : '位于';
      throw new BaosongError(
        'bad-input',
        `${label} ${resolve(target)} ${how}${p.what} ${p.path}：为免覆盖或删除它，请另选一个位置`,
      );
    }
  }
}

/** Files written by this tool outside an export tree (--zip), so that a later run may replace them, and only them. */
export function ownOutput(db: ReadDb, path: string, command: string): { size: number; mtime: number } | null {
  return readOutputFile(db, canonical(path), command);
}

export function recordOutput(db: RecordDb, path: string, command: string, st: { size: number; mtimeMs: number }): void {
  writeOutputFile(db, canonical(path), command, st.size, st.mtimeMs);
}
