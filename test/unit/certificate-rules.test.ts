// certificate.*: the names on the certificates, consistent across the catalog — the works to make agree are named.
import { describe, expect, it } from 'vitest';
import { author, findings, work } from '../helpers/build.js';

const of = (rule: string, list: ReturnType<typeof findings>) => list.filter((f) => f.rule === rule);

describe('certificate.name-variant and certificate.unit-variant', () => {
  it("a first author's mobile with two spellings of the name: both works, each naming the other", () => {
    const a = work('microlecture', {
      title: '小小的船',
      authors: [author({ name: '欧阳晓明', mobile: '13812345678' })],
    });
    const b = work('courseware', { title: '函数', authors: [author({ name: '欧阳晓敏', mobile: '138 1234 5678' })] });
    const list = of('certificate.name-variant', findings({ works: [a, b] }));
    expect(list.map((f) => f.title)).toEqual(['小小的船', '函数']);
    expect(list[0]!.message).toContain('“欧阳晓明”');
    expect(list[0]!.message).toContain('《函数》');
    expect(list[0]!.message).toContain('“欧阳晓敏”');
    expect(list[0]!.severity).toBe('warning');
  });

  it('two teachers sharing an office phone are not a spelling: no finding', () => {
    const a = work('microlecture', { authors: [author({ name: '张强', mobile: '13812345678' })] });
    const b = work('courseware', { authors: [author({ name: '李华', mobile: '13812345678' })] });
    expect(of('certificate.name-variant', findings({ works: [a, b] }))).toEqual([]);
  });

  it('the same name with a space or full-width letters, and a unit with other brackets or spaces', () => {
    const a = work('microlecture', { authors: [author({ name: '张 三', unit: '沈阳市第一中学（东校区）' })] });
    const b = work('courseware', {
      authors: [
        author({ name: '张三', unit: '沈阳市第一中学(东校区)' }),
        author({ name: 'Ａnna', unit: '沈阳市 第一中学(东校区)' }),
      ],
    });
    const c = work('courseware', { authors: [author({ name: 'Anna', unit: '沈阳市第二中学' })] });
    const list = findings({ works: [a, b, c] });
    expect(of('certificate.name-variant', list).map((f) => f.work)).toEqual([a.key, b.key, c.key]);
    const units = of('certificate.unit-variant', list);
    expect(units.map((f) => f.work)).toEqual([a.key, b.key]);
    expect(units[1]!.message).toContain('“沈阳市第一中学(东校区)”');
    expect(units[1]!.message).toContain('“沈阳市 第一中学(东校区)”');
  });

  it('one spelling everywhere: silent', () => {
    const a = work('microlecture', { authors: [author({ name: '张三', unit: '沈阳市第一中学' })] });
    const b = work('courseware', {
      authors: [author({ name: '王芳' }), author({ name: '张三', unit: '沈阳市第一中学' })],
    });
    expect(findings({ works: [a, b] }).filter((f) => f.rule.startsWith('certificate.'))).toEqual([]);
  });
});
