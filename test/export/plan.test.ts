// The tree of RULES.md §12, planned without a disk.
import { win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PATH, planExport, treeListing } from '../../src/shared/export-plan.js';
import { author, file, profile, unit, work } from '../helpers/build.js';

const rels = (p: ReturnType<typeof planExport>) => p.entries.map((e) => e.rel);

describe('planExport', () => {
  it('names category folders as the reference does, numbers works per folder, leaves empty folders out', () => {
    const works = [
      work('microlecture', { title: '小小的船', authors: [author({ name: '张强' })], position: 2 }),
      work('courseware', { title: '函数的性质', authors: [author({ name: '赵刚' })], position: 1 }),
      work('microlecture', { title: '分数', authors: [author({ name: '王芳' })], position: 3 }),
      work('course-case', { title: '数控车削', authors: [author({ name: '李雷' })], position: 4 }),
    ];
    const plan = planExport(profile, { unit: unit(), works });
    expect(plan.folders.map((f) => f.name)).toEqual(['1课件', '2微课', '3融合创新应用教学案例']);
    expect(plan.folders[1]!.works.map((w) => w.folder)).toEqual(['2微课/1-张强-小小的船', '2微课/2-王芳-分数']);
    expect(plan.folders.flatMap((f) => f.works.map((w) => w.serial))).toEqual([1, 2, 3, 4]);
    expect(rels(plan)).toContain('2微课/1-张强-小小的船/作品登记表.docx');
    expect(rels(plan)).toContain('2微课/1-张强-小小的船/微课视频.mp4');
    expect(rels(plan)).toContain('3融合创新应用教学案例/1-李雷-数控车削/教学活动录像-1.mp4');
    expect(treeListing(plan)).toContain('    1-赵刚-函数的性质/');
  });

  it('a higher-education batch names the case folder 3信息化教学课程案例', () => {
    const plan = planExport(profile, {
      unit: unit({ group: 'higher', kind: 'university' }),
      works: [work('course-case', { stage: 'higher' })],
    });
    expect(plan.folders.map((f) => f.name)).toEqual(['3信息化教学课程案例']);
  });

  it('names files by role, numbers several, keeps support and evidence names, keeps the extension', () => {
    const w = work('platform-case', { authors: [author({ name: '陈静' })], title: '双师课堂' });
    w.files.push(file('board-extra', 'x/b3.PNG'), file('support', 'x/获奖证书.pdf'));
    w.files.find((f) => f.role === 'board-main')!.path = 'x/主展板 final.JPG';
    const plan = planExport(profile, { unit: unit(), works: [w] });
    const names = rels(plan).map((r) => r.split('/').pop());
    expect(names).toEqual(
      expect.arrayContaining([
        '主展板.JPG',
        '特色展板-1.jpg',
        '特色展板-2.jpg',
        '特色展板-3.PNG',
        '支撑材料-2-获奖证书.pdf',
        '专题片.mp4',
        '专题片工作版.mp4',
        '主展板源文件.psd',
      ]),
    );
  });

  it('reports each substitution as title.unsafe-chars and trims a path past 200 characters as title.too-long', () => {
    const plan = planExport(profile, {
      unit: unit(),
      works: [work('microlecture', { title: '函数: y=f(x)?' }), work('microlecture', { title: '长'.repeat(250) })],
    });
    expect(plan.findings.map((f) => f.rule)).toEqual(['title.unsafe-chars', 'title.too-long']);
    expect(rels(plan).some((r) => r.includes('函数： y=f(x)？'))).toBe(true);
    expect(Math.max(...rels(plan).map((r) => Array.from(r).length))).toBeLessThanOrEqual(MAX_PATH);
  });

  it('puts the forms, the unit scans and the unit report at the root; a report-doc replaces the generated report', () => {
    const u = unit();
    expect(rels(planExport(profile, { unit: u, works: [] }))).toEqual([
      '作品汇总表.xlsx',
      '组织单位及联系人信息表.docx',
      '云盘报送要求.docx',
      '市级(校级)工作报告.docx',
      '组织单位及联系人信息表(盖章).pdf',
      '作品汇总表(盖章).pdf',
      '云盘报送要求(盖章).pdf',
      '市级(校级)工作报告(盖章).pdf',
    ]);
    u.files.push(file('report-doc', 'unit/我们的报告.doc'));
    const plan = planExport(profile, { unit: u, works: [] });
    expect(plan.entries.find((e) => e.rel === '市级(校级)工作报告.doc')?.kind).toBe('copy');
    expect(plan.entries.some((e) => e.kind === 'form' && e.form === 'report')).toBe(false);
  });
});

/**
 * The tree as Windows (NTFS/exFAT, case-insensitive) and a download to Linux/macOS would take it, checked with
 * path.win32 and written apart from the code under test: each component a plain name, no device name (also with an
 * extension), no trailing dot or space, ≤ 255 UTF-16 units and ≤ 240 UTF-8 bytes; siblings distinct when case is
 * ignored. Returns the problems found.
 */
function windowsProblems(plan: ReturnType<typeof planExport>): string[] {
  const out: string[] = [];
  const siblings = new Map<string, Map<string, string>>();
  for (const rel of plan.entries.map((e) => e.rel)) {
    const full = win32.join('D:\\云盘上传', rel);
    const parts = win32.relative('D:\\云盘上传', full).split('\\');
    expect(parts.join('/')).toBe(rel);
    parts.forEach((c, i) => {
      if (win32.basename(c) !== c || /[<>:"|?*\u0000-\u001f]/.test(c)) out.push(`${rel}: “${c}” is not a plain name`);
      if (/^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])$/i.test(c.split('.')[0]!.trimEnd()))
        out.push(`${rel}: “${c}” is a device`);
      if (/[. ]$/.test(c)) out.push(`${rel}: “${c}” ends in a dot or a space`);
      if (c.length > 255 || Buffer.byteLength(c) > 240)
        out.push(`${rel}: “${c}” is too long (${c.length} units, ${Buffer.byteLength(c)} bytes)`);
      const dir = parts.slice(0, i).join('/');
      const seen = siblings.get(dir) ?? new Map<string, string>();
      siblings.set(dir, seen);
      const other = seen.get(c.toLowerCase());
      if (other !== undefined && other !== c) out.push(`${dir}: “${other}” and “${c}” are one file on Windows`);
      seen.set(c.toLowerCase(), c);
    });
  }
  return out;
}

describe('names Windows and a download can hold', () => {
  it('the oracle sees each problem (so that a clean plan means something)', () => {
    const bad = {
      folders: [],
      findings: [],
      entries: [
        'a/AUX.mp4',
        'a/con.docx',
        'a/x.',
        'a/y ',
        'a/B.pdf',
        'a/b.pdf',
        `a/${'长'.repeat(81)}`,
        'a/CONIN$',
      ].map((rel) => ({ kind: 'form' as const, rel, form: 'summary' as const, work: null })),
    };
    // Seven: B.pdf and b.pdf are one problem.
    expect(windowsProblems(bad)).toHaveLength(7);
  });

  it('a file that would take a form name in another case gets a number, and the user is told', () => {
    const w = work('microlecture', { title: '船' });
    w.files.find((f) => f.role === 'registration-scan')!.path = 'x/登记表扫描.DOCX';
    const plan = planExport(profile, { unit: unit(), works: [w] });
    const names = rels(plan).map((r) => r.split('/').pop());
    expect(names).toEqual(expect.arrayContaining(['作品登记表.docx', '作品登记表-2.DOCX']));
    expect(plan.findings.map((f) => f.rule)).toEqual(['file.export-name']);
    expect(plan.findings[0]!.message).toContain('“作品登记表.DOCX”与同一文件夹中的另一个文件在 Windows 上是同一个名字');
    expect(windowsProblems(plan)).toEqual([]);
  });

  it('a profile role named like a device (AUX, con) is guarded in the finished name', () => {
    const odd = structuredClone({ ...profile, mailSubject: undefined }) as unknown as typeof profile;
    odd.mailSubject = profile.mailSubject;
    odd.exportNames.files['lecture-video'] = { name: 'AUX' };
    odd.exportNames.files['registration-scan'] = { name: 'con' };
    odd.exportNames.files.support = { name: 'CONOUT$', keepName: true };
    const w = work('microlecture');
    w.files.push(file('support', 'x/ .pdf'));
    const plan = planExport(odd, { unit: unit(), works: [w] });
    const names = rels(plan).map((r) => r.split('/').pop());
    expect(names).toEqual(expect.arrayContaining(['_AUX.mp4', '_con.pdf', '_CONOUT$.pdf']));
    expect(plan.findings.filter((f) => f.rule === 'file.export-name')).toHaveLength(3);
    expect(windowsProblems(plan)).toEqual([]);
  });

  it('a title cut for the path never ends in a dot or a space', () => {
    const works = Array.from({ length: 60 }, (_, k) =>
      work('microlecture', { title: `${'长'.repeat(100 + k)}. ${'题'.repeat(120)}` }),
    );
    const plan = planExport(profile, { unit: unit(), works });
    expect(plan.findings.filter((f) => f.rule === 'title.too-long')).toHaveLength(60);
    expect(windowsProblems(plan)).toEqual([]);
  });

  it('keeps each name within 255 UTF-16 units and 240 bytes: long titles, long kept names, astral characters', () => {
    const w1 = work('microlecture', { title: '𠀀'.repeat(120), authors: [author({ name: '欧阳'.repeat(10) })] });
    const w2 = work('platform-case', { title: 'A'.repeat(150) });
    w2.files.push(
      file('support', `x/${'获奖证书'.repeat(30)}.pdf`),
      file('evidence', `x/${'𠀀'.repeat(90)}.PDF`),
      file('evidence', `x/${'e'.repeat(250)}.pdf`),
    );
    const plan = planExport(profile, { unit: unit(), works: [w1, w2] });
    expect(windowsProblems(plan)).toEqual([]);
    const kept = plan.findings.filter((f) => f.rule === 'file.export-name');
    expect(kept).toHaveLength(3);
    expect(kept[0]!.message).toContain('原文件名太长');
    // w1's title fits the path but not a name's bytes; w2's 250-character kept name leaves its title no room.
    const cut = plan.findings.filter((f) => f.rule === 'title.too-long');
    expect(cut.map((f) => f.work)).toEqual([w1.key, w2.key]);
    expect(cut[0]!.message).toContain('文件夹名超过 240 字节');
    expect(cut[1]!.message).toContain('文件路径超过 200 个字符');
    // The 𠀀 title fits in characters (120 ≤ the path's room) but not in bytes (480): cut to whole characters.
    const folder = plan.folders[0]!.works[0]!.folder.split('/')[1]!;
    expect(Buffer.byteLength(folder)).toBeLessThanOrEqual(240);
    expect(folder).toMatch(/^1-(欧阳){10}-(𠀀)+$/);
  });

  it('a 120-character author name and a 90-character title still make a name Windows and Linux can hold', () => {
    const w = work('microlecture', { title: '题'.repeat(90), authors: [author({ name: '名'.repeat(120) })] });
    const plan = planExport(profile, { unit: unit(), works: [w] });
    expect(windowsProblems(plan)).toEqual([]);
    const folder = plan.folders[0]!.works[0]!.folder.split('/')[1]!;
    expect(folder).toBe(`1-${'名'.repeat(40)}-${'题'.repeat(39)}`);
    expect(Buffer.byteLength(folder)).toBe(240);
    expect(plan.findings.map((f) => f.rule)).toEqual(['file.export-name', 'title.too-long']);
    expect(plan.findings[0]!.message).toContain('作者姓名太长');
  });

  it('a clean batch of every category has nothing to change', () => {
    const works = (
      [
        'courseware',
        'microlecture',
        'teaching-case',
        'course-case',
        'management-case',
        'platform-case',
        'ai-case',
      ] as const
    ).map((c) => work(c));
    const plan = planExport(profile, { unit: unit(), works });
    expect(plan.findings).toEqual([]);
    expect(windowsProblems(plan)).toEqual([]);
  });
});
