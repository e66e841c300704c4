// docs/rules.md and docs/forms.md are generated (`npm run docs`); the committed files must be what the generator
// makes from the code as it is, so a reviewer reading them reads the rules the code runs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formsDoc, rulesDoc } from '../../src/main/docs/generate.js';
import { RULE_IDS } from '../../src/shared/rules/rule-ids.js';
import { requireProfile } from '../../src/shared/rules/registry.js';

const doc = (name: string) => readFileSync(fileURLToPath(new URL(`../../docs/${name}`, import.meta.url)), 'utf8');

describe('the generated documents', () => {
  const profile = requireProfile(null);

  it('docs/rules.md matches the generator (run `npm run docs` after changing a rule or the profile)', () => {
    expect(doc('rules.md')).toBe(rulesDoc(profile));
  });

  it('docs/forms.md matches the generator (run `npm run docs` after changing a form)', () => {
    expect(doc('forms.md')).toBe(formsDoc(profile));
  });

  it('lists every rule id with its severity, and every checklist item', () => {
    const text = rulesDoc(profile);
    for (const id of RULE_IDS) expect(text).toContain(`| \`${id}\` | ${profile.severities[id]} |`);
    for (const c of profile.checklist) expect(text).toContain(`\`${c.id}\``);
    expect(text).toContain('≥ 640×480');
    expect(text).toContain('178 × 78.5 cm');
  });

  it('every threshold docs/rules.md prints is read from the profile: change a number there and the line changes', () => {
    // Every number of the profile's limits, patterns, comment minimum and cloud drive, changed at once.
    const bump = (v: unknown): unknown =>
      typeof v === 'number'
        ? v * 2 + 1
        : Array.isArray(v)
          ? v.map(bump)
          : v && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bump(x)]))
            : v;
    const changed = {
      ...profile,
      limits: bump(profile.limits) as typeof profile.limits,
      cloudDrive: bump(profile.cloudDrive) as typeof profile.cloudDrive,
      commentMinChars: profile.commentMinChars + 7,
      patterns: { mobile: '^9\\d{3}$', landline: '^0[\\d-]+$', email: '^\\S+@x$' },
    };
    const line = (text: string, id: string) => text.split('\n').find((l) => l.startsWith(`| \`${id}\` |`))!;
    const before = rulesDoc(profile);
    const after = rulesDoc(changed);
    for (const id of RULE_IDS) {
      const threshold = line(before, id).split(' | ')[3]!;
      // A threshold with a number or a pattern in it is the profile's, and moves with it.
      if (/\d/.test(threshold)) expect([id, line(after, id)]).not.toEqual([id, line(before, id)]);
    }
    // The edit the issue names: the Excel path limit 218 → 200 changes docs/rules.md.
    const excel = { ...profile, limits: { ...profile.limits, target: { ...profile.limits.target, pathExcel: 200 } } };
    expect(line(rulesDoc(excel), 'target.path-excel')).toContain('≤ 200 characters');
    expect(rulesDoc(excel)).not.toBe(doc('rules.md'));
  });

  it("shows every form of the notice, with each category's registration fields", () => {
    const text = formsDoc(profile);
    for (const c of Object.values(profile.categories))
      for (const f of c.fields) if (f.formRow !== false) expect(text).toContain(f.key);
    for (const title of [
      '市级/校级推荐意见',
      '组织单位及联系人信息表',
      '云盘报送要求',
      '市级(校级)工作报告',
      '作品汇总表',
    ])
      expect(text).toContain(title);
  });
});
