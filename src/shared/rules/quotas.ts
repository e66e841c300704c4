// quota.*: how many works of each kind one organizing unit may send.
import type { Finding, Work } from '../model.js';
import { batchFinding, type RuleInput } from './finding.js';
import type { QuotaKey } from './profile.js';

const QUOTA_NAMES: Record<QuotaKey, string> = {
  teaching: '信息化创新教育教学(课件、微课、教学/课程案例)',
  management: '融合创新管理案例',
  platform: '国家智慧教育平台应用案例',
  ai: '“人工智能+”教育案例',
};

/** Each quota's rule id, spelled out (so that an id greps to its code). */
const QUOTA_RULES: Record<QuotaKey, string> = {
  teaching: 'quota.teaching',
  management: 'quota.management',
  platform: 'quota.platform',
  ai: 'quota.ai',
};

export function quotaRules({ profile, catalog }: RuleInput): Finding[] {
  const unit = catalog.unit;
  if (!unit) return [];
  const limits = profile.quotas[unit.kind];
  const kindName = profile.unitKinds[unit.kind];
  const out: Finding[] = [];
  const byKey = new Map<QuotaKey, Work[]>();
  for (const work of catalog.works) {
    const key = profile.categories[work.category].quota;
    byKey.set(key, [...(byKey.get(key) ?? []), work]);
  }
  for (const key of ['teaching', 'management', 'platform', 'ai'] as const) {
    const works = byKey.get(key) ?? [];
    const limit = limits[key];
    // The combined reading (default) counts the three teaching categories together; the other, each alone.
    const groups =
      key === 'teaching' && !profile.combinedTeachingQuota
        ? [...new Set(works.map((w) => w.category))].map((c) => ({
            name: profile.categories[c].name,
            works: works.filter((w) => w.category === c),
          }))
        : [{ name: QUOTA_NAMES[key], works }];
    for (const g of groups) {
      if (g.works.length > limit) {
        out.push(
          batchFinding(profile, QUOTA_RULES[key], `${g.name}：${kindName}限报 ${limit} 件，现有 ${g.works.length} 件`, {
            expected: `≤ ${limit} 件`,
            actual: `${g.works.length} 件`,
          }),
        );
      }
    }
    const vocationalLimit = limits.vocational[key];
    const vocational = works.filter((w) => w.stage === 'vocational').length;
    if (vocationalLimit !== undefined && vocational > vocationalLimit) {
      out.push(
        batchFinding(profile, 'quota.vocational', `${QUOTA_NAMES[key]}中的中职作品：限报 ${vocationalLimit} 件，现有 ${vocational} 件`, {
          expected: `≤ ${vocationalLimit} 件`,
          actual: `${vocational} 件`,
        }),
      );
    }
  }
  return out;
}
