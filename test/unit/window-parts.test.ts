// The window's parts that can be tested alone: the store's slices, the intake preview's model and the editor's
// authors — pure functions and state, no browser (the screens themselves: test/e2e).
import { describe, expect, it } from 'vitest';
import { shallow } from 'zustand/shallow';
import type { Person } from '../../src/shared/api.js';
import { requireProfile } from '../../src/shared/rules/registry.js';
import type { IntakeReport } from '../../src/shared/intake/report.js';
import { useStore } from '../../src/renderer/store.js';
import { makeKit } from '../../src/renderer/store/kit.js';
import { catalogSlice } from '../../src/renderer/store/catalog.js';
import { jobsSlice } from '../../src/renderer/store/jobs.js';
import { navigationSlice } from '../../src/renderer/store/navigation.js';
import { outputsSlice } from '../../src/renderer/store/outputs.js';
import { provinceSlice } from '../../src/renderer/store/province.js';
import { draftOf, editsOf } from '../../src/renderer/intake/drafts.js';
import { knownNote, liveAuthorFindings, typed, BLANK_AUTHOR } from '../../src/renderer/edit/authors.js';
import { work } from '../helpers/build.js';
import { adoptList, adoptTheirs } from '../../src/renderer/edit/adopt.js';

describe('the store in slices', () => {
  it('each slice owns its own keys; together they are the whole state', () => {
    const kit = makeKit(
      () => undefined,
      () => useStore.getState(),
    );
    const slices = {
      catalog: catalogSlice(kit),
      navigation: navigationSlice(kit),
      jobs: jobsSlice(kit),
      outputs: outputsSlice(kit),
      province: provinceSlice(kit),
    };
    const seen = new Map<string, string>();
    for (const [name, slice] of Object.entries(slices)) {
      for (const key of Object.keys(slice)) {
        expect([key, seen.get(key)]).toEqual([key, undefined]);
        seen.set(key, name);
      }
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(useStore.getState()).sort());
  });

  it('a progress tick changes what the status bar selects, not what a screen selects', () => {
    const screen = (s: ReturnType<typeof useStore.getState>) => ({ works: s.works, report: s.report, busy: s.busy });
    const bar = (s: ReturnType<typeof useStore.getState>) => ({ progress: s.progress, busy: s.busy });
    useStore.setState({ busy: '正在检查…', progress: { phase: 'inspect', done: 1, total: 10 } });
    const [screenBefore, barBefore] = [screen(useStore.getState()), bar(useStore.getState())];
    useStore.setState({ progress: { phase: 'inspect', done: 2, total: 10 } });
    expect(shallow(screen(useStore.getState()), screenBefore)).toBe(true);
    expect(shallow(bar(useStore.getState()), barBefore)).toBe(false);
  });
});

describe('the intake preview’s drafts', () => {
  const report = {
    works: [
      {
        key: 'a',
        category: { value: 'microlecture' },
        stage: { value: 'primary' },
        title: { value: '小小的船' },
        authors: { value: ['张强', '王芳'] },
        files: [{ path: '/收件/a/微课.mp4', role: 'lecture-video' }],
        unused: [{ path: 'a/说明.txt', file: '/收件/a/说明.txt', reason: '不认识的文件' }],
      },
      {
        key: 'b',
        category: { value: 'microlecture' },
        stage: { value: 'primary' },
        title: { value: '小小的船(登记表)' },
        authors: { value: ['张强'] },
        files: [{ path: '/收件/b/登记表.pdf', role: 'registration-scan' }],
        unused: [],
      },
    ],
  } as unknown as IntakeReport;

  it('start from the plan, the files left out listed too (not imported unless the user takes them in)', () => {
    const drafts = draftOf(report);
    expect(drafts[0]).toMatchObject({ key: 'a', authors: '张强、王芳', into: '' });
    expect(drafts[0]!.files).toEqual([
      { path: '/收件/a/微课.mp4', role: 'lecture-video' },
      { path: '/收件/a/说明.txt', role: '' },
    ]);
    expect(editsOf(drafts)[0]!.files).toEqual([{ path: '/收件/a/微课.mp4', role: 'lecture-video' }]);
  });

  it('a work merged into another gives it its files and is no work of its own; authors split on 、 , ；', () => {
    const drafts = draftOf(report).map((d) =>
      d.key === 'b' ? { ...d, into: 'a' } : { ...d, authors: '张强，王芳；李丽' },
    );
    const edits = editsOf(drafts);
    expect(edits.map((e) => e.key)).toEqual(['a']);
    expect(edits[0]!.authors).toEqual(['张强', '王芳', '李丽']);
    expect(edits[0]!.files.map((f) => f.path)).toEqual(['/收件/a/微课.mp4', '/收件/b/登记表.pdf']);
  });
});

describe('the editor’s authors', () => {
  const people: Person[] = [
    { id: 1, name: '张强', unit: '沈阳市第一小学', mobile: '13800000001', email: 'z@q.cn', works: 2, firstAuthor: 1 },
  ] as Person[];

  it('a known name brings its unit and contacts into an empty row; a row with a unit keeps its own', () => {
    expect(typed(BLANK_AUTHOR, 'name', '张强', people)).toMatchObject({
      unit: '沈阳市第一小学',
      mobile: '13800000001',
    });
    expect(typed({ ...BLANK_AUTHOR, unit: '大连市第二中学' }, 'name', '张强', people).unit).toBe('大连市第二中学');
    expect(knownNote({ ...BLANK_AUTHOR, name: '张强', unit: '沈阳市第一小学' }, people)).toBe(
      '已在 2 件作品中(第一作者 1 件)',
    );
    expect(knownNote({ ...BLANK_AUTHOR, name: '李丽' }, people)).toBe('新作者');
  });

  it('what the rules say while typing: more authors than the category allows', () => {
    const profile = requireProfile(null);
    const w = work('microlecture');
    const rows = Array.from({ length: profile.categories.microlecture.maxAuthors + 1 }, (_, i) => ({
      ...BLANK_AUTHOR,
      name: `作者${i}`,
      unit: '沈阳市第一小学',
    }));
    const live = liveAuthorFindings(profile, { unit: null, works: [w] }, w, w, rows);
    expect(live.map((f) => f.rule)).toContain('authors.count');
    expect(
      liveAuthorFindings(profile, { unit: null, works: [w] }, w, w, rows.slice(0, 1)).map((f) => f.rule),
    ).not.toContain('authors.count');
  });
});

describe('the editor when the catalog changes under it', () => {
  it('takes the catalog’s value where the user changed nothing, and keeps what the user typed', () => {
    const before = { subject: '语文', grade: '一年级', title: '船' };
    // The save made on leaving the editor lands after it opened again with the old value.
    expect(adoptTheirs(before, before, { ...before, subject: '数学' }, ['subject', 'grade', 'title'])).toEqual({
      ...before,
      subject: '数学',
    });
    // The user typed a grade meanwhile: theirs for the subject, the user's for the grade.
    expect(
      adoptTheirs({ ...before, grade: '二年级' }, before, { ...before, subject: '数学', grade: '三年级' }, [
        'subject',
        'grade',
      ]),
    ).toEqual({
      ...before,
      subject: '数学',
      grade: '二年级',
    });
    const draft = { ...before };
    expect(adoptTheirs(draft, before, { ...before }, ['subject'])).toBe(draft);
    expect(adoptList([{ n: '张强' }], [{ n: '张强' }], [{ n: '张强' }, { n: '王芳' }])).toEqual([
      { n: '张强' },
      { n: '王芳' },
    ]);
    expect(adoptList([{ n: '李丽' }], [{ n: '张强' }], [{ n: '王芳' }])).toEqual([{ n: '李丽' }]);
  });
});
