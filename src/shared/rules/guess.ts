// Guessing a file's role in a work from its name, its real type and (where known) its probe. Used when a file
// is added without a role (the window) and by intake; the user can always change it.
import type { ContentKind, Role, WorkRole } from '../model.js';
import type { CategorySpec } from './profile.js';
import { baseName } from '../text.js';
import { KIND_NAMES } from '../kinds.js';

export type Confidence = 'high' | 'medium' | 'low';

export interface RoleGuess {
  role: WorkRole | null;
  confidence: Confidence;
  /** Chinese, for the user: why this role. */
  reason: string;
}

/** Name keywords, most specific first. A keyword only counts for a role the category has. */
const KEYWORDS: [RegExp, WorkRole | WorkRole[]][] = [
  // The AI case's form is its 申报书 ("同登记表").
  [/登记表|申报书/, 'registration-scan'],
  [/推荐(意见|表)?/, 'recommendation-scan'],
  // 工作版: "无字幕、无包装、无配乐版原视频" (notice, 附件 2).
  [/工作版|原始版|原视频|无字幕|无包装|无配乐|未剪辑|素材视频/, 'raw-video'],
  [/专题片/, 'feature-video'],
  [/脚本|解说词|文稿/, 'script'],
  [/源文件/, 'board-main-source'],
  [/主展板/, 'board-main'],
  [/展板/, 'board-extra'],
  [/空间.*(说明|网址|访问)|访问说明/, 'space-guide'],
  [/空间/, 'space-ppt'],
  [/设计说明|设计方案|教学设计/, 'design-doc'],
  [/演示/, 'demo-video'],
  [/录像|实录|课堂视频|活动视频/, 'class-video'],
  [/案例视频/, 'case-video'],
  [/(案例|展示).*(ppt|演示文稿)|ppt.*展示|汇报/i, 'case-ppt'],
  [/案例(说明|介绍|文档|文本)?/, 'case-doc'],
  [/佐证|支撑|证书|证明|获奖|报道|证据/, ['support', 'evidence']],
  [/相关材料|学习指导|练习|配套|学习资源|素材|学案/, 'materials'],
  [/微课/, 'lecture-video'],
  [/课件/, 'courseware'],
];

/** Which roles a file of this kind can be (RoleSpec formats, as kinds). */
function fits(kind: ContentKind | undefined, formats: string[], ext: string): boolean {
  if (!kind || formats.includes('any')) return true;
  const asFormat: Partial<Record<ContentKind, string>> = {
    mp4: 'mp4',
    pdf: 'pdf',
    zip: 'zip',
    docx: 'word',
    doc: 'word',
    pptx: 'ppt',
    ppt: 'ppt',
    jpg: 'jpg',
    png: 'png',
    tiff: 'tiff',
    psd: 'psd',
    postscript: 'ai',
    text: 'txt',
  };
  const f = asFormat[kind];
  return (f !== undefined && formats.includes(f)) || (kind === 'pdf' && ext === '.ai' && formats.includes('ai'));
}

/**
 * A role for one file of a work of this category. `taken` lists roles already filled (a single-file role that
 * is taken is not guessed again unless the name says so).
 */
export function guessRole(spec: CategorySpec, path: string, kind?: ContentKind, taken: Role[] = []): RoleGuess {
  const name = baseName(path);
  const ext = (name.match(/\.[^.]+$/)?.[0] ?? '').toLowerCase();
  const roles = new Map(spec.roles.map((r) => [r.role as WorkRole, r]));
  const stem = name.slice(0, name.length - ext.length);
  for (const [pattern, wanted] of KEYWORDS) {
    const role = (Array.isArray(wanted) ? wanted : [wanted]).find((x) => roles.has(x));
    const r = role ? roles.get(role) : undefined;
    if (!role || !r || !pattern.test(stem)) continue;
    if (!fits(kind, r.formats, ext)) continue;
    return { role, confidence: 'high', reason: `文件名含“${stem.match(pattern)![0]}”` };
  }
  // By type: the one role of the category this kind of file can be, preferring a role not yet filled.
  const open = (r: { role: string; max: number | null }) =>
    r.max === null || taken.filter((t) => t === r.role).length < r.max;
  const candidates = spec.roles.filter(
    (r) =>
      r.role !== 'registration-scan' &&
      r.role !== 'recommendation-scan' &&
      !r.formats.includes('any') &&
      fits(kind, r.formats, ext),
  );
  const free = candidates.filter(open);
  const pick = free[0] ?? candidates[0];
  if (kind && pick) {
    const what = KIND_NAMES[kind];
    return {
      role: pick.role as WorkRole,
      confidence: candidates.length === 1 ? 'medium' : 'low',
      reason: candidates.length === 1 ? `${what}只能是“${pick.label}”` : `${what}，按类型推测`,
    };
  }
  const any = spec.roles.find((r) => r.formats.includes('any') && open(r));
  if (any) return { role: any.role as WorkRole, confidence: 'low', reason: '按类别推测' };
  return { role: null, confidence: 'low', reason: '无法判断用途' };
}
