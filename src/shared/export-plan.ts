// The cloud-drive tree of 附表1-6 (docs/rules.md: each category's folder and its files' names), planned from the catalog alone (no disk): folder names, 序号,
// file names by role, safe names, and whole paths of at most MAX_PATH characters below the export root.
import { type Catalog, type CategoryId, type FileRef, type Finding, type Work, type WorkRole } from './model.js';
import { workFinding } from './rules/finding.js';
import {
  cutToBytes,
  describeChanges,
  fitStem,
  isReservedName,
  NAME_LIMITS,
  safeName,
  windowsNameKey,
} from './rules/naming.js';
import type { Profile } from './rules/profile.js';
import { baseName, charCount, extensionOf } from './text.js';

export const MAX_PATH = 200;

export type FormId = 'registration' | 'recommendation' | 'summary' | 'unit-info' | 'cloud' | 'report';

export type PlanEntry =
  | { kind: 'copy'; rel: string; file: FileRef; work: Work | null }
  | { kind: 'form'; rel: string; form: FormId; work: Work | null };

export interface PlannedWork {
  work: Work;
  /** 序号 within its category folder. */
  n: number;
  /** 序号 over the whole batch in export order (the summary table's). */
  serial: number;
  folder: string;
}

export interface PlannedFolder {
  name: string;
  categories: CategoryId[];
  works: PlannedWork[];
}

export interface ExportPlan {
  folders: PlannedFolder[];
  entries: PlanEntry[];
  /** title.unsafe-chars, title.too-long and file.export-name: how names were changed. */
  findings: Finding[];
}

const CATEGORY_ORDER: CategoryId[] = [
  'courseware',
  'microlecture',
  'teaching-case',
  'course-case',
  'management-case',
  'platform-case',
  'ai-case',
];

function folderOf(profile: Profile, category: CategoryId, higher: boolean): string {
  const spec = profile.categories[category];
  return higher && spec.folderHigher ? spec.folderHigher : spec.folder;
}

/** A file name of the plan and, where the export had to change it from the role's plain name, why. */
interface PlannedName {
  rel: string;
  file: FileRef;
  changed: string | null;
}

/** File names of one work folder, by role (the profile's exportNames), before the path-length check. */
function workFileNames(profile: Profile, work: Work): PlannedName[] {
  const out: PlannedName[] = [];
  const byRole = new Map<WorkRole, FileRef[]>();
  for (const f of work.files) byRole.set(f.role as WorkRole, [...(byRole.get(f.role as WorkRole) ?? []), f]);
  for (const [role, files] of byRole) {
    const spec = profile.exportNames.byCategory[work.category]?.[role] ?? profile.exportNames.files[role];
    files.forEach((file, i) => {
      const base = baseName(file.path);
      // The source's extension, as it is spelled (the notice's reference tree keeps it).
      const ext = base.slice(base.length - extensionOf(file.path).length);
      const head = `${spec.name}${spec.numbered || files.length > 1 ? `-${i + 1}` : ''}`;
      const why: string[] = [];
      let own = '';
      if (spec.keepName) {
        const safe = safeName(base.slice(0, base.length - ext.length));
        if (safe.changes.length) why.push(describeChanges(safe.changes));
        own = safe.name && fitStem(`${head}-`, safe.name, ext);
        if (own !== safe.name) why.push(`原文件名太长，截短为“${own}”(一个文件名最多 ${NAME_LIMITS.utf8} 字节)`);
      }
      const planned = `${head}${own ? `-${own}` : ''}${ext}`;
      const name = windowsSafe(planned);
      if (name !== planned) why.push(`“${planned}”在 Windows 上不能用作文件名，改为“${name}”`);
      out.push({ rel: name, file, changed: why.length ? why.join('；') : null });
    });
  }
  return out;
}

/** A last guard on a finished name (a profile may name a role anything): no device name, no trailing dot/space. */
function windowsSafe(name: string): string {
  let out = name.replace(/[ .]+$/, '');
  if (isReservedName(out)) out = `_${out}`;
  return out;
}

/**
 * Sibling names that NTFS and exFAT would take for one file (they differ only in case: `作品登记表.DOCX` beside
 * the generated `作品登记表.docx`) get a number before the extension; `taken` holds the folder's names so far.
 */
function uniqueName(taken: Set<string>, name: string): string {
  let out = name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let k = 2; taken.has(windowsNameKey(out)); k++) out = `${stem}-${k}${ext}`;
  taken.add(windowsNameKey(out));
  return out;
}

export function planExport(profile: Profile, catalog: Catalog): ExportPlan {
  const higher = catalog.unit?.group === 'higher';
  const names = profile.exportNames;
  const findings: Finding[] = [];
  const folders: PlannedFolder[] = [];
  for (const category of CATEGORY_ORDER) {
    const name = folderOf(profile, category, higher);
    let folder = folders.find((f) => f.name === name);
    if (!folder) {
      folder = { name, categories: [], works: [] };
      folders.push(folder);
    }
    folder.categories.push(category);
  }
  for (const work of catalog.works) {
    folders.find((f) => f.categories.includes(work.category))!.works.push({ work, n: 0, serial: 0, folder: '' });
  }
  const used = folders.filter((f) => f.works.length > 0);
  const entries: PlanEntry[] = [];
  let serial = 0;
  for (const folder of used) {
    folder.works.sort((a, b) => a.work.position - b.work.position || a.work.id - b.work.id);
    folder.works.forEach((pw, i) => {
      pw.n = i + 1;
      pw.serial = ++serial;
      const work = pw.work;
      const authors = names.workFolder.allAuthors
        ? work.authors.map((a) => a.name)
        : work.authors.slice(0, 1).map((a) => a.name);
      const fullAuthor = safeName(authors.join('、') || '无作者').name;
      // The author part keeps at most half a name's bytes, so that the title always has room.
      const author = cutToBytes(fullAuthor, NAME_LIMITS.utf8 / 2);
      if (author !== fullAuthor) {
        findings.push(
          workFinding(profile, 'file.export-name', work, `作者姓名太长，文件夹名中截短为“${author}”`, {
            expected: `≤ ${NAME_LIMITS.utf8 / 2} 字节`,
            actual: fullAuthor,
          }),
        );
      }
      const title = safeName(work.title);
      if (title.changes.length) {
        findings.push(
          workFinding(profile, 'title.unsafe-chars', work, `文件夹名中${describeChanges(title.changes)}`, {
            expected: title.name,
            actual: work.title,
          }),
        );
      }
      // The generated forms first: a file that would take a form's name (case aside) is the one renamed.
      const taken = new Set<string>();
      const generated = [names.generated.registration, names.generated.recommendation].map((n) => uniqueName(taken, n));
      const files = workFileNames(profile, work).map((f) => {
        const rel = uniqueName(taken, f.rel);
        if (rel === f.rel) return f;
        const clash = `“${f.rel}”与同一文件夹中的另一个文件在 Windows 上是同一个名字(不区分大小写)，改为“${rel}”`;
        return { ...f, rel, changed: f.changed ? `${f.changed}；${clash}` : clash };
      });
      for (const f of files) {
        if (f.changed)
          findings.push(
            workFinding(
              profile,
              'file.export-name',
              work,
              `导出的文件名已调整(${baseName(f.file.path)})：${f.changed}`,
              { role: f.file.role, expected: f.rel, actual: baseName(f.file.path) },
            ),
          );
      }
      const longest = Math.max(...[...files.map((f) => f.rel), ...generated].map(charCount));
      const prefix = `${pw.n}${names.workFolder.separator}${author}${names.workFolder.separator}`;
      const room = MAX_PATH - charCount(folder.name) - 1 - charCount(prefix) - 1 - longest;
      let shownTitle = title.name || '未命名';
      let cut = shownTitle;
      let why = '';
      if (charCount(cut) > room) {
        cut = Array.from(cut)
          .slice(0, Math.max(4, room))
          .join('')
          .replace(/[\s.\u3000]+$/, '');
        why = `文件路径超过 ${MAX_PATH} 个字符`;
      }
      // A folder name is a name too: at most 240 bytes of UTF-8 (80 Chinese characters with its 序号 and author).
      const fitted = fitStem(prefix, cut, '');
      if (fitted !== cut) why ||= `文件夹名超过 ${NAME_LIMITS.utf8} 字节`;
      if (why) {
        findings.push(
          workFinding(profile, 'title.too-long', work, `作品名称太长：${why}，文件夹名中截短为“${fitted}”`, {
            expected: `≤ ${MAX_PATH} 个字符的路径，≤ ${NAME_LIMITS.utf8} 字节的文件夹名`,
            actual: shownTitle,
          }),
        );
        shownTitle = fitted;
      }
      pw.folder = `${folder.name}/${prefix}${shownTitle}`;
      entries.push({ kind: 'form', rel: `${pw.folder}/${generated[0]}`, form: 'registration', work });
      entries.push({ kind: 'form', rel: `${pw.folder}/${generated[1]}`, form: 'recommendation', work });
      for (const f of files) entries.push({ kind: 'copy', rel: `${pw.folder}/${f.rel}`, file: f.file, work });
    });
  }
  // The root's names are the profile's own; kept apart from each other (and from the manifest) all the same.
  const root = new Set<string>([windowsNameKey(names.root.manifest)]);
  const atRoot = (rel: string) => uniqueName(root, windowsSafe(rel));
  entries.push({ kind: 'form', rel: atRoot(names.root.summary), form: 'summary', work: null });
  entries.push({ kind: 'form', rel: atRoot(names.root.unitInfo), form: 'unit-info', work: null });
  entries.push({ kind: 'form', rel: atRoot(names.root.cloud), form: 'cloud', work: null });
  const unitFiles = catalog.unit?.files ?? [];
  const ownReport = unitFiles.find((f) => f.role === 'report-doc');
  if (ownReport) {
    entries.push({
      kind: 'copy',
      rel: atRoot(names.root.report.replace(/\.docx$/, extensionOf(ownReport.path) || '.docx')),
      file: ownReport,
      work: null,
    });
  } else {
    entries.push({ kind: 'form', rel: atRoot(names.root.report), form: 'report', work: null });
  }
  for (const f of unitFiles) {
    if (f.role === 'report-doc') continue;
    const name = names.unitScans[f.role as keyof typeof names.unitScans];
    const same = unitFiles.filter((g) => g.role === f.role);
    const rel = same.length > 1 ? name.replace(/\.pdf$/, `-${same.indexOf(f) + 1}.pdf`) : name;
    entries.push({ kind: 'copy', rel: atRoot(rel), file: f, work: null });
  }
  return { folders: used, entries, findings };
}

/** The lines of the tree for 附表1-6's 参考目录: folders and each work folder. */
export function treeListing(plan: ExportPlan): string[] {
  const lines: string[] = [];
  for (const folder of plan.folders) {
    lines.push(`${folder.name}/`);
    for (const pw of folder.works) lines.push(`    ${pw.folder.slice(folder.name.length + 1)}/`);
  }
  return lines;
}
