// The forms' wording against the notice's own text (the clauses copied into test/fixtures/notice/ with their
// source). What the notice prints, the form prints: no item skipped, none shortened.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requireProfile } from '../../src/shared/rules/registry.js';

/** The notice's text as PDF extraction gives it: spaces inside lines and OCR's 口 for the checkbox □ undone. */
const notice = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/notice/${name}`, import.meta.url)), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.replace(/\s+/g, '').replace(/^口/, '□'));
const squash = (s: string) => s.replace(/\s+/g, '');

describe('附表1-7 工作报告要求', () => {
  it('carries every numbered item of the notice, in order, verbatim', () => {
    const t = requireProfile(null).formTexts;
    const lines = notice('report-requirements.txt');
    expect(lines[0]).toBe('市级(校级)工作报告要求');
    expect(t.reportRequirements.map(squash)).toEqual(lines.slice(1));
    // The report's sections are the notice's contents list, word for word.
    expect(t.reportHeadings.map((h) => `□${squash(h)}`)).toEqual(lines.filter((l) => l.startsWith('□')));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Every form's own wording: each phrase a form prints (labels, hints, options, limits, guidance, the pledge) is
// found in that form's clause of the notice; the few words that are the tool's own are listed with their reason.

import {
  cloudForm,
  recommendationForm,
  registrationForm,
  signLines,
  summaryForm,
  unitInfoForm,
  type FormDoc,
} from '../../src/main/forms/content.js';
import { planExport } from '../../src/shared/export-plan.js';
import { DEFAULT_STAGE } from '../../src/shared/intake/names.js';
import type { Work } from '../../src/shared/model.js';

/** A form clause of the notice squashed: all white space gone, 口 read as ☐; once more without the page labels. */
function clause(name: string): string[] {
  const lines = readFileSync(fileURLToPath(new URL(`../fixtures/notice/form-${name}.txt`, import.meta.url)), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
  // Known extraction losses, each restored as the printed form has it.
  const fix = (s: string) => s.replace(/口/g, '☐').replace('用“”顿号', '用“、”顿号');
  return [fix(lines.join('')), fix(lines.filter((l) => !/^\s*附表1-\d\s*$/.test(l)).join(''))].map(squash);
}

/** The phrases of a text: split at line breaks, spaces, ：and tick boxes; brackets that close elsewhere dropped. */
function phrases(text: string): string[] {
  return text
    .split(/[\n\s：☐☑]+/)
    .map((p) => (/^\([^()]*\)$/.test(p) ? p.slice(1, -1) : p)) // a hint the form sets in brackets
    .map((p) => (p.startsWith('(') && !p.includes(')') ? p.slice(1) : p))
    .map((p) => (p.endsWith(')') && !p.includes('(') ? p.slice(0, -1) : p))
    .filter((p) => Array.from(p).length >= 2);
}

function formPhrases(form: FormDoc, dateLine: string, skipCell: (text: string) => boolean = () => false): string[] {
  const texts = [
    form.appendix ?? '',
    form.title,
    form.subtitle ?? '',
    ...(form.after ?? []).flatMap((a) => [a.heading ?? '', a.text]),
    ...signLines(form.sign, dateLine),
  ];
  for (const row of form.rows)
    for (const c of row) if (!skipCell(c.text)) texts.push(c.text, ...signLines(c.sign, dateLine));
  return texts.flatMap(phrases);
}

/** Words a form carries that its clause does not: the tool's own, with why. */
const OWN: Record<string, RegExp[]> = {
  registration: [/^作者\d$/], // each author row numbered, so that 作者1 is the contact (第一作者)
  recommendation: [],
  'unit-info': [],
  summary: [/^单位公章$/], // the seal line the notice prints after 1-5's notes is on the Excel's print version
  cloud: [/^单位公章$/], // 1-6 is stamped (通知 六.4); its clause prints no seal line
};

function blank(category: Work['category'], variant: string | null = null): Work {
  const profile = requireProfile(null);
  return {
    id: 1,
    key: 'w1',
    position: 1,
    category,
    stage: DEFAULT_STAGE[category],
    variant: variant ?? profile.categories[category].variants?.[0]?.id ?? null,
    title: '',
    subject: '',
    grade: '',
    share: null,
    comment: '',
    space: false,
    authors: [],
    fields: {},
    scenes: [],
    checklist: {},
    files: [],
  } as unknown as Work;
}

describe('each form against its clause of the notice', () => {
  const profile = requireProfile(null);
  const d = profile.formTexts.dateLine;
  const check = (name: string, forms: FormDoc[], skip?: (t: string) => boolean) => {
    const [full, clean] = clause(name);
    for (const form of forms) {
      for (const p of formPhrases(form, d, skip)) {
        if (OWN[name]!.some((re) => re.test(p)) || /^[\d.]+$/.test(p)) continue;
        expect(
          full!.includes(p) || clean!.includes(p),
          `${form.title}${form.subtitle ?? ''}: “${p}” is not in the notice's ${name} clause`,
        ).toBe(true);
      }
    }
  };

  it('附表1-1, all five variants: every label, hint, option, limit and the pledge', () => {
    const forms = Object.entries(profile.categories).flatMap(([id, spec]) =>
      (spec.variants ?? [{ id: null }]).map((v) =>
        registrationForm(profile, blank(id as Work['category'], v.id), new Map()),
      ),
    );
    check('registration', forms);
    const [text] = clause('registration');
    // The other way round: what the notice's forms print, ours print too.
    const ours = squash(
      forms
        .map((f) =>
          f.rows
            .flat()
            .map((c) => c.text)
            .join(''),
        )
        .join(''),
    );
    expect(ours).toContain(squash(profile.formTexts.pledge));
    for (const hint of ['区域案例限报5人', '学校案例限报3人', '教师案例限报3人', '案例限报5人', '案例限报3人'])
      expect(ours, hint).toContain(hint);
    // The 申报书's guidance, whole: from 填写说明 to the last point of 五、.
    const notice = text!.slice(text!.indexOf('(填写说明'), text!.indexOf('其他说明其他提交附带材料'));
    const ai = registrationForm(profile, blank('ai-case'), new Map()).rows.find((r) => r[0]!.text === '申报书')![1]!
      .text;
    expect(squash(ai)).toBe(notice);
    expect(registrationForm(profile, blank('ai-case'), new Map())).toMatchObject({
      appendix: '附表1-1',
      title: '作品登记表',
      subtitle: '(“人工智能+”教育案例)',
    });
    expect(
      registrationForm(profile, blank('management-case'), new Map()).rows.some(
        (r) => r[0]!.text === '融合创新管理案例',
      ),
    ).toBe(true);
  });

  it('附表1-2, 1-4, 1-5 (print) and 1-6', () => {
    const plan = planExport(profile, { unit: null, works: [] });
    check(
      'recommendation',
      [recommendationForm(profile, null, blank('microlecture'))],
      (t) => t === profile.categories.microlecture.name,
    );
    check('unit-info', [unitInfoForm(profile, null)]);
    check('summary', [summaryForm(profile, null, plan)]);
    // 参考目录's tree is the export's own listing, not wording.
    check('cloud', [cloudForm(profile, null, plan)], (t) => t.includes('manifest.sha256'));
    expect(
      [
        recommendationForm(profile, null, blank('microlecture')),
        unitInfoForm(profile, null),
        summaryForm(profile, null, plan),
        cloudForm(profile, null, plan),
      ].map((f) => f.appendix),
    ).toEqual(['附表1-2', '附表1-4', '附表1-5', '附表1-6']);
  });
});
