import { describe, expect, it } from 'vitest';
import { CATEGORIES, WORK_ROLES } from '../../src/shared/model.js';
import { liaoning29 as profile } from '../../src/shared/rules/liaoning-29.js';
import { mailSubjectOf } from '../../src/shared/rules/profile.js';

describe('the liaoning-29 profile', () => {
  it('keeps the reference tree folder names as the notice spells them', () => {
    expect(CATEGORIES.map((c) => profile.categories[c].folder)).toEqual([
      '1课件',
      '2微课',
      '3融合创新应用教学案例',
      '3融合创新应用教学案例',
      '4.信息化创新管理案例',
      '5.国家智慧教育平台应用案例',
      '6“人工智能+教育”案例',
    ]);
  });

  it('names a file for every role and counts every role a category needs', () => {
    for (const role of WORK_ROLES) expect(profile.exportNames.files[role].name).toBeTruthy();
    for (const c of CATEGORIES) {
      const roles = profile.categories[c].roles.map((r) => r.role);
      expect(roles).toContain('registration-scan');
      expect(roles).toContain('recommendation-scan');
      expect(new Set(roles).size).toBe(roles.length);
    }
  });

  it('has the quota table of RULES.md §10', () => {
    expect(profile.quotas['city-major']).toMatchObject({
      teaching: 50,
      management: 5,
      platform: 10,
      ai: 10,
      vocational: { teaching: 5, platform: 3, ai: 3 },
    });
    expect(profile.quotas.city).toMatchObject({ teaching: 30, management: 5, platform: 8, ai: 8 });
    expect(profile.quotas.institute).toMatchObject({ teaching: 10, management: 3, platform: 3, ai: 3 });
    expect(profile.quotas.provincial).toMatchObject({ teaching: 3, management: 1, platform: 1, ai: 1 });
    expect(profile.quotas.university).toMatchObject({ teaching: 8, management: 2, platform: 2, ai: 2 });
  });

  it('gives every rule id exactly one severity, and the checklist items info', () => {
    for (const item of profile.checklist) expect(profile.severities[item.id]).toBe('info');
    expect(profile.severities['authors.count-conflict']).toBe('warning');
    expect(mailSubjectOf(profile, '辽宁大学', '高等学校组')).toBe(
      '辽宁大学-第二十九届教育教学信息化交流活动-高等学校组',
    );
  });

  it('has the scene labels exactly', () => {
    expect(profile.scenes.platform).toHaveLength(11);
    expect(profile.scenes.ai).toEqual(['智能助教', '智能助学', '智能助管', '智能助研', '智能助育', '其他创新场景']);
  });
});
