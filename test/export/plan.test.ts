// The tree of RULES.md §12, planned without a disk.
import { describe, expect, it } from 'vitest';
import { MAX_PATH, planExport, treeListing } from '../../src/main/export/plan.js';
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
    const plan = planExport(profile, { unit: unit({ group: 'higher', kind: 'university' }), works: [work('course-case', { stage: 'higher' })] });
    expect(plan.folders.map((f) => f.name)).toEqual(['3信息化教学课程案例']);
  });

  it('names files by role, numbers several, keeps support and evidence names, keeps the extension', () => {
    const w = work('platform-case', { authors: [author({ name: '陈静' })], title: '双师课堂' });
    w.files.push(file('board-extra', 'x/b3.PNG'), file('support', 'x/获奖证书.pdf'));
    w.files.find((f) => f.role === 'board-main')!.path = 'x/主展板 final.JPG';
    const plan = planExport(profile, { unit: unit(), works: [w] });
    const names = rels(plan).map((r) => r.split('/').pop());
    expect(names).toEqual(expect.arrayContaining(['主展板.JPG', '特色展板-1.jpg', '特色展板-2.jpg', '特色展板-3.PNG', '支撑材料-2-获奖证书.pdf', '专题片.mp4', '专题片工作版.mp4', '主展板源文件.psd']));
  });

  it('reports each substitution as title.unsafe-chars and trims a path past 200 characters as title.too-long', () => {
    const plan = planExport(profile, { unit: unit(), works: [work('microlecture', { title: '函数: y=f(x)?' }), work('microlecture', { title: '长'.repeat(250) })] });
    expect(plan.findings.map((f) => f.rule)).toEqual(['title.unsafe-chars', 'title.too-long']);
    expect(rels(plan).some((r) => r.includes('函数： y=f(x)？'))).toBe(true);
    expect(Math.max(...rels(plan).map((r) => Array.from(r).length))).toBeLessThanOrEqual(MAX_PATH);
  });

  it('puts the forms, the unit scans and the unit report at the root; a report-doc replaces the generated report', () => {
    const u = unit();
    expect(rels(planExport(profile, { unit: u, works: [] }))).toEqual(['作品汇总表.xlsx', '组织单位及联系人信息表.docx', '云盘报送要求.docx', '市级(校级)工作报告.docx', '组织单位及联系人信息表(盖章).pdf', '作品汇总表(盖章).pdf', '云盘报送要求(盖章).pdf', '市级(校级)工作报告(盖章).pdf']);
    u.files.push(file('report-doc', 'unit/我们的报告.doc'));
    const plan = planExport(profile, { unit: u, works: [] });
    expect(plan.entries.find((e) => e.rel === '市级(校级)工作报告.doc')?.kind).toBe('copy');
    expect(plan.entries.some((e) => e.kind === 'form' && e.form === 'report')).toBe(false);
  });
});
