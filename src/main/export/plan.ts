// The cloud-drive tree of RULES.md §12, planned from the catalog alone (no disk): folder names, 序号,
// file names by role, safe names, and whole paths of at most MAX_PATH characters below the export root.
import { type Catalog, type CategoryId, type FileRef, type Finding, type Work, type WorkRole } from '../../shared/model.js';
import { workFinding } from '../../shared/rules/finding.js';
import { describeChanges, safeName } from '../../shared/rules/naming.js';
import type { Profile } from '../../shared/rules/profile.js';
import { baseName, charCount, extensionOf } from '../../shared/text.js';

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
  /** title.unsafe-chars and title.too-long: how names were changed. */
  findings: Finding[];
}

const CATEGORY_ORDER: CategoryId[] = ['courseware', 'microlecture', 'teaching-case', 'course-case', 'management-case', 'platform-case', 'ai-case'];

function folderOf(profile: Profile, category: CategoryId, higher: boolean): string {
  const spec = profile.categories[category];
  return higher && spec.folderHigher ? spec.folderHigher : spec.folder;
}

/** File names of one work folder, by role (RULES.md §12), before the path-length check. */
function workFileNames(profile: Profile, work: Work): { rel: string; file: FileRef }[] {
  const out: { rel: string; file: FileRef }[] = [];
  const byRole = new Map<WorkRole, FileRef[]>();
  for (const f of work.files) byRole.set(f.role as WorkRole, [...(byRole.get(f.role as WorkRole) ?? []), f]);
  for (const [role, files] of byRole) {
    const spec = profile.exportNames.byCategory[work.category]?.[role] ?? profile.exportNames.files[role];
    files.forEach((file, i) => {
      const base = baseName(file.path);
      // The source's extension, as it is spelled (RULES.md §12: "keeping the source's extension").
      const ext = base.slice(base.length - extensionOf(file.path).length);
      const own = safeName(base.slice(0, base.length - ext.length)).name;
      const numbered = spec.numbered || files.length > 1;
      const name = `${spec.name}${numbered ? `-${i + 1}` : ''}${spec.keepName && own ? `-${own}` : ''}${ext}`;
      out.push({ rel: name, file });
    });
  }
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
      const authors = names.workFolder.allAuthors ? work.authors.map((a) => a.name) : work.authors.slice(0, 1).map((a) => a.name);
      const author = safeName(authors.join('、') || '无作者').name;
      const title = safeName(work.title);
      if (title.changes.length) {
        findings.push(workFinding(profile, 'title.unsafe-chars', work, `文件夹名中${describeChanges(title.changes)}`, { expected: title.name, actual: work.title }));
      }
      const files = workFileNames(profile, work);
      const generated = [names.generated.registration, names.generated.recommendation];
      const longest = Math.max(...[...files.map((f) => f.rel), ...generated].map(charCount));
      const prefix = `${pw.n}${names.workFolder.separator}${author}${names.workFolder.separator}`;
      const room = MAX_PATH - charCount(folder.name) - 1 - charCount(prefix) - 1 - longest;
      let shownTitle = title.name || '未命名';
      if (charCount(shownTitle) > room) {
        const cut = Array.from(shownTitle).slice(0, Math.max(4, room)).join('');
        findings.push(
          workFinding(profile, 'title.too-long', work, `作品名称太长：文件路径超过 ${MAX_PATH} 个字符，文件夹名中截短为“${cut}”`, {
            expected: `≤ ${MAX_PATH} 个字符的路径`,
            actual: shownTitle,
          }),
        );
        shownTitle = cut;
      }
      pw.folder = `${folder.name}/${prefix}${shownTitle}`;
      entries.push({ kind: 'form', rel: `${pw.folder}/${names.generated.registration}`, form: 'registration', work });
      entries.push({ kind: 'form', rel: `${pw.folder}/${names.generated.recommendation}`, form: 'recommendation', work });
      for (const f of files) entries.push({ kind: 'copy', rel: `${pw.folder}/${f.rel}`, file: f.file, work });
    });
  }
  entries.push({ kind: 'form', rel: names.root.summary, form: 'summary', work: null });
  entries.push({ kind: 'form', rel: names.root.unitInfo, form: 'unit-info', work: null });
  entries.push({ kind: 'form', rel: names.root.cloud, form: 'cloud', work: null });
  const unitFiles = catalog.unit?.files ?? [];
  const ownReport = unitFiles.find((f) => f.role === 'report-doc');
  if (ownReport) {
    entries.push({ kind: 'copy', rel: names.root.report.replace(/\.docx$/, extensionOf(ownReport.path) || '.docx'), file: ownReport, work: null });
  } else {
    entries.push({ kind: 'form', rel: names.root.report, form: 'report', work: null });
  }
  for (const f of unitFiles) {
    if (f.role === 'report-doc') continue;
    const name = names.unitScans[f.role as keyof typeof names.unitScans];
    const same = unitFiles.filter((g) => g.role === f.role);
    const rel = same.length > 1 ? name.replace(/\.pdf$/, `-${same.indexOf(f) + 1}.pdf`) : name;
    entries.push({ kind: 'copy', rel, file: f, work: null });
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
