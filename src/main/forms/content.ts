// What each form says, row by row (docs/forms.md is generated from it), independent of Word or PDF: both renderers draw this model.
import type { Catalog, Unit, Work } from '../../shared/model.js';
import type { Profile } from '../../shared/rules/profile.js';
import { groupOfStage } from '../../shared/rules/text.js';
import type { ExportPlan } from '../../shared/export-plan.js';
import { treeListing } from '../../shared/export-plan.js';

/** The signing block at the bottom of a cell or after a form: who signs, where the seal goes, the date. */
export interface SignBlock {
  /** A signature line ('承诺人(作者)签名：') with room for this many hand-written names. */
  signature?: { label: string; signers: number };
  /** A line above the seal (the unit's name). */
  name?: string;
  /** The seal's label ('单位公章', '(组织单位盖章)'): drawn inside a clear 4.5 × 4.5 cm area. */
  seal?: string;
  /** 年  月  日, with room to write each. */
  date: boolean;
}

export interface FormCell {
  text: string;
  span?: number;
  bold?: boolean;
  center?: boolean;
  /** Large type (the certificate proof). */
  large?: boolean;
  /** Signature, seal and date at the bottom of the cell. */
  sign?: SignBlock;
  /** A field to write in: at least this many lines high. */
  minLines?: number;
  /** A long field: its row may continue on the next page (its label repeated with 续). */
  long?: boolean;
  /** Names joined by 、: a line breaks between names, never inside one. */
  names?: boolean;
  /** The row stays on the page of the row above (备注 under the comment it annotates). */
  withPrev?: boolean;
}

export interface FormDoc {
  /** The form's number in the notice (附表1-1…), printed at its top left. */
  appendix?: string;
  title: string;
  subtitle?: string;
  landscape?: boolean;
  /** Column widths in twips (1/20 pt); four columns fill an A4 page with 2.3 cm margins. */
  widths: number[];
  rows: FormCell[][];
  /** How many first rows are the table's header, repeated on every page. */
  headerRows?: number;
  /** Free text after the table (notes, headed sections). */
  after?: { heading?: string; text: string; small?: boolean }[];
  sign?: SignBlock;
  /** A short note between the title and the table. */
  intro?: string;
  /** A line of its own above the table, in body type (the unit of a 汇总表). */
  lead?: string;
  /** Print: the notes after the table stand beside the seal (so that the seal keeps the table's last rows). */
  signBeside?: boolean;
  /** Print: the rows of the table a closing seal keeps on its page. */
  company?: number;
  /** Print: columns sized from their content (`widths` are the proportions where nothing else decides). */
  fitColumns?: boolean;
}

/** A sign block as lines of text (docs/forms.md, and where layout does not matter). */
export function signLines(s: SignBlock | undefined, dateLine: string): string[] {
  if (!s) return [];
  return [s.signature?.label, s.name, s.seal, s.date ? dateLine : undefined].filter((x): x is string => !!x);
}

export const WIDTHS = [1800, 2853, 1800, 2853];
const box = (on: boolean) => (on ? '☑' : '☐');
const label = (text: string): FormCell => ({ text, bold: true, center: true });

/** 作品大小 in MB, computed from the work's files (never typed). */
export function workSizeMb(work: Work, sizes: Map<string, number>): string {
  const bytes = work.files.reduce((a, f) => a + (sizes.get(f.absPath) ?? f.size ?? 0), 0);
  return (bytes / (1024 * 1024)).toFixed(1);
}

function projectRows(profile: Profile, work: Work): FormCell[][] {
  const group = groupOfStage(work.stage);
  const k12 = group === 'k12' && work.stage !== 'vocational';
  const voc = work.stage === 'vocational';
  const higher = group === 'higher';
  const stages = (['kindergarten', 'special', 'primary', 'junior', 'senior'] as const)
    .map((s) => `${box(k12 && work.stage === s)}${profile.stages[s]}`)
    .join(' ');
  const c = work.category;
  const pair = (on: boolean) => `${box(on && c === 'courseware')}课件 ${box(on && c === 'microlecture')}微课`;
  let text: string;
  if (c === 'courseware' || c === 'microlecture') {
    text = `基础教育组：${pair(k12)}  (${stages})\n中等职业教育组：${pair(voc)}\n高等教育组：${pair(higher)}`;
  } else if (c === 'teaching-case' || c === 'course-case') {
    text = `基础教育组：融合创新应用教学案例  (${stages})\n中等职业教育组：${box(voc)}信息化教学课程案例\n高等教育组：${box(higher)}信息化教学课程案例`;
  } else if (c === 'management-case') {
    const v = (g: boolean, id: string) => box(g && work.variant === id);
    text = `中小学校组：${v(!higher, 'region')}区域管理案例 ${v(!higher, 'school')}学校管理案例\n高等教育组：${v(higher, 'region')}区域管理案例 ${v(higher, 'school')}学校管理案例`;
  } else if (c === 'platform-case') {
    const v = (g: boolean, id: string) => box(g && work.variant === id);
    text = `中小学校组：${v(!higher, 'region')}区域应用典型案例 ${v(!higher, 'school')}学校应用典型案例 ${v(!higher, 'teacher')}教师应用典型案例\n高等教育组：${v(higher, 'school')}学校应用典型案例 ${v(higher, 'teacher')}教师应用典型案例`;
  } else {
    const scenes = (g: boolean) => profile.scenes.ai.map((s) => `${box(g && work.scenes.includes(s))}${s}`).join(' ');
    text = `中小学校组：${scenes(!higher)}\n高等教育组：${scenes(higher)}`;
  }
  const rows: FormCell[][] = [[label(profile.formTexts.projectLabel[c]), { text, span: 3 }]];
  if (c === 'platform-case') {
    rows.push([
      label('应用场景'),
      { text: profile.scenes.platform.map((s) => `${box(work.scenes.includes(s))}${s}`).join(' '), span: 3 },
    ]);
  }
  return rows;
}

/** A field's label with the notice's hint below it: "(300字以内)", or the hint as printed. */
function fieldLabel(key: string, f: { limit: number | null; hint?: string }): string {
  const hint = f.hint ?? (f.limit ? `${f.limit}字以内` : '');
  if (!hint) return key;
  return `${key}\n${hint.includes('(') ? hint : `(${hint})`}`;
}

export function registrationForm(profile: Profile, work: Work, sizes: Map<string, number>): FormDoc {
  const spec = profile.categories[work.category];
  const t = profile.formTexts;
  const rows: FormCell[][] = [];
  const caseName = !spec.needsGradeSubject;
  rows.push([label(`${caseName ? '案例名称' : '作品名称'}\n(${t.titleHint})`), { text: work.title, span: 3 }]);
  if (!caseName) rows.push([label('学科'), { text: work.subject }, label('年级'), { text: work.grade }]);
  rows.push([label('作品大小'), { text: `${workSizeMb(work, sizes)} MB`, span: 3 }]);
  rows.push(...projectRows(profile, work));
  const variant = spec.variants?.find((v) => v.id === work.variant);
  const slots = Math.max(variant?.conflictAbove ?? variant?.maxAuthors ?? spec.maxAuthors, work.authors.length);
  // The limit sits under 作者信息, never in a name cell (where it read as a third author's name).
  rows.push([
    label(['作者信息', ...t.authorHints[work.category]].join('\n')),
    label('姓名'),
    { ...label('所在单位(按单位公章填写)'), span: 2 },
  ]);
  for (let i = 0; i < slots; i += 1) {
    const a = work.authors[i];
    rows.push([
      { text: `作者${i + 1}`, center: true },
      { text: a?.name ?? '', center: true, names: true },
      { text: a?.unit ?? '', span: 2 },
    ]);
  }
  const contact = work.authors[0];
  rows.push([label('联系信息  姓名'), { text: contact?.name ?? '' }, label('手机'), { text: contact?.mobile ?? '' }]);
  rows.push([label('固定电话'), { text: contact?.phone ?? '' }, label('电子邮箱'), { text: contact?.email ?? '' }]);
  const field = (key: string, minLines: number): FormCell[] => {
    const f = spec.fields.find((x) => x.key === key)!;
    return [label(fieldLabel(key, f)), { text: work.fields[key] ?? '', span: 3, minLines, long: true }];
  };
  if (work.category === 'ai-case') {
    rows.push(field('案例使用的基础大模型', 1), field('案例网址', 1), field('案例简介', 3));
    const body = [
      t.aiInstructions,
      ...t.aiSections.flatMap((s) => [s.heading, s.guide, work.fields[s.key] ?? '']),
    ].join('\n');
    rows.push([label('申报书'), { text: body, span: 3, long: true }]);
    rows.push(field('其他说明', 2));
  } else {
    for (const f of spec.fields) if (f.formRow !== false) rows.push(field(f.key, 3));
  }
  const signers = work.authors.length || slots;
  rows.push([
    label('诚信承诺'),
    { text: t.pledge, span: 3, sign: { signature: { label: t.pledgeSign, signers }, date: true } },
  ]);
  return {
    appendix: t.appendix.registration,
    title: '作品登记表',
    subtitle: `(${spec.formVariant})`,
    widths: WIDTHS,
    rows,
  };
}

export function recommendationForm(profile: Profile, unit: Unit | null, work: Work): FormDoc {
  const t = profile.formTexts;
  return {
    appendix: t.appendix.recommendation,
    title: '市级/校级推荐意见',
    subtitle: t.recommendationSub,
    widths: WIDTHS,
    rows: [
      [label('单位'), { text: unit?.name ?? '', span: 3 }],
      [label('作品名称'), { text: work.title, span: 3 }],
      [
        label('作者姓名'),
        { text: work.authors.map((a) => a.name).join('、'), names: true },
        label('作品类别'),
        { text: profile.categories[work.category].name },
      ],
      [
        {
          text: `质性评语：(不少于${profile.commentMinChars}字)\n${work.comment}`,
          span: 4,
          minLines: 8,
          long: true,
          sign: { seal: t.seal, date: true },
        },
      ],
      [{ text: t.remarkLabel, span: 4, minLines: 2, withPrev: true }],
    ],
  };
}

export function unitInfoForm(profile: Profile, unit: Unit | null): FormDoc {
  const u = unit;
  const t = profile.formTexts;
  return {
    appendix: t.appendix.unitInfo,
    title: '组织单位及联系人信息表',
    widths: WIDTHS,
    rows: [
      [label('组织单位名称\n(按单位公章填写)'), { text: u?.name ?? '', span: 3 }],
      [label('活动联系人'), { text: u?.contact ?? '', span: 3 }],
      [
        label('组别'),
        { text: `${box(u?.group === 'k12')}中小学校组(含中职)\n${box(u?.group === 'higher')}高等学校组` },
        label('负责部门'),
        { text: u?.department ?? '' },
      ],
      [label('手机号'), { text: u?.mobile ?? '' }, label('职务'), { text: u?.title ?? '' }],
      [label('座机号'), { text: u?.phone ?? '' }, label('QQ'), { text: u?.qq ?? '' }],
      [label('电子信箱'), { text: u?.email ?? '' }, label('邮政编码'), { text: u?.postcode ?? '' }],
      [label('通信地址'), { text: u?.address ?? '', span: 3 }],
    ],
    after: [{ text: t.unitInfoNote }],
    sign: { seal: t.unitSeal, date: true },
  };
}

/** The files at the tree's root, as the export writes them (forms, the unit's scans, the manifest). */
function rootFiles(profile: Profile, plan: ExportPlan): string[] {
  const names = plan.entries.filter((e) => !e.rel.includes('/')).map((e) => e.rel);
  return [...names, profile.exportNames.root.manifest];
}

export function cloudForm(profile: Profile, unit: Unit | null, plan: ExportPlan): FormDoc {
  const t = profile.formTexts;
  return {
    appendix: t.appendix.cloud,
    title: '云盘报送要求',
    widths: WIDTHS,
    rows: [
      [label('云盘链接地址'), { text: unit?.cloudLink || `(${t.cloudLinkHint})`, span: 3 }],
      [label('访问密码'), { text: unit?.cloudCode ?? '', span: 3 }],
      [label('说明'), { text: t.cloudNotes.join('\n'), span: 3 }],
      [
        label('参考目录'),
        { text: [...treeListing(plan), ...rootFiles(profile, plan)].join('\n'), span: 3, long: true },
      ],
    ],
    sign: { seal: t.seal, date: true },
  };
}

/** 1-7, pre-filled with the figures the catalog knows; the rest are headed sections for the unit to write. */
export function reportForm(profile: Profile, catalog: Catalog): FormDoc {
  const t = profile.formTexts;
  const works = catalog.works;
  const byCategory = Object.values(profile.categories)
    .map((c) => ({ name: c.name, n: works.filter((w) => w.category === c.id).length }))
    .filter((x) => x.n > 0);
  const people = new Set(works.flatMap((w) => w.authors.map((a) => a.personId))).size;
  const units = new Set(works.flatMap((w) => w.authors.map((a) => a.unit.trim()).filter(Boolean))).size;
  const figures = `本单位共推荐作品 ${works.length} 件(${byCategory.map((x) => `${x.name} ${x.n} 件`).join('，') || '无'})，涉及作者 ${people} 人，来自 ${units} 个单位。`;
  return {
    appendix: t.appendix.report,
    title: '市级(校级)工作报告',
    subtitle: catalog.unit?.name ?? '',
    widths: WIDTHS,
    rows: [],
    after: [
      ...t.reportHeadings.map((heading, i) => ({
        heading: `${['一', '二', '三', '四', '五'][i]}、${heading}`,
        text:
          i === 2
            ? `${figures}\n(请补充评审过程和评审结果。)`
            : i === 1
              ? `(请填写。参考数据：${figures})`
              : '(请填写。)',
      })),
      { heading: '报告要求', text: t.reportRequirements.join('\n') },
    ],
    sign: { name: catalog.unit?.name || undefined, seal: t.seal, date: true },
  };
}

/** The 作品汇总表 rows (附表1-5), in export order. */
export const SUMMARY_HEADER = [
  '序号',
  '交流组别',
  '作品名称',
  '作者姓名',
  '所在单位',
  '作品类别',
  '年级',
  '学科',
  '手机号码',
  '是否同意共享',
];

export function summaryRows(profile: Profile, plan: ExportPlan): string[][] {
  return plan.folders.flatMap((f) =>
    f.works.map(({ work, serial }) => {
      const spec = profile.categories[work.category];
      return [
        String(serial),
        profile.groups[groupOfStage(work.stage)].short,
        work.title,
        work.authors.map((a) => a.name).join('、'),
        work.authors[0]?.unit ?? '',
        spec.name,
        spec.needsGradeSubject ? work.grade : '',
        spec.needsGradeSubject ? work.subject : '',
        work.authors[0]?.mobile ?? '',
        work.share === null ? '' : work.share ? '是' : '否',
      ];
    }),
  );
}

/** 附表1-5 for signing and stamping: the Excel file's rows, A4 landscape, the header on every page, notes and seal below. */
export function summaryForm(profile: Profile, unit: Unit | null, plan: ExportPlan): FormDoc {
  const t = profile.formTexts;
  const head = SUMMARY_HEADER.map((text): FormCell => ({ text, bold: true, center: true }));
  return {
    appendix: t.appendix.summary,
    title: '作品汇总表',
    subtitle: t.summarySub,
    lead: unit?.name ? `组织单位：${unit.name}` : undefined,
    landscape: true,
    widths: [36, 54, 130, 100, 130, 100, 50, 50, 80, 50].map((w) => w * 20),
    fitColumns: true,
    headerRows: 1,
    rows: [
      head,
      ...summaryRows(profile, plan).map((r) =>
        r.map((text, i): FormCell => ({ text, center: i === 0 || i === 1 || i === 9, names: i === 3 })),
      ),
    ],
    after: [{ heading: t.summaryNotesHeading, text: t.summaryNotes.join('\n'), small: true }],
    signBeside: true,
    company: 2,
    sign: { seal: t.seal, date: true },
  };
}

/**
 * 证书信息核对单: per work, what the certificate will carry — exactly the 作品汇总表's cells — in large type, and a
 * line for each author to sign that it is right. One form per work (a page each: it goes to that work's authors).
 */
export function certificateCheckForms(profile: Profile, plan: ExportPlan): FormDoc[] {
  const t = profile.formTexts.certificateCheck;
  const rows = summaryRows(profile, plan);
  const works = plan.folders.flatMap((f) => f.works);
  return works.map(({ work }, i) => {
    const [serial, group, title, names, unit, category, grade, subject] = rows[i]!;
    const big = (text: string, names = false): FormCell => ({ text, span: 3, large: true, names });
    const body: FormCell[][] = [
      [label('序号'), { text: serial! }, label('交流组别'), { text: group! }],
      [label('作品名称'), big(title!)],
      [label('作品类别'), big(category!)],
      ...(grade || subject ? [[label('年级'), { text: grade! }, label('学科'), { text: subject! }]] : []),
      [label('作者姓名'), big(names!, true)],
      [label('所在单位'), big(unit!)],
      ...work.authors.map((a, k): FormCell[] => [
        { text: `作者${k + 1}`, center: true },
        { text: a.name, large: true, center: true, names: true },
        { text: '', span: 2, sign: { signature: { label: t.sign, signers: 1 }, date: true } },
      ]),
    ];
    // 序号 and 作品名称 head every page of a work: each author signs a page that says which work.
    return { title: t.title, intro: t.intro, widths: WIDTHS, rows: body, headerRows: 2 };
  });
}
