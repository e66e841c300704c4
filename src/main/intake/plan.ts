// Intake: a folder of works as units receive it (an official tree, or one folder per work, nested any way), and
// optionally the filled 作品汇总表.xlsx, become a plan that IS a batch file (CONTRACT.md), with a sidecar report of
// every guess. Sources are only read; repairs are new files in the workspace.
import { createHash } from 'node:crypto';
import { readdir, rename, stat, writeFile, mkdir } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { BaosongError } from '../../shared/errors.js';
import { categoryOfFolder, categoryOfText, DEFAULT_STAGE, matchRows, parseFolderName, stageOfGrade, type Guessed } from '../../shared/intake/names.js';
import type { IntakeFile, IntakeReport, IntakeWork } from '../../shared/intake/report.js';
import { CATEGORIES, type CategoryId, type FileFacts, type Group, type Role, type Stage, type Unit, type UnitKind, type UnitRole, type WorkRole } from '../../shared/model.js';
import { guessRole } from '../../shared/rules/guess.js';
import type { Profile } from '../../shared/rules/profile.js';
import { fold } from '../../shared/text.js';
import type { FactsCache } from '../inspect/facts.js';
import { gatherFacts } from '../inspect/facts.js';
import { readSummary, type Summary, type SummaryRow } from './summary.js';
import { packFiles, repackZip } from './repair.js';

export interface IntakeOptions {
  dir: string;
  summary?: string | null;
  plan: string;
  /** Where repairs go: the catalog's workspace folder. */
  workspace: string;
  /** The catalog's unit, when it has one: the plan is for that unit. */
  unit: Unit | null;
  unitName?: string;
  unitKind?: UnitKind;
  cache?: FactsCache;
  signal?: AbortSignal;
  onProgress?: (p: { phase: string; done: number; total: number }) => void;
}

interface Found {
  abs: string;
  /** Relative to the work folder (or DIR for root files), with '/'. */
  rel: string;
}

interface WorkFolder {
  abs: string;
  rel: string;
  hint: CategoryId | null;
  files: Found[];
}

const IGNORED_NAMES = /^(\.|~\$)|^(thumbs\.db|desktop\.ini|\.ds_store|manifest\.sha256)$|\.baosong-|\.tmp$/i;
const MATERIAL_DIRS = /相关材料|学习资源|素材|配套|学习指导|练习|资料/;
const GENERATED = /登记表|推荐意见|推荐表/;
const posix = (p: string) => p.split(sep).join('/');

async function listDir(dir: string) {
  try {
    return (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
  } catch (e) {
    throw new BaosongError('bad-input', `无法读取文件夹 ${dir}(${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

async function allFiles(dir: string, base: string, ignored: IntakeReport['ignored'], root: string): Promise<Found[]> {
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
async function findWorks(profile: Profile, root: string, ignored: IntakeReport['ignored']): Promise<{ works: WorkFolder[]; rootFiles: Found[] }> {
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

const UNIT_FILES: [RegExp, UnitRole, string[]][] = [
  [/信息表/, 'unit-info-scan', ['pdf']],
  [/汇总表/, 'summary-scan', ['pdf']],
  [/云盘/, 'cloud-scan', ['pdf']],
  [/工作报告|总结报告/, 'report-scan', ['pdf']],
  [/工作报告|总结报告/, 'report-doc', ['docx', 'doc']],
];


/** A category from what a folder holds, when nothing else says. */
function categoryOfContent(files: Found[], facts: Map<string, FileFacts>): Guessed<CategoryId> {
  const names = files.map((f) => f.rel).join(' ');
  const kinds = files.map((f) => facts.get(f.abs)?.kind);
  if (/人工智能|AI/i.test(names) && /专题片|展板/.test(names)) return { value: 'ai-case', confidence: 'low', reason: '有专题片或展板，名称含“人工智能”' };
  if (/专题片|展板/.test(names)) return { value: 'platform-case', confidence: 'low', reason: '有专题片或展板' };
  if (/案例/.test(names) && kinds.includes('mp4')) return { value: /管理/.test(names) ? 'management-case' : 'teaching-case', confidence: 'low', reason: '有案例文档和视频' };
  if (/设计说明/.test(names) || kinds.includes('pptx') || kinds.includes('ppt')) return { value: 'courseware', confidence: 'low', reason: '有设计说明或演示文稿' };
  if (kinds.includes('mp4')) return { value: 'microlecture', confidence: 'low', reason: '有 MP4 视频' };
  return { value: 'microlecture', confidence: 'low', reason: '无法判断，默认为微课，请核对' };
}

const hashOf = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 10);

export async function intake(profile: Profile, options: IntakeOptions): Promise<IntakeReport> {
  const root = resolve(options.dir);
  let st;
  try {
    st = await stat(root);
  } catch {
    throw new BaosongError('bad-input', `找不到文件夹 ${root}`);
  }
  if (!st.isDirectory()) throw new BaosongError('bad-input', `${root} 不是文件夹`);
  const ignored: IntakeReport['ignored'] = [];
  const { works: folders, rootFiles } = await findWorks(profile, root, ignored);

  // The summary: given, or a 汇总表 .xlsx at the root.
  let summaryPath = options.summary ? resolve(options.summary) : null;
  if (!summaryPath) {
    const found = rootFiles.find((f) => /汇总/.test(f.rel) && /\.xlsx$/i.test(f.rel));
    if (found) summaryPath = found.abs;
  }
  const summary: Summary | null = summaryPath ? await readSummary(summaryPath) : null;

  // Facts of every file (real type, durations, dpi), from the cache when unchanged.
  const everything = [...folders.flatMap((w) => w.files), ...rootFiles];
  const facts = await gatherFacts(
    everything.map((f) => ({ absPath: f.abs })),
    { cache: options.cache, signal: options.signal, cacheDir: null, onProgress: (p) => options.onProgress?.({ phase: 'inspect', done: p.done, total: p.total }) },
  );

  // Rows ↔ folders.
  const parsed = folders.map((w) => parseFolderName(basename(w.abs)));
  const rows = summary?.rows ?? [];
  const pairs = matchRows(
    rows.map((r) => ({ title: r.title, firstAuthor: r.authors[0] ?? null })),
    parsed.map((p) => ({ title: p.title, firstAuthor: p.authors[0] ?? null })),
  );
  const rowOf = new Map(pairs.map((p) => [p.folder, rows[p.row]!]));
  const matchedRows = new Set(pairs.map((p) => p.row));

  const group: Group = options.unit?.group ?? (rows.some((r) => /高等/.test(r.group)) && !rows.some((r) => /中小学/.test(r.group)) ? 'higher' : 'k12');
  const works: IntakeWork[] = [];
  for (let i = 0; i < folders.length; i += 1) {
    options.signal?.throwIfAborted();
    works.push(await planWork(profile, folders[i]!, parsed[i]!, rowOf.get(i) ?? null, facts, group, options.workspace, ignored, root));
  }
  // Order (= the 序号 of the export): by category; within it the summary's row order (the unit's own list), then
  // the 序号 of a folder name, then the name.
  const catIndex = (c: CategoryId) => CATEGORIES.indexOf(c);
  works.sort(
    (a, b) =>
      catIndex(a.category.value) - catIndex(b.category.value) ||
      (a.row ?? 1e9) - (b.row ?? 1e9) ||
      (a.order ?? 1e9) - (b.order ?? 1e9) ||
      a.folder.localeCompare(b.folder, 'zh-CN', { numeric: true }),
  );

  // The unit's own files at the root.
  const unitFiles: IntakeFile[] = [];
  for (const f of rootFiles) {
    if (f.abs === summaryPath) continue;
    const kind = facts.get(f.abs)?.kind ?? 'unknown';
    const hit = UNIT_FILES.find(([re, , kinds]) => re.test(f.rel) && kinds.includes(kind));
    if (hit && !unitFiles.some((u) => u.role === hit[1])) unitFiles.push({ path: f.abs, role: hit[1], confidence: 'high', reason: `文件名含“${f.rel.match(hit[0])![0]}”` });
    else ignored.push({ path: f.rel, reason: /\.(docx|xlsx)$/i.test(f.rel) ? '根目录的 Word/Excel 表由本工具生成' : '根目录中无法判断用途的文件' });
  }

  const unit = unitGuess(options, summary, root);
  const report: IntakeReport = {
    dir: root,
    summary: summaryPath,
    plan: resolve(options.plan),
    unit: { ...unit.name, kind: unit.kind },
    works,
    unitFiles,
    unmatchedRows: rows.filter((_, i) => !matchedRows.has(i)).map((r) => ({ row: r.row, title: r.title, authors: r.authors })),
    foldersWithoutRow: summary ? works.filter((w) => w.row === null).map((w) => w.folder) : [],
    ignored,
  };
  await writePlan(profile, report, options.unit, unit.kind, group);
  return report;
}

function unitGuess(options: IntakeOptions, summary: Summary | null, root: string): { name: Guessed<string>; kind: UnitKind } {
  if (options.unit) return { name: { value: options.unit.name, confidence: 'high', reason: '目录中的组织单位' }, kind: options.unit.kind };
  const kind = options.unitKind ?? 'city';
  if (options.unitName) return { name: { value: fold(options.unitName), confidence: 'high', reason: '命令行给出' }, kind };
  const fromCaption = summary?.caption.match(/^(.*?(教育局|教育学院|大学|学院|学校|中心))/)?.[1];
  if (fromCaption) return { name: { value: fold(fromCaption), confidence: 'medium', reason: '汇总表标题' }, kind };
  return { name: { value: basename(root), confidence: 'low', reason: '文件夹名称，请改为按单位公章填写的名称' }, kind };
}

async function planWork(
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
  if (folder.hint) category = { value: folder.hint, confidence: 'high', reason: `在分类文件夹“${folder.rel.split('/')[0]}”中` };
  else if (fromRow) category = { value: fromRow, confidence: 'high', reason: `汇总表第 ${row!.row} 行的作品类别“${row!.category}”` };
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
  if (category.value === 'teaching-case' && (stage.value === 'vocational' || stage.value === 'higher')) category = { ...category, value: 'course-case', reason: `${category.reason}；${stage.reason}，为信息化教学课程案例` };

  const title: Guessed<string> = row
    ? { value: row.title, confidence: 'high', reason: `汇总表第 ${row.row} 行` }
    : { value: name.title, confidence: 'medium', reason: '文件夹名称' };
  const authors: Guessed<string[]> = row?.authors.length
    ? { value: row.authors, confidence: 'high', reason: `汇总表第 ${row.row} 行${row.authors.length > 1 ? '；汇总表只有第一作者的单位，其他作者暂按同一单位填写，请核对' : ''}` }
    : name.authors.length
      ? { value: name.authors, confidence: 'medium', reason: '文件夹名称' }
      : { value: [], confidence: 'low', reason: '文件夹名称和汇总表中都没有作者' };

  const spec = profile.categories[category.value];
  const files: IntakeFile[] = [];
  const unused: IntakeWork['unused'] = [];
  const repairs: IntakeWork['repairs'] = [];
  const loose: Found[] = [];
  const fileRel = (f: Found) => `${folder.rel}/${f.rel}`;

  // Roles, from names and real types; the generated Word forms are left out.
  const candidates: { f: Found; role: WorkRole | null; confidence: IntakeFile['confidence']; reason: string }[] = [];
  for (const f of folder.files) {
    const kind = facts.get(f.abs)?.kind ?? 'unknown';
    const inMaterials = f.rel.includes('/') && MATERIAL_DIRS.test(f.rel.slice(0, f.rel.lastIndexOf('/')));
    if (GENERATED.test(basename(f.rel)) && (kind === 'docx' || kind === 'doc')) {
      ignored.push({ path: fileRel(f), reason: 'Word 版登记表/推荐意见由本工具生成' });
      continue;
    }
    if (inMaterials) {
      loose.push(f);
      continue;
    }
    const g = guessRole(spec, f.rel, kind);
    candidates.push({ f, role: g.role, confidence: g.confidence, reason: g.reason });
  }
  // 微课: the longest MP4 is the lecture (a short one is a 片头 or a clip).
  const mp4s = candidates.filter((c) => c.role === 'lecture-video');
  if (mp4s.length > 1) {
    const longest = mp4s.reduce((a, b) => ((facts.get(b.f.abs)?.video?.durationS ?? 0) > (facts.get(a.f.abs)?.video?.durationS ?? 0) ? b : a));
    for (const c of mp4s) if (c !== longest) Object.assign(c, { role: null, reason: '另有更长的 MP4 作为微课视频' });
    Object.assign(longest, { confidence: 'high', reason: `${longest.reason}；几个 MP4 中最长的一个` });
  }
  // Boards: without a 主展板 by name, the 300-dpi JPEG (the largest) is the main board, the others extra.
  if (spec.roles.some((r) => r.role === 'board-main') && !candidates.some((c) => c.role === 'board-main' && c.confidence === 'high')) {
    const jpgs = candidates.filter((c) => facts.get(c.f.abs)?.kind === 'jpg' && (c.role === 'board-main' || c.role === 'board-extra'));
    const scored = jpgs
      .map((c) => ({ c, img: facts.get(c.f.abs)?.image }))
      .filter((x) => x.img)
      .sort((a, b) => Number((b.img!.dpi ?? 0) >= 300) - Number((a.img!.dpi ?? 0) >= 300) || b.img!.width * b.img!.height - a.img!.width * a.img!.height);
    if (scored[0]) {
      for (const x of scored) Object.assign(x.c, { role: 'board-extra', confidence: 'medium', reason: '展板图片' });
      Object.assign(scored[0].c, { role: 'board-main', confidence: 'medium', reason: `${scored[0].img!.dpi ?? '无'} dpi，展板图片中${(scored[0].img!.dpi ?? 0) >= 300 ? '唯一达到 300 dpi 的最大一张' : '最大的一张'}` });
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
      files.push({ path: c.f.abs, role: c.role, confidence: c.confidence, reason: c.reason });
    } else if (c.role) {
      loose.push(c.f);
      unused.push({ path: fileRel(c.f), reason: `已有${profile.roleNames[c.role]}` });
    } else {
      loose.push(c.f);
      unused.push({ path: fileRel(c.f), reason: c.reason });
    }
  }

  // Repairs into the workspace: a GBK-named ZIP re-packed; loose materials packed into 相关材料.zip.
  const dest = join(workspace, 'intake', `${hashOf(folder.abs)}-${basename(folder.abs).replace(/[\\/:*?"<>|]/g, '_').slice(0, 40)}`);
  for (const f of files) {
    const zipFacts = facts.get(f.path)?.zip;
    if (!zipFacts || zipFacts.legacyCount === 0) continue;
    if (zipFacts.encryptedCount > 0) {
      unused.push({ path: relative(root, f.path), reason: '压缩包文件名不是 UTF-8 且有加密文件，无法自动重新打包，请手工处理' });
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
      await packFiles(packable.map((f) => ({ abs: f.abs, name: f.rel })), target);
      const from = packable.length === 1 ? packable[0]!.abs : `${folder.abs}${sep}(${packable.length} 个文件)`;
      repairs.push({ from, to: target, what: `把 ${packable.length} 个散放的材料打包为 相关材料.zip` });
      files.push({ path: target, role: 'materials', confidence: 'medium', reason: `散放的材料(${packable.map((f) => f.rel).join('、')})打包而成`, origin: from });
      for (const f of packable) {
        const i = unused.findIndex((u) => u.path === fileRel(f));
        if (i >= 0) unused.splice(i, 1);
      }
    }
  } else {
    for (const f of loose) if (!unused.some((u) => u.path === fileRel(f))) unused.push({ path: fileRel(f), reason: '材料文件夹中的文件，已有相关材料压缩包' });
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
    authorUnit: row?.unit ?? '',
    mobile: row?.mobile ?? '',
    files,
    unused,
    repairs,
  };
}

/** The plan (a batch file) and its sidecar report, each written whole and renamed. */
async function writePlan(profile: Profile, report: IntakeReport, unit: Unit | null, kind: UnitKind, group: Group): Promise<void> {
  const batch = {
    edition: profile.edition,
    unit: {
      ...(unit ? { ...Object.fromEntries(Object.entries(unit).filter(([k]) => !['files', 'edition'].includes(k))) } : {}),
      name: report.unit.value,
      kind,
      group: unit?.group ?? group,
      files: report.unitFiles.map((f) => ({ role: f.role, path: f.path })),
    },
    works: report.works.map((w) => ({
      key: w.key,
      category: w.category.value,
      stage: w.stage.value,
      variant: null,
      title: w.title.value,
      subject: w.subject,
      grade: w.grade,
      share: w.share,
      // The summary gives the first author's unit; co-authors are taken to be of the same unit (usually so).
      authors: w.authors.value.map((name, i) => ({ name, unit: w.authorUnit, mobile: i === 0 ? w.mobile : '', email: '', phone: '' })),
      comment: '',
      fields: {},
      scenes: [],
      space: false,
      files: w.files.map((f) => ({ role: f.role, path: f.path, ...(f.origin ? { origin: f.origin } : {}) })),
      checklist: {},
    })),
  };
  await mkdir(dirname(report.plan), { recursive: true });
  const sidecar = report.plan.replace(/(\.json)?$/i, '.report.json');
  for (const [file, data] of [
    [report.plan, batch],
    [sidecar, report],
  ] as const) {
    const tmp = `${file}.${process.pid}.baosong-tmp`;
    await writeFile(tmp, JSON.stringify(data, null, 2) + '\n');
    await rename(tmp, file);
  }
}
