// The export target's limits (pre-flight lines), pure: whole paths for Excel/Word/Explorer, FAT32, the cloud
// drive's account tiers and share size. The same rules on real disks: test/export/target.test.ts.
import { describe, expect, it } from 'vitest';
import { targetRules, type TargetInput } from '../../src/shared/rules/cloud.js';
import { requireProfile } from '../../src/shared/rules/registry.js';
import { findings, profile, work } from '../helpers/build.js';

const FAT32_MAX_FILE = requireProfile(null).limits.target.fat32MaxBytes;

const GiB = 1024 ** 3;
const tree = (rels: string[], bytes = 1000) => rels.map((rel) => ({ rel, bytes }));
const FILES = tree(['作品汇总表.xlsx', '2微课/1-张三-小小的船/作品登记表.docx', '2微课/1-张三-小小的船/微课视频.mp4']);
const run = (over: Partial<TargetInput>) =>
  targetRules({
    profile,
    dir: 'D:\\云盘上传',
    sep: '\\',
    files: FILES,
    fileSystem: { name: 'NTFS', fat: false },
    ...over,
  });
const rules = (list: { rule: string }[]) => list.map((f) => f.rule);

describe('whole paths from the real target', () => {
  it('a folder near the drive root has nothing to say', () => {
    expect(run({})).toEqual([]);
  });

  it('counts the whole Windows path, in UTF-16 units, against 218 (Excel), 255 (Word) and 259 (Explorer)', () => {
    // 作品汇总表.xlsx is 10 units; with the separator, dir of 208 units makes 219 (over), 207 makes 218 (not).
    const at = (n: number) => `D:\\${'x'.repeat(n - 3)}`;
    expect(rules(run({ dir: at(207) }))).toEqual([]);
    expect(rules(run({ dir: at(208) }))).toEqual(['target.path-excel']);
    const word = '2微课/1-张三-小小的船/作品登记表.docx'.length;
    expect(rules(run({ dir: at(255 - word - 1) }))).toEqual(['target.path-excel']);
    expect(rules(run({ dir: at(256 - word - 1) }))).toEqual(['target.path-excel', 'target.path-word']);
    const mp4 = '2微课/1-张三-小小的船/微课视频.mp4'.length;
    expect(rules(run({ dir: at(260 - mp4 - 1) }))).toEqual([
      'target.path-excel',
      'target.path-word',
      'target.path-explorer',
    ]);
    expect(requireProfile(null).limits.target).toMatchObject({ pathExcel: 218, pathWord: 255, pathExplorer: 259 });
    // The limit is the profile's: an edition that says 200 is judged by 200.
    const strict = { ...profile, limits: { ...profile.limits, target: { ...profile.limits.target, pathExcel: 200 } } };
    expect(rules(targetRules({ profile: strict, dir: at(195), sep: '\\', files: FILES, fileSystem: null }))).toEqual([
      'target.path-excel',
    ]);
  });

  it('names the longest path and how much shorter the target must be, and suggests a folder near the root', () => {
    const dir = `C:\\Users\\张 三\\Desktop\\${'第二十九届教育教学信息化交流活动'.repeat(14)}`;
    const [excel, word, explorer] = run({ dir });
    const longest = `${dir}\\2微课\\1-张三-小小的船\\作品登记表.docx`;
    expect(word!.message).toContain(`最长的是 ${longest}(${longest.length} 个字符)`);
    expect(word!.message).toContain(`至少要短 ${longest.length - 255} 个字符`);
    expect(word!.message).toContain('D:\\云盘上传');
    expect(word).toMatchObject({
      rule: 'target.path-word',
      severity: 'warning',
      expected: '≤ 255 个字符',
      actual: `${longest.length} 个字符`,
    });
    expect(excel!.message).toContain('Excel 打不开');
    expect(explorer!.message).toContain('资源管理器');
  });
});

describe('the disk and the cloud drive', () => {
  it('FAT32 refuses a file of 4 GiB; a file one byte smaller fits; NTFS and exFAT take both', () => {
    const big = tree(['2微课/1-张三-船/微课视频.mp4'], FAT32_MAX_FILE + 1);
    const fat = run({ files: big, fileSystem: { name: 'vfat', fat: true } });
    expect(fat).toMatchObject([
      { rule: 'target.fat32', severity: 'error', file: '2微课/1-张三-船/微课视频.mp4', actual: '4.00 GB' },
    ]);
    expect(fat[0]!.message).toContain('FAT32');
    expect(run({ files: tree(['a.mp4'], FAT32_MAX_FILE), fileSystem: { name: 'vfat', fat: true } })).toEqual([]);
    expect(run({ files: big, fileSystem: { name: 'exfat', fat: false } })).toEqual([]);
  });

  it('says so where the file system cannot be read, and only when a file is that large', () => {
    const unknown = run({ files: tree(['v.mp4'], 5 * GiB), fileSystem: null, fileSystemUnknown: '网络位置' });
    expect(unknown).toMatchObject([{ rule: 'target.fs-unknown', severity: 'info' }]);
    expect(unknown[0]!.message).toContain('无法读取目标磁盘的格式(网络位置)');
    expect(run({ fileSystem: null, fileSystemUnknown: '网络位置' })).toEqual([]);
  });

  it('a tree of more than 500 files (the manifest counted) cannot be saved in one go without a membership', () => {
    expect(run({ files: tree(Array.from({ length: 499 }, (_, i) => `f${i}.pdf`)) })).toEqual([]);
    const over = run({ files: tree(Array.from({ length: 500 }, (_, i) => `f${i}.pdf`)) });
    expect(over).toMatchObject([
      { rule: 'cloud.file-count', severity: 'warning', actual: '501 个文件', expected: '≤ 500 个文件' },
    ]);
    expect(over[0]!.message).toContain('百度网盘非会员账号');
  });

  it('a work file over 4 GB names the account tier it needs, or that none can take it', () => {
    const sized = (bytes: number) => {
      const w = work('platform-case');
      const f = w.files.find((x) => x.role === 'feature-video')!;
      const list = findings({
        works: [w],
        facts: new Map([[f.absPath, { exists: true, readable: true, size: bytes, kind: 'mp4' }]]),
      });
      return list.filter((x) => x.rule === 'cloud.file-size').map((x) => x.message);
    };
    expect(sized(4 * GiB)).toEqual([]);
    expect(sized(4.5 * GiB)[0]).toContain('需要用百度网盘会员(单个文件 ≤ 10.00 GB)');
    expect(sized(12 * GiB)[0]).toContain('需要用百度网盘超级会员(单个文件 ≤ 20.00 GB)');
    expect(sized(21 * GiB)[0]).toContain('任何账号都不能上传');
  });
});
