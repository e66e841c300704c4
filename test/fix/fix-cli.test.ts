// `baosong fix` on a catalog: the dry run says what it would do and writes nothing; the fix makes a new file in the
// catalog's workspace that the check passes, the source untouched; --restore goes back and removes only our file.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { microlecture, validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';
import { clip } from '../helpers/media.js';

const BIN = fileURLToPath(new URL('../../bin/baosong.js', import.meta.url));
const baosong = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const stamp = (f: string) => ({
  hash: createHash('sha256').update(readFileSync(f)).digest('hex'),
  mtime: statSync(f).mtimeMs,
});
const rulesOf = (db: string, work: string) =>
  (
    JSON.parse(baosong('check', '--db', db, '--json').stdout) as {
      findings: { rule: string; work?: string; file?: string }[];
    }
  ).findings.filter((f) => f.work === work);

describe('baosong fix', () => {
  it('remuxes an iPhone .mov named .mp4: dry run, fix, re-check, restore', async () => {
    const dir = join(tempDir(), '报送 目录');
    const file = await writeBatch(dir, validBatch([microlecture('w1', '张强')]));
    const video = join(dir, 'works/w1/微课.mp4');
    copyFileSync(clip('quicktime.mp4'), video);
    const before = stamp(video);
    const db = join(dir, 'c.sqlite');
    expect(baosong('import', file, '--db', db).status).toBe(0);
    expect(rulesOf(db, 'w1').map((f) => f.rule)).toContain('video.container');

    const dry = baosong('fix', '--db', db, '--dry-run');
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('video.container：重新封装为 MP4，不重新编码');
    expect(dry.stdout).toContain('没有修改任何作品文件');
    expect(existsSync(join(dir, 'c.baosong', 'fixed'))).toBe(false);

    const run = baosong('fix', '--db', db, '--work', 'w1', '--what', 'remux');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('复查通过');
    const fixed = readdirSync(join(dir, 'c.baosong', 'fixed'));
    expect(fixed).toHaveLength(1);
    expect(rulesOf(db, 'w1').map((f) => f.rule)).not.toContain('video.container');
    expect(stamp(video)).toEqual(before);
    // The export takes the fixed file like any other.
    const out = join(dir, '导出');
    expect(baosong('export', '--db', db, '--out', out, '--allow-errors').status).toBeLessThan(2);
    const exported = readdirSync(join(out, '2微课'))
      .flatMap((d) => readdirSync(join(out, '2微课', d)).map((f) => join(out, '2微课', d, f)))
      .find((f) => f.endsWith('微课视频.mp4'))!;
    expect(readFileSync(exported).equals(readFileSync(join(dir, 'c.baosong', 'fixed', fixed[0]!)))).toBe(true);

    const back = baosong('fix', '--db', db, '--restore');
    expect(back.status, back.stderr).toBe(0);
    expect(back.stdout).toContain('已还原');
    expect(readdirSync(join(dir, 'c.baosong', 'fixed'))).toEqual([]);
    expect(rulesOf(db, 'w1').map((f) => f.rule)).toContain('video.container');
    expect(stamp(video)).toEqual(before);
  }, 180_000);

  it('transcodes an HEVC micro-lecture to H.264: the check no longer warns, the source untouched', async () => {
    const dir = tempDir();
    const file = await writeBatch(dir, validBatch([microlecture('w1', '张强')]));
    const video = join(dir, 'works/w1/微课.mp4');
    copyFileSync(clip('hevc.mp4'), video);
    const before = stamp(video);
    const db = join(dir, 'c.sqlite');
    expect(baosong('import', file, '--db', db).status).toBe(0);
    expect(rulesOf(db, 'w1').map((f) => f.rule)).toContain('video.codec-playable');
    const dry = baosong('fix', '--db', db, '--dry-run');
    expect(dry.stdout).toMatch(/video\.codec-playable：转码为 H\.264、AAC 音频，画面尺寸和帧率不变，约 \d+ 秒/);
    expect(dry.stdout).toContain('不会：不会放大画面，也不会添加声音');
    const run = baosong('fix', '--db', db, '--what', 'video.codec-playable');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(rulesOf(db, 'w1').map((f) => f.rule)).not.toContain('video.codec-playable');
    expect(stamp(video)).toEqual(before);
  }, 180_000);

  it('says what the teacher must do where no fix exists, and exits 1', async () => {
    const dir = tempDir();
    const file = await writeBatch(dir, validBatch([microlecture('w1', '张强')]));
    copyFileSync(clip('small-silent.mp4'), join(dir, 'works/w1/微课.mp4'));
    const db = join(dir, 'c.sqlite');
    expect(baosong('import', file, '--db', db).status).toBe(0);
    const r = baosong('fix', '--db', db, '--what', 'video.audio,video.resolution');
    expect(r.stdout).toMatch(/video\.audio：需要配音讲解，不能自动添加：请作者提供有声音的视频/);
    expect(r.status).toBe(1);
    expect(existsSync(join(dir, 'c.baosong', 'fixed'))).toBe(false);
  }, 120_000);
});
