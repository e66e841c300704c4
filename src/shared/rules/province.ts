// province.*: the rules that span units, for the province office that holds every unit's batch (issue 17). Each
// unit's own rules (people within the unit, quotas) run on that unit's catalog; these look across them:
// - province.first-author: a first author takes part in another work of another unit;
// - province.max-two: a member takes part in more than two works, counted over all units;
// - province.same-file: the same file content (size, then hash; 64 KiB and more) in works of two units;
// - province.same-work: the same title and first author in two units;
// - province.mobile-names: one mobile number given with two names.
// A person is (name, unit), as within a unit, and also (name, mobile) where a mobile is given: the same teacher in a
// city's batch and a university's may have her unit typed two ways, but not her mobile.
import type { FileRef, Finding, Unit, Work } from '../model.js';
import { fold, personKey } from '../text.js';
import { workFinding } from './finding.js';
import type { Profile } from './profile.js';
import type { RuleDescriptor } from './descriptor.js';

export interface ProvinceUnit {
  unit: Pick<Unit, 'name'>;
  works: Work[];
}

/** A finding of one unit's work: the unit it belongs to, as the office's return list needs it. */
export interface ProvinceFinding extends Finding {
  unit: string;
}

/**
 * Files smaller than this are not compared across units: a blank template or a one-page placeholder may well be
 * byte-identical in two units' batches; a work's video, courseware or scan is not.
 */
export const SAME_FILE_MIN_BYTES = 64 * 1024;

/** A file's content identity: its size, and its hash where one was computed (two files of one size only). */
export type ContentOf = (file: FileRef) => { size: number; hash?: string } | null;

interface Place {
  unit: string;
  work: Work;
}

const label = (p: Place) => `${p.unit}的${p.work.key ?? `id:${p.work.id}`}《${p.work.title}》`;
const digits = (mobile: string) => fold(mobile).replace(/[\s-]/g, '');

/** Union-find over string keys: the person keys that are one person. */
function unionFind() {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(k, root);
    return root;
  };
  return {
    find,
    union(a: string, b: string) {
      const [ra, rb] = [find(a), find(b)];
      if (ra !== rb) parent.set(rb, ra);
    },
  };
}

export function provinceRules(profile: Profile, units: ProvinceUnit[], contentOf?: ContentOf): ProvinceFinding[] {
  const messages = new Map<string, { place: Place; rule: Parameters<typeof workFinding>[1]; texts: string[] }>();
  const say = (rule: Parameters<typeof workFinding>[1], place: Place, text: string) => {
    const key = `${rule}\u0000${place.unit}\u0000${place.work.id}`;
    const entry = messages.get(key) ?? { place, rule, texts: [] };
    if (!entry.texts.includes(text)) entry.texts.push(text);
    messages.set(key, entry);
  };

  // People: one key per (name, unit), joined with (name, mobile) where a mobile is given.
  const people = unionFind();
  const roles: { key: string; name: string; place: Place; first: boolean }[] = [];
  for (const u of units) {
    for (const work of u.works) {
      work.authors.forEach((a, i) => {
        const key = personKey(a.name, a.unit);
        people.find(key);
        const mobile = digits(a.mobile);
        if (mobile) people.union(key, `${fold(a.name).replace(/ /g, '')}\u0000tel:${mobile}`);
        roles.push({ key, name: fold(a.name), place: { unit: u.unit.name, work }, first: i === 0 });
      });
    }
  }
  const byPerson = new Map<string, typeof roles>();
  for (const r of roles) {
    const root = people.find(r.key);
    const list = byPerson.get(root) ?? [];
    // The same person twice in one work counts once for that work.
    if (!list.some((o) => o.place.work === r.place.work && o.place.unit === r.place.unit)) list.push(r);
    byPerson.set(root, list);
  }
  for (const list of byPerson.values()) {
    const unitsOf = new Set(list.map((r) => r.place.unit));
    if (unitsOf.size < 2) continue; // within one unit: the unit's own authors.* rules say it
    const who = list[0]!.name;
    const leads = list.filter((r) => r.first);
    if (leads.length > 0 && list.length > 1) {
      for (const r of list) {
        const others = list.filter((o) => o !== r).map((o) => label(o.place));
        say(
          'province.first-author',
          r.place,
          r.first
            ? `第一作者 ${who} 还出现在 ${others.join('、')} 中：第一作者限报 1 件作品，不可作为成员参与其他作品(跨单位)`
            : `${who} 是 ${leads.map((l) => label(l.place)).join('、')} 的第一作者，不能再参与本作品(跨单位)`,
        );
      }
    } else if (leads.length === 0 && list.length > 2) {
      for (const r of list) {
        say(
          'province.max-two',
          r.place,
          `${who} 在各单位共参与了 ${list.length} 件作品(${list.map((o) => label(o.place)).join('、')})：第二作者及以上人员最多参与 2 件`,
        );
      }
    }
  }

  // One mobile, two names.
  const byMobile = new Map<string, { name: string; place: Place }[]>();
  for (const u of units) {
    for (const work of u.works) {
      for (const a of work.authors) {
        const mobile = digits(a.mobile);
        if (mobile)
          byMobile.set(mobile, [
            ...(byMobile.get(mobile) ?? []),
            { name: fold(a.name).replace(/ /g, ''), place: { unit: u.unit.name, work } },
          ]);
      }
    }
  }
  for (const [mobile, uses] of byMobile) {
    const names = [...new Set(uses.map((u) => u.name))];
    if (names.length < 2) continue;
    for (const use of uses) {
      const others = uses.filter((o) => o.name !== use.name).map((o) => `${label(o.place)}：${o.name}`);
      say(
        'province.mobile-names',
        use.place,
        `手机号 ${mobile} 在其他作品中对应另一个姓名(${[...new Set(others)].join('；')})：同一手机号应是同一人，请核对姓名`,
      );
    }
  }

  // The same work in two units: the same title and first author.
  const byWork = new Map<string, Place[]>();
  for (const u of units) {
    for (const work of u.works) {
      const first = work.authors[0];
      if (!first || !work.title.trim()) continue;
      const key = `${fold(work.title).replace(/ /g, '')}\u0000${fold(first.name).replace(/ /g, '')}`;
      byWork.set(key, [...(byWork.get(key) ?? []), { unit: u.unit.name, work }]);
    }
  }
  for (const places of byWork.values()) {
    if (new Set(places.map((p) => p.unit)).size < 2) continue;
    for (const p of places) {
      const others = places.filter((o) => o.unit !== p.unit).map(label);
      say(
        'province.same-work',
        p,
        `同名作品、同一第一作者也由其他单位报送(${others.join('、')})：一件作品只能由一个单位报送`,
      );
    }
  }

  // The same file content in two units: the size first, the hash where sizes meet.
  if (contentOf) {
    const bySize = new Map<number, { place: Place; file: FileRef; hash?: string }[]>();
    for (const u of units) {
      for (const work of u.works) {
        for (const file of work.files) {
          const c = contentOf(file);
          if (!c || c.size < SAME_FILE_MIN_BYTES) continue;
          bySize.set(c.size, [
            ...(bySize.get(c.size) ?? []),
            { place: { unit: u.unit.name, work }, file, hash: c.hash },
          ]);
        }
      }
    }
    for (const same of bySize.values()) {
      if (new Set(same.map((s) => s.place.unit)).size < 2) continue;
      const byHash = new Map<string, typeof same>();
      for (const s of same) if (s.hash) byHash.set(s.hash, [...(byHash.get(s.hash) ?? []), s]);
      for (const group of byHash.values()) {
        if (new Set(group.map((s) => s.place.unit)).size < 2) continue;
        for (const s of group) {
          const others = group
            .filter((o) => o.place.unit !== s.place.unit)
            .map((o) => `${label(o.place)}的 ${o.file.path}`);
          say(
            'province.same-file',
            s.place,
            `${s.file.path} 与 ${others.join('、')} 内容完全相同：同一文件由两个单位报送`,
          );
        }
      }
    }
  }

  const out: ProvinceFinding[] = [];
  for (const { place, rule, texts } of messages.values())
    out.push({ ...workFinding(profile, rule, place.work, texts.join('；')), unit: place.unit });
  return out;
}

/** Which file sizes meet in two units: the files whose hash is worth computing (every other one is unique). */
export function sizesToHash(units: ProvinceUnit[], sizeOf: (file: FileRef) => number | null): Set<number> {
  const seen = new Map<number, Set<string>>();
  for (const u of units) {
    for (const work of u.works) {
      for (const file of work.files) {
        const size = sizeOf(file);
        if (!size || size < SAME_FILE_MIN_BYTES) continue;
        seen.set(size, (seen.get(size) ?? new Set()).add(u.unit.name));
      }
    }
  }
  return new Set([...seen].filter(([, names]) => names.size > 1).map(([size]) => size));
}

/** The province rules: what each is (src/shared/rules/descriptor.ts). */
export const PROVINCE_DESCRIPTORS = {
  'province.first-author': {
    severity: 'error',
    checks: 'a first author takes part in another work of another unit (a person is name + unit, or name + mobile)',
    source: '通知 四.1, across units',
  },
  'province.max-two': {
    severity: 'error',
    checks: 'a member takes part in more than two works, counted over all units',
    source: '通知 四.1, across units',
  },
  'province.same-file': {
    severity: 'error',
    checks: 'the same file content (size, then SHA-256; files of 64 KiB and more) in works of two units',
    source: 'tool',
  },
  'province.same-work': {
    severity: 'warning',
    checks: 'the same title and first author in two units',
    source: 'tool',
  },
  'province.mobile-names': {
    severity: 'warning',
    checks: 'one mobile number given with two names',
    source: 'tool',
  },
} as const satisfies Record<string, RuleDescriptor>;
