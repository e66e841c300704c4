// A catalog at the limits, for the print forms' tests and previews: a work of every category with every field full to
// its 字 limit in several paragraphs, the most authors a form has, long names and units, an 80-character title, a long comment.
import type { Catalog, Unit, Work } from '../../shared/model.js';
import { DEFAULT_STAGE } from '../../shared/intake/names.js';
import { requireProfile } from '../../shared/rules/registry.js';

const SENTENCE = '本案例依托国家智慧教育平台，围绕“教、学、评、管”重构课堂流程，形成可复制的区域经验(含 AI 助教 v2.1、https://example.edu.cn/case)。';

/** Text of exactly `n` 字 (spaces and line breaks not counted), in `paragraphs` paragraphs. */
export function fullText(n: number, paragraphs = 5): string {
  const chars = Array.from(SENTENCE.replace(/\s/g, ''));
  const body = Array.from({ length: n }, (_, i) => chars[i % chars.length]!);
  const per = Math.ceil(n / paragraphs);
  const out: string[] = [];
  for (let i = 0; i < n; i += per) out.push(body.slice(i, i + per).join(''));
  return out.join('\n');
}

export const LONG_UNIT = '辽宁省沈阳市和平区教育局直属第一实验学校(沈阳市和平区教师进修学校附属实验小学)南京北街校区';
export const LONG_TITLE = '基于国家智慧教育平台与人工智能助教的初中数学“函数的性质”单元整体教学设计及其在区域内推广应用的实践研究与反思'.slice(0, 80);
const NAMES = ['欧阳晓明', '阿依古丽·买买提', '司马相如', '诸葛孔明', '上官婉儿', '张强', '王芳', '刘丽'];

export function limitUnit(): Unit {
  return {
    edition: 'liaoning-29',
    name: '辽宁省沈阳市教育局(沈阳市教育研究院、沈阳市电化教育馆)',
    kind: 'city-major',
    group: 'k12',
    contact: '欧阳晓明',
    department: '沈阳市教育局信息化与装备处(沈阳市电化教育馆技术部)',
    title: '副处长、高级教师',
    mobile: '13812345678',
    phone: '024-22345678',
    qq: '1234567890',
    email: 'ouyang.xiaoming@syedu.example.cn',
    postcode: '110001',
    address: '辽宁省沈阳市和平区南京北街 283 号沈阳市教育局大院 3 号楼 5 层 512 室(信息化与装备处)',
    cloudLink: 'https://pan.baidu.com/s/1AbCdEfGhIjKlMnOpQrStUv?pwd=a1b2',
    cloudCode: 'a1b2',
    files: [],
  } as unknown as Unit;
}

export function limitWork(id: number, category: Work['category'], authors = 5): Work {
  const profile = requireProfile(null);
  const spec = profile.categories[category];
  const n = Math.min(authors, spec.variants ? Math.max(...spec.variants.map((v) => v.maxAuthors)) : spec.maxAuthors);
  const fields: Record<string, string> = {};
  for (const f of spec.fields) fields[f.key] = f.limit ? fullText(f.limit, f.limit >= 1000 ? 7 : 3) : fullText(f.key === '其他相关情况' ? 1200 : 60, 2);
  return {
    id,
    key: `w${id}`,
    position: id,
    category,
    stage: DEFAULT_STAGE[category],
    variant: spec.variants?.[0]?.id ?? null,
    title: `${LONG_TITLE.slice(0, 78)}${id}`,
    subject: '信息科技(人工智能与编程)',
    grade: '七年级(上学期)',
    share: true,
    comment: fullText(900, 4),
    space: false,
    authors: NAMES.slice(0, n).map((name, i) => ({ personId: id * 10 + i, name, unit: LONG_UNIT, mobile: `1381234${String(id * 10 + i).padStart(4, '0')}`, phone: '024-22345678-8001', email: 'teacher.name@school.example.edu.cn' })),
    fields,
    scenes: spec.scenes ? profile.scenes[spec.scenes].slice(0, 3) : [],
    checklist: {},
    files: [],
  } as unknown as Work;
}

/** One work of each category at the limits, plus enough works to run the summary over pages. */
export function limitCatalog(extra = 40): Catalog {
  const profile = requireProfile(null);
  const works = Object.keys(profile.categories).map((c, i) => limitWork(i + 1, c as Work['category']));
  for (let i = 0; i < extra; i += 1) works.push(limitWork(works.length + 1, 'microlecture', 3));
  return { unit: limitUnit(), works };
}
