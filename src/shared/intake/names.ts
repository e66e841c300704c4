// Reading what people type into folder names and summary tables: 序号-作者-作品名, categories, grades, authors.
// Pure: the intake service (src/main/intake) and its tests use these.
import type { CategoryId, Stage } from '../model.js';
import type { Profile } from '../rules/profile.js';
import { fold } from '../text.js';

export type Confidence = 'high' | 'medium' | 'low';

/** A value the intake guessed, with how sure it is and why (Chinese, for the user). */
export interface Guessed<T> {
  value: T;
  confidence: Confidence;
  reason: string;
}

/** The usual stage of a category's works, when nothing says (a new work in the window, a folder without a row). */
export const DEFAULT_STAGE: Record<CategoryId, Stage> = {
  courseware: 'primary',
  microlecture: 'primary',
  'teaching-case': 'junior',
  'course-case': 'vocational',
  'management-case': 'junior',
  'platform-case': 'junior',
  'ai-case': 'senior',
};

const SEPARATORS = /\s*[-－—–_＿]\s*/;

/** Full-width folded, 《》 and quotes dropped, spaces and punctuation removed, lower case: for comparing titles. */
export function titleKey(text: string): string {
  return fold(text.normalize('NFKC'))
    .replace(/[《》〈〉「」『』“”"'‘’]/g, '')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

/** A list of authors as typed: 张强、李明 / 张强,李明 / 张强，李明 / 张强 李明 / 张强;李明. */
export function splitAuthors(text: string): string[] {
  return fold(text.normalize('NFKC'))
    .split(/\s*[、,，;；/／|]\s*|\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A person's name: 2–4 Han characters (with an optional middle dot), or a short Latin name. */
export function looksLikeName(text: string): boolean {
  return /^[\u4e00-\u9fff][\u4e00-\u9fff·]{1,5}$/.test(text) || /^[A-Za-z][A-Za-z .]{1,30}$/.test(text);
}

export interface FolderName {
  order: number | null;
  authors: string[];
  title: string;
  /** A district or school named before the author (`和平区-张强-…`, `第一小学-张强-…`): the authors' unit at best. */
  place?: string;
}

/** A district, a school or an office: not a person, even when it is three Han characters (`和平区`, `实验小学`). */
export function looksLikePlace(text: string): boolean {
  return (
    /(省|市|区|县|旗|镇|乡|街道|学校|小学|中学|高中|初中|学院|大学|幼儿园|中心|教育局|分校|校区|附小|附中|一小|二小|三小|[一二三四五六七八九十\d]+中)$/.test(
      text,
    ) || /学校|中学|小学/.test(text)
  );
}

/** A category label a school puts before the author (`课件-张强-…`, `平台案例-周敏-…`, `AI案例`). */
function looksLikeLabel(text: string): boolean {
  return categoryOfText(text) !== null || /^(作品|案例|参赛作品|报送作品)$/.test(text);
}

const isAuthor = (text: string) => looksLikeName(text) && !looksLikePlace(text) && !looksLikeLabel(text);

/** The hundred commonest surnames: with a 2–3 character length, what tells `张强` from a title like `小小的船`. */
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
]);
/** How much a part looks like a list of people's names rather than a title. */
function nameScore(text: string): number {
  const names = splitAuthors(text);
  if (!names.length || !names.every(isAuthor)) return 0;
  return Math.min(...names.map((n) => (n.length <= 3 ? 2 : 1) + (SURNAMES.has(n[0]!) ? 2 : 0)));
}

/** 最终版, 定稿, 副本, (1)… after a title: how the file was kept, not what the work is called. */
const VERSION_TAIL =
  /(?:[\s\-_－—–]*(?:[(（](?:最终版|最终稿|终版|定稿|修改版|修订版|正式版|副本|\d{1,2})[)）]|最终版|最终稿|终版|定稿|修改版|修订版|正式版|副本))+$/;

function stripVersion(title: string): string {
  const stripped = title.replace(VERSION_TAIL, '').trim();
  return stripped || title;
}

/**
 * `1-张强-小小的船`, `张强-小小的船`, `1-张强、李明-小小的船`, `小小的船(张强)`, `小小的船`, `张强 小小的船`,
 * `和平区-张强-小小的船`, `课件-张强-函数`, `小小的船-张强`. The title keeps any separators of its own
 * (`1-张强-函数-性质` → title `函数-性质`), without a trailing 最终版/副本/(1).
 */
export function parseFolderName(name: string): FolderName {
  let rest = fold(name.normalize('NFKC'));
  let order: number | null = null;
  const num = /^(\d{1,4})\s*(?:[-－—–_＿.、．]\s*|\s+)/.exec(rest);
  if (num) {
    order = Number(num[1]);
    rest = rest.slice(num[0].length);
  }
  const done = (authors: string[], title: string, place?: string): FolderName => ({
    order,
    authors,
    title: stripVersion(title),
    ...(place ? { place } : {}),
  });
  let parts = rest.split(SEPARATORS);
  // `张强 小小的船`: a space is the separator when nothing else is and the first word is a name.
  if (parts.length === 1) {
    const m = /^(\S+)\s+(.+)$/.exec(rest);
    if (m && splitAuthors(m[1]!).every(isAuthor)) parts = [m[1]!, m[2]!];
  }
  // Two parts that both could be names (`小小的船-张强`): the one that looks more like people is the author.
  if (parts.length === 2 && nameScore(parts[1]!) > nameScore(parts[0]!) && nameScore(parts[0]!) < 4)
    return done(splitAuthors(parts[1]!), parts[0]!);
  if (parts.length >= 2) {
    // 作者-作品名, possibly after labels of the folder's own (`AI案例-周敏-智慧课堂`) or a place (`和平区-张强-…`):
    // the first part made of names.
    for (let k = 0; k < parts.length - 1; k += 1) {
      const authors = splitAuthors(parts[k]!);
      if (authors.length > 0 && authors.every(isAuthor)) {
        const before = parts.slice(0, k).filter((p) => looksLikePlace(p));
        const title = parts.slice(k + 1).join('');
        // The title as written (its own separators kept): the text after the author part.
        let at = 0;
        for (let j = 0; j <= k; j += 1) at = rest.indexOf(parts[j]!, at) + parts[j]!.length;
        return done(authors, rest.slice(rest.indexOf(parts[k + 1]!, at)) || title, before[before.length - 1]);
      }
    }
    const last = splitAuthors(parts[parts.length - 1]!);
    if (last.length > 0 && last.every(isAuthor) && parts.length === 2) return done(last, parts[0]!);
  }
  const paren = /^(.*?)\s*[(（]([^()（）]+)[)）]$/.exec(rest);
  if (paren) {
    const authors = splitAuthors(paren[2]!);
    if (authors.length > 0 && authors.every(isAuthor)) return done(authors, paren[1]!);
  }
  return done([], rest);
}

/** The category a folder of the official tree stands for (`2微课`, `5.国家智慧教育平台应用案例`…). */
export function categoryOfFolder(profile: Profile, name: string): CategoryId | null {
  const key = titleKey(name);
  const hits = Object.values(profile.categories).filter((spec) =>
    [spec.folder, spec.folderHigher].some((f) => f && titleKey(f) === key),
  );
  // One folder can hold two categories (3融合创新应用教学案例 / 3信息化教学课程案例): the one it is named after first.
  return (hits.find((spec) => key.includes(titleKey(spec.name))) ?? hits[0])?.id ?? null;
}

/** 作品类别 as people write it: 微课 / 课件 / 融合创新应用教学案例 / 管理案例 / 平台案例 / 人工智能+ …; or any name with one. */
export function categoryOfText(text: string): CategoryId | null {
  const t = fold(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, '');
  if (/人工智能|(^|[^a-z])ai([^a-z]|$)/.test(t)) return 'ai-case';
  if (/智慧教育平台|平台应用|平台案例/.test(t)) return 'platform-case';
  if (/管理/.test(t)) return 'management-case';
  if (/课程案例|信息化教学课程/.test(t)) return 'course-case';
  if (/教学案例|融合创新应用|应用案例/.test(t)) return 'teaching-case';
  if (/微课/.test(t)) return 'microlecture';
  if (/课件/.test(t)) return 'courseware';
  return null;
}

const CN_NUM: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
};

/** The stage a 年级 (or 交流组别) implies: 一年级 → 小学, 八年级 → 初中, 高二 → 高中, 职业教育, 高等教育… */
export function stageOfGrade(text: string): Stage | null {
  const t = fold(text.normalize('NFKC'));
  if (!t) return null;
  if (/幼|学前/.test(t)) return 'kindergarten';
  if (/特殊|特教/.test(t)) return 'special';
  if (/中职|职业|职高|技工/.test(t)) return 'vocational';
  if (/高等|大学|本科|专科|高职|研究生/.test(t)) return 'higher';
  if (/^高[一二三]|高中/.test(t)) return 'senior';
  if (/初[一二三]|初中/.test(t)) return 'junior';
  if (/小学/.test(t)) return 'primary';
  const m = /^(\d{1,2}|十[一二]|[一二三四五六七八九十])\s*年级/.exec(t);
  if (m) {
    const n = /\d/.test(m[1]!) ? Number(m[1]) : CN_NUM[m[1]!]!;
    return n <= 6 ? 'primary' : n <= 9 ? 'junior' : 'senior';
  }
  return null;
}

/** Dice coefficient of character bigrams: 1 for equal keys, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const x = titleKey(a);
  const y = titleKey(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  if (x.includes(y) || y.includes(x)) return 0.85;
  const grams = (s: string) => {
    const m = new Map<string, number>();
    const chars = [...s];
    for (let i = 0; i < chars.length - 1; i += 1) {
      const g = chars[i]! + chars[i + 1]!;
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const gx = grams(x);
  const gy = grams(y);
  let common = 0;
  for (const [g, n] of gx) common += Math.min(n, gy.get(g) ?? 0);
  const total = [...gx.values()].reduce((a2, n) => a2 + n, 0) + [...gy.values()].reduce((a2, n) => a2 + n, 0);
  return total ? (2 * common) / total : 0;
}

export interface MatchCandidate {
  title: string;
  firstAuthor: string | null;
}

/**
 * Pairs summary rows with folders by title and first author, best pairs first; a pair needs a title similarity of
 * at least 0.6, and when both sides name a first author, the same one (two works may share a title).
 */
export function matchRows(
  rows: MatchCandidate[],
  folders: MatchCandidate[],
): { row: number; folder: number; score: number }[] {
  const pairs: { row: number; folder: number; score: number }[] = [];
  rows.forEach((r, i) =>
    folders.forEach((f, j) => {
      const t = similarity(r.title, f.title);
      if (t < 0.6) return;
      const ra = r.firstAuthor ? titleKey(r.firstAuthor) : null;
      const fa = f.firstAuthor ? titleKey(f.firstAuthor) : null;
      if (ra && fa && ra !== fa) return;
      pairs.push({ row: i, folder: j, score: t + (ra && fa ? 0.5 : 0) });
    }),
  );
  pairs.sort((a, b) => b.score - a.score || a.row - b.row || a.folder - b.folder);
  const rowsTaken = new Set<number>();
  const foldersTaken = new Set<number>();
  const out: typeof pairs = [];
  for (const p of pairs) {
    if (rowsTaken.has(p.row) || foldersTaken.has(p.folder)) continue;
    rowsTaken.add(p.row);
    foldersTaken.add(p.folder);
    out.push(p);
  }
  return out.sort((a, b) => a.row - b.row);
}
