// The export's target on real disks, through the real CLI: a folder whose whole paths are too long for Excel,
// Word and Explorer; a file of 4 GiB (sparse: `truncate`, never 4 GB of real data) that a free cloud account
// cannot upload; a FAT32 disk (a loop-mounted image, else a FUSE-mounted one) that cannot hold it.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { microlecture, validBatch, writeBatch } from '../helpers/batch.js';
import { FIXTURES, tempDir } from '../helpers/files.js';

const BIN = fileURLToPath(new URL('../../bin/baosong.js', import.meta.url));
const baosong = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const GiB = 1024 ** 3;

let root: string;
/** Two works of small files. */
let small: string;
/** The same, but w2's video is just over 4 GiB. */
let db: string;
let video: string;

beforeAll(async () => {
  root = join(tempDir('baosong-target-'), '报送 材料');
  for (const [name, big] of [
    ['小', false],
    ['大', true],
  ] as const) {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    const file = await writeBatch(dir, validBatch([microlecture('w1', '张强'), microlecture('w2', '王芳')]));
    if (big) {
      // Sparse (no blocks on disk), and no MP4 inside: the check says so, hence export --allow-errors. Only
      // exports that are refused before copying use this catalog: none writes 4 GB.
      video = join(dir, 'works/w2/微课.mp4');
      truncateSync(video, 0);
      truncateSync(video, 4 * GiB + 4096);
      expect(statSync(video).blocks).toBeLessThan(64);
    }
    const catalog = join(dir, 'catalog.sqlite');
    expect(baosong('import', file, '--db', catalog).status).toBe(0);
    if (big) db = catalog;
    else small = catalog;
  }
}, 120_000);

describe('the cloud drive', () => {
  it('the check warns that a free account cannot upload the 4 GiB file, and which tier can', () => {
    const report = JSON.parse(baosong('check', '--db', db, '--json').stdout);
    const f = report.findings.find((x: { rule: string }) => x.rule === 'cloud.file-size');
    expect(f).toMatchObject({
      work: 'w2',
      role: 'lecture-video',
      file: 'works/w2/微课.mp4',
      severity: 'warning',
      actual: '4.00 GB',
    });
    expect(f.message).toContain('需要用百度网盘会员');
    expect(f.message).toContain('超过百度网盘免费账号的单个文件上限 4.00 GB');
  });
});

describe('whole paths from the real target', () => {
  it('a folder near the root: the pre-flight has no limit to report, and says the disk format', () => {
    const r = baosong('preflight', '--db', small, '--out', join(root, '导出'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/磁盘格式 +\S+/);
    expect(r.stdout).not.toMatch(/Excel|Word 打不开|资源管理器/);
    expect(r.stdout).toContain('结论：可以导出');
  });

  it('a deep folder: the pre-flight and the export name the longest path for Excel, Word and Explorer', () => {
    // Each component within Linux's 255 bytes; together past 259 characters under the tree's longest path.
    let deep = root;
    for (let i = 0; i < 4; i++)
      deep = join(deep, `第二十九届教育教学信息化交流活动报送材料备份第${i + 1}份${'x'.repeat(30)}`);
    const out = join(deep, '导出');
    const r = baosong('preflight', '--db', small, '--out', out, '--json');
    expect(r.status).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(p.limits.map((f: { rule: string }) => f.rule)).toEqual([
      'target.path-excel',
      'target.path-word',
      'target.path-explorer',
    ]);
    const [, word, wordLength] = /最长的是 (.+?)\((\d+) 个字符\)/.exec(p.limits[1].message)!;
    expect(word).toBe(join(out, '2微课/1-张强-小小的船w1/作品登记表.docx'));
    expect(Number(wordLength)).toBe(word!.length);
    expect(p.limits[0].message).toContain(`最长的是 ${join(out, '作品汇总表.xlsx')}(`);
    expect(p.limits[2].message).toContain('D:\\云盘上传');
    // The export goes ahead (these are warnings) and repeats them.
    const e = baosong('export', '--db', small, '--out', out);
    expect(e.stderr, e.stderr).not.toMatch(/错误/);
    expect(e.status).toBe(0);
    expect(e.stdout).toContain('Excel 打不开');
    expect(e.stdout).toContain('资源管理器');
    expect(existsSync(join(out, 'manifest.sha256'))).toBe(true);
    // What was reported as the longest is the longest path on disk.
    const [, explorer] = /最长的是 (.+?)\(\d+ 个字符\)/.exec(p.limits[2].message)!;
    const paths = readdirSync(out, { recursive: true }).map((rel) => join(out, String(rel)));
    expect(paths).toContain(explorer);
    expect(Math.max(...paths.map((x) => x.length))).toBe(explorer!.length);
  }, 60_000);
});

describe('names at and past their limits on a real disk', () => {
  it('a 90-character title, a 120-character author and a scan given as .DOCX export without a failure', async () => {
    const dir = join(root, '长名');
    mkdirSync(dir);
    const w = microlecture('w1', '名'.repeat(120), { title: '题'.repeat(90) });
    w.files[0].path = 'works/w1/登记表扫描.DOCX';
    const file = await writeBatch(dir, validBatch([w]));
    copyFileSync(join(FIXTURES, 'docx_word2010_with_picture.docx'), join(dir, 'works/w1/登记表扫描.DOCX'));
    const catalog = join(dir, 'catalog.sqlite');
    expect(baosong('import', file, '--db', catalog).status).toBe(0);
    // The check already says so (warnings), before any export.
    const report = JSON.parse(baosong('check', '--db', catalog, '--json').stdout);
    const naming = report.findings.filter((f: { rule: string }) =>
      ['title.too-long', 'file.export-name'].includes(f.rule),
    );
    expect(naming.map((f: { rule: string }) => f.rule).sort()).toEqual([
      'file.export-name',
      'file.export-name',
      'title.too-long',
    ]);
    expect(naming.every((f: { work: string; severity: string }) => f.work === 'w1' && f.severity === 'warning')).toBe(
      true,
    );
    const out = join(dir, '导出');
    const r = baosong('export', '--db', catalog, '--out', out, '--allow-errors');
    expect(r.stderr).not.toMatch(/错误|ENAMETOOLONG|EEXIST/);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('作者姓名太长');
    expect(r.stdout).toContain('作品名称太长');
    expect(r.stdout).toContain('作品登记表-2.DOCX');
    const names = readdirSync(out, { recursive: true }).map(String);
    for (const n of names)
      for (const part of n.split('/')) expect(Buffer.byteLength(part), part).toBeLessThanOrEqual(240);
    expect(names.filter((n) => /作品登记表(-2)?\.docx$/i.test(n))).toHaveLength(2);
    expect(baosong('verify', out).status).toBe(0);
  }, 60_000);
});

/** A FAT32 file system at a folder: a loop mount where the kernel has vfat, else fusefat; null (why) if neither. */
function mountFat32(): { dir: string; unmount: () => void } | string {
  const tools = ['mkfs.vfat', 'mount', 'umount'].filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
  if (tools.length) return `缺少 ${tools.join('、')}(dosfstools)`;
  const image = join(tempDir('baosong-fat-'), 'u盘.img');
  const dir = join(tempDir('baosong-fat-'), 'U 盘');
  mkdirSync(dir);
  writeFileSync(image, '');
  truncateSync(image, 64 * 1024 * 1024);
  execFileSync('mkfs.vfat', ['-F', '32', '-n', 'USB', image], { stdio: 'ignore' });
  const loop = spawnSync('mount', ['-o', 'loop', image, dir], { encoding: 'utf8' });
  if (loop.status === 0) return { dir, unmount: () => void spawnSync('umount', [dir]) };
  const fuse = spawnSync('fusefat', ['-o', 'rw+', image, dir], { encoding: 'utf8' });
  if (fuse.status === 0)
    return {
      dir,
      unmount: () => void (spawnSync('fusermount', ['-u', dir]).status === 0 || spawnSync('umount', [dir])),
    };
  return `无法挂载 FAT32 镜像：mount -o loop：${loop.stderr.trim() || loop.error?.message}；fusefat：${fuse.stderr?.trim() || fuse.error?.message}`;
}

const fat = process.platform === 'linux' ? mountFat32() : '只在 Linux 上挂载镜像';
if (typeof fat === 'string') console.warn(`跳过 FAT32 的用例：${fat}`);
// Unmounted when the file ends, whichever of its tests ran (a filtered run skips the describe's own hooks).
afterAll(() => {
  if (typeof fat !== 'string') fat.unmount();
});

describe.skipIf(typeof fat === 'string')(
  `a FAT32 disk (skipped where no FAT32 image can be mounted: ${typeof fat === 'string' ? fat : 'mounted'})`,
  () => {
    const mount = fat as { dir: string; unmount: () => void };

    it('the pre-flight reads the format and says the export cannot go there', () => {
      const r = baosong('preflight', '--db', db, '--out', join(mount.dir, '导出'), '--json');
      expect(r.status).toBe(1);
      const p = JSON.parse(r.stdout);
      expect(p.fileSystem).toMatch(/fat/i);
      expect(p.limits).toMatchObject([
        { rule: 'target.fat32', severity: 'error', file: '2微课/2-王芳-小小的船w2/微课视频.mp4' },
      ]);
    });

    it('the export is refused before anything is copied: exit 2, the file named, the disk untouched', () => {
      const before = readdirSync(mount.dir);
      const r = baosong('export', '--db', db, '--out', join(mount.dir, '导出'), '--allow-errors');
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('FAT32');
      expect(r.stderr).toContain('2微课/2-王芳-小小的船w2/微课视频.mp4(4.00 GB)');
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
      expect(readdirSync(mount.dir)).toEqual(before);
      // The source is as it was.
      expect(statSync(video).size).toBe(4 * GiB + 4096);
    }, 60_000);
  },
);

afterAll(() => {
  // The 4 GiB sparse file takes no room, but the temp folder is removed all the same.
  rmSync(join(root, '..'), { recursive: true, force: true });
});
