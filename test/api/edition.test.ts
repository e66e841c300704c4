// The edition is data: a second profile (test-only, registered here) with other quotas, limits, a severity and a
// renamed folder runs the whole pipeline — import, check, export plan and forms — with no code change. The same
// batch under the 29th edition is the control: what differs is only what the profile says.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localClient } from '../../src/main/api/dispatch.js';
import { closeSession, createSession } from '../../src/main/api/handlers.js';
import type { Finding } from '../../src/shared/model.js';
import type { Profile } from '../../src/shared/rules/profile.js';
import { quotaUsage } from '../../src/shared/rules/quotas.js';
import { editions, registerProfile, requireProfile } from '../../src/shared/rules/registry.js';
import { microlecture, validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';

const base = requireProfile('liaoning-29');
const other: Profile = {
  ...base,
  edition: 'test-edition',
  name: '测试届次',
  quotas: { ...base.quotas, 'city-major': { ...base.quotas['city-major'], teaching: 1 } },
  limits: {
    ...base.limits,
    video: { ...base.limits.video, lectureMinWidth: 1920, lectureMinHeight: 1080, lectureMaxS: 6 },
  },
  severities: { ...base.severities, 'video.duration': 'error' },
  categories: { ...base.categories, microlecture: { ...base.categories.microlecture, folder: '二 微课作品' } },
  mailSubject: '{unit}：{group}(测试)',
};
registerProfile(other);

async function pipeline(edition: string) {
  const dir = tempDir();
  const session = createSession();
  const api = localClient(session);
  const batch = { ...validBatch([microlecture('w1', '张强'), microlecture('w2', '王芳')]), edition };
  expect(await api.call('catalog.open', { path: join(dir, 'catalog.sqlite'), create: true })).toMatchObject({
    ok: true,
  });
  const imported = await api.call('batch.import', { path: await writeBatch(join(dir, 'in'), batch) });
  expect(imported).toMatchObject({ ok: true, value: { works: 2 } });
  const profile = await api.call('catalog.profile', {});
  const report = await api.call('check.run', {});
  const out = join(dir, '导出');
  const exported = await api.call('export.run', { out, allowErrors: true });
  closeSession(session);
  if (!profile.ok || !report.ok || !exported.ok)
    throw new Error(JSON.stringify([profile, report, exported]).slice(0, 2000));
  return { profile: profile.value, report: report.value, out, exported: exported.value };
}

const rules = (findings: Finding[]) => findings.map((f) => `${f.rule}:${f.severity}`);

describe('a second edition, registered as data', () => {
  it('is known to the registry and to the batch schema', () => {
    expect(editions()).toEqual(['liaoning-29', 'test-edition']);
  });

  it('runs import, check, export plan and forms by its own profile', async () => {
    const [mine, control] = await Promise.all([pipeline('test-edition'), pipeline('liaoning-29')]);
    // The catalog names its edition; the API hands its profile to the window.
    expect(mine.profile.edition).toBe('test-edition');
    expect(mine.report.edition).toBe('test-edition');
    expect(control.profile.edition).toBe('liaoning-29');
    // Quotas, limits and severities are the profile's.
    const quota = mine.report.findings.find((f) => f.rule === 'quota.teaching');
    expect(quota).toMatchObject({ severity: 'error', expected: '≤ 1 件', actual: '2 件' });
    expect(rules(mine.report.findings)).toContain('video.resolution:error');
    expect(rules(mine.report.findings)).toContain('video.duration:error');
    expect(mine.report.findings.find((f) => f.rule === 'video.resolution')!.message).toContain('应为 1920×1080 以上');
    for (const id of ['quota.teaching', 'video.resolution', 'video.duration'])
      expect(rules(control.report.findings).join()).not.toContain(id);
    // The meter counts what the rule counts.
    expect(
      quotaUsage(mine.profile, {
        unit: { kind: 'city-major' } as never,
        works: [{ category: 'microlecture' }, { category: 'microlecture' }] as never,
      })[0],
    ).toMatchObject({ count: 2, limit: 1 });
    // The export plan's folders and the forms follow the profile.
    expect(readdirSync(mine.out)).toContain('二 微课作品');
    expect(readdirSync(control.out)).toContain('2微课');
    const work = join(mine.out, '二 微课作品', '1-张强-小小的船w1');
    expect(existsSync(join(work, '作品登记表.docx'))).toBe(true);
    expect(existsSync(join(mine.out, '作品汇总表.xlsx'))).toBe(true);
    expect(mine.exported.errors).toBeGreaterThan(0);
  }, 120_000);

  it('a profile is plain data: it crosses the API to the window as JSON unchanged', () => {
    for (const edition of editions()) {
      const profile = requireProfile(edition);
      expect(JSON.parse(JSON.stringify(profile))).toEqual(profile);
    }
  });

  it('a catalog of an edition this version does not know is said plainly', async () => {
    expect(() => requireProfile('liaoning-31')).toThrow(/不认识的届次 liaoning-31/);
  });
});
