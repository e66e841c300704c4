// Issue 25 through the command line: a preview never lands on a source; a unit's name from its own form never
// becomes a path; remove deletes only the province's own files; a province folder inside a unit's tree is refused.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { microlecture, validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';
import { clip } from '../helpers/media.js';
import { baosong, exportedTree } from '../helpers/province.js';

describe('fix --preview', () => {
  it('never writes over a source, a folder or a file it did not make — with --dry-run or without (case 2)', async () => {
    const dir = join(tempDir(), '预览 测试');
    const file = await writeBatch(dir, validBatch([microlecture('w1', '张强', { fields: { 教材版本: '人教版' } })]));
    const video = join(dir, 'works/w1/微课.mp4');
    copyFileSync(clip('no-card.mp4'), video);
    const db = join(dir, 'c.sqlite');
    expect(baosong('import', file, '--db', db).status).toBe(0);
    const before = readFileSync(video);
    for (const extra of [['--dry-run']]) {
      const r = baosong('fix', '--db', db, '--what', 'title-card', '--preview', video, ...extra);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/片头预览 .*(\.png 结尾|源文件)/);
      expect(readFileSync(video).equals(before)).toBe(true);
    }
    const png = join(dir, 'works/w1/封面.png');
    writeFileSync(png, 'a picture of the school');
    let r = baosong('fix', '--db', db, '--what', 'title-card', '--preview', png, '--dry-run');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('已经存在，不是报送助手上次生成的');
    expect(readFileSync(png, 'utf8')).toBe('a picture of the school');
    r = baosong('fix', '--db', db, '--what', 'title-card', '--preview', join(dir, 'works'), '--dry-run');
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/EISDIR|内部错误/);
    // A new file, then the same file again (its own earlier preview): both written.
    const mine = join(dir, '片头 预览.png');
    for (let i = 0; i < 2; i += 1) {
      r = baosong('fix', '--db', db, '--what', 'title-card', '--preview', mine, '--dry-run');
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(mine).subarray(1, 4).toString()).toBe('PNG');
    }
    expect(r.stdout).toContain('片头预览图按要求保存');
  }, 60_000);

  it('says a work key that names no work is not in the catalog (case 22)', async () => {
    const dir = tempDir();
    const file = await writeBatch(dir, validBatch());
    const db = join(dir, 'c.sqlite');
    expect(baosong('import', file, '--db', db).status).toBe(0);
    const r = baosong('fix', '--db', db, '--work', 'nosuch');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('目录中没有作品“nosuch”');
  });
});

describe('province folder', () => {
  // One unit's exported tree for both tests (each has its own province folder); only read by them.
  let shared: { root: string; tree: string };
  beforeAll(async () => {
    const root = join(tempDir(), '省 级');
    shared = { root, tree: await exportedTree(root, '沈阳', { name: '沈阳市教育局' }, [microlecture('w1', '张强')]) };
  }, 120_000);

  it('a unit name that reads as a path stays a file name in the outputs (case 5)', async () => {
    const root = join(shared.root, 'a');
    const tree = shared.tree;
    const province = join(root, 'p', '省级');
    const victim = join(root, 'p', '重要文件.xlsx');
    mkdirSync(dirname(victim), { recursive: true });
    writeFileSync(victim, 'the office');
    const add = baosong('province', 'add', province, tree, '--unit', '../../../p/重要文件', '--kind', 'city-major');
    expect(add.status, add.stderr).toBe(0);
    const check = baosong('province', 'check', province);
    expect(check.status, check.stderr).toBeLessThan(2);
    expect(readFileSync(victim, 'utf8')).toBe('the office');
    expect(readdirSync(join(province, '输出', '退回补交')).sort()).toEqual([
      '／..／..／p／重要文件.pdf',
      '／..／..／p／重要文件.xlsx',
    ]);
  }, 60_000);

  it('remove deletes only what the index names inside units/ (case 8); a folder inside a tree is refused (case 11)', async () => {
    const root = join(shared.root, 'b');
    mkdirSync(root, { recursive: true });
    const tree = shared.tree;
    const province = join(root, '省级');
    expect(baosong('province', 'add', province, tree, '--unit', '沈阳市教育局', '--kind', 'city-major').status).toBe(0);
    // The index edited to name the office's own file.
    const precious = join(root, '台账.sqlite');
    writeFileSync(precious, 'ledger');
    const indexFile = join(province, 'province.json');
    const index = JSON.parse(readFileSync(indexFile, 'utf8'));
    index.units[0].catalog = '../台账.sqlite';
    writeFileSync(indexFile, JSON.stringify(index));
    const r = baosong('province', 'remove', province, '沈阳市教育局');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('不是报送助手的省级目录索引');
    expect(readFileSync(precious, 'utf8')).toBe('ledger');

    // A province folder inside a unit's tree, or the tree's own folder: refused before anything is written.
    for (const inside of [join(tree, '省级'), tree]) {
      const a = baosong('province', 'add', inside, tree, '--unit', '沈阳市教育局', '--kind', 'city-major');
      expect(a.status).toBe(2);
      expect(a.stderr).toContain('不能与单位报送的文件夹重叠');
      expect(existsSync(join(tree, '省级'))).toBe(false);
      expect(existsSync(join(tree, 'province.json'))).toBe(false);
    }
    // And the check's output folder inside a tree.
    index.units[0].catalog = 'units/1.sqlite';
    writeFileSync(indexFile, JSON.stringify(index));
    const c = baosong('province', 'check', province, '--out', join(tree, '输出'));
    expect(c.status).toBe(2);
    expect(c.stderr).toContain('不能与单位报送的文件夹重叠');
    expect(existsSync(join(tree, '输出'))).toBe(false);
  }, 60_000);
});
