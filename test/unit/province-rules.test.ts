// The rules across units (province mode): three units with planted conflicts give exactly the findings planted —
// a first author who is a member elsewhere (her unit typed two ways, her mobile the same), a member in three works,
// one work sent by two units, one mobile with two names, one file in two units — and nothing a single unit's own
// rules already say.
import { describe, expect, it } from 'vitest';
import type { FileRef, Work } from '../../src/shared/model.js';
import { provinceRules, sizesToHash, type ProvinceUnit } from '../../src/shared/rules/province.js';
import { RULE_IDS } from '../../src/shared/rules/rule-ids.js';
import { author, file, profile, work } from '../helpers/build.js';

const ml = (key: string, title: string, authors: ReturnType<typeof author>[], files: FileRef[] = []): Work => ({
  ...work('microlecture', { title, authors }),
  key,
  files,
});
const video = (path: string) => file('lecture-video', path);

function scenario() {
  const aVideo = video('a/w1.mp4');
  const cVideo = video('c/w1.mp4');
  const bVideo = video('b/w1.mp4'); // same size as the others, other bytes
  const a: ProvinceUnit = {
    unit: { name: '沈阳市教育局' },
    works: [
      ml(
        'w1',
        '小小的船',
        [
          author({ name: '张强', unit: '沈阳市和平区第一小学', mobile: '13800000001' }),
          author({ name: '李娜', unit: '沈阳市和平区第一小学', mobile: '' }),
        ],
        [aVideo],
      ),
      ml('w2', '分数的初步认识', [
        author({ name: '王芳', unit: '沈阳市皇姑区实验小学', mobile: '13800000002' }),
        author({ name: '赵敏', unit: '沈阳市皇姑区实验小学', mobile: '' }),
      ]),
      ml('w3', '圆的面积', [author({ name: '孙丽', unit: '沈阳市第七中学', mobile: '13800000003' })]),
      // Within the unit only: a member in three works is the unit's own authors.max-two, not a province finding.
      ml('w4', '春晓', [
        author({ name: '周一', unit: '沈阳市实验学校', mobile: '13800000004' }),
        author({ name: '吴二', unit: '沈阳市实验学校', mobile: '' }),
      ]),
      ml('w5', '夏夜', [
        author({ name: '周五', unit: '沈阳市实验学校', mobile: '13800000005' }),
        author({ name: '吴二', unit: '沈阳市实验学校', mobile: '' }),
      ]),
      ml('w6', '秋思', [
        author({ name: '周六', unit: '沈阳市实验学校', mobile: '13800000006' }),
        author({ name: '吴二', unit: '沈阳市实验学校', mobile: '' }),
      ]),
    ],
  };
  const b: ProvinceUnit = {
    unit: { name: '大连市教育局' },
    works: [
      // 张强 again, his unit typed another way, his mobile the same.
      ml(
        'w1',
        '大连的海',
        [
          author({ name: '陈刚', unit: '大连市中山区实验小学', mobile: '13900000001' }),
          author({ name: '张 强', unit: '沈阳市和平区第一小学校', mobile: '13800000001' }),
        ],
        [bVideo],
      ),
      ml('w2', '认识钟表', [
        author({ name: '刘洋', unit: '大连市沙河口区小学', mobile: '13900000009' }),
        author({ name: '赵敏', unit: '沈阳市皇姑区实验小学', mobile: '' }),
      ]),
    ],
  };
  const c: ProvinceUnit = {
    unit: { name: '辽宁师范大学' },
    works: [
      ml(
        'w1',
        '高等数学导引',
        [
          author({ name: '郑华', unit: '辽宁师范大学', mobile: '13700000001' }),
          author({ name: '赵敏', unit: '沈阳市皇姑区实验小学', mobile: '' }),
        ],
        [cVideo],
      ),
      ml('w2', '圆的面积', [author({ name: '孙丽', unit: '沈阳市第七中学', mobile: '13800000003' })]),
      ml('w3', '数据结构', [author({ name: '刘阳', unit: '辽宁师范大学', mobile: '139-0000-0009' })]),
    ],
  };
  const content = new Map<FileRef, { size: number; hash?: string }>([
    [aVideo, { size: 409600, hash: 'aa' }],
    [cVideo, { size: 409600, hash: 'aa' }],
    [bVideo, { size: 409600, hash: 'bb' }],
  ]);
  return { units: [a, b, c], content };
}

describe('province rules', () => {
  it('find exactly what was planted, on every work involved, with the unit it belongs to', () => {
    const { units, content } = scenario();
    const found = provinceRules(profile, units, (f) => content.get(f) ?? null);
    const got = found.map((f) => `${f.unit} ${f.work} ${f.rule}`).sort();
    expect(got).toEqual(
      [
        '沈阳市教育局 w1 province.first-author',
        '大连市教育局 w1 province.first-author',
        '沈阳市教育局 w2 province.max-two',
        '大连市教育局 w2 province.max-two',
        '辽宁师范大学 w1 province.max-two',
        '沈阳市教育局 w3 province.same-work',
        '辽宁师范大学 w2 province.same-work',
        // 孙丽 leads a work in each of two units: also a first author twice.
        '沈阳市教育局 w3 province.first-author',
        '辽宁师范大学 w2 province.first-author',
        '大连市教育局 w2 province.mobile-names',
        '辽宁师范大学 w3 province.mobile-names',
        '沈阳市教育局 w1 province.same-file',
        '辽宁师范大学 w1 province.same-file',
      ].sort(),
    );
    const one = (unit: string, key: string, rule: string) =>
      found.find((f) => f.unit === unit && f.work === key && f.rule === rule)!.message;
    expect(one('大连市教育局', 'w1', 'province.first-author')).toBe(
      '张强 是 沈阳市教育局的w1《小小的船》 的第一作者，不能再参与本作品(跨单位)',
    );
    expect(one('沈阳市教育局', 'w1', 'province.first-author')).toContain('还出现在 大连市教育局的w1《大连的海》 中');
    expect(one('沈阳市教育局', 'w2', 'province.max-two')).toContain('赵敏 在各单位共参与了 3 件作品');
    expect(one('辽宁师范大学', 'w3', 'province.mobile-names')).toBe(
      '手机号 13900000009 在其他作品中对应另一个姓名(大连市教育局的w2《认识钟表》：刘洋)：同一手机号应是同一人，请核对姓名',
    );
    expect(one('辽宁师范大学', 'w1', 'province.same-file')).toBe(
      'c/w1.mp4 与 沈阳市教育局的w1《小小的船》的 a/w1.mp4 内容完全相同：同一文件由两个单位报送',
    );
    expect(found.every((f) => f.severity === profile.severities[f.rule as keyof typeof profile.severities])).toBe(true);
    // Every province.* id of the table is raised here.
    expect(new Set(found.map((f) => f.rule))).toEqual(new Set(RULE_IDS.filter((id) => id.startsWith('province.'))));
  });

  it('hash only the sizes two units share; without content, no file finding', () => {
    const { units, content } = scenario();
    expect([...sizesToHash(units, (f) => content.get(f)?.size ?? null)]).toEqual([409600]);
    // A small file identical in two units (a blank template) is not compared.
    const small = new Map([...content].map(([f, c]) => [f, { ...c, size: 4096 }]));
    expect(
      provinceRules(profile, units, (f) => small.get(f) ?? null).some((f) => f.rule === 'province.same-file'),
    ).toBe(false);
    expect(provinceRules(profile, units).some((f) => f.rule === 'province.same-file')).toBe(false);
    // One unit alone: nothing across units.
    expect(provinceRules(profile, [units[0]!], (f) => content.get(f) ?? null)).toEqual([]);
  });
});
