// What each form says, row by row (docs/forms.md is generated from it), independent of Word or PDF: both renderers draw this model.
import type { Catalog, Unit, Work } from '../../shared/model.js';
import type { Profile } from '../../shared/rules/profile.js';
import { groupOfStage } from '../../shared/rules/text.js';
import type { ExportPlan } from '../export/plan.js';
import { treeListing } from '../export/plan.js';

export interface FormCell {
  text: string;
  span?: number;
  bold?: boolean;
  center?: boolean;
  /** Right-aligned lines at the bottom of the cell: signature, seal and date. */
  sign?: string[];
  /** A tall cell (the comment, the pledge): at least this many lines high. */
  minLines?: number;
}

export interface FormDoc {
  title: string;
  subtitle?: string;
  /** Column widths in twips (1/20 pt); four columns fill an A4 page with 2.3 cm margins. */
  widths: number[];
  rows: FormCell[][];
  /** Free text after the table (notes, headed sections). */
  after?: { heading?: string; text: string }[];
  sign?: string[];
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
  const rows: FormCell[][] = [[label(c === 'ai-case' || c === 'platform-case' ? '专项项目' : '项目'), { text, span: 3 }]];
  if (c === 'platform-case') {
    rows.push([label('应用场景'), { text: profile.scenes.platform.map((s) => `${box(work.scenes.includes(s))}${s}`).join(' '), span: 3 }]);
  }
  return rows;
}

export function registrationForm(profile: Profile, work: Work, sizes: Map<string, number>): FormDoc {
  const spec = profile.categories[work.category];
  const t = profile.formTexts;
  const rows: FormCell[][] = [];
  const caseName = !spec.needsGradeSubject;
  rows.push([label(caseName ? '案例名称\n(请勿使用《》)' : '作品名称\n(请勿使用《》)'), { text: work.title, span: 3 }]);
  if (!caseName) rows.push([label('学科'), { text: work.subject }, label('年级'), { text: work.grade }]);
  rows.push([label('作品大小'), { text: `${workSizeMb(work, sizes)} MB`, span: 3 }]);
  rows.push(...projectRows(profile, work));
  const variant = spec.variants?.find((v) => v.id === work.variant);
  const slots = Math.max(variant?.conflictAbove ?? variant?.maxAuthors ?? spec.maxAuthors, work.authors.length);
  rows.push([label('作者信息'), label('姓名'), { ...label('所在单位(按单位公章填写)'), span: 2 }]);
  for (let i = 0; i < slots; i += 1) {
    const a = work.authors[i];
    const hint = !a && i === work.authors.length ? `案例限报${variant?.conflictAbove ?? variant?.maxAuthors ?? spec.maxAuthors}人` : '';
    rows.push([{ text: `作者${i + 1}`, center: true }, { text: a?.name ?? hint, center: true }, { text: a?.unit ?? '', span: 2 }]);
  }
  const contact = work.authors[0];
  rows.push([label('联系信息  姓名'), { text: contact?.name ?? '' }, label('手机'), { text: contact?.mobile ?? '' }]);
  rows.push([label('固定电话'), { text: contact?.phone ?? '' }, label('电子邮箱'), { text: contact?.email ?? '' }]);
  if (work.category === 'ai-case') {
    for (const key of ['案例使用的基础大模型', '案例网址', '案例简介']) {
      const f = spec.fields.find((x) => x.key === key)!;
      rows.push([label(`${key}${f.hint ? `\n(${f.hint})` : f.limit ? `\n(${f.limit}字以内)` : ''}`), { text: work.fields[key] ?? '', span: 3, minLines: key === '案例简介' ? 4 : 1 }]);
    }
    const body = [t.aiInstructions, ...t.aiSections.flatMap((s) => [s.heading, ...(s.sub ? [s.sub] : []), work.fields[s.key] ?? '', ''])].join('\n');
    rows.push([label('申报书'), { text: body, span: 3 }]);
    rows.push([label('其他说明\n(300字以内)'), { text: work.fields['其他说明'] ?? '', span: 3, minLines: 2 }]);
  } else {
    for (const f of spec.fields) {
      rows.push([label(`${f.key}\n(${f.hint ?? `${f.limit}字以内`})`), { text: work.fields[f.key] ?? '', span: 3, minLines: 4 }]);
    }
  }
  rows.push([label('诚信承诺'), { text: t.pledge, span: 3, sign: [t.pledgeSign, '', t.dateLine], minLines: 8 }]);
  return { title: work.category === 'ai-case' ? '申报书(作品登记表)' : '作品登记表', subtitle: `(${spec.formVariant})`, widths: WIDTHS, rows };
}

export function recommendationForm(profile: Profile, unit: Unit | null, work: Work): FormDoc {
  const t = profile.formTexts;
  return {
    title: '市级/校级推荐意见',
    subtitle: '(由活动组织单位填写)',
    widths: WIDTHS,
    rows: [
      [label('单位'), { text: unit?.name ?? '', span: 3 }],
      [label('作品名称'), { text: work.title, span: 3 }],
      [label('作者姓名'), { text: work.authors.map((a) => a.name).join('、') }, label('作品类别'), { text: profile.categories[work.category].name }],
      [{ text: `质性评语：(不少于${profile.commentMinChars}字)\n${work.comment}`, span: 4, sign: ['', t.seal, t.dateLine], minLines: 14 }],
      [{ text: '备注：', span: 4, minLines: 2 }],
    ],
  };
}

export function unitInfoForm(profile: Profile, unit: Unit | null): FormDoc {
  const u = unit;
  const t = profile.formTexts;
  return {
    title: '组织单位及联系人信息表',
    widths: WIDTHS,
    rows: [
      [label('组织单位名称\n(按单位公章填写)'), { text: u?.name ?? '', span: 3 }],
      [label('活动联系人'), { text: u?.contact ?? '', span: 3 }],
      [label('组别'), { text: `${box(u?.group === 'k12')}中小学校组(含中职)\n${box(u?.group === 'higher')}高等学校组` }, label('负责部门'), { text: u?.department ?? '' }],
      [label('手机号'), { text: u?.mobile ?? '' }, label('职务'), { text: u?.title ?? '' }],
      [label('座机号'), { text: u?.phone ?? '' }, label('QQ'), { text: u?.qq ?? '' }],
      [label('电子信箱'), { text: u?.email ?? '' }, label('邮政编码'), { text: u?.postcode ?? '' }],
      [label('通信地址'), { text: u?.address ?? '', span: 3 }],
    ],
    after: [{ text: t.unitInfoNote }],
    sign: [t.unitSeal, t.dateLine],
  };
}

export function cloudForm(profile: Profile, unit: Unit | null, plan: ExportPlan): FormDoc {
  const t = profile.formTexts;
  const root = [profile.exportNames.root.unitInfo, profile.exportNames.root.summary, profile.exportNames.root.cloud];
  return {
    title: '云盘报送要求',
    widths: WIDTHS,
    rows: [
      [label('云盘链接地址'), { text: unit?.cloudLink || `(${t.cloudLinkHint})`, span: 3 }],
      [label('访问密码'), { text: unit?.cloudCode ?? '', span: 3 }],
      [label('说明'), { text: t.cloudNotes.join('\n'), span: 3 }],
      [label('参考目录'), { text: [...treeListing(plan), ...root].join('\n'), span: 3 }],
    ],
    sign: [t.seal, t.dateLine],
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
    title: '市级(校级)工作报告',
    subtitle: catalog.unit?.name ?? '',
    widths: WIDTHS,
    rows: [],
    after: [
      ...t.reportHeadings.map((heading, i) => ({
        heading: `${['一', '二', '三', '四', '五'][i]}、${heading}`,
        text: i === 2 ? `${figures}\n(请补充评审过程和评审结果。)` : i === 1 ? `(请填写。参考数据：${figures})` : '(请填写。)',
      })),
      { heading: '报告要求', text: t.reportRequirements.join('\n') },
    ],
    sign: [catalog.unit?.name ?? '', t.seal, t.dateLine],
  };
}

/** The 作品汇总表 rows (附表1-5), in export order. */
export const SUMMARY_HEADER = ['序号', '交流组别', '作品名称', '作者姓名', '所在单位', '作品类别', '年级', '学科', '手机号码', '是否同意共享'];

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
