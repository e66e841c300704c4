// The demo batch: a city bureau with six works across the categories, and a few deliberate faults:
// w2's video opens without the blue card (warning), w3's title has a "?" (renamed in the folder, warning),
// w6 lacks its main board's source file (error).
import type { Role } from '../../shared/model.js';

export type DemoMake =
  | { kind: 'clip'; clip: string }
  | { kind: 'scan'; title: string; lines: string[] }
  | { kind: 'docx'; title: string; lines: string[] }
  | { kind: 'zip'; entries: Record<string, string> }
  | { kind: 'board-pdf' }
  | { kind: 'psd' }
  | { kind: 'jpeg'; colour: string };

export interface DemoFile {
  role: Role;
  path: string;
  make: DemoMake;
}

const scan = (role: Role, path: string, title: string): DemoFile => ({
  role,
  path,
  make: { kind: 'scan', title, lines: [`${title}(签字盖章后的扫描件)`] },
});
const scans = (dir: string, title: string): DemoFile[] => [
  scan('registration-scan', `${dir}/作品登记表(签字).pdf`, `作品登记表 · ${title}`),
  scan('recommendation-scan', `${dir}/推荐意见(盖章).pdf`, `推荐意见 · ${title}`),
];
const comment = (what: string) =>
  `${what}紧扣课程标准，教学目标清晰，重点难点突出，信息技术与学科教学融合自然，资源设计符合学生认知规律，` +
  '能有效激发学生的学习兴趣，促进学生自主探究与合作学习。作品结构完整、画面清晰、声音清楚，具有较好的示范性和推广价值，同意推荐参加省级交流活动。';
const checklist = (...ids: string[]) => Object.fromEntries(ids.map((id) => [`checklist.${id}`, true]));
const materials = (path: string): DemoFile => ({
  role: 'materials',
  path,
  make: { kind: 'zip', entries: { '教学设计.txt': '教学设计方案', '练习题/课后练习.txt': '1. ……' } },
});

export const DEMO_UNIT = {
  values: {
    name: '沈阳市教育局',
    kind: 'city-major',
    city: '沈阳',
    group: 'k12',
    department: '沈阳市电化教育馆',
    contact: '李明',
    title: '科长',
    mobile: '13800000000',
    phone: '024-22345678',
    qq: '123456789',
    email: 'liming@example.cn',
    postcode: '110001',
    address: '沈阳市和平区南京北街1号',
    cloudLink: 'https://pan.baidu.com/s/1demo-baosong',
    cloudCode: 'bs29',
  },
  files: [
    scan('unit-info-scan', '单位/组织单位及联系人信息表(盖章).pdf', '组织单位及联系人信息表'),
    scan('summary-scan', '单位/作品汇总表(盖章).pdf', '作品汇总表'),
    scan('cloud-scan', '单位/云盘报送要求(盖章).pdf', '云盘报送要求'),
    scan('report-scan', '单位/市级工作报告(盖章).pdf', '市级工作报告'),
  ] as DemoFile[],
};

const author = (name: string, unit: string, mobile = '13900000000', email = 'teacher@example.cn') => ({
  name,
  unit,
  mobile,
  email,
  phone: '',
});

export const DEMO_WORKS = [
  {
    key: 'w1',
    category: 'microlecture',
    stage: 'primary',
    variant: null,
    title: '小小的船',
    subject: '语文',
    grade: '一年级',
    share: true,
    authors: [
      author('张强', '沈阳市和平区第一小学', '13800000001', 'zhangqiang@example.cn'),
      author('刘丽', '沈阳市和平区第一小学'),
    ],
    comment: comment('该微课'),
    fields: {
      作品特点: '以儿歌导入，动画呈现弯弯的月亮与小小的船。',
      作品安装运行说明: '任意支持 MP4 的播放器。',
      教材版本: '人教版',
      学期: '上册',
    },
    scenes: [],
    space: false,
    files: [
      ...scans('作品/小小的船', '小小的船'),
      { role: 'lecture-video', path: '作品/小小的船/小小的船.mp4', make: { kind: 'clip', clip: 'lecture.mp4' } },
      materials('作品/小小的船/学习指导.zip'),
    ] as DemoFile[],
    checklist: checklist('title-card-text', 'teacher-on-screen', 'citations'),
  },
  {
    key: 'w2',
    category: 'microlecture',
    stage: 'primary',
    variant: null,
    title: '分数的初步认识',
    subject: '数学',
    grade: '三年级',
    share: true,
    authors: [
      author('王芳', '沈阳市皇姑区实验小学', '13800000002', 'wangfang@example.cn'),
      author('刘丽', '沈阳市和平区第一小学'),
    ],
    comment: comment('该微课'),
    fields: { 作品特点: '借助分蛋糕的情境理解几分之一。', 教材版本: '人教版', 学期: '上册' },
    scenes: [],
    space: false,
    files: [
      ...scans('作品/分数的初步认识', '分数的初步认识'),
      { role: 'lecture-video', path: '作品/分数的初步认识/分数.mp4', make: { kind: 'clip', clip: 'no-card.mp4' } },
    ] as DemoFile[],
    checklist: checklist('teacher-on-screen', 'citations'),
  },
  {
    key: 'w3',
    category: 'courseware',
    stage: 'senior',
    variant: null,
    title: '函数的性质：单调性?',
    subject: '数学',
    grade: '高一',
    share: false,
    authors: [author('赵刚', '沈阳市第二中学', '13800000003', 'zhaogang@example.cn')],
    comment: comment('该课件'),
    fields: {
      作品特点: '交互式探究函数单调性。',
      作品安装运行说明: '解压后双击 index.html，使用 Chrome 或 Edge 浏览器打开。',
    },
    scenes: [],
    space: false,
    files: [
      ...scans('作品/函数的性质', '函数的性质'),
      {
        role: 'courseware',
        path: '作品/函数的性质/函数的性质-课件包.zip',
        make: {
          kind: 'zip',
          entries: { 'index.html': '<!doctype html><title>函数的性质</title>', 'js/app.js': '// 课件' },
        },
      },
      { role: 'demo-video', path: '作品/函数的性质/演示视频.mp4', make: { kind: 'clip', clip: 'classroom.mp4' } },
      {
        role: 'design-doc',
        path: '作品/函数的性质/设计说明.docx',
        make: {
          kind: 'docx',
          title: '《函数的性质》课件设计说明',
          lines: ['一、设计思路', '二、功能说明', '三、使用方法'],
        },
      },
      materials('作品/函数的性质/相关材料.zip'),
    ] as DemoFile[],
    checklist: checklist('courseware-runs', 'citations'),
  },
  {
    key: 'w4',
    category: 'teaching-case',
    stage: 'junior',
    variant: null,
    title: '探究浮力的大小',
    subject: '物理',
    grade: '八年级',
    share: true,
    authors: [author('孙伟', '沈阳市第七中学', '13800000004', 'sunwei@example.cn'), author('周敏', '沈阳市第七中学')],
    comment: comment('该案例'),
    fields: { 教学实施情况及教学效果: '以传感器实时采集数据，学生分组探究。' },
    scenes: [],
    space: false,
    files: [
      ...scans('作品/探究浮力的大小', '探究浮力的大小'),
      {
        role: 'case-doc',
        path: '作品/探究浮力的大小/案例介绍.docx',
        make: {
          kind: 'docx',
          title: '探究浮力的大小 案例介绍',
          lines: ['一、教学环境', '二、实施过程', '三、教学效果'],
        },
      },
      { role: 'class-video', path: '作品/探究浮力的大小/第一课时.mp4', make: { kind: 'clip', clip: 'classroom.mp4' } },
      { role: 'class-video', path: '作品/探究浮力的大小/第二课时.mp4', make: { kind: 'clip', clip: 'classroom.mp4' } },
      materials('作品/探究浮力的大小/相关材料.zip'),
    ] as DemoFile[],
    checklist: checklist('citations'),
  },
  {
    key: 'w5',
    category: 'platform-case',
    stage: 'junior',
    variant: 'school',
    title: '国家平台助力双师课堂',
    subject: '',
    grade: '',
    share: true,
    authors: [
      author('陈静', '沈阳市第一二六中学', '13800000005', 'chenjing@example.cn'),
      author('吴磊', '沈阳市第一二六中学'),
    ],
    comment: comment('该案例'),
    fields: { 国家智慧教育平台应用场景说明: '依托国家中小学智慧教育平台开展双师课堂。' },
    scenes: ['教师授课', '双师课堂'],
    space: false,
    files: [
      ...scans('作品/双师课堂', '国家平台助力双师课堂'),
      { role: 'feature-video', path: '作品/双师课堂/专题片.mp4', make: { kind: 'clip', clip: 'feature.mp4' } },
      { role: 'raw-video', path: '作品/双师课堂/专题片-工作版.mp4', make: { kind: 'clip', clip: 'feature.mp4' } },
      {
        role: 'script',
        path: '作品/双师课堂/文字脚本.docx',
        make: { kind: 'docx', title: '专题片文字脚本', lines: ['片头：国家平台助力双师课堂', '解说：……'] },
      },
      { role: 'board-main', path: '作品/双师课堂/主展板.pdf', make: { kind: 'board-pdf' } },
      { role: 'board-main-source', path: '作品/双师课堂/主展板.psd', make: { kind: 'psd' } },
      { role: 'board-extra', path: '作品/双师课堂/特色展板1.jpg', make: { kind: 'jpeg', colour: '#2a5caa' } },
      { role: 'board-extra', path: '作品/双师课堂/特色展板2.jpg', make: { kind: 'jpeg', colour: '#c0392b' } },
      scan('support', '作品/双师课堂/获奖证书.pdf', '获奖证书'),
    ] as DemoFile[],
    checklist: checklist('feature-opening', 'feature-sound', 'board-layout', 'citations'),
  },
  {
    key: 'w6',
    category: 'ai-case',
    stage: 'senior',
    variant: null,
    title: 'AI 助教赋能高中英语写作',
    subject: '',
    grade: '',
    share: true,
    authors: [author('郑洁', '沈阳市第二十中学', '13800000006', 'zhengjie@example.cn')],
    comment: comment('该案例'),
    fields: { 案例使用的基础大模型: '文心一言', 案例简介: '以大模型批改与反馈支持英语写作教学。' },
    scenes: ['智能助教'],
    space: false,
    files: [
      ...scans('作品/AI助教', 'AI 助教赋能高中英语写作'),
      { role: 'feature-video', path: '作品/AI助教/专题片.mp4', make: { kind: 'clip', clip: 'feature.mp4' } },
      { role: 'raw-video', path: '作品/AI助教/工作版.mp4', make: { kind: 'clip', clip: 'feature.mp4' } },
      { role: 'script', path: '作品/AI助教/脚本.docx', make: { kind: 'docx', title: '专题片文字脚本', lines: ['……'] } },
      { role: 'board-main', path: '作品/AI助教/主展板.pdf', make: { kind: 'board-pdf' } },
      { role: 'board-extra', path: '作品/AI助教/展板1.jpg', make: { kind: 'jpeg', colour: '#16a085' } },
      { role: 'board-extra', path: '作品/AI助教/展板2.jpg', make: { kind: 'jpeg', colour: '#8e44ad' } },
    ] as DemoFile[],
    checklist: checklist('feature-opening', 'feature-sound', 'board-layout', 'pdf-board', 'citations'),
  },
];
