// One work folder → one planned work: category, stage, title and authors (from the summary row, the folder's
// name, its content), every file's role, what is left out and why, and the repairs into the workspace.
import { createHash } from 'node:crypto';
import { basename, extname, join, relative, sep } from 'node:path';
import {
  categoryOfText,
  DEFAULT_STAGE,
  type Guessed,
  type parseFolderName,
  stageOfGrade,
  titleKey,
} from '../../shared/intake/names.js';
import type { IntakeFile, IntakeReport, IntakeWork } from '../../shared/intake/report.js';
import type { CategoryId, FileFacts, Group, Stage, WorkRole } from '../../shared/model.js';
import { guessRole } from '../../shared/rules/guess.js';
import type { Profile } from '../../shared/rules/profile.js';
import { packFiles, repackZip } from './repair.js';
import type { SummaryRow } from './summary.js';
import type { Found, WorkFolder } from './walk.js';

const MATERIAL_DIRS = /相关材料|学习资源|素材|配套|学习指导|练习|资料/;
const GENERATED = /登记表|推荐意见|推荐表|申报书/;
const FORM_NAMES = /登记表|申报书|推荐意见|推荐表/;
/** Why a Word form a school sent is left out. */
const WORD_FORM = 'Word 版的登记表/推荐意见不报送：本工具按目录生成 Word 版，要报送的是签字盖章后的 PDF 扫描件';
const PHOTO_KINDS = new Set(['jpg', 'png', 'tiff', 'bmp', 'webp']);
/** Archives no reviewer's computer opens without extra software, and intake cannot read. */
const UNREADABLE_ARCHIVES: Partial<Record<string, string>> = { rar: 'RAR', '7z': '7z' };
/** A final cut, and a copy: a name that says which of two versions the school meant. */
const FINAL = /最终版|终版|定稿|修改版|正式版|final/i;
const COPY = /副本|[(（]\d+[)）]\s*$|copy/i;

/** How much a file's name says it is the version to send: a final cut first, a copy last. */
function versionRank(rel: string): number {
  const stem = basename(rel).replace(/\.[^.]+$/, '');
  return FINAL.test(stem) ? 1 : COPY.test(stem) ? -1 : 0;
}

/** A category from what a folder holds, when nothing else says. */
function categoryOfContent(files: Found[], facts: Map<string, FileFacts>): Guessed<CategoryId> {
  const names = files.map((f) => f.rel).join(' ');
  const kinds = files.map((f) => facts.get(f.abs)?.kind);
  if (/人工智能|AI/i.test(names) && /专题片|展板/.test(names))
    return { value: 'ai-case', confidence: 'low', reason: '有专题片或展板，名称含“人工智能”' };
  if (/专题片|展板/.test(names)) return { value: 'platform-case', confidence: 'low', reason: '有专题片或展板' };
  if (/案例/.test(names) && kinds.includes('mp4'))
    return {
      value: /管理/.test(names) ? 'management-case' : 'teaching-case',
      confidence: 'low',
      reason: '有案例文档和视频',
    };
  if (/设计说明/.test(names) || kinds.includes('pptx') || kinds.includes('ppt'))
    return { value: 'courseware', confidence: 'low', reason: '有设计说明或演示文稿' };
  if (kinds.includes('mp4')) return { value: 'microlecture', confidence: 'low', reason: '有 MP4 视频' };
  return { value: 'microlecture', confidence: 'low', reason: '无法判断，默认为微课，请核对' };
}

/** How a message names a summary row. */
const at = (row: SummaryRow) => row.where ?? `汇总表第 ${row.row} 行`;

const hashOf = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 10);

export async function planWork(
  profile: Profile,
  folder: WorkFolder,
  name: ReturnType<typeof parseFolderName>,
  row: SummaryRow | null,
  facts: Map<string, FileFacts>,
  group: Group,
  workspace: string,
  ignored: IntakeReport['ignored'],
  root: string,
): Promise<IntakeWork> {
  // Category: the official tree's folder, the summary's 作品类别, the folder's name, its content.
  let category: Guessed<CategoryId>;
  const fromRow = row ? categoryOfText(row.category) : null;
  const fromName = categoryOfText(folder.rel);
  if (folder.hint)
    category = { value: folder.hint, confidence: 'high', reason: `在分类文件夹“${folder.rel.split('/')[0]}”中` };
  else if (fromRow)
    category = { value: fromRow, confidence: 'high', reason: `${at(row!)}的作品类别“${row!.category}”` };
  else if (fromName) category = { value: fromName, confidence: 'medium', reason: '文件夹名称' };
  else category = categoryOfContent(folder.files, facts);
  if (folder.hint && fromRow && fromRow !== folder.hint) category.reason += `(汇总表写的是“${row!.category}”，请核对)`;

  // Stage: the summary's 年级 or 交流组别; else the unit's group and the category's usual one.
  const fromGrade = row ? (stageOfGrade(row.grade) ?? (/高等/.test(row.group) ? 'higher' : null)) : null;
  const stage: Guessed<Stage> = fromGrade
    ? { value: fromGrade, confidence: 'high', reason: `汇总表年级“${row!.grade || row!.group}”` }
    : group === 'higher'
      ? { value: 'higher', confidence: 'medium', reason: '高等学校组' }
      : { value: DEFAULT_STAGE[category.value], confidence: 'low', reason: '没有年级信息，按类别默认，请核对' };
  // The teaching-case folder also holds the vocational and higher 课程案例.
  if (category.value === 'teaching-case' && (stage.value === 'vocational' || stage.value === 'higher'))
    category = {
      ...category,
      value: 'course-case',
      reason: `${category.reason}；${stage.reason}，为信息化教学课程案例`,
    };

  // A row paired by similarity, not by the same title, is the user's to confirm: never high.
  const title: Guessed<string> = !row
    ? { value: name.title, confidence: 'medium', reason: '文件夹名称' }
    : !name.title || titleKey(row.title) === titleKey(name.title)
      ? { value: row.title, confidence: 'high', reason: at(row) }
      : {
          value: row.title,
          confidence: 'low',
          reason: `${at(row)}写作“${row.title}”，文件夹名称是“${name.title}”，两者相近但不相同：按汇总表，请核对`,
        };
  // The summary's people, cross-checked with the folder's name: an author the name gives and the row lacks (or the
  // other way round) is said, and the list is the user's to confirm.
  const key = (n: string) => titleKey(n);
  const onlyInName = row ? name.authors.filter((a) => !row.authors.some((b) => key(b) === key(a))) : [];
  const onlyInRow =
    row && name.authors.length ? row.authors.filter((a) => !name.authors.some((b) => key(b) === key(a))) : [];
  const authors: Guessed<string[]> = row?.authors.length
    ? onlyInName.length || onlyInRow.length
      ? {
          value: row.authors,
          confidence: 'medium',
          reason: `${at(row)}；文件夹名称写的是“${name.authors.join('、')}”${onlyInName.length ? `(多出 ${onlyInName.join('、')})` : ''}${onlyInRow.length ? `(没有 ${onlyInRow.join('、')})` : ''}：按汇总表，请核对`,
        }
      : {
          value: row.authors,
          confidence: 'high',
          reason: `${at(row)}${row.authors.length > 1 ? '；汇总表只有第一作者的单位，其他作者暂按同一单位填写，请核对' : ''}`,
        }
    : name.authors.length
      ? { value: name.authors, confidence: 'medium', reason: '文件夹名称' }
      : { value: [], confidence: 'low', reason: '文件夹名称和汇总表中都没有作者' };

  const spec = profile.categories[category.value];
  const files: IntakeFile[] = [];
  const unused: IntakeWork['unused'] = [];
  const repairs: IntakeWork['repairs'] = folder.origin
    ? [
        {
          from: folder.origin,
          to: folder.abs,
          what: `整件作品的压缩包 ${basename(folder.origin)} 解压到工作文件夹，按其中的文件读取`,
        },
      ]
    : [];
  const loose: Found[] = [];
  // (Inside a ZIP sent as the whole work: under the archive's own name, as the walk names what it skipped there.)
  const shownRel = folder.origin ? relative(root, folder.origin).split(sep).join('/') : folder.rel;
  const fileRel = (f: Found) => `${shownRel}/${f.rel}`;
  // A left-out file, named as the user sees it and by where it is (in the workspace, for a work sent as a ZIP).
  const leaveOut = (f: Found, reason: string) =>
    unused.push({ path: fileRel(f), file: f.abs, reason, ...(folder.origin ? { origin: folder.origin } : {}) });

  // Roles, from names and real types; the generated Word forms are left out.
  const candidates: { f: Found; role: WorkRole | null; confidence: IntakeFile['confidence']; reason: string }[] = [];
  for (const f of folder.files) {
    const kind = facts.get(f.abs)?.kind ?? 'unknown';
    const inMaterials = f.rel.includes('/') && MATERIAL_DIRS.test(f.rel.slice(0, f.rel.lastIndexOf('/')));
    if (GENERATED.test(basename(f.rel)) && (kind === 'docx' || kind === 'doc')) {
      ignored.push({ path: fileRel(f), reason: WORD_FORM });
      continue;
    }
    const archive = UNREADABLE_ARCHIVES[kind];
    if (archive) {
      // Never packed as material: nobody could open it. The school is asked for what the archive holds.
      leaveOut(
        f,
        `${archive} 压缩包，报送助手和许多评审电脑都打不开：请学校解压后改为 ZIP 重新发送(或直接发送其中的文件)`,
      );
      continue;
    }
    if (inMaterials) {
      loose.push(f);
      continue;
    }
    let g = guessRole(spec, f.rel, kind);
    // A photographed form (登记表.jpg) is the form's scan all the same: the check then says it should be a PDF.
    const form = basename(f.rel).match(FORM_NAMES);
    if (g.confidence !== 'high' && form && PHOTO_KINDS.has(kind)) {
      const role = /推荐/.test(form[0]) ? 'recommendation-scan' : 'registration-scan';
      g = { role, confidence: 'medium', reason: `文件名含“${form[0]}”，是照片而不是 PDF 扫描件(检查时会提示)` };
    }
    // A file whose own name says nothing, in a folder whose name does (证据材料/、展板/、专题片/…).
    const parent = f.rel.includes('/') ? f.rel.split('/').slice(-2)[0]! : null;
    if (g.confidence !== 'high' && parent) {
      const byFolder = guessRole(spec, `${parent}${extname(f.rel)}`, kind);
      if (byFolder.confidence === 'high')
        g = { role: byFolder.role, confidence: 'medium', reason: `所在文件夹“${parent}”` };
    }
    candidates.push({ f, role: g.role, confidence: g.confidence, reason: g.reason });
  }
  // 微课: the final version (最终版/定稿…) if a name says so, else the longest MP4 (a short one is a 片头 or a clip);
  // two equally long ones are a choice the user makes (low), never a silent drop.
  const mp4s = candidates.filter((c) => c.role === 'lecture-video');
  if (mp4s.length > 1) {
    const duration = (c: (typeof mp4s)[number]) => Math.round(facts.get(c.f.abs)?.video?.durationS ?? 0);
    const ordered = [...mp4s].sort((a, b) => versionRank(b.f.rel) - versionRank(a.f.rel) || duration(b) - duration(a));
    const chosen = ordered[0]!;
    const next = ordered[1]!;
    const byName = versionRank(chosen.f.rel) > versionRank(next.f.rel);
    const tie = !byName && duration(chosen) === duration(next);
    for (const c of mp4s) {
      if (c === chosen) continue;
      const why = byName
        ? `另一个文件(${basename(chosen.f.rel)})的名称表明它是最终版`
        : duration(c) === duration(chosen)
          ? `与 ${basename(chosen.f.rel)} 一样长，暂选了 ${basename(chosen.f.rel)}，请核对`
          : '另有更长的 MP4 作为微课视频';
      Object.assign(c, { role: null, reason: why });
    }
    if (tie)
      Object.assign(chosen, {
        confidence: 'low',
        reason: `${chosen.reason}；有 ${mp4s.filter((c) => duration(c) === duration(chosen)).length} 个一样长的 MP4，无法判断哪个是微课视频，请核对`,
      });
    else
      Object.assign(chosen, {
        confidence: 'high',
        reason: `${chosen.reason}；${byName ? '文件名表明是最终版' : '几个 MP4 中最长的一个'}`,
      });
  }
  // Boards: without a 主展板 by name, the 300-dpi JPEG (the largest) is the main board, the others extra.
  if (
    spec.roles.some((r) => r.role === 'board-main') &&
    !candidates.some((c) => c.role === 'board-main' && c.confidence === 'high')
  ) {
    const jpgs = candidates.filter(
      (c) => facts.get(c.f.abs)?.kind === 'jpg' && (c.role === 'board-main' || c.role === 'board-extra'),
    );
    const scored = jpgs
      .map((c) => ({ c, img: facts.get(c.f.abs)?.image }))
      .filter((x) => x.img)
      .sort(
        (a, b) =>
          Number((b.img!.dpi ?? 0) >= 300) - Number((a.img!.dpi ?? 0) >= 300) ||
          b.img!.width * b.img!.height - a.img!.width * a.img!.height,
      );
    if (scored[0]) {
      for (const x of scored) Object.assign(x.c, { role: 'board-extra', confidence: 'medium', reason: '展板图片' });
      Object.assign(scored[0].c, {
        role: 'board-main',
        confidence: 'medium',
        reason: `${scored[0].img!.dpi ?? '无'} dpi，展板图片中${(scored[0].img!.dpi ?? 0) >= 300 ? '唯一达到 300 dpi 的最大一张' : '最大的一张'}`,
      });
    }
  }
  // A role's limit: the surest first; the rest are left over.
  const rank = { high: 0, medium: 1, low: 2 } as const;
  candidates.sort((a, b) => rank[a.confidence] - rank[b.confidence]);
  const count = new Map<string, number>();
  for (const c of candidates) {
    const limit = spec.roles.find((r) => r.role === c.role)?.max ?? null;
    if (c.role && (limit === null || (count.get(c.role) ?? 0) < limit)) {
      count.set(c.role, (count.get(c.role) ?? 0) + 1);
      // A work that came as one ZIP: each file is the archive's, unpacked into the workspace.
      files.push({
        path: c.f.abs,
        role: c.role,
        confidence: c.confidence,
        reason: c.reason,
        ...(folder.origin ? { origin: folder.origin } : {}),
      });
    } else if (c.role) {
      loose.push(c.f);
      leaveOut(c.f, `已有${profile.roleNames[c.role]}`);
    } else {
      loose.push(c.f);
      leaveOut(c.f, c.reason);
    }
  }

  // Repairs into the workspace: a GBK-named ZIP re-packed; loose materials packed into 相关材料.zip.
  const dest = join(
    workspace,
    'intake',
    `${hashOf(folder.abs)}-${basename(folder.abs)
      .replace(/[\\/:*?"<>|]/g, '_')
      .slice(0, 40)}`,
  );
  for (const f of files) {
    const zipFacts = facts.get(f.path)?.zip;
    if (!zipFacts || zipFacts.legacyCount === 0) continue;
    if (zipFacts.encryptedCount > 0) {
      // Kept as sent (it is the work's file), and said: the reviewer's Windows shows its names garbled.
      f.confidence = 'low';
      f.reason += '；压缩包文件名不是 UTF-8 且有加密文件，无法自动重新打包：请学校改用 UTF-8 文件名重新压缩后发送';
      continue;
    }
    const target = join(dest, basename(f.path));
    const { skipped } = await repackZip(f.path, target);
    repairs.push({
      from: f.path,
      to: target,
      what: `重新打包为 UTF-8 文件名(${zipFacts.legacyCount} 个 GBK 文件名)${skipped.length ? `，略去 ${skipped.length} 个不安全的路径(${skipped.slice(0, 3).join('、')})` : ''}`,
    });
    f.origin = f.path;
    f.path = target;
    f.reason += '；已重新打包为 UTF-8 文件名';
  }
  const hasMaterials = files.some((f) => f.role === 'materials');
  const materialsSpec = spec.roles.find((r) => r.role === 'materials');
  if (materialsSpec && !hasMaterials) {
    // Videos are not packed: a leftover MP4 is a 片头 or a clip the user should decide about (it stays in unused).
    const packable = loose.filter((f) => !['mp4', 'mkv', 'flv', 'avi'].includes(facts.get(f.abs)?.kind ?? ''));
    if (packable.length > 0) {
      const target = join(dest, '相关材料.zip');
      await packFiles(
        packable.map((f) => ({ abs: f.abs, name: f.rel })),
        target,
      );
      const from = packable.length === 1 ? packable[0]!.abs : `${folder.abs}${sep}(${packable.length} 个文件)`;
      repairs.push({ from, to: target, what: `把 ${packable.length} 个散放的材料打包为 相关材料.zip` });
      files.push({
        path: target,
        role: 'materials',
        confidence: 'medium',
        reason: `散放的材料(${packable.map((f) => f.rel).join('、')})打包而成`,
        origin: from,
      });
      for (const f of packable) {
        const i = unused.findIndex((u) => u.path === fileRel(f));
        if (i >= 0) unused.splice(i, 1);
      }
    }
  } else {
    for (const f of loose)
      if (!unused.some((u) => u.path === fileRel(f))) leaveOut(f, '材料文件夹中的文件，已有相关材料压缩包');
  }
  const order = name.order ?? row?.serial ?? null;
  return {
    key: folder.rel,
    folder: folder.rel,
    row: row?.row ?? null,
    category,
    stage,
    title,
    authors,
    order,
    subject: row?.subject ?? '',
    grade: row?.grade ?? '',
    share: row?.share ?? null,
    // The summary's unit; else a school named before the author in the folder's name (a district is no unit).
    authorUnit:
      row?.unit ||
      (name.place && /(学校|小学|中学|学院|大学|幼儿园|中心|附小|附中)$/.test(name.place) ? name.place : ''),
    mobile: row?.mobile ?? '',
    files,
    unused,
    repairs,
  };
}
