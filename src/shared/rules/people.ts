// authors.* and contact.*: author counts, who may lead or join how many works, and the contact's details.
import type { Finding, Work } from '../model.js';
import { fold, isBlank, personKey } from '../text.js';
import { matches } from './profile.js';
import { nameWork, workFinding, type RuleInput } from './finding.js';
import type { RuleDescriptor } from './descriptor.js';

export function authorCountRules({ profile, catalog }: RuleInput): Finding[] {
  const out: Finding[] = [];
  for (const work of catalog.works) {
    const spec = profile.categories[work.category];
    const variant = spec.variants?.find((v) => v.id === work.variant);
    const max = variant?.maxAuthors ?? spec.maxAuthors;
    const n = work.authors.length;
    const what = variant ? `${spec.name}(${variant.name})` : spec.name;
    if (n < 1 || n > max) {
      out.push(
        workFinding(
          profile,
          'authors.count',
          work,
          n < 1 ? '没有作者' : `${what}每件作品限报 ${max} 人，现有 ${n} 人`,
          {
            expected: `1–${max} 人`,
            actual: `${n} 人`,
          },
        ),
      );
    } else if (variant?.conflictAbove !== undefined && n > variant.conflictAbove) {
      out.push(
        workFinding(
          profile,
          'authors.count-conflict',
          work,
          `${what}：通知正文说限报 ${max} 人，登记表和汇总表说明却写限报 ${variant.conflictAbove} 人；现有 ${n} 人，建议向组委会确认`,
          { expected: `≤ ${variant.conflictAbove} 人(登记表)`, actual: `${n} 人` },
        ),
      );
    }
    const noUnit = work.authors.filter((a) => isBlank(a.unit));
    if (noUnit.length) {
      out.push(
        workFinding(
          profile,
          'authors.unit',
          work,
          `作者 ${noUnit.map((a) => a.name || '(无名)').join('、')} 没有填写所在单位(按单位公章填写全称)`,
        ),
      );
    }
  }
  return out;
}

interface Role {
  work: Work;
  first: boolean;
}

/** authors.first-unique, authors.max-two and authors.same-name, counted over the whole catalog. */
export function peopleRules({ profile, catalog }: RuleInput): Finding[] {
  const byPerson = new Map<string, { name: string; unit: string; roles: Role[] }>();
  for (const work of catalog.works) {
    work.authors.forEach((a, i) => {
      const key = personKey(a.name, a.unit);
      const entry = byPerson.get(key) ?? { name: fold(a.name), unit: fold(a.unit), roles: [] };
      // The same person twice in one work counts once for that work.
      if (!entry.roles.some((r) => r.work === work)) entry.roles.push({ work, first: i === 0 });
      byPerson.set(key, entry);
    });
  }
  const messages = new Map<string, Map<Work, string[]>>();
  const say = (rule: string, work: Work, text: string) => {
    const perWork = messages.get(rule) ?? new Map<Work, string[]>();
    perWork.set(work, [...(perWork.get(work) ?? []), text]);
    messages.set(rule, perWork);
  };
  for (const person of byPerson.values()) {
    const who = `${person.name}(${person.unit || '单位未填'})`;
    const leads = person.roles.filter((r) => r.first);
    if (leads.length > 0 && person.roles.length > 1) {
      for (const r of person.roles) {
        const others = person.roles.filter((o) => o !== r).map((o) => nameWork(o.work));
        say(
          'authors.first-unique',
          r.work,
          r.first
            ? `第一作者 ${who} 还出现在 ${others.join('、')} 中：第一作者限报 1 件作品，不可作为成员参与其他作品`
            : `${who} 是 ${leads.map((l) => nameWork(l.work)).join('、')} 的第一作者，不能再参与本作品`,
        );
      }
    } else if (leads.length === 0 && person.roles.length > 2) {
      for (const r of person.roles) {
        say(
          'authors.max-two',
          r.work,
          `${who} 参与了 ${person.roles.length} 件作品(${person.roles.map((o) => nameWork(o.work)).join('、')})：第二作者及以上人员最多参与 2 件`,
        );
      }
    }
  }
  // Same name, different unit, in different works: perhaps one person whose unit was typed two ways.
  const byName = new Map<string, { unit: string; work: Work }[]>();
  for (const person of byPerson.values()) {
    const name = person.name.replace(/ /g, '');
    for (const r of person.roles) byName.set(name, [...(byName.get(name) ?? []), { unit: person.unit, work: r.work }]);
  }
  for (const [name, uses] of byName) {
    const units = new Set(uses.map((u) => u.unit));
    const works = new Set(uses.map((u) => u.work));
    if (units.size < 2 || works.size < 2) continue;
    for (const work of works) {
      const elsewhere = uses.filter((u) => u.work !== work && !uses.some((v) => v.work === work && v.unit === u.unit));
      if (!elsewhere.length) continue;
      say(
        'authors.same-name',
        work,
        `${name} 在其他作品中的单位不同(${elsewhere.map((u) => `${nameWork(u.work)}：${u.unit || '未填'}`).join('；')})：如是同一人，请统一单位名称`,
      );
    }
  }
  const out: Finding[] = [];
  for (const work of catalog.works) {
    for (const rule of ['authors.first-unique', 'authors.max-two', 'authors.same-name'] as const) {
      const list = messages.get(rule)?.get(work);
      if (list) out.push(workFinding(profile, rule, work, list.join('；')));
    }
  }
  return out;
}

/** The contact of a work is its first author. */
export function contactRules({ profile, catalog }: RuleInput): Finding[] {
  const out: Finding[] = [];
  for (const work of catalog.works) {
    const contact = work.authors[0];
    if (!contact) continue;
    const mobile = fold(contact.mobile).replace(/[\s-]/g, '');
    const phone = fold(contact.phone).replace(/\s/g, '');
    const problems: string[] = [];
    if (!matches(profile.patterns.mobile, mobile))
      problems.push(mobile ? `手机号“${contact.mobile}”不是 11 位、以 1 开头的号码` : '没有填写手机号');
    if (phone && !matches(profile.patterns.landline, phone))
      problems.push(`固定电话“${contact.phone}”只能包含数字和“-”`);
    if (problems.length) {
      out.push(
        workFinding(profile, 'contact.phone', work, `联系人(第一作者)${contact.name}：${problems.join('；')}`, {
          expected: '手机 11 位数字，以 1 开头；固定电话为数字和“-”',
          actual: [contact.mobile, contact.phone].filter(Boolean).join(' / ') || '(空)',
        }),
      );
    }
    const email = fold(contact.email);
    if (!matches(profile.patterns.email, email)) {
      out.push(
        workFinding(
          profile,
          'contact.email',
          work,
          email
            ? `联系人(第一作者)${contact.name}的电子邮箱“${contact.email}”格式不对`
            : `联系人(第一作者)${contact.name}没有填写电子邮箱`,
          { expected: '如 name@example.cn', actual: contact.email || '(空)' },
        ),
      );
    }
  }
  return out;
}

/** The people rules: what each is (src/shared/rules/descriptor.ts). */
export const PEOPLE_DESCRIPTORS = {
  'authors.count': {
    severity: 'error',
    checks: 'more authors than the category (or variant) allows, or none',
    source: '附表1-5 注 3',
    threshold: () => 'per category (Categories below)',
    focus: 'authors',
  },
  'authors.count-conflict': {
    severity: 'warning',
    checks: 'a school platform case with more authors than the lower of the two limits the notice gives',
    source: '附表1-5 注 3 / 附表1-1',
    focus: 'authors',
  },
  'authors.first-unique': {
    severity: 'error',
    checks: 'a first author leads exactly one work and is a member of no other',
    source: '通知 四.1',
    focus: 'authors',
  },
  'authors.max-two': {
    severity: 'error',
    checks: 'a second or later author takes part in at most 2 works',
    source: '通知 四.1',
    focus: 'authors',
  },
  'authors.same-name': {
    severity: 'warning',
    checks: 'the same name with different units in two works: maybe one person',
    source: 'tool',
    focus: 'authors',
  },
  'authors.unit': {
    severity: 'error',
    checks: 'every author has a unit (the full name as on its seal)',
    source: '附表1-5 注 4',
    focus: 'authors',
  },
  'contact.phone': {
    severity: 'error',
    checks: "the contact's mobile (the first author's) is 11 digits starting with 1; a landline: digits and -",
    source: '附表1-1',
    threshold: (p) => `mobile \`${p.patterns.mobile}\`, landline \`${p.patterns.landline}\``,
    focus: 'authors',
  },
  'contact.email': {
    severity: 'error',
    checks: "the contact's e-mail is present and well formed",
    source: '附表1-1',
    threshold: (p) => `\`${p.patterns.email}\``,
    focus: 'authors',
    fromForm: { form: '作品登记表(附表1-1)', read: 'registrations' },
  },
} as const satisfies Record<string, RuleDescriptor>;
