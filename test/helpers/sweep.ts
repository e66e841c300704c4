// The forms' sweep: every form and variant with its fields at 0, 30, 60 and 100 % of their limits, 1 to 5 authors
// (names that must never break: 诸葛明远, 令狐晓峰, 阿依古丽·买买提), comments of 100 to 3,000 字 and batches of 1 to 30
// works — the cases where a seal, a signature or a pledge used to land on a page of its own. And the check that
// finds such a page in what pdftotext reads back.
import type { Catalog, Work } from '../../src/shared/model.js';
import type { Profile } from '../../src/shared/rules/profile.js';
import { limitUnit, LONG_TITLE, LONG_UNIT } from './limits.js';
import { squash, type PdfPage } from './pdf-read.js';

export const FILLS = [0, 0.3, 0.6, 1];
export const NAMES = ['诸葛明远', '令狐晓峰', '阿依古丽·买买提', '欧阳晓明', '司马相如'];
/** Latin words the fields carry: printed whole on one line (a word processor may break after a hyphen). */
export const WORDS = ['Deepseek', 'V4.0', 'DeepSeek', 'V3.2'];
const PROSE =
  '本案例基于Deepseek V4.0与DeepSeek-V3.2-Exp开展教学实践，学生提出问题！？教师引导【探究】并反思，形成“教、学、评”一体的课堂。';

/** Text of `n` 字 with the Latin words in it, in up to `paragraphs` paragraphs (broken after a 。, never in a word). */
export function prose(n: number, paragraphs = 3): string {
  if (n <= 0) return '';
  const text = Array.from(PROSE.repeat(Math.ceil(n / PROSE.length) + 1))
    .slice(0, n)
    .join('');
  const per = Math.ceil(n / paragraphs);
  const out: string[] = [];
  let rest = text;
  while (rest.length > per) {
    const at = rest.indexOf('。', per - 20);
    if (at < 0 || at >= rest.length - 1) break;
    out.push(rest.slice(0, at + 1));
    rest = rest.slice(at + 1);
  }
  out.push(rest);
  return out.join('\n');
}

const scaled = (s: string, fill: number) =>
  Array.from(s)
    .slice(0, Math.max(fill > 0 ? 2 : 0, Math.round(Array.from(s).length * fill)))
    .join('');

/** A work of `category` (and `variant`) with every field at `fill` of its limit and `authors` authors. */
export function sweepWork(
  profile: Profile,
  id: number,
  category: Work['category'],
  variant: string | null,
  fill: number,
  authors: number,
): Work {
  const spec = profile.categories[category];
  const fields: Record<string, string> = {};
  for (const f of spec.fields) fields[f.key] = prose(Math.round((f.limit ?? 300) * fill));
  return {
    id,
    key: `s${id}`,
    position: id,
    category,
    stage:
      category === 'courseware' || category === 'microlecture' || category === 'teaching-case' ? 'primary' : 'primary',
    variant,
    title: scaled(LONG_TITLE, Math.max(fill, 0.1)) || '小小的船',
    subject: scaled('信息科技(人工智能与编程)', Math.max(fill, 0.2)),
    grade: '七年级',
    share: true,
    comment: prose(Math.max(100, Math.round(1000 * fill))),
    space: false,
    authors: Array.from({ length: authors }, (_, i) => ({
      personId: id * 10 + i,
      name: NAMES[i % NAMES.length]!,
      unit: scaled(LONG_UNIT, Math.max(fill, 0.3)),
      mobile: `1381234${String(id * 10 + i).padStart(4, '0')}`,
      phone: '024-22345678',
      email: 'teacher@school.example.edu.cn',
    })),
    fields,
    scenes: spec.scenes ? profile.scenes[spec.scenes].slice(0, 2) : [],
    checklist: {},
    files: [],
  } as unknown as Work;
}

/** Every category × variant × fill × author count (1, 3, 5 within the variant's limit). */
export function registrationSweep(profile: Profile): { name: string; work: Work }[] {
  const out: { name: string; work: Work }[] = [];
  let id = 1;
  for (const [category, spec] of Object.entries(profile.categories)) {
    for (const v of spec.variants ?? [null]) {
      const max = v?.maxAuthors ?? spec.maxAuthors;
      for (const fill of FILLS) {
        for (const n of [...new Set([1, 3, 5].map((k) => Math.min(k, max)))]) {
          out.push({
            name: `${category}${v ? `-${v.id}` : ''} ${Math.round(fill * 100)}% ${n}人`,
            work: sweepWork(profile, id, category as Work['category'], v?.id ?? null, fill, n),
          });
          id += 1;
        }
      }
    }
  }
  return out;
}

/** A batch of `n` micro-lectures whose rows are long (a 39-字 title, 3 authors, a 31-字 unit) or short. */
export function batch(profile: Profile, n: number, long: boolean): Catalog {
  const works = Array.from({ length: n }, (_, i) => {
    const w = sweepWork(profile, i + 1, 'microlecture', null, long ? 1 : 0.3, long ? 3 : 1);
    return {
      ...w,
      title: long ? LONG_TITLE.slice(0, 39) : w.title,
      authors: w.authors.map((a) => ({ ...a, unit: long ? LONG_UNIT.slice(0, 31) : a.unit })),
    };
  });
  return { unit: limitUnit(), works };
}

/**
 * The page's text once what only certifies is taken away: seals, signature labels, the pledge, dates, 备注, the
 * title block, a repeated header, the page number. A page left with nothing held only that.
 */
export function substance(page: PdfPage, strip: string[]): string {
  const footer = page.height - 2 * (72 / 2.54);
  let text = squash(
    page.words
      .filter((w) => w.y0 <= footer)
      .map((w) => w.text)
      .join(''),
  );
  for (const s of [...strip]
    .map(squash)
    .filter(Boolean)
    .sort((a, b) => b.length - a.length))
    text = text.split(s).join('');
  return text.replace(/[年月日：:()（）续]/g, '');
}

const count = (text: string, w: string) => text.split(w).length - 1;

/** The names and Latin words printed across a line break: more of them in the text read on than within its lines. */
export function brokenWords(pages: PdfPage[], names: string[]): string[] {
  const lines = pages.flatMap((p) => p.lines.map((l) => squash(l.text)));
  const all = lines.join('');
  return [...new Set([...names, ...WORDS].map(squash))].filter(
    (w) => count(all, w) > lines.reduce((a, l) => a + count(l, w), 0),
  );
}
