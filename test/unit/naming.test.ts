import { win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeChanges,
  fitStem,
  isReservedName,
  NAME_LIMITS,
  safeName,
  utf8Length,
  windowsNameKey,
  windowsNameProblems,
} from '../../src/shared/rules/naming.js';
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

describe('Windows names (path.win32 semantics)', () => {
  // What Windows does with a name, written independently of the code under test: the device check looks at the
  // part before the first dot, with trailing spaces dropped (so `NUL .txt` and `con.tar.gz` are devices).
  const device = (name: string) =>
    /^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])$/i.test(win32.basename(name).split('.')[0]!.trimEnd());

  it('knows the device names, also with an extension, and nothing else', () => {
    const reserved = [
      'CON',
      'con',
      'AUX.mp4',
      'con.docx',
      'Nul.tar.gz',
      'NUL .txt',
      'prn',
      'COM1',
      'com0.zip',
      'LPT9',
      'COM¹',
      'lpt³.pdf',
      'CONIN$',
      'conout$.txt',
    ];
    const fine = [
      'CONSOLE',
      'AUX1',
      'COM10',
      'LPT',
      'con_x.docx',
      'x.con',
      '_CON',
      '1-张三-CON',
      '支撑材料-1-AUX.pdf',
      'CONIN',
      'CONIN$x',
    ];
    for (const n of reserved) expect([n, isReservedName(n)]).toEqual([n, true]);
    for (const n of reserved) expect([n, device(n)]).toEqual([n, true]);
    for (const n of fine) expect([n, isReservedName(n)]).toEqual([n, false]);
    for (const n of fine) expect([n, device(n)]).toEqual([n, false]);
  });

  it('safeName guards device names with extensions and the console names', () => {
    expect(safeName('AUX.mp4').name).toBe('_AUX.mp4');
    expect(safeName('con.docx').name).toBe('_con.docx');
    expect(safeName('CONOUT$').name).toBe('_CONOUT$');
    expect(safeName('CONIN$').changes.map((c) => c.why)).toEqual(['Windows 保留名']);
  });

  it('names every problem of a finished name', () => {
    expect(windowsNameProblems('作品登记表.docx')).toEqual([]);
    expect(windowsNameProblems('报告. ')).toEqual(['以空格或“.”结尾']);
    expect(windowsNameProblems('AUX.mp4')).toEqual(['是 Windows 的设备保留名']);
    expect(windowsNameProblems('a:b')).toEqual(['含 Windows 不允许的字符']);
    expect(windowsNameProblems('长'.repeat(81))).toEqual(['超过 240 字节(UTF-8)']);
    expect(windowsNameProblems('a'.repeat(256))).toEqual(['超过 255 个字符', '超过 240 字节(UTF-8)']);
  });

  it('measures UTF-8 bytes and keeps a name within 255 UTF-16 units and 240 bytes', () => {
    expect(utf8Length('a长𠀀é')).toBe(1 + 3 + 4 + 2);
    expect(NAME_LIMITS).toEqual({ utf16: 255, utf8: 240 });
    const cut = fitStem('支撑材料-1-', '获奖证书'.repeat(40), '.pdf');
    expect(Buffer.byteLength(`支撑材料-1-${cut}.pdf`)).toBeLessThanOrEqual(240);
    expect(Buffer.byteLength(`支撑材料-1-${cut}获.pdf`)).toBeGreaterThan(240);
    // Astral characters: two UTF-16 units, four bytes; never cut in half.
    const astral = fitStem('', '𠀀'.repeat(100), '.txt');
    expect(astral).toBe('𠀀'.repeat(59));
    // A cut that would end in a dot or a space is trimmed.
    expect(fitStem('', `${'长'.repeat(79)}. 长长长`, '')).toBe('长'.repeat(79));
    expect(fitStem('x-', '短', '.pdf')).toBe('短');
  });

  it('takes names that differ only in case (or Unicode form) for one file, as NTFS and exFAT do', () => {
    expect(windowsNameKey('作品登记表.DOCX')).toBe(windowsNameKey('作品登记表.docx'));
    expect(windowsNameKey('Caf\u00e9')).toBe(windowsNameKey('CAFE\u0301'));
    expect(windowsNameKey('a.docx')).not.toBe(windowsNameKey('b.docx'));
  });
});
