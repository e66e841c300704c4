// The 29th edition's categories (docs/rules.md, Categories): who may enter, variants, author limits, form fields,
// the roles of their files with formats and counts, and their folders in the cloud-drive tree.
import type { CategorySpec, FieldSpec, RoleSpec } from './profile.js';

const scans: RoleSpec[] = [
  { role: 'registration-scan', label: '作品登记表(签字扫描件)', formats: ['pdf'], min: 1, max: 1 },
  { role: 'recommendation-scan', label: '推荐意见(盖章扫描件)', formats: ['pdf'], min: 1, max: 1 },
];

const word = ['word'] as const;
const teachingFields: FieldSpec[] = [
  { key: '作品特点', limit: 300, hint: '包括作品简介、特色亮点等，300字以内' },
  { key: '作品安装运行说明', limit: 300, hint: '安装运行所需环境，临时用户名、密码等，300字以内' },
];
/** What the 微课 title card shows besides the work's own values (通知 三.2: 教材版本、…、年级学期…). */
export const TITLE_CARD_FIELDS = { edition: '教材版本', term: '学期' } as const;
const titleCardFields: FieldSpec[] = [
  { key: TITLE_CARD_FIELDS.edition, limit: 30, hint: '片头用，例如：人教版、北师大版', formRow: false },
  { key: TITLE_CARD_FIELDS.term, limit: 10, hint: '片头用，例如：上册、下学期', formRow: false },
];
const caseFields: FieldSpec[] = [
  { key: '教学环境设施建设情况', limit: 300 },
  { key: '课程建设情况', limit: 300 },
  { key: '教学实施情况及教学效果', limit: 300 },
  { key: '教学成果、推广情况', limit: 300 },
  { key: '其他说明', limit: 300 },
];
const caseRoles: RoleSpec[] = [
  ...scans,
  { role: 'case-doc', label: '案例介绍文档', formats: [...word], min: 1, max: 1 },
  { role: 'class-video', label: '教学活动录像', formats: ['mp4'], min: 1, max: null },
  { role: 'materials', label: '相关材料', formats: ['zip'], min: 1, max: 1 },
];
const specialRoles: RoleSpec[] = [
  ...scans,
  { role: 'feature-video', label: '专题片', formats: ['mp4'], min: 1, max: 1 },
  { role: 'raw-video', label: '专题片工作版', formats: ['mp4'], min: 1, max: 1 },
  { role: 'script', label: '文字脚本', formats: ['word', 'pdf', 'txt'], min: 1, max: 1 },
  { role: 'board-main', label: '主展板', formats: ['jpg', 'pdf'], min: 1, max: 1 },
  { role: 'board-main-source', label: '主展板源文件', formats: ['psd', 'ai'], min: 1, max: 1 },
  { role: 'board-extra', label: '其他特色展板', formats: ['jpg', 'png', 'tiff', 'pdf'], min: 2, max: 5 },
];

export const categories: Record<string, CategorySpec> = {
  courseware: {
    id: 'courseware',
    name: '课件',
    open: [{ group: 'k12' }, { group: 'higher' }],
    variants: null,
    maxAuthors: 3,
    needsGradeSubject: true,
    fields: teachingFields,
    roles: [
      ...scans,
      { role: 'courseware', label: '课件作品', formats: ['any'], min: 1, max: 1 },
      { role: 'demo-video', label: '课件演示视频', formats: ['mp4'], min: 1, max: 1 },
      { role: 'design-doc', label: '设计说明', formats: [...word], min: 1, max: 1 },
      { role: 'materials', label: '相关材料', formats: ['zip'], min: 1, max: 1 },
    ],
    scenes: null,
    quota: 'teaching',
    formVariant: '课件、微课',
    folder: '1课件',
  },
  microlecture: {
    id: 'microlecture',
    name: '微课',
    open: [{ group: 'k12' }, { group: 'higher' }],
    variants: null,
    maxAuthors: 3,
    needsGradeSubject: true,
    fields: [...teachingFields, ...titleCardFields],
    roles: [
      ...scans,
      { role: 'lecture-video', label: '微课视频', formats: ['mp4'], min: 1, max: 1 },
      { role: 'materials', label: '学习指导、练习题和配套学习资源', formats: ['zip'], min: 0, max: 1 },
    ],
    scenes: null,
    quota: 'teaching',
    formVariant: '课件、微课',
    folder: '2微课',
  },
  'teaching-case': {
    id: 'teaching-case',
    name: '融合创新应用教学案例',
    open: [{ group: 'k12', stages: ['kindergarten', 'special', 'primary', 'junior', 'senior'] }],
    variants: null,
    maxAuthors: 3,
    needsGradeSubject: true,
    fields: caseFields,
    roles: [
      ...caseRoles,
      { role: 'space-ppt', label: '网络学习空间PPT', formats: ['ppt'], min: 0, max: 1 },
      { role: 'space-guide', label: '空间访问说明(含空间网址)', formats: ['word', 'pdf'], min: 0, max: 1 },
    ],
    scenes: null,
    quota: 'teaching',
    formVariant: '融合创新应用教学案例、信息化教学课程案例',
    folder: '3融合创新应用教学案例',
    folderHigher: '3信息化教学课程案例',
  },
  'course-case': {
    id: 'course-case',
    name: '信息化教学课程案例',
    open: [{ group: 'k12', stages: ['vocational'] }, { group: 'higher' }],
    variants: null,
    maxAuthors: 3,
    needsGradeSubject: true,
    fields: caseFields,
    roles: caseRoles,
    scenes: null,
    quota: 'teaching',
    formVariant: '融合创新应用教学案例、信息化教学课程案例',
    folder: '3融合创新应用教学案例',
    folderHigher: '3信息化教学课程案例',
  },
  'management-case': {
    id: 'management-case',
    name: '融合创新管理案例',
    open: [{ group: 'k12' }, { group: 'higher' }],
    variants: [
      { id: 'region', name: '区域管理案例', groups: ['k12'], maxAuthors: 5 },
      { id: 'school', name: '学校管理案例', groups: ['k12', 'higher'], maxAuthors: 5 },
    ],
    maxAuthors: 5,
    needsGradeSubject: false,
    fields: [
      { key: '信息化环境设施建设情况', limit: 1000 },
      { key: '信息化管理应用实施情况', limit: 3000 },
      { key: '创新点和成效说明', limit: 1000 },
      { key: '其他说明', limit: 300 },
    ],
    roles: [
      ...scans,
      { role: 'case-doc', label: '案例说明文档', formats: [...word], min: 1, max: 1 },
      { role: 'case-ppt', label: 'PPT展示文档', formats: ['ppt'], min: 1, max: 1 },
      { role: 'case-video', label: '案例视频', formats: ['mp4'], min: 1, max: 1 },
    ],
    scenes: null,
    quota: 'management',
    formVariant: '融合创新管理案例',
    folder: '4.信息化创新管理案例',
  },
  'platform-case': {
    id: 'platform-case',
    name: '国家智慧教育平台应用案例',
    open: [{ group: 'k12' }, { group: 'higher' }],
    variants: [
      { id: 'region', name: '区域应用典型案例', groups: ['k12'], maxAuthors: 5 },
      // 三(三) says 5, the form and the summary notes say 3: allow 5, warn above 3 (authors.count-conflict).
      { id: 'school', name: '学校应用典型案例', groups: ['k12', 'higher'], maxAuthors: 5, conflictAbove: 3 },
      { id: 'teacher', name: '教师应用典型案例', groups: ['k12', 'higher'], maxAuthors: 3 },
    ],
    maxAuthors: 5,
    needsGradeSubject: false,
    fields: [
      { key: '国家智慧教育平台应用场景说明', limit: 3000 },
      { key: '国家智慧教育平台应用过程和数据情况', limit: 1000 },
      { key: '创新点和成效说明', limit: 500 },
      { key: '其他说明', limit: 300 },
    ],
    roles: [...specialRoles, { role: 'support', label: '其他支撑材料', formats: ['any'], min: 1, max: 5 }],
    scenes: 'platform',
    quota: 'platform',
    formVariant: '国家智慧教育平台应用案例',
    folder: '5.国家智慧教育平台应用案例',
  },
  'ai-case': {
    id: 'ai-case',
    name: '“人工智能+”教育案例',
    open: [{ group: 'k12' }, { group: 'higher' }],
    variants: null,
    maxAuthors: 5,
    needsGradeSubject: false,
    fields: [
      {
        key: '案例使用的基础大模型',
        limit: null,
        hint: '案例若使用大模型，请填写模型名称，如Deepseek、文心一言、星火、通义千问、盘古等',
      },
      { key: '案例网址', limit: null, hint: '如有，请填写可以体验案例场景的网址' },
      { key: '案例简介', limit: 300 },
      { key: '背景', limit: 300 },
      { key: '案例实施情况', limit: 1000 },
      { key: '案例创新突破', limit: 1000 },
      { key: '推广价值及风险', limit: 500 },
      { key: '其他相关情况', limit: null },
      { key: '其他说明', limit: 300, hint: '其他提交附带材料地址或有关说明(300字以内)' },
    ],
    roles: [...specialRoles, { role: 'evidence', label: '证据材料', formats: ['any'], min: 0, max: 10 }],
    scenes: 'ai',
    quota: 'ai',
    formVariant: '“人工智能+”教育案例',
    folder: '6“人工智能+教育”案例',
  },
};
