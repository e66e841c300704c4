// Intake's walk of DIR: the work folders (a folder with files of its own; its subfolders belong to it), the
// official tree's category folders, the files at the root, and what is skipped (system and temporary files).
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { BaosongError } from '../../shared/errors.js';
import { categoryOfFolder } from '../../shared/intake/names.js';
import { decodeEntryName, readZipEntries } from '../inspect/zip.js';
import { unpackZip } from './repair.js';
import { specialKind } from '../fs/tree.js';
import { describeIoError } from '../io-errors.js';
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
  /** A work that came as one ZIP: the archive it was unpacked from (abs is then a folder of the workspace). */
  origin?: string;
}

const IGNORED_NAMES = /^(\.|~\$)|^(thumbs\.db|desktop\.ini|\.ds_store|manifest\.sha256)$|\.baosong-|\.tmp$/i;
const posix = (p: string) => p.split(sep).join('/');

async function listDir(dir: string) {
  try {
    return (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name, 'zh-CN', { numeric: true }),
    );
  } catch (e) {
    throw new BaosongError(
      'bad-input',
      `无法读取文件夹 ${dir}(${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
}

export async function allFiles(
  dir: string,
  base: string,
  ignored: IntakeReport['ignored'],
  root: string,
): Promise<Found[]> {
  const out: Found[] = [];
  for (const e of await listDir(dir)) {
    const abs = join(dir, e.name);
    if (IGNORED_NAMES.test(e.name)) {
      ignored.push({ path: posix(relative(root, abs)), reason: '系统或临时文件' });
      continue;
    }
    if (e.isDirectory()) out.push(...(await allFiles(abs, base, ignored, root)));
    else if (e.isFile()) out.push({ abs, rel: posix(relative(base, abs)) });
    else await special(abs, e.isSymbolicLink(), ignored, root);
  }
  return out;
}

/** A pipe, a device, a link: never read (a FIFO would hang the reader), and named with why. */
async function special(abs: string, link: boolean, ignored: IntakeReport['ignored'], root: string): Promise<void> {
  const why = await specialKind(abs, link);
  ignored.push({ path: posix(relative(root, abs)), reason: `${why ?? '链接'}：没有读取(请学校发送文件本身)` });
}

/** Names that belong to a work's set: a video, or a file named as a form or a part of some category. */
const WORK_NAMES = /登记表|申报书|推荐意见|推荐表|设计说明|课件|微课|案例|专题片|展板|脚本|解说词|录像|实录|演示/;
const VIDEO_NAMES = /\.(mp4|mov|m4v|avi|mkv|flv|wmv|mpe?g)$/i;
/** A work's own part folders (materials, evidence, boards…): never a work of their own. */
const PART_DIRS =
  /^(相关材料|学习资源|学习指导|素材|配套|练习|资料|证据材料|支撑材料|佐证材料|证明材料|展板|特色展板|主展板|视频|文档|图片|附件|源文件|工作版)/;

const workLike = (names: string[]) => names.some((n) => VIDEO_NAMES.test(n) || WORK_NAMES.test(basename(n)));

/** A ZIP named as a work's part (相关材料.zip…) is material, whatever it holds. */
const MATERIAL_ZIP = /相关材料|学习资源|学习指导|素材|配套|练习|资料|证据|支撑|佐证|附件/;

/** The names inside a ZIP (its central directory only), or null when it cannot be read. */
async function namesInZip(path: string): Promise<string[] | null> {
  const names: string[] = [];
  try {
    await readZipEntries(path, (e) => {
      names.push(decodeEntryName(e).name);
      return names.length < 2000;
    });
    return names;
  } catch {
    return null;
  }
}

const hashOf = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 10);

/** Every file name under dir (names only; the walk's cheap look ahead). */
async function namesUnder(dir: string, depth = 0): Promise<string[]> {
  if (depth > 8) return [];
  const out: string[] = [];
  for (const e of await listDir(dir)) {
    if (IGNORED_NAMES.test(e.name)) continue;
    if (e.isDirectory()) out.push(...(await namesUnder(join(dir, e.name), depth + 1)));
    else if (e.isFile()) out.push(e.name);
  }
  return out;
}

/**
 * The work folders under DIR. A folder with files of its own is a work (its subfolders belong to it), unless it is
 * a container: a district's or a school's folder whose own files are no work's (a summary table, a notice, a stray
 * archive) and which holds folders that are works. A container's own files are returned to be reported (a summary
 * table among them is read).
 */
export async function findWorks(
  profile: Profile,
  root: string,
  ignored: IntakeReport['ignored'],
  workspace?: string,
): Promise<{
  works: WorkFolder[];
  rootFiles: Found[];
  containerFiles: Found[];
  unread: { path: string; reason: string }[];
}> {
  const works: WorkFolder[] = [];
  const unread: { path: string; reason: string }[] = [];
  const rootFiles: Found[] = [];
  const containerFiles: Found[] = [];
  /**
   * A folder's ZIPs that each hold a whole work (a video, forms…), where the folder's other files are no work's:
   * each is unpacked into the workspace and read as a work folder of its own. Returns the ZIPs taken.
   */
  const workZips = async (dir: string, files: { name: string }[], hint: CategoryId | null): Promise<Set<string>> => {
    const taken = new Set<string>();
    if (!workspace) return taken;
    const zips = files.filter((f) => /\.zip$/i.test(f.name) && !MATERIAL_ZIP.test(f.name));
    if (!zips.length || workLike(files.filter((f) => !zips.includes(f)).map((f) => f.name))) return taken;
    for (const z of zips) {
      const abs = join(dir, z.name);
      const names = await namesInZip(abs);
      if (!names || !workLike(names)) continue;
      taken.add(z.name);
      const rel = posix(relative(root, abs));
      const st = await stat(abs);
      const stem = z.name.replace(/\.zip$/i, '');
      const target = join(
        workspace,
        'intake',
        'unpacked',
        `${hashOf(`${abs}\0${st.size}\0${st.mtimeMs}`)}-${stem.replace(/[\\/:*?"<>|]/g, '_').slice(0, 40)}`,
      );
      try {
        await unpackZip(abs, target);
      } catch (e) {
        // Our side (a full disk, a read error of this PC): intake stops and says so; the plan would lack a work.
        const err = e as NodeJS.ErrnoException & { diskFull?: boolean };
        if (err.diskFull) throw e;
        if (typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code)) {
          throw new BaosongError(
            'io',
            `解压整件作品的压缩包 ${rel} 时${describeIoError(err).replace(/^文件操作失败：/, '出错：')}。这不是学校的问题：请处理后重新运行(已生成的内容不会重复)`,
          );
        }
        // The archive's side (encrypted, broken): the work is received but not read, and said so.
        unread.push({
          path: rel,
          reason: `整件作品的压缩包无法解压(${(e as Error).message})：请学校重新发送未加密、完整的 ZIP 或文件夹`,
        });
        continue;
      }
      const inner: IntakeReport['ignored'] = [];
      const workRel = rel.replace(/\.zip$/i, '');
      works.push({
        abs: target,
        rel: workRel,
        hint,
        files: await allFiles(target, target, inner, target),
        origin: abs,
      });
      for (const x of inner) ignored.push({ path: `${rel}/${x.path}`, reason: x.reason });
    }
    return taken;
  };
  const visit = async (dir: string, hint: CategoryId | null, depth: number): Promise<void> => {
    const entries = (await listDir(dir)).filter((e) => {
      if (!IGNORED_NAMES.test(e.name)) return true;
      ignored.push({ path: posix(relative(root, join(dir, e.name))), reason: '系统或临时文件' });
      return false;
    });
    const files = entries.filter((e) => e.isFile());
    const dirs = entries.filter((e) => e.isDirectory());
    for (const e of entries)
      if (!e.isFile() && !e.isDirectory()) await special(join(dir, e.name), e.isSymbolicLink(), ignored, root);
    const category = dir === root ? null : categoryOfFolder(profile, basename(dir));
    const zipped = !category ? await workZips(dir, files, hint) : new Set<string>();
    let container = zipped.size > 0;
    if (zipped.size) files.splice(0, files.length, ...files.filter((f) => !zipped.has(f.name)));
    if (dir !== root && !category && files.length > 0 && !container) {
      if (!workLike(files.map((f) => f.name))) {
        for (const d of dirs) {
          if (PART_DIRS.test(d.name) || categoryOfFolder(profile, d.name)) continue;
          if (workLike(await namesUnder(join(dir, d.name)))) {
            container = true;
            break;
          }
        }
      }
      if (!container) {
        works.push({ abs: dir, rel: posix(relative(root, dir)), hint, files: await allFiles(dir, dir, ignored, root) });
        return;
      }
    }
    for (const f of files) {
      const found = { abs: join(dir, f.name), rel: posix(relative(root, join(dir, f.name))) };
      if (dir === root) rootFiles.push(found);
      else if (container) containerFiles.push(found);
      else ignored.push({ path: found.rel, reason: '分类文件夹中的散落文件(不在作品文件夹里)' });
    }
    if (depth > 8) return;
    for (const d of dirs) await visit(join(dir, d.name), category ?? hint, depth + 1);
  };
  await visit(root, null, 0);
  // DIR is itself one work's folder (its files are not the unit's forms and scans): that work.
  if (works.length === 0 && rootFiles.some((f) => !UNIT_FILES.some(([re]) => re.test(f.rel)) && !/汇总/.test(f.rel))) {
    return {
      works: [{ abs: root, rel: basename(root), hint: null, files: await allFiles(root, root, [], root) }],
      rootFiles: [],
      containerFiles: [],
      unread,
    };
  }
  return { works, rootFiles, containerFiles, unread };
}

export const UNIT_FILES: [RegExp, UnitRole, string[]][] = [
  [/信息表/, 'unit-info-scan', ['pdf']],
  [/汇总表/, 'summary-scan', ['pdf']],
  [/云盘/, 'cloud-scan', ['pdf']],
  [/工作报告|总结报告/, 'report-scan', ['pdf']],
  [/工作报告|总结报告/, 'report-doc', ['docx', 'doc']],
];
