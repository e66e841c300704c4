import { describe, expect, it } from 'vitest';
import { CATEGORIES, type FileFacts } from '../../src/shared/model.js';
import { COMMENT, author, file, findings, profile, rulesOf, unit, work, type Scenario } from '../helpers/build.js';
import type { FindingRule } from '../../src/shared/rules/rule-ids.js';

const facts = (path: string, f: Partial<FileFacts>) =>
  new Map<string, FileFacts>([[`/batch/${path}`, { exists: true, readable: true, size: 1000, kind: 'unknown', ...f }]]);

/** Every rule in scope: a scenario that makes it fire and one close to it that keeps it silent. */
const cases: { rule: FindingRule; fire: () => Scenario; silent: () => Scenario }[] = [
  {
    rule: 'title.empty',
    fire: () => ({ works: [work('microlecture', { title: '　 ' })] }),
    silent: () => ({ works: [work('microlecture', { title: '船' })] }),
  },
  {
    rule: 'title.brackets',
    fire: () => ({ works: [work('microlecture', { title: '《小小的船》' })] }),
    silent: () => ({ works: [work('microlecture', { title: '小小的船' })] }),
  },
  {
    rule: 'title.unsafe-chars',
    fire: () => ({ works: [work('courseware', { title: '函数: y=f(x)?' })] }),
    silent: () => ({ works: [work('courseware', { title: '函数：y=f(x)？' })] }),
  },
  {
    rule: 'category.group',
    fire: () => ({ works: [work('teaching-case', { stage: 'vocational' })] }),
    silent: () => ({ works: [work('course-case', { stage: 'vocational' })] }),
  },
  {
    rule: 'work.variant',
    fire: () => ({ works: [work('management-case', { variant: null })] }),
    silent: () => ({ works: [work('management-case', { variant: 'region' })] }),
  },
  {
    rule: 'work.grade',
    fire: () => ({ works: [work('microlecture', { grade: '' })] }),
    silent: () => ({ works: [work('management-case', { grade: '' })] }),
  },
  {
    rule: 'work.grade-unusual',
    fire: () => ({ works: [work('microlecture', { stage: 'primary', grade: '初二' })] }),
    silent: () => ({ works: [work('microlecture', { stage: 'primary', grade: '六年级' })] }),
  },
  {
    rule: 'work.subject',
    fire: () => ({ works: [work('courseware', { subject: ' ' })] }),
    silent: () => ({ works: [work('ai-case', { subject: '' })] }),
  },
  {
    rule: 'comment.length',
    fire: () => ({ works: [work('microlecture', { comment: '好'.repeat(99) + ' \n　'.repeat(20) })] }),
    silent: () => ({ works: [work('microlecture', { comment: '好'.repeat(100) })] }),
  },
  {
    rule: 'field.length',
    fire: () => ({ works: [work('microlecture', { fields: { 作品特点: '字'.repeat(301) } })] }),
    // Line breaks and spaces are not 字: 300 characters in 7 paragraphs are 300.
    silent: () => ({
      works: [
        work('microlecture', {
          fields: { 作品特点: Array.from({ length: 6 }, () => '字'.repeat(50)).join('\n') + '\n　' },
        }),
      ],
    }),
  },
  {
    rule: 'platform.scenes',
    fire: () => ({ works: [work('platform-case', { scenes: [] })] }),
    silent: () => ({ works: [work('platform-case', { scenes: ['双师课堂'] })] }),
  },
  {
    rule: 'ai.scenes',
    fire: () => ({ works: [work('ai-case', { scenes: [] })] }),
    silent: () => ({ works: [work('ai-case', { scenes: ['智能助学'] })] }),
  },
  {
    rule: 'share.flag',
    fire: () => ({ works: [work('microlecture', { share: null })] }),
    silent: () => ({ works: [work('microlecture', { share: false })] }),
  },
  {
    rule: 'authors.count',
    fire: () => ({ works: [work('microlecture', { authors: [author(), author(), author(), author()] })] }),
    silent: () => ({ works: [work('microlecture', { authors: [author(), author(), author()] })] }),
  },
  {
    rule: 'authors.count-conflict',
    fire: () => ({
      works: [work('platform-case', { variant: 'school', authors: [author(), author(), author(), author()] })],
    }),
    silent: () => ({
      works: [work('platform-case', { variant: 'region', authors: [author(), author(), author(), author()] })],
    }),
  },
  {
    rule: 'authors.unit',
    fire: () => ({ works: [work('microlecture', { authors: [author(), author({ unit: '' })] })] }),
    silent: () => ({ works: [work('microlecture', { authors: [author(), author()] })] }),
  },
  {
    rule: 'authors.first-unique',
    fire: () => {
      const lead = author({ name: '张强', unit: '一小' });
      return {
        works: [
          work('microlecture', { authors: [lead] }),
          work('courseware', { authors: [author(), { ...lead, name: '张　强 ' }] }),
        ],
      };
    },
    silent: () => {
      const member = author({ name: '张强', unit: '一小' });
      return {
        works: [
          work('microlecture', { authors: [author(), member] }),
          work('courseware', { authors: [author(), member] }),
        ],
      };
    },
  },
  {
    rule: 'authors.max-two',
    fire: () => {
      const m = author({ name: '李华', unit: '二中' });
      return { works: [1, 2, 3].map(() => work('microlecture', { authors: [author(), m] })) };
    },
    silent: () => {
      const m = author({ name: '李华', unit: '二中' });
      return { works: [1, 2].map(() => work('microlecture', { authors: [author(), m] })) };
    },
  },
  {
    rule: 'authors.same-name',
    fire: () => ({
      works: [
        work('microlecture', { authors: [author(), author({ name: '王芳', unit: '三中' })] }),
        work('courseware', { authors: [author(), author({ name: '王芳', unit: '沈阳市第三中学' })] }),
      ],
    }),
    silent: () => ({
      works: [
        work('microlecture', { authors: [author(), author({ name: '王芳', unit: '三中' })] }),
        work('courseware', { authors: [author(), author({ name: '王芳', unit: '三中' })] }),
      ],
    }),
  },
  {
    rule: 'certificate.name-variant',
    fire: () => ({
      works: [
        work('microlecture', { authors: [author({ name: '张三', mobile: '13912345678' })] }),
        work('courseware', { authors: [author({ name: '张叁', mobile: '13912345678' })] }),
      ],
    }),
    silent: () => ({
      works: [
        work('microlecture', { authors: [author({ name: '张三', mobile: '13912345678' })] }),
        work('courseware', { authors: [author({ name: '李四', mobile: '13912345678' })] }),
      ],
    }),
  },
  {
    rule: 'certificate.unit-variant',
    fire: () => ({
      works: [
        work('microlecture', { authors: [author({ unit: '沈阳市第一中学（东校区）' })] }),
        work('courseware', { authors: [author({ unit: '沈阳市第一中学 (东校区)' })] }),
      ],
    }),
    silent: () => ({
      works: [
        work('microlecture', { authors: [author({ unit: '沈阳市第一中学(东校区)' })] }),
        work('courseware', { authors: [author({ unit: '沈阳市第一中学(东校区)' })] }),
      ],
    }),
  },
  {
    rule: 'contact.phone',
    fire: () => ({ works: [work('microlecture', { authors: [author({ mobile: '2380000000' })] })] }),
    silent: () => ({
      works: [work('microlecture', { authors: [author({ mobile: '１３８００００００００', phone: '024-1234567' })] })],
    }),
  },
  {
    rule: 'contact.email',
    fire: () => ({ works: [work('microlecture', { authors: [author({ email: 'zhang@' })] })] }),
    silent: () => ({ works: [work('microlecture', { authors: [author({ email: 'zhang@qq.com' })] })] }),
  },
  {
    rule: 'quota.teaching',
    fire: () => ({ unit: unit({ kind: 'provincial' }), works: [1, 2, 3, 4].map(() => work('microlecture')) }),
    silent: () => ({ unit: unit({ kind: 'provincial' }), works: [1, 2, 3].map(() => work('microlecture')) }),
  },
  {
    rule: 'quota.management',
    fire: () => ({ unit: unit({ kind: 'provincial' }), works: [work('management-case'), work('management-case')] }),
    silent: () => ({ unit: unit({ kind: 'provincial' }), works: [work('management-case')] }),
  },
  {
    rule: 'quota.platform',
    fire: () => ({ unit: unit({ kind: 'institute' }), works: [1, 2, 3, 4].map(() => work('platform-case')) }),
    silent: () => ({ unit: unit({ kind: 'institute' }), works: [1, 2, 3].map(() => work('platform-case')) }),
  },
  {
    rule: 'quota.ai',
    fire: () => ({ unit: unit({ kind: 'city' }), works: Array.from({ length: 9 }, () => work('ai-case')) }),
    silent: () => ({ unit: unit({ kind: 'city' }), works: Array.from({ length: 8 }, () => work('ai-case')) }),
  },
  {
    rule: 'quota.vocational',
    fire: () => ({ works: Array.from({ length: 6 }, () => work('course-case')) }),
    silent: () => ({ works: Array.from({ length: 5 }, () => work('course-case')) }),
  },
  {
    rule: 'unit.info',
    fire: () => ({ unit: unit({ postcode: '11000' }), works: [] }),
    silent: () => ({ unit: unit({ postcode: '110000' }), works: [] }),
  },
  {
    rule: 'unit.scans',
    fire: () => ({ unit: unit({ files: unit().files.filter((f) => f.role !== 'cloud-scan') }), works: [] }),
    silent: () => ({ unit: unit(), works: [] }),
  },
  {
    rule: 'unit.cloud-link',
    fire: () => ({ unit: unit({ cloudCode: '' }), works: [] }),
    silent: () => ({ unit: unit(), works: [] }),
  },
  {
    rule: 'file.missing',
    fire: () => ({
      works: [work('microlecture', { files: work('microlecture').files.filter((f) => f.role !== 'lecture-video') })],
    }),
    silent: () => ({
      works: [work('microlecture', { files: work('microlecture').files.filter((f) => f.role !== 'materials') })],
    }),
  },
  {
    rule: 'file.count',
    fire: () => {
      const w = work('platform-case');
      return {
        works: [
          {
            ...w,
            files: [
              ...w.files,
              file('board-extra', 'x/3.jpg'),
              file('board-extra', 'x/4.jpg'),
              file('board-extra', 'x/5.jpg'),
              file('board-extra', 'x/6.jpg'),
            ],
          },
        ],
      };
    },
    silent: () => {
      const w = work('platform-case');
      return {
        works: [
          {
            ...w,
            files: [
              ...w.files,
              file('board-extra', 'x/3.jpg'),
              file('board-extra', 'x/4.jpg'),
              file('board-extra', 'x/5.jpg'),
            ],
          },
        ],
      };
    },
  },
  {
    rule: 'file.not-found',
    fire: () => {
      const w = work('microlecture');
      return { works: [w], facts: facts(w.files[0]!.path, { exists: false, readable: false, size: 0 }) };
    },
    silent: () => ({ works: [work('microlecture')] }),
  },
  {
    rule: 'file.empty',
    fire: () => {
      const w = work('microlecture');
      return { works: [w], facts: facts(w.files[0]!.path, { size: 0, kind: 'empty' }) };
    },
    silent: () => {
      const w = work('microlecture');
      return { works: [w], facts: facts(w.files[0]!.path, { size: 1, kind: 'pdf' }) };
    },
  },
  {
    rule: 'file.type-mismatch',
    fire: () => {
      const w = work('courseware');
      const doc = w.files.find((f) => f.role === 'design-doc')!;
      return { works: [w], facts: facts(doc.path, { kind: 'pdf' }) };
    },
    silent: () => {
      const w = work('courseware');
      const doc = w.files.find((f) => f.role === 'design-doc')!;
      return { works: [w], facts: facts(doc.path, { kind: 'doc' }) };
    },
  },
  {
    rule: 'file.corrupt',
    fire: () => {
      const w = work('microlecture');
      const zip = file('materials', 'w/相关材料.zip');
      return {
        works: [{ ...w, files: [...w.files, zip] }],
        facts: facts(zip.path, { kind: 'zip', corrupt: 'ZIP 目录损坏' }),
      };
    },
    silent: () => {
      const w = work('microlecture');
      const zip = file('materials', 'w/相关材料.zip');
      return { works: [{ ...w, files: [...w.files, zip] }], facts: facts(zip.path, { kind: 'zip' }) };
    },
  },
  {
    rule: 'courseware.presentation',
    fire: () => {
      const w = work('courseware');
      const cw = w.files.find((f) => f.role === 'courseware')!;
      return { works: [w], facts: facts(cw.path, { kind: 'pptx' }) };
    },
    silent: () => {
      const w = work('courseware');
      const cw = w.files.find((f) => f.role === 'courseware')!;
      return { works: [w], facts: facts(cw.path, { kind: 'zip' }) };
    },
  },
  ...profile.checklist
    .filter((c) => !['checklist.space-materials', 'checklist.pdf-board'].includes(c.id))
    .map((c) => ({
      rule: c.id,
      fire: () => ({ works: [work(c.categories[0]!, { checklist: {} })] }),
      silent: () => ({ works: [work(c.categories[0]!)] }),
    })),
  {
    rule: 'cloud.file-size',
    fire: () => {
      const w = work('platform-case');
      return {
        works: [w],
        facts: facts(w.files.find((f) => f.role === 'feature-video')!.path, { size: 4 * 1024 ** 3 + 1, kind: 'mp4' }),
      };
    },
    silent: () => {
      const w = work('platform-case');
      return {
        works: [w],
        facts: facts(w.files.find((f) => f.role === 'feature-video')!.path, { size: 4 * 1024 ** 3, kind: 'mp4' }),
      };
    },
  },
  {
    rule: 'checklist.space-materials',
    fire: () => ({ works: [work('teaching-case', { space: true, checklist: {} })] }),
    silent: () => ({ works: [work('teaching-case', { space: false, checklist: {} })] }),
  },
  {
    rule: 'checklist.pdf-board',
    fire: () => {
      const w = work('ai-case', { checklist: {} });
      return { works: [w], facts: facts(w.files.find((f) => f.role === 'board-main')!.path, { kind: 'pdf' }) };
    },
    silent: () => ({ works: [work('ai-case', { checklist: {} })] }),
  },
];

describe('every rule fires on a bad case and keeps silent on a good one', () => {
  for (const c of cases) {
    it(c.rule, () => {
      const fired = findings(c.fire());
      expect(rulesOf(fired)).toContain(c.rule);
      expect(fired.filter((f) => f.rule === c.rule).every((f) => f.severity === profile.severities[c.rule])).toBe(true);
      expect(rulesOf(findings(c.silent()))).not.toContain(c.rule);
    });
  }

  it('covers every rule id of the profile that needs no media probe', () => {
    const media = /^(video|board|zip|pdf)\./;
    // The export plan's and the pre-flight's ids are not a check's: test/export/plan.test.ts, test/unit/target.test.ts.
    const exportIds = /^(title\.too-long|file\.export-name|cloud\.file-count|target\..*)$/;
    // The ids across units are no unit check's: test/unit/province-rules.test.ts raises each.
    const provinceIds = /^province\./;
    const inScope = Object.keys(profile.severities).filter(
      (id) => !media.test(id) && !exportIds.test(id) && !provinceIds.test(id),
    );
    expect(inScope.filter((id) => !cases.some((c) => c.rule === id))).toEqual([]);
  });
});

describe('a valid batch', () => {
  it('has no findings at all, in every category', () => {
    const works = CATEGORIES.map((c) => work(c));
    expect(findings({ works })).toEqual([]);
  });
});

describe('findings carry the contract shape', () => {
  it('batch-level findings have no work key; work-level have work and role; file-level have file', () => {
    const w = work('microlecture', { files: work('microlecture').files.filter((f) => f.role !== 'lecture-video') });
    const missing = file('registration-scan', 'gone.pdf');
    w.files = w.files.filter((f) => f.role !== 'registration-scan').concat(missing);
    const list = findings({
      unit: unit({ kind: 'provincial' }),
      works: [w, work('microlecture'), work('microlecture'), work('microlecture')],
      facts: new Map([[missing.absPath, { exists: false, readable: false, size: 0, kind: 'unknown' }]]),
    });
    const quota = list.find((f) => f.rule === 'quota.teaching')!;
    expect('work' in quota).toBe(false);
    expect(quota).toMatchObject({ severity: 'error', expected: '≤ 3 件', actual: '4 件' });
    expect(list.find((f) => f.rule === 'file.missing')).toMatchObject({
      work: w.key,
      role: 'lecture-video',
      title: w.title,
    });
    expect(list.find((f) => f.rule === 'file.not-found')).toMatchObject({
      work: w.key,
      role: 'registration-scan',
      file: 'gone.pdf',
    });
    expect(list[0]!.rule).toBe('quota.teaching');
  });

  it('people findings sit on every work involved', () => {
    const m = author({ name: '李华', unit: '二中' });
    const works = [1, 2, 3].map(() => work('microlecture', { authors: [author(), m] }));
    const list = findings({ works }).filter((f) => f.rule === 'authors.max-two');
    expect(list.map((f) => f.work)).toEqual(works.map((w) => w.key));
    expect(list[0]!.message).toContain('李华');
  });

  it('a first author who leads two works is flagged on both, and so is the work that lists them as member', () => {
    const lead = author({ name: '赵刚', unit: '育才学校' });
    const works = [
      work('courseware', { authors: [lead] }),
      work('microlecture', { authors: [{ ...lead, unit: ' 育才学校' }] }),
      work('ai-case', { authors: [author(), { ...lead, name: 'ＺＨＡＯ' }] }),
    ];
    const flagged = findings({ works })
      .filter((f) => f.rule === 'authors.first-unique')
      .map((f) => f.work);
    expect(flagged).toEqual([works[0]!.key, works[1]!.key]);
  });

  it('a higher-education region management case is not open (a university is not a region)', () => {
    const w = work('management-case', { stage: 'higher', variant: 'region' });
    const list = findings({ unit: unit({ kind: 'university', group: 'higher' }), works: [w] });
    expect(list.find((f) => f.rule === 'category.group')?.message).toContain('区域管理案例');
  });

  it('the combined teaching quota counts courseware, micro-lectures and cases together', () => {
    const works = [work('courseware'), work('microlecture'), work('teaching-case'), work('microlecture')];
    expect(rulesOf(findings({ unit: unit({ kind: 'provincial' }), works }))).toContain('quota.teaching');
  });

  it('a stray role is a file.count finding on its role', () => {
    const w = work('courseware');
    w.files.push(file('feature-video', 'x/专题片.mp4'));
    expect(findings({ works: [w] }).find((f) => f.rule === 'file.count')).toMatchObject({
      role: 'feature-video',
      expected: '0 个',
      actual: '1 个',
    });
  });

  it('counts comment characters, not bytes, and without white space', () => {
    expect(rulesOf(findings({ works: [work('microlecture', { comment: COMMENT })] }))).not.toContain('comment.length');
  });
});
