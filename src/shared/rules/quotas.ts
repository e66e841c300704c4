// quota.*: how many works of each kind one organizing unit may send. quotaUsage is what both the rule and the
// window's meters count, so the meter and the finding cannot disagree.
import type { Catalog, Finding, Work } from '../model.js';
import { batchFinding, type RuleInput } from './finding.js';
import type { Profile, QuotaKey } from './profile.js';
import type { RuleId } from './rule-ids.js';
import type { RuleDescriptor } from './descriptor.js';

/** Each quota's name in a finding and on a meter. */
export const QUOTA_NAMES: Record<QuotaKey, { name: string; short: string }> = {
  teaching: { name: '信息化创新教育教学(课件、微课、教学/课程案例)', short: '教学类' },
  management: { name: '融合创新管理案例', short: '管理案例' },
  platform: { name: '国家智慧教育平台应用案例', short: '平台案例' },
  ai: { name: '“人工智能+”教育案例', short: '人工智能+' },
};

/** Each quota's rule id, spelled out (so that an id greps to its code). */
const QUOTA_RULES = {
  teaching: 'quota.teaching',
  management: 'quota.management',
  platform: 'quota.platform',
  ai: 'quota.ai',
} as const satisfies Record<QuotaKey, RuleId>;

const QUOTA_KEYS: QuotaKey[] = ['teaching', 'management', 'platform', 'ai'];

/** One counted quota: works of a kind (or their 中职 part) against the unit kind's limit. */
export interface QuotaUse {
  rule: RuleId;
  key: QuotaKey;
  vocational: boolean;
  /** In a finding. */
  name: string;
  /** On a meter. */
  short: string;
  count: number;
  limit: number;
}

/** Every quota the unit's kind has, counted over the catalog's works; [] before the unit is known. */
export function quotaUsage(profile: Profile, catalog: Pick<Catalog, 'unit' | 'works'>): QuotaUse[] {
  const unit = catalog.unit;
  if (!unit) return [];
  const limits = profile.quotas[unit.kind];
  const byKey = new Map<QuotaKey, Work[]>();
  for (const work of catalog.works) {
    const key = profile.categories[work.category].quota;
    byKey.set(key, [...(byKey.get(key) ?? []), work]);
  }
  const out: QuotaUse[] = [];
  for (const key of QUOTA_KEYS) {
    const works = byKey.get(key) ?? [];
    const limit = limits[key];
    // The combined reading (default) counts the three teaching categories together; the other, each alone.
    const groups =
      key === 'teaching' && !profile.combinedTeachingQuota
        ? [...new Set(works.map((w) => w.category))].map((c) => ({
            name: profile.categories[c].name,
            short: profile.categories[c].name,
            works: works.filter((w) => w.category === c),
          }))
        : [{ ...QUOTA_NAMES[key], works }];
    for (const g of groups)
      out.push({
        rule: QUOTA_RULES[key],
        key,
        vocational: false,
        name: g.name,
        short: g.short,
        count: g.works.length,
        limit,
      });
    const vocationalLimit = limits.vocational[key];
    if (vocationalLimit !== undefined) {
      out.push({
        rule: 'quota.vocational',
        key,
        vocational: true,
        name: `${QUOTA_NAMES[key].name}中的中职作品`,
        short: `${QUOTA_NAMES[key].short}中职`,
        count: works.filter((w) => w.stage === 'vocational').length,
        limit: vocationalLimit,
      });
    }
  }
  return out;
}

export function quotaRules({ profile, catalog }: RuleInput): Finding[] {
  const unit = catalog.unit;
  if (!unit) return [];
  const kindName = profile.unitKinds[unit.kind];
  return quotaUsage(profile, catalog)
    .filter((q) => q.count > q.limit)
    .map((q) =>
      batchFinding(
        profile,
        q.rule,
        q.vocational
          ? `${q.name}：限报 ${q.limit} 件，现有 ${q.count} 件`
          : `${q.name}：${kindName}限报 ${q.limit} 件，现有 ${q.count} 件`,
        {
          expected: `≤ ${q.limit} 件`,
          actual: `${q.count} 件`,
        },
      ),
    );
}

/** The quota rules: what each is (src/shared/rules/descriptor.ts). */
export const QUOTA_DESCRIPTORS = {
  'quota.teaching': {
    severity: 'error',
    checks: 'more 课件/微课/教学案例/课程案例 works than the unit kind may send',
    source: '通知 四.4 (限额表)',
    threshold: () => 'per unit kind (Quotas below)',
    focus: 'works',
  },
  'quota.management': {
    severity: 'error',
    checks: 'more management cases than the unit kind may send',
    source: '通知 四.4 (限额表)',
    threshold: () => 'per unit kind (Quotas below)',
    focus: 'works',
  },
  'quota.platform': {
    severity: 'error',
    checks: 'more platform cases than the unit kind may send',
    source: '通知 四.4 (限额表)',
    threshold: () => 'per unit kind (Quotas below)',
    focus: 'works',
  },
  'quota.ai': {
    severity: 'error',
    checks: 'more "AI+" cases than the unit kind may send',
    source: '通知 四.4 (限额表)',
    threshold: () => 'per unit kind (Quotas below)',
    focus: 'works',
  },
  'quota.vocational': {
    severity: 'error',
    checks: 'more 中职 works in one quota than its 中职 sub-limit',
    source: '通知 四.4 (限额表)',
    threshold: () => 'per unit kind (Quotas below)',
    focus: 'works',
  },
} as const satisfies Record<string, RuleDescriptor>;
