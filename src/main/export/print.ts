// `baosong print` and `baosong mail`: the forms to print, sign and stamp, and the e-mail package (附表1-1…1-7 as docs/forms.md shows them; the mail subject is the profile's).
import { copyFile, mkdir, readdir, rename } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BaosongError } from '../../shared/errors.js';
import { workLabel, type Catalog, type FileFacts } from '../../shared/model.js';
import { mailSubjectOf, type Profile } from '../../shared/rules/profile.js';
import {
  certificateCheckForms,
  cloudForm,
  recommendationForm,
  registrationForm,
  reportForm,
  summaryForm,
  unitInfoForm,
} from '../forms/content.js';
import { formPdf, formsPdf } from '../forms/pdf.js';
import { protectedPaths, refuseProtected } from './guard.js';
import { removeDeadLeftovers, writeAtomic } from '../atomic.js';
import { buildForms } from './run.js';
import { planExport } from '../../shared/export-plan.js';
import { killPoint } from '../fs/kill-point.js';

/** An output folder is absent, empty, or one this command wrote before (it holds the marker file). */
async function usableOutput(dir: string, marker: string): Promise<void> {
  if (!existsSync(dir)) return;
  const names = await readdir(dir);
  if (names.length && !names.includes(marker)) {
    throw new BaosongError('bad-input', `输出文件夹 ${dir} 不是空的，也不是以前生成的：请选择一个空文件夹或新文件夹`);
  }
}

const PRINT_NOTE = '打印说明.txt';

export async function printForms(
  profile: Profile,
  catalog: Catalog,
  facts: Map<string, FileFacts>,
  out: string,
  workKey?: string,
  catalogPath: string | null = null,
): Promise<string[]> {
  const dir = resolve(out);
  refuseProtected(dir, '打印文件夹', protectedPaths(catalog, catalogPath));
  await usableOutput(dir, PRINT_NOTE);
  // The note first: it marks the folder as print's own, so a run killed halfway leaves a folder the next run takes.
  await removeDeadLeftovers(dir, 2);
  await writeAtomic(
    join(dir, PRINT_NOTE),
    '\uFEFF这些 PDF 用于打印、签字和盖章(不要上传到云盘)。签字盖章后扫描为 PDF，在报送助手中加入为对应的扫描件。\r\n',
  );
  const plan = planExport(profile, catalog);
  const sizes = new Map([...facts].map(([p, f]) => [p, f.size]));
  const written: string[] = [];
  const put = async (rel: string, data: Buffer) => {
    await writeAtomic(join(dir, rel), data);
    written.push(rel);
    killPoint('print-mid');
  };
  const works = plan.folders.flatMap((f) => f.works).filter((pw) => !workKey || workLabel(pw.work) === workKey);
  if (workKey && works.length === 0) throw new BaosongError('bad-input', `目录中没有作品“${workKey}”`);
  for (const pw of works) {
    await put(`${pw.folder}/作品登记表(打印).pdf`, await formPdf(registrationForm(profile, pw.work, sizes)));
    await put(`${pw.folder}/推荐意见(打印).pdf`, await formPdf(recommendationForm(profile, catalog.unit, pw.work)));
  }
  if (!workKey) {
    const t = profile.formTexts;
    await put('组织单位及联系人信息表(打印).pdf', await formPdf(unitInfoForm(profile, catalog.unit)));
    await put('作品汇总表(打印).pdf', await formPdf(summaryForm(profile, catalog.unit, plan)));
    await put('云盘报送要求(打印).pdf', await formPdf(cloudForm(profile, catalog.unit, plan)));
    await put('市级(校级)工作报告(打印).pdf', await formPdf(reportForm(profile, catalog)));
    await put(
      `${t.certificateCheck.title}(打印).pdf`,
      await formsPdf(certificateCheckForms(profile, plan), t.certificateCheck.title),
    );
  }
  return written;
}

const MAIL_NOTE = '邮件.txt';

export async function mailPackage(
  profile: Profile,
  catalog: Catalog,
  facts: Map<string, FileFacts>,
  out: string,
  catalogPath: string | null = null,
): Promise<{ files: string[]; subject: string; to: string }> {
  const dir = resolve(out);
  refuseProtected(dir, '邮件文件夹', protectedPaths(catalog, catalogPath));
  await usableOutput(dir, MAIL_NOTE);
  // A note first that marks the folder as mail's own (a run killed halfway leaves a folder the next run takes);
  // it is replaced by the real one at the end.
  await removeDeadLeftovers(dir, 3);
  await writeAtomic(join(dir, MAIL_NOTE), '\uFEFF邮件附件正在生成，尚未完成：请重新运行“邮件附件”。\r\n');
  const plan = planExport(profile, catalog);
  const forms = await buildForms(profile, catalog, plan, facts);
  const files: string[] = [];
  for (const [rel, buf] of forms) {
    await writeAtomic(join(dir, rel), buf);
    files.push(rel);
    killPoint('mail-mid');
  }
  const scanRoles = new Set([
    'registration-scan',
    'recommendation-scan',
    'unit-info-scan',
    'summary-scan',
    'cloud-scan',
    'report-scan',
    'report-doc',
  ]);
  const missing: string[] = [];
  for (const e of plan.entries) {
    if (e.kind !== 'copy' || !scanRoles.has(e.file.role)) continue;
    if (!facts.get(e.file.absPath)?.exists) {
      missing.push(e.rel);
      continue;
    }
    await mkdir(dirname(join(dir, e.rel)), { recursive: true });
    const tmp = `${join(dir, e.rel)}.${process.pid}.baosong-tmp`;
    await copyFile(e.file.absPath, tmp);
    await rename(tmp, join(dir, e.rel));
    files.push(e.rel);
  }
  // What is not in the catalog at all is missing too: each work's signed and stamped scans, the unit's scans.
  const scans = files.length - forms.size;
  for (const work of catalog.works) {
    for (const r of profile.categories[work.category].roles) {
      if (!scanRoles.has(r.role) || r.min === 0 || work.files.some((f) => f.role === r.role)) continue;
      missing.push(`《${work.title}》(${work.authors[0]?.name ?? '无作者'})：${r.label}`);
    }
  }
  for (const r of profile.unitRoles) {
    if (r.required && !catalog.unit?.files.some((f) => f.role === r.role)) missing.push(`组织单位：${r.label}`);
  }
  const unit = catalog.unit;
  const group = unit ? profile.groups[unit.group].name.replace('(含中等职业学校)', '') : '';
  const subject = mailSubjectOf(profile, unit?.name ?? '', group);
  const note = [
    `收件人：${profile.mailbox}`,
    `主题：${subject}`,
    `截止日期：${profile.mailDeadlines.join('；')}(通知前后不一，以较早者为稳妥)`,
    '',
    `附件(附表1-1、1-2、1-4、1-5、1-6、1-7 的 Word/Excel 版${scans > 0 ? `，和 ${scans} 个签字盖章扫描件` : '；还没有任何签字盖章扫描件'})：`,
    ...files.map((f) => `  ${f}`),
    ...(missing.length
      ? ['', `尚缺的签字盖章扫描件(${missing.length} 个，补齐后重新生成)：`, ...missing.map((f) => `  ${f}`)]
      : ['', '签字盖章扫描件齐全。']),
    '',
  ].join('\r\n');
  await writeAtomic(join(dir, MAIL_NOTE), `\uFEFF${note}`);
  return { files: [...files, MAIL_NOTE], subject, to: profile.mailbox };
}
