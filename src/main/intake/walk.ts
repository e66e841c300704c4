// Intake's walk of DIR: the work folders (a folder with files of its own; its subfolders belong to it), the
// official tree's category folders, the files at the root, and what is skipped (system and temporary files).
import { readdir } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { BaosongError } from '../../shared/errors.js';
import { categoryOfFolder } from '../../shared/intake/names.js';
import type { IntakeReport } from '../../shared/intake/report.js';
import type { CategoryId, UnitRole } from '../../shared/model.js';
import type { Profile } from '../../shared/rules/profile.js';

export interface Found {
  abs: string;
  /** Relative to the work folder (or DIR for root files), with '/'. */
  rel: string;
}

export interface WorkFolder {
  abs: string;
  rel: string;
  hint: CategoryId | null;
  files: Found[];
}

const IGNORED_NAMES = /^(\.|~\$)|^(thumbs\.db|desktop\.ini|\.ds_store|manifest\.sha256)$|\.baosong-|\.tmp$/i;
const posix = (p: string) => p.split(sep).join('/');

async function listDir(dir: string) {
  try {
    return (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
  } catch (e) {
    throw new BaosongError('bad-input', `无法读取文件夹 ${dir}(${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

export async function allFiles(dir: string, base: string, ignored: IntakeReport['ignored'], root: string): Promise<Found[]> {
  const out: Found[] = [];
  for (const e of await listDir(dir)) {
    const abs = join(dir, e.name);
    if (IGNORED_NAMES.test(e.name)) {
      ignored.push({ path: posix(relative(root, abs)), reason: '系统或临时文件' });
      continue;
    }
    if (e.isDirectory()) out.push(...(await allFiles(abs, base, ignored, root)));
    else if (e.isFile()) out.push({ abs, rel: posix(relative(base, abs)) });
  }
  return out;
}

/** The work folders under DIR: a folder with files of its own is a work (its subfolders are part of it). */
export async function findWorks(profile: Profile, root: string, ignored: IntakeReport['ignored']): Promise<{ works: WorkFolder[]; rootFiles: Found[] }> {
  const works: WorkFolder[] = [];
  const rootFiles: Found[] = [];
  const visit = async (dir: string, hint: CategoryId | null, depth: number): Promise<void> => {
    const entries = (await listDir(dir)).filter((e) => {
      if (!IGNORED_NAMES.test(e.name)) return true;
      ignored.push({ path: posix(relative(root, join(dir, e.name))), reason: '系统或临时文件' });
      return false;
    });
    const files = entries.filter((e) => e.isFile());
    const dirs = entries.filter((e) => e.isDirectory());
    const category = dir === root ? null : categoryOfFolder(profile, basename(dir));
    if (dir !== root && !category && files.length > 0) {
      works.push({ abs: dir, rel: posix(relative(root, dir)), hint, files: await allFiles(dir, dir, ignored, root) });
      return;
    }
    for (const f of files) {
      const found = { abs: join(dir, f.name), rel: posix(relative(root, join(dir, f.name))) };
      if (dir === root) rootFiles.push(found);
      else ignored.push({ path: found.rel, reason: '分类文件夹中的散落文件(不在作品文件夹里)' });
    }
    if (depth > 8) return;
    for (const d of dirs) await visit(join(dir, d.name), category ?? hint, depth + 1);
  };
  await visit(root, null, 0);
  // DIR is itself one work's folder (its files are not the unit's forms and scans): that work.
  if (works.length === 0 && rootFiles.some((f) => !UNIT_FILES.some(([re]) => re.test(f.rel)) && !/汇总/.test(f.rel))) {
    return { works: [{ abs: root, rel: basename(root), hint: null, files: await allFiles(root, root, [], root) }], rootFiles: [] };
  }
  return { works, rootFiles };
}

export const UNIT_FILES: [RegExp, UnitRole, string[]][] = [
  [/信息表/, 'unit-info-scan', ['pdf']],
  [/汇总表/, 'summary-scan', ['pdf']],
  [/云盘/, 'cloud-scan', ['pdf']],
  [/工作报告|总结报告/, 'report-scan', ['pdf']],
  [/工作报告|总结报告/, 'report-doc', ['docx', 'doc']],
];
