// Intake: a folder of works as units receive it (an official tree, or one folder per work, nested any way), and
// optionally the filled 作品汇总表.xlsx, become a plan that IS a batch file (CONTRACT.md), with a sidecar report of
// every guess. Sources are only read; repairs are new files in the workspace. The walk is walk.ts, one work work.ts.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { BaosongError } from '../../shared/errors.js';
import {
  categoryOfText,
  matchRows,
  parseFolderName,
  stageOfGrade,
  titleKey,
  type Guessed,
} from '../../shared/intake/names.js';
import { reportPathOf, type IntakeFile, type IntakeReport, type IntakeWork } from '../../shared/intake/report.js';
import { CATEGORIES, type CategoryId, type Group, type Unit, type UnitKind } from '../../shared/model.js';
import type { Profile } from '../../shared/rules/profile.js';
import { stageJson } from '../atomic.js';
import { canonical, within } from '../fs/paths.js';
import { fold } from '../../shared/text.js';
import type { FactsCache } from '../inspect/facts.js';
import { gatherFacts } from '../inspect/facts.js';
import { readSummary, type Summary, type SummaryRow } from './summary.js';
import { findWorks, UNIT_FILES } from './walk.js';
import { planWork } from './work.js';
import { findDuplicates } from './duplicates.js';
import { batchWorkOf } from './batch-work.js';

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

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/**
 * The plan and its report may replace only an earlier plan of intake's own, unchanged since (its report holds the
 * plan's hash): never the catalog, a source, or a plan the user has edited.
 */
export async function checkPlanTarget(plan: string, dir: string): Promise<void> {
  const file = resolve(plan);
  const sidecar = reportPathOf(file);
  const keep = '为免覆盖，请换一个文件名，或先把它移走';
  if (canonical(file) === canonical(dir) || within(canonical(dir), canonical(file)))
    throw new BaosongError('bad-input', `计划文件 ${file} 不能是作品文件夹本身或包含它的位置`);
  let ownHash: string | null = null;
  if (existsSync(sidecar)) {
    try {
      const report = JSON.parse(await readFile(sidecar, 'utf8')) as Partial<IntakeReport>;
      ownHash = typeof report.planSha256 === 'string' ? report.planSha256 : null;
    } catch {
      ownHash = null;
    }
    if (ownHash === null) throw new BaosongError('bad-input', `${sidecar} 已经存在，不是报送助手的收件报告：${keep}`);
  }
  if (existsSync(file)) {
    let same: boolean;
    try {
      same = (await stat(file)).isFile() && ownHash !== null && sha256(await readFile(file)) === ownHash;
    } catch {
      same = false;
    }
    if (!same)
      throw new BaosongError('bad-input', `计划文件 ${file} 已经存在，不是报送助手上次生成的(或之后被编辑过)：${keep}`);
  }
}

export async function intake(profile: Profile, options: IntakeOptions): Promise<IntakeReport> {
  const root = resolve(options.dir);
  await checkPlanTarget(options.plan, root);
  let st;
  try {
    st = await stat(root);
  } catch {
    throw new BaosongError('bad-input', `找不到文件夹 ${root}`);
  }
  if (!st.isDirectory()) throw new BaosongError('bad-input', `${root} 不是文件夹`);
  const ignored: IntakeReport['ignored'] = [];
  const {
    works: folders,
    rootFiles,
    containerFiles,
    unread,
  } = await findWorks(profile, root, ignored, options.workspace);

  // The summary: given, or a 汇总表 .xlsx at the root.
  let summaryPath = options.summary ? resolve(options.summary) : null;
  if (!summaryPath) {
    const found = rootFiles.find((f) => /汇总/.test(f.rel) && /\.xlsx$/i.test(f.rel));
    if (found) summaryPath = found.abs;
  }
  const summaries: Summary[] = summaryPath ? [await readSummary(summaryPath)] : [];
  // A district's or a school's own table in its folder is read too; its other loose files are reported.
  for (const f of containerFiles) {
    const where = f.rel.slice(0, f.rel.lastIndexOf('/'));
    if (/汇总/.test(basename(f.rel)) && /\.xlsx$/i.test(f.rel)) {
      try {
        summaries.push(await readSummary(f.abs));
        continue;
      } catch (e) {
        ignored.push({ path: f.rel, reason: `“${where}”中的汇总表无法读取：${(e as Error).message}` });
        continue;
      }
    }
    ignored.push({
      path: f.rel,
      reason: /\.(zip|rar|7z)$/i.test(f.rel)
        ? `“${where}”文件夹中的压缩包，看不出属于哪件作品：如果其中是作品，请学校解压后按作品分文件夹(或 ZIP)重新发送`
        : `“${where}”文件夹自身的文件(通知、表格等)，不属于其中任何作品`,
    });
  }
  const summary: Summary | null = summaries[0] ?? null;
  // Cells that could not be read are said, with the table they are in (their rows may be missing from the plan).
  for (const s of summaries)
    for (const p of s.problems)
      ignored.push({ path: relative(root, s.file).split(sep).join('/') || basename(s.file), reason: `汇总表${p}` });
  const { rows, conflicts } = mergeSummaries(summaries, root);

  // What every file is (its real type, size, an image's dpi), from the cache when unchanged; a video's duration
  // only where a folder has two videos to choose between (ffprobe is the costly part of a look at 100 folders).
  const everything = [...folders.flatMap((w) => w.files), ...rootFiles];
  const progress = (phase: string) => (p: { done: number; total: number }) =>
    options.onProgress?.({ phase, done: p.done, total: p.total });
  const facts = await gatherFacts(
    everything.map((f) => ({ absPath: f.abs })),
    { cache: options.cache, signal: options.signal, cacheDir: null, light: true, onProgress: progress('inspect') },
  );
  const VIDEO = new Set(['mp4', 'mkv', 'flv', 'avi']);
  const choices = folders.flatMap((w) => {
    const videos = w.files.filter((f) => VIDEO.has(facts.get(f.abs)?.kind ?? '') && !facts.get(f.abs)?.video);
    return videos.length > 1 ? videos : [];
  });
  if (choices.length) {
    const probed = await gatherFacts(
      choices.map((f) => ({ absPath: f.abs })),
      { cache: options.cache, signal: options.signal, cacheDir: null, onProgress: progress('probe') },
    );
    for (const [path, f] of probed) facts.set(path, f);
  }

  // Rows ↔ folders.
  // By the name the user sees (a work unpacked from a ZIP: the archive's name, not the workspace folder's).
  const parsed = folders.map((w) => parseFolderName(w.rel.split('/').pop()!));
  const pairs = matchRows(
    rows.map((r) => ({ title: r.title, firstAuthor: r.authors[0] ?? null })),
    parsed.map((p) => ({ title: p.title, firstAuthor: p.authors[0] ?? null })),
  );
  const rowOf = new Map(pairs.map((p) => [p.folder, rows[p.row]!]));
  const matchedRows = new Set(pairs.map((p) => p.row));

  // The same work sent twice: one is planned, the other reported with its files.
  const duplicates = await findDuplicates(
    folders.map((w, i) => ({
      files: w.files.map((f) => f.abs),
      sizes: w.files.map((f) => facts.get(f.abs)?.size ?? -1),
      title: rowOf.get(i)?.title ?? parsed[i]!.title,
      firstAuthor: rowOf.get(i)?.authors[0] ?? parsed[i]!.authors[0] ?? null,
      hasRow: rowOf.has(i),
    })),
    options.signal,
  );
  const dropped = new Map(duplicates.map((d) => [d.dup, d]));
  for (const d of duplicates) {
    const folder = folders[d.dup]!;
    for (const f of folder.files)
      ignored.push({
        path: `${folder.rel}/${f.rel}`,
        reason: `“${folder.rel}”与“${folders[d.of]!.rel}”是同一作品(${d.why})，重复发送，只保留后者`,
      });
    // A row it took goes back to the kept folder's side: the kept one is the row's when it had none.
    const row = rowOf.get(d.dup);
    if (row && !rowOf.has(d.of)) rowOf.set(d.of, row);
    rowOf.delete(d.dup);
  }

  const group: Group =
    options.unit?.group ??
    (rows.some((r) => /高等/.test(r.group)) && !rows.some((r) => /中小学/.test(r.group)) ? 'higher' : 'k12');
  // Folders are planned side by side (a repair re-packs or packs a ZIP: file I/O and deflate), each into its own
  // list of left-out files, joined in the folders' order so the report reads the same every time.
  const kept = folders.map((_, i) => i).filter((i) => !dropped.has(i));
  const planned = await inOrder(kept, Math.max(2, availableParallelism()), async (i) => {
    options.signal?.throwIfAborted();
    const own: IntakeReport['ignored'] = [];
    const work = await planWork(
      profile,
      folders[i]!,
      parsed[i]!,
      rowOf.get(i) ?? null,
      facts,
      group,
      options.workspace,
      own,
      root,
    );
    return { work, own };
  });
  const works: IntakeWork[] = planned.map((p) => p.work);
  for (const p of planned) ignored.push(...p.own);
  // The merged tables' order: the first table's rows, then each further table's.
  const rankOf = new Map<string, number>();
  for (const [i, row] of rowOf) if (!dropped.has(i)) rankOf.set(folders[i]!.rel, rows.indexOf(row));
  // Order (= the 序号 of the export): by category; within it the summary's row order (the unit's own list), then
  // the 序号 of a folder name, then the name.
  const catIndex = (c: CategoryId) => CATEGORIES.indexOf(c);
  works.sort(
    (a, b) =>
      catIndex(a.category.value) - catIndex(b.category.value) ||
      (rankOf.get(a.folder) ?? 1e9) - (rankOf.get(b.folder) ?? 1e9) ||
      (a.order ?? 1e9) - (b.order ?? 1e9) ||
      a.folder.localeCompare(b.folder, 'zh-CN', { numeric: true }),
  );

  // The unit's own files at the root.
  const unitFiles: IntakeFile[] = [];
  for (const f of rootFiles) {
    if (f.abs === summaryPath) continue;
    const kind = facts.get(f.abs)?.kind ?? 'unknown';
    const hit = UNIT_FILES.find(([re, , kinds]) => re.test(f.rel) && kinds.includes(kind));
    if (hit && !unitFiles.some((u) => u.role === hit[1]))
      unitFiles.push({ path: f.abs, role: hit[1], confidence: 'high', reason: `文件名含“${f.rel.match(hit[0])![0]}”` });
    else
      ignored.push({
        path: f.rel,
        reason: /\.(docx|xlsx)$/i.test(f.rel) ? '根目录的 Word/Excel 表由本工具生成' : '根目录中无法判断用途的文件',
      });
  }

  const unit = unitGuess(options, summary, root);
  const report: IntakeReport = {
    dir: root,
    summary: summaryPath,
    plan: resolve(options.plan),
    unit: { ...unit.name, kind: unit.kind, ...(unit.kindGuess ? { kindGuess: unit.kindGuess } : {}) },
    works,
    unitFiles,
    duplicates: duplicates.map((d) => ({ folder: folders[d.dup]!.rel, sameAs: folders[d.of]!.rel, why: d.why })),
    summaries: summaries.map((s) => s.file),
    summaryConflicts: conflicts,
    unmatchedRows: rows
      .filter((_, i) => !matchedRows.has(i))
      .map((r) => ({
        row: r.row,
        title: r.title,
        authors: r.authors,
        ...(r.where ? { where: r.where } : {}),
        category: categoryOfText(r.category),
        stage: stageOfGrade(r.grade) ?? (/高等/.test(r.group) ? 'higher' : null),
        subject: r.subject,
        grade: r.grade,
        share: r.share,
        unit: r.unit,
        mobile: r.mobile,
      })),
    foldersWithoutRow: summary ? works.filter((w) => w.row === null).map((w) => w.folder) : [],
    ...(unread.length ? { unread } : {}),
    // Each left-out file once (a system file met by the walk and again by a work's own listing).
    ignored: ignored.filter((x, i) => ignored.findIndex((y) => y.path === x.path) === i),
  };
  await writePlan(profile, report, options.unit, unit.kind, group);
  return report;
}

/** `run` over each item, at most `width` at a time; the results in the items' order. */
async function inOrder<T, R>(items: T[], width: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      out[at] = await run(items[at]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}

/** The unit's kind from its name (the quotas depend on it): low confidence where the name does not say. */
export function kindOfUnitName(name: string): { kind: UnitKind; sure: boolean } {
  if (/^(沈阳|大连)/.test(name) && /教育局/.test(name)) return { kind: 'city-major', sure: true };
  if (/省教育学院/.test(name)) return { kind: 'institute', sure: true };
  if (/大学|学院|高等专科学校|职业技术学院/.test(name) && !/教育学院/.test(name))
    return { kind: 'university', sure: true };
  if (/^辽宁省/.test(name)) return { kind: 'provincial', sure: false };
  if (/市.*教育局/.test(name)) return { kind: 'city', sure: true };
  return { kind: 'city', sure: false };
}

const UNIT_NAME = /(教育局|教育学院|大学|学院|学校|中心)/;

/**
 * Several districts' tables as one set of rows: a row an earlier table already has (the same title and first author)
 * is the same row; where the two say different things, that is reported.
 */
function mergeSummaries(
  summaries: Summary[],
  root: string,
): { rows: SummaryRow[]; conflicts: IntakeReport['summaryConflicts'] } {
  const rows: SummaryRow[] = [];
  const conflicts: IntakeReport['summaryConflicts'] = [];
  const FIELDS: [keyof SummaryRow, string][] = [
    ['category', '作品类别'],
    ['grade', '年级'],
    ['subject', '学科'],
    ['unit', '所在单位'],
    ['mobile', '手机号码'],
    ['share', '是否同意共享'],
  ];
  summaries.forEach((s, t) => {
    for (const r of s.rows) {
      // The first table's rows are named as before (汇总表第 N 行); a further table's with its file.
      const where = t === 0 ? undefined : `汇总表“${relative(root, s.file).split(sep).join('/')}”第 ${r.row} 行`;
      const same = rows.find(
        (x) => titleKey(x.title) === titleKey(r.title) && fold(x.authors[0] ?? '') === fold(r.authors[0] ?? ''),
      );
      if (!same) {
        rows.push(where ? { ...r, where } : r);
        continue;
      }
      const differ = FIELDS.filter(
        ([k]) => r[k] !== '' && r[k] !== null && same[k] !== '' && same[k] !== null && String(r[k]) !== String(same[k]),
      ).map(([, label]) => label);
      if (differ.length)
        conflicts.push({
          title: r.title,
          rows: [same.where ?? `汇总表第 ${same.row} 行`, where ?? `汇总表第 ${r.row} 行`],
          fields: differ,
        });
    }
  });
  return { rows, conflicts };
}

function unitGuess(
  options: IntakeOptions,
  summary: Summary | null,
  root: string,
): { name: Guessed<string>; kind: UnitKind; kindGuess?: Guessed<UnitKind> } {
  if (options.unit)
    return {
      name: { value: options.unit.name, confidence: 'high', reason: '目录中的组织单位' },
      kind: options.unit.kind,
    };
  const withKind = (name: Guessed<string>) => {
    if (options.unitKind) return { name, kind: options.unitKind };
    const k = kindOfUnitName(name.value);
    const kindGuess: Guessed<UnitKind> = {
      value: k.kind,
      confidence: k.sure ? 'medium' : 'low',
      reason: k.sure ? `按单位名称“${name.value}”` : '单位名称看不出单位类型，按“其他市”计，请核对(它决定作品限额)',
    };
    return { name, kind: k.kind, kindGuess };
  };
  if (options.unitName) return withKind({ value: fold(options.unitName), confidence: 'high', reason: '命令行给出' });
  const caption = fold(summary?.caption ?? '');
  // `报送单位(盖章)：大连市教育局` names the unit; else the caption's title starts with it.
  const labelled = caption.match(/(?:报送|推荐|组织)单位\s*(?:[(（]\s*盖章\s*[)）])?\s*[:：]\s*(\S+)/)?.[1];
  if (labelled && UNIT_NAME.test(labelled))
    return withKind({ value: labelled, confidence: 'medium', reason: '汇总表的“报送单位”' });
  const fromTitle = caption.match(/^(.*?(教育局|教育学院|大学|学院|学校|中心))/)?.[1];
  if (fromTitle) return withKind({ value: fromTitle, confidence: 'medium', reason: '汇总表标题' });
  return withKind({ value: basename(root), confidence: 'low', reason: '文件夹名称，请改为按单位公章填写的名称' });
}

/** The plan (a batch file) and its sidecar report, each written whole and renamed. */
async function writePlan(
  profile: Profile,
  report: IntakeReport,
  unit: Unit | null,
  kind: UnitKind,
  group: Group,
): Promise<void> {
  const batch = {
    edition: profile.edition,
    unit: {
      ...(unit
        ? { ...Object.fromEntries(Object.entries(unit).filter(([k]) => !['files', 'edition'].includes(k))) }
        : {}),
      name: report.unit.value,
      kind,
      group: unit?.group ?? group,
      files: report.unitFiles.map((f) => ({ role: f.role, path: f.path })),
    },
    works: report.works.map(batchWorkOf),
  };
  await mkdir(dirname(report.plan), { recursive: true });
  const sidecar = reportPathOf(report.plan);
  // Both written in pieces (a report of 50,000 files is never one string in memory), the plan staged first: the
  // report carries the plan's hash, the mark by which a later intake knows the plan as its own, unedited.
  const plan = await stageJson(report.plan, batch);
  try {
    report.planSha256 = plan.sha256;
    // Report first: a plan on disk always has its report (a kill in between leaves the old plan with a report that
    // no longer matches it, which a later intake refuses to overwrite rather than guess).
    await (await stageJson(sidecar, report as unknown as Record<string, unknown>)).commit();
    await plan.commit();
  } catch (e) {
    await plan.abort();
    throw e;
  }
}
