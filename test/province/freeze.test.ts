// The freeze audit: a unit's tree recorded at first verification and verified later against that record — a file
// changed with its size and time kept, one added, one removed, and the tree's own manifest written again to hide it
// are all named; a tree that does not match its own manifest is refused as a baseline; a hand-made tree without a
// manifest is recorded as it is.
import { mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashFile } from '../../src/main/fs/hash.js';
import { formatManifest, MANIFEST } from '../../src/main/export/manifest.js';
import { auditFreeze, freezeReport, recordFreeze } from '../../src/main/province/freeze.js';
import { tempDir } from '../helpers/files.js';

async function tree(withManifest: boolean): Promise<string> {
  const dir = join(tempDir(), '沈阳市 云盘');
  const files: Record<string, string> = {
    '作品汇总表.xlsx': 'xlsx bytes',
    '2微课/1-张强-小小的船/微课视频.mp4': 'video bytes '.repeat(100),
    '2微课/1-张强-小小的船/作品登记表.pdf': 'pdf bytes',
    '2微课/2-王芳-分数的初步认识/微课视频.mp4': 'other video '.repeat(90),
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  if (withManifest) await writeManifest(dir, Object.keys(files));
  return dir;
}

async function writeManifest(dir: string, rels: string[]) {
  const entries = await Promise.all(
    rels.map(async (rel) => ({ rel, sha256: (await hashFile(join(dir, rel))).sha256 })),
  );
  writeFileSync(join(dir, MANIFEST), formatManifest(entries));
}

describe('the freeze audit', () => {
  it("names every file changed, added or removed since the record, even when the tree's manifest was written again", async () => {
    const dir = await tree(true);
    const record = await recordFreeze(dir, undefined, new Date('2026-07-15T09:00:00Z'));
    expect(Object.keys(record.files)).toHaveLength(4);
    expect(record.manifestSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await auditFreeze(dir, record)).intact).toBe(true);

    // Tampered: one byte of a video changed, its size and time kept; a file added; one removed; the manifest redone.
    const video = join(dir, '2微课/1-张强-小小的船/微课视频.mp4');
    const st = statSync(video);
    const bytes = readFileSync(video);
    bytes[10] = bytes[10]! ^ 1;
    writeFileSync(video, bytes);
    utimesSync(video, st.atime, st.mtime);
    writeFileSync(join(dir, '2微课/1-张强-小小的船/补交说明.docx'), 'late');
    rmSync(join(dir, '2微课/1-张强-小小的船/作品登记表.pdf'));
    await writeManifest(dir, [
      '作品汇总表.xlsx',
      '2微课/1-张强-小小的船/微课视频.mp4',
      '2微课/1-张强-小小的船/补交说明.docx',
      '2微课/2-王芳-分数的初步认识/微课视频.mp4',
    ]);

    const audit = await auditFreeze(dir, record);
    expect(audit).toEqual({
      changed: ['2微课/1-张强-小小的船/微课视频.mp4'],
      added: ['2微课/1-张强-小小的船/补交说明.docx'],
      removed: ['2微课/1-张强-小小的船/作品登记表.pdf'],
      manifestReplaced: true,
      // Written again over the changed tree, the manifest agrees with it: only the baseline shows the change.
      manifest: { changed: [], missing: [], extra: [] },
      intact: false,
    });
    const report = freezeReport('沈阳市教育局', record, audit, new Date('2026-09-30T09:00:00Z'));
    expect(report).toBe(
      [
        '沈阳市教育局：云盘文件夹封存核验(基准 2026-07-15，核验 2026-09-30，基准共 4 个文件)',
        '结论：封存后有改动。',
        '内容被修改(1)：',
        '  2微课/1-张强-小小的船/微课视频.mp4',
        '新增(1)：',
        '  2微课/1-张强-小小的船/补交说明.docx',
        '删除(1)：',
        '  2微课/1-张强-小小的船/作品登记表.pdf',
        'manifest.sha256 已被改写或删除。',
        '',
      ].join('\n'),
    );
  });

  it('refuses as a baseline a tree that already differs from its own manifest; records a hand-made one as it is', async () => {
    const dir = await tree(true);
    writeFileSync(join(dir, '作品汇总表.xlsx'), 'edited after the export');
    await expect(recordFreeze(dir)).rejects.toThrow(
      /与它自己的 manifest\.sha256 不一致.*与 manifest\.sha256 不符或缺失：作品汇总表\.xlsx/,
    );
    const hand = await tree(false);
    const record = await recordFreeze(hand);
    expect(record.manifestSha256).toBeNull();
    expect(Object.keys(record.files).sort()).toEqual([
      '2微课/1-张强-小小的船/作品登记表.pdf',
      '2微课/1-张强-小小的船/微课视频.mp4',
      '2微课/2-王芳-分数的初步认识/微课视频.mp4',
      '作品汇总表.xlsx',
    ]);
    expect(freezeReport('某大学', record, await auditFreeze(hand, record))).toContain('结论：与封存基准完全一致。');
    await expect(recordFreeze(join(hand, '没有这个'))).rejects.toThrow(/无法读取文件夹/);
  });
});
