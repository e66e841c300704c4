// certificate.*: the names the certificates will carry, checked for consistency across the catalog. The province
// prints certificates from 作品汇总表 as typed ("务必准确详实，如有错误后果自负"), so one teacher written two ways
// gets two spellings on paper. These findings point at the works to make agree; they never change a value.
import type { Finding, Work } from '../model.js';
import { fold } from '../text.js';
import { nameWork, workFinding, type RuleInput } from './finding.js';
import type { RuleDescriptor } from './descriptor.js';

/** A unit's identity: folded width, no white space, one kind of brackets. */
export function unitKey(unit: string): string {
  return fold(unit)
    .replace(/\s+/g, '')
    .replace(/[（【[]/g, '(')
    .replace(/[）】\]]/g, ')');
}
const nameKey = (name: string) =>
  fold(name)
    .replace(/\s+/g, '')
    .replace(/[·•・]/g, '·');
const mobileKey = (mobile: string) => fold(mobile).replace(/[\s-]/g, '');

/** Two names of the same length that differ in one character, or one inside the other (欧阳晓明/欧阳明). */
function lookAlike(a: string, b: string): boolean {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length === y.length) return x.filter((c, i) => c !== y[i]).length === 1;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  let i = 0;
  for (const c of long) if (c === short[i]) i += 1;
  return i === short.length && long.length - short.length === 1;
}

interface Use {
  work: Work;
  text: string;
}

/** Groups the uses by key and, where one key is written more than one way, says so on each work involved. */
function variants(uses: Map<string, Use[]>, say: (work: Work, mine: string, others: Use[]) => void): void {
  for (const list of uses.values()) {
    const spellings = new Set(list.map((u) => u.text));
    if (spellings.size < 2) continue;
    const works = new Set(list.map((u) => u.work));
    for (const work of works) {
      const mine = list.filter((u) => u.work === work);
      const others = list.filter((u) => u.work !== work && !mine.some((m) => m.text === u.text));
      for (const m of new Set(mine.map((u) => u.text))) {
        const elsewhere = others.length ? others : mine.filter((u) => u.text !== m);
        if (elsewhere.length) say(work, m, elsewhere);
      }
    }
  }
}

export function certificateRules({ profile, catalog }: RuleInput): Finding[] {
  const out = new Map<Work, { name: string[]; unit: string[] }>();
  const note = (work: Work, kind: 'name' | 'unit', text: string) => {
    const entry = out.get(work) ?? { name: [], unit: [] };
    if (!entry[kind].includes(text)) entry[kind].push(text);
    out.set(work, entry);
  };
  const where = (others: Use[], self: Work) =>
    [...new Set(others.map((u) => `${u.work === self ? '本作品' : nameWork(u.work)}中的“${u.text}”`))].join('、');
  // Names: by mobile (the same phone, two names), and by the name itself (the same letters, typed two ways).
  const byMobile = new Map<string, Use[]>();
  const byName = new Map<string, Use[]>();
  const byUnit = new Map<string, Use[]>();
  for (const work of catalog.works) {
    for (const [i, a] of work.authors.entries()) {
      // The mobile the summary carries is the first author's; others are often the contact's, copied.
      const mobile = mobileKey(a.mobile);
      if (i === 0 && /^1\d{10}$/.test(mobile) && a.name.trim())
        byMobile.set(mobile, [...(byMobile.get(mobile) ?? []), { work, text: a.name }]);
      if (a.name.trim()) byName.set(nameKey(a.name), [...(byName.get(nameKey(a.name)) ?? []), { work, text: a.name }]);
      if (a.unit.trim()) byUnit.set(unitKey(a.unit), [...(byUnit.get(unitKey(a.unit)) ?? []), { work, text: a.unit }]);
    }
  }
  variants(byMobile, (work, mine, others) => {
    // Two teachers may share an office phone: only names that look like one name spelt two ways (张三/张叁).
    const like = others.filter((o) => nameKey(o.text) !== nameKey(mine) && lookAlike(nameKey(o.text), nameKey(mine)));
    if (like.length) note(work, 'name', `第一作者手机号相同、姓名写法不一：本作品写作“${mine}”，${where(like, work)}`);
  });
  variants(byName, (work, mine, others) =>
    note(work, 'name', `姓名“${mine}”与${where(others, work)}写法不同(空格或全角字符)`),
  );
  variants(byUnit, (work, mine, others) => note(work, 'unit', `所在单位“${mine}”与${where(others, work)}写法不同`));
  const findings: Finding[] = [];
  for (const work of catalog.works) {
    const e = out.get(work);
    if (!e) continue;
    if (e.name.length)
      findings.push(
        workFinding(
          profile,
          'certificate.name-variant',
          work,
          `${e.name.join('；')}：证书按作品汇总表印制，请核对后统一为同一写法`,
        ),
      );
    if (e.unit.length)
      findings.push(
        workFinding(
          profile,
          'certificate.unit-variant',
          work,
          `${e.unit.join('；')}：证书按所填单位印制，请统一为单位公章上的全称`,
        ),
      );
  }
  return findings;
}

/** The certificate rules: what each is (src/shared/rules/descriptor.ts). */
export const CERTIFICATE_DESCRIPTORS = {
  'certificate.name-variant': {
    severity: 'warning',
    checks:
      "one person's name written two ways: the same mobile with two names, or a name that differs only in spaces or full-width letters",
    source: '附表1-5 注 8',
  },
  'certificate.unit-variant': {
    severity: 'warning',
    checks: 'one unit written two ways (spaces, full-width letters, （） against ()): a certificate prints it as typed',
    source: '附表1-5 注 8',
  },
} as const satisfies Record<string, RuleDescriptor>;
