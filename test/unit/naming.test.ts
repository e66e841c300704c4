import { describe, expect, it } from 'vitest';
import { describeChanges, safeName } from '../../src/shared/rules/naming.js';
import { charCount, charCountNoSpace, fold, personKey } from '../../src/shared/text.js';

describe('safeName', () => {
  it('replaces the characters Windows refuses with full-width look-alikes and says so', () => {
    const r = safeName('函数: y=f(x)? <a|b> "c" \\ /');
    expect(r.name).toBe('函数： y=f(x)？ ＜a｜b＞ ＂c＂ ＼ ／');
    expect(r.changes.map((c) => c.from)).toEqual([':', '?', '<', '|', '>', '"', '"', '\\', '/']);
    expect(describeChanges(r.changes)).toContain('“:”改为“：”');
  });

  it('drops control characters and emoji, trims dots and spaces, guards reserved names', () => {
    expect(safeName('小小的船\u0007🚢').name).toBe('小小的船');
    expect(safeName(' .船. ').name).toBe('船');
    expect(safeName('CON').name).toBe('_CON');
    expect(safeName('👍🏻好').changes.length).toBeGreaterThan(0);
  });

  it('leaves a clean Chinese title alone', () => {
    expect(safeName('小小的船——一年级语文(上)')).toEqual({ name: '小小的船——一年级语文(上)', changes: [] });
  });
});

describe('text', () => {
  it('folds full-width to half-width and collapses spaces', () => {
    expect(fold('　ＺＨＡＮＧ　１２３ ')).toBe('ZHANG 123');
    expect(personKey('张　强', ' 一小 ')).toBe(personKey('张强', '一小'));
    expect(personKey('张强', '一小')).not.toBe(personKey('张强', '二小'));
  });

  it('counts characters, not bytes or UTF-16 units', () => {
    expect(charCount('汉字😀')).toBe(3);
    expect(charCountNoSpace('汉 字\n\t　好')).toBe(3);
  });
});
