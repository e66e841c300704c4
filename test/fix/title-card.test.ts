// The 微课 title card: six lines from the work, centred white on blue in a 楷体 (the PC's KaiTi, else the bundled
// LXGW WenKai), fitted at any length; joined in front as exactly 5 s at the video's size and rate with silence, its
// frames the card that was rendered (SSIM ≥ 0.98), the lesson after it the source's (≥ 0.95), and our own
// title-card check passing on the result. A cancel leaves nothing behind; the source never changes.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cardFonts, parseUnicodeRange, systemKaitiCandidates, wenkai } from '../../src/main/fix/card-font.js';
import { offerFor } from '../../src/main/fix/catalogue.js';
import { CARD_BLUE, cardFrames, cardText, joinCard, rateOf, renderCard } from '../../src/main/fix/title-card.js';
import { LIBX264 } from '../../src/main/fix/video.js';
import { looksBlue, probeTitleCard } from '../../src/main/inspect/titlecard.js';
import { ffmpegBin } from '../../src/main/inspect/tools.js';
import { probeVideo } from '../../src/main/inspect/video.js';
import { microlecture, validBatch, writeBatch } from '../helpers/batch.js';
import { author, profile, work } from '../helpers/build.js';
import { FIXTURES, tempDir } from '../helpers/files.js';
import { clip } from '../helpers/media.js';

const stamp = (f: string) => ({
  hash: createHash('sha256').update(readFileSync(f)).digest('hex'),
  mtime: statSync(f).mtimeMs,
});

/** Per-frame SSIM of `video`'s frames [from, to) against the still `png`. */
function ssimAgainst(video: string, png: string, from: number, to: number, fps = 25): number[] {
  const graph = `[0:v]trim=start_frame=${from}:end_frame=${to},setpts=PTS-STARTPTS,setsar=1,format=yuv420p[a];[1:v]setsar=1,format=yuv420p[b];[a][b]ssim=shortest=1:stats_file=-`;
  const r = spawnSync(
    ffmpegBin(),
    [
      '-hide_banner',
      '-nostats',
      '-t',
      String(to / fps + 1),
      '-i',
      video,
      '-loop',
      '1',
      '-i',
      png,
      '-filter_complex',
      graph,
      '-f',
      'null',
      '-',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const values = [...r.stdout.matchAll(/All:([\d.]+)/g)].map((m) => Number(m[1]));
  if (!values.length) throw new Error(r.stderr.slice(-800));
  return values;
}

/** The bounding box of the card's non-blue pixels (the text). */
async function inkBox(
  png: Buffer,
): Promise<{ left: number; right: number; top: number; bottom: number; width: number; height: number }> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let [left, right, top, bottom] = [info.width, -1, info.height, -1];
  for (let y = 0; y < info.height; y += 1) {
    for (let x = 0; x < info.width; x += 1) {
      const i = (y * info.width + x) * 3;
      if (
        Math.abs(data[i]! - CARD_BLUE.r) + Math.abs(data[i + 1]! - CARD_BLUE.g) + Math.abs(data[i + 2]! - CARD_BLUE.b) >
        60
      ) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
  }
  return { left, right, top, bottom, width: info.width, height: info.height };
}

const lesson = (fields: Record<string, string> = { 教材版本: '人教版', 学期: '上册' }) =>
  work('microlecture', {
    title: '小小的船',
    subject: '语文',
    grade: '一年级',
    stage: 'primary',
    fields: { 作品特点: '以儿歌导入。', 作品安装运行说明: '任意播放器。', ...fields },
    authors: [
      author({ name: '张强', unit: '沈阳市和平区第一小学' }),
      author({ name: '李娜', unit: '沈阳市和平区第一小学', mobile: '13900000002' }),
    ],
  });

describe('the card', () => {
  it('says the six things the notice names, from the work; 教材版本 missing is said, not guessed', () => {
    const t = cardText(profile, lesson());
    expect(t.lines.map((l) => l.text)).toEqual([
      '教材版本：人教版',
      '学段学科：小学语文',
      '年级学期：一年级上册',
      '《小小的船》',
      '教师：张强、李娜',
      '单位：沈阳市和平区第一小学',
    ]);
    expect(t.lines.filter((l) => l.title)).toHaveLength(1);
    expect(t.missing).toEqual([]);
    expect(cardText(profile, lesson({})).missing).toEqual(['教材版本']);
    // A subject typed with its stage is not doubled.
    expect(cardText(profile, { ...lesson(), subject: '小学语文' }).lines[1]!.text).toBe('学段学科：小学语文');
  });

  it("is blue with white 楷体 text, centred, inside the picture at every size and at the fields' limits", async () => {
    const fonts = cardFonts();
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    const long = work('microlecture', {
      title: '长'.repeat(60),
      subject: '道德与法治',
      grade: '九年级',
      stage: 'junior',
      fields: { 教材版本: '版'.repeat(30), 学期: '下学期' },
      authors: [1, 2, 3].map((i) =>
        author({
          name: `欧阳${'娜'.repeat(4)}${i}`,
          unit: `辽宁省沈阳市${'和平区'.repeat(6)}实验学校第${i}分校`,
          mobile: `1390000000${i}`,
        }),
      ),
    });
    for (const [w, h, text] of [
      [1920, 1080, lesson()],
      [640, 480, lesson()],
      [1920, 1080, long],
      [640, 480, long],
    ] as const) {
      const card = await renderCard(cardText(profile, text).lines, w, h);
      const meta = await sharp(card.png).metadata();
      expect([meta.width, meta.height]).toEqual([w, h]);
      const stats = await sharp(card.png).removeAlpha().stats();
      const c = stats.channels;
      const frame = {
        mean: [c[0]!.mean, c[1]!.mean, c[2]!.mean] as [number, number, number],
        stdev: [c[0]!.stdev, c[1]!.stdev, c[2]!.stdev] as [number, number, number],
        dominant: [stats.dominant.r, stats.dominant.g, stats.dominant.b] as [number, number, number],
      };
      expect(looksBlue(frame), `${w}×${h}`).toBe(true);
      const ink = await inkBox(card.png);
      // Text inside a 5 % margin, and centred (left and right margins within 2 % of each other).
      expect(ink.left, `${w}×${h}`).toBeGreaterThan(w * 0.05);
      expect(ink.right).toBeLessThan(w * 0.95);
      expect(ink.top).toBeGreaterThan(h * 0.05);
      expect(ink.bottom).toBeLessThan(h * 0.95);
      expect(Math.abs(ink.left - (w - 1 - ink.right))).toBeLessThan(w * 0.02);
      expect(card.fallback).toBe(false);
    }
  });

  it("is set in the PC's KaiTi where there is one, else the bundled LXGW WenKai; a character no 楷体 has still shows", async () => {
    expect(systemKaitiCandidates('win32', { SystemRoot: 'C:\\Windows' })[0]).toBe(
      join('C:\\Windows', 'Fonts', 'simkai.ttf'),
    );
    expect(systemKaitiCandidates('darwin', {}).some((p) => /Kaiti/i.test(p))).toBe(true);
    expect(parseUnicodeRange('U+4e00-4e8f, U+4e91')).toEqual([
      [0x4e00, 0x4e8f],
      [0x4e91, 0x4e91],
    ]);
    const bundled = wenkai()!;
    expect(bundled).not.toBeNull();
    // Every character of the notice's card wording and common names is in the bundled 楷体.
    for (const ch of '教材版本学段学科年级学期课名教师姓名所在单位小小的船张强李娜沈阳市和平区第一小学《》：、') {
      expect(bundled.outline(ch.codePointAt(0)!), ch).not.toBeNull();
    }
    // A character no 楷体 here has (a PUA code point) falls back and is said to.
    const fonts = cardFonts();
    const fake = { name: 'x', outline: (cp: number) => (cp === 0x4e00 ? null : fonts[fonts.length - 1]!.outline(cp)) };
    const card = await renderCard([{ text: '一二' }], 320, 240, [fake, fonts[fonts.length - 1]!]);
    expect(card.fallback).toBe(true);
    expect(card.font).toBe('x');
  });

  it('the offer says what will happen, and warns when the card takes a lecture over 10 minutes', () => {
    const o = offerFor('video.title-card', { video: { durationS: 598 } } as never, 'lecture-video', profile.limits)!;
    expect(o.kind).toBe('title-card');
    expect(o.text).toContain('5 秒蓝底白字楷体片头');
    expect(o.text).toContain('超过 10 分钟');
    expect(offerFor('video.title-card', undefined, 'feature-video', profile.limits)).toBeNull();
    expect(rateOf(30000 / 1001)).toBe('30000/1001');
    expect(rateOf(25)).toBe('25');
  });
});

describe('joining the card', () => {
  it('exactly 5 s of the rendered card, then the lesson; sound after silence; our check passes; the source untouched', async () => {
    const dir = tempDir();
    const source = join(dir, '微课.mp4');
    copyFileSync(clip('no-card.mp4'), source);
    const before = stamp(source);
    const was = await probeVideo(source);
    expect((await probeTitleCard(source, null)).frames.every((f) => f.blue)).toBe(false);
    const card = await renderCard(cardText(profile, lesson()).lines, was.width, was.height);
    const png = join(dir, 'card.png');
    writeFileSync(png, card.png);
    const target = join(dir, 'fixed.mp4');
    await joinCard(
      source,
      card.png,
      target,
      { width: was.width, height: was.height, fps: was.fps, audioBitRate: 128000 },
      true,
      LIBX264,
      { duration: was.durationS + 5 },
    );
    const v = await probeVideo(target);
    expect([v.codec, v.profile, v.width, v.height, v.fps]).toEqual(['h264', 'High', was.width, was.height, was.fps]);
    expect(v.audio?.codec).toBe('aac');
    expect(Math.abs(v.durationS - (was.durationS + 5))).toBeLessThan(0.1);
    const n = cardFrames(was.fps);
    expect(n).toBe(125);
    expect(Math.min(...ssimAgainst(target, png, 0, n))).toBeGreaterThanOrEqual(0.98);
    // Frame n is the lesson's first: not the card any more.
    expect(ssimAgainst(target, png, n, n + 1)[0]).toBeLessThan(0.9);
    const lessonStart = join(dir, 'lesson0.png');
    spawnSync(ffmpegBin(), ['-v', 'error', '-i', source, '-frames:v', '1', lessonStart]);
    expect(ssimAgainst(target, lessonStart, n, n + 1)[0]).toBeGreaterThanOrEqual(0.95);
    // The card's 5 s are silent; the lesson's sound follows.
    const vol = (from: number, length: number) => {
      const r = spawnSync(
        ffmpegBin(),
        [
          '-hide_banner',
          '-nostats',
          '-ss',
          String(from),
          '-t',
          String(length),
          '-i',
          target,
          '-vn',
          '-af',
          'volumedetect',
          '-f',
          'null',
          '-',
        ],
        { encoding: 'utf8' },
      );
      return Number(/max_volume: (-?[\d.]+|-inf) dB/.exec(r.stderr)?.[1] ?? NaN);
    };
    expect(vol(0.2, 4.5)).toBeLessThan(-80);
    expect(vol(5.5, 2)).toBeGreaterThan(-40);
    expect((await probeTitleCard(target, null)).frames.every((f) => f.blue)).toBe(true);
    expect(stamp(source)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['card.png', 'fixed.mp4', 'lesson0.png', '微课.mp4']);
  }, 120_000);

  it("a cancel leaves nothing behind (neither the part nor the card's picture)", async () => {
    const dir = tempDir();
    const source = clip('no-card.mp4');
    const card = await renderCard(cardText(profile, lesson()).lines, 1280, 720);
    const c = new AbortController();
    const job = joinCard(
      source,
      card.png,
      join(dir, 'x.mp4'),
      { width: 1280, height: 720, fps: 25, audioBitRate: 128000 },
      true,
      LIBX264,
      { signal: c.signal, duration: 11, onProgress: () => c.abort() },
    );
    await expect(job).rejects.toBeDefined();
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});

describe('baosong fix --what title-card', () => {
  const BIN = fileURLToPath(new URL('../../bin/baosong.js', import.meta.url));
  // ultrafast: the same encode, at twice the speed, so that npm test stays within its time (veryfast is the default).
  const baosong = (...args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], {
      encoding: 'utf8',
      env: { ...process.env, BAOSONG_X264_PRESET: 'ultrafast' },
    });
  const rulesOf = (db: string) =>
    (
      JSON.parse(baosong('check', '--db', db, '--json').stdout) as { findings: { rule: string; work?: string }[] }
    ).findings
      .filter((f) => f.work === 'w1')
      .map((f) => f.rule);

  it('asks for 教材版本 first; then on a real 1080p clip: the card previewed, made, the check passing', async () => {
    // The first minute of the real 6-minute clip, cut without re-encoding (the same stream; a sixth of the encode).
    const source = join(tempDir(), 'real-1min.mp4');
    const cut = spawnSync(ffmpegBin(), [
      '-v',
      'error',
      '-i',
      join(FIXTURES, 'mp4_h264_aac_1080p_6min_low_bitrate.mp4'),
      '-t',
      '60',
      '-c',
      'copy',
      source,
    ]);
    expect(cut.status, String(cut.stderr)).toBe(0);
    const { fields } = microlecture('w1', '张强');
    // Without 教材版本: said, nothing made, exit 1.
    const bare = join(tempDir(), '报送 目录');
    const file1 = await writeBatch(
      bare,
      validBatch([microlecture('w1', '张强', { fields: { ...fields, 教材版本: undefined } })]),
    );
    copyFileSync(clip('no-card.mp4'), join(bare, 'works/w1/微课.mp4'));
    expect(baosong('import', file1, '--db', join(bare, 'c.sqlite')).status).toBe(0);
    const asked = baosong('fix', '--db', join(bare, 'c.sqlite'), '--what', 'title-card');
    expect(asked.status).toBe(1);
    expect(asked.stdout).toContain('片头缺少教材版本');
    expect(existsSync(join(bare, 'c.baosong', 'fixed'))).toBe(false);

    const dir = join(tempDir(), '报送 目录');
    const file = await writeBatch(
      dir,
      validBatch([microlecture('w1', '张强', { fields: { ...fields, 学期: '上册' } })]),
    );
    const video = join(dir, 'works/w1/微课.mp4');
    copyFileSync(source, video);
    const before = stamp(video);
    const db = join(dir, 'c.sqlite');
    expect(baosong('import', file, '--db', db).status).toBe(0);
    expect(rulesOf(db)).toContain('video.title-card');
    const preview = join(dir, '片头 预览.png');
    const dry = baosong('fix', '--db', db, '--what', 'title-card', '--dry-run', '--preview', preview);
    expect(dry.status, dry.stdout + dry.stderr).toBe(0);
    expect(dry.stdout).toContain('片头(1920×1080，');
    expect(dry.stdout).toContain(
      '教材版本：人教版 / 学段学科：小学语文 / 年级学期：一年级上册 / 《小小的船w1》 / 教师：张强 / 单位：沈阳市和平区第一小学',
    );
    expect(existsSync(join(dir, 'c.baosong', 'fixed'))).toBe(false);
    expect((await sharp(preview).metadata()).width).toBe(1920);

    const run = baosong('fix', '--db', db, '--what', 'title-card');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('复查通过');
    const rules = rulesOf(db);
    expect(rules).not.toContain('video.title-card');
    expect(rules.filter((r) => r.startsWith('video.'))).toEqual([]);
    const [made] = readdirSync(join(dir, 'c.baosong', 'fixed'));
    const fixed = join(dir, 'c.baosong', 'fixed', made!);
    const v = await probeVideo(fixed);
    const was = await probeVideo(source);
    expect([v.width, v.height, v.fps, v.codec]).toEqual([1920, 1080, 30, 'h264']);
    expect(Math.abs(v.durationS - (was.durationS + 5))).toBeLessThan(0.1);
    expect(Math.min(...ssimAgainst(fixed, preview, 0, 150, 30))).toBeGreaterThanOrEqual(0.98);
    const first = join(dir, 'first.png');
    spawnSync(ffmpegBin(), ['-v', 'error', '-i', source, '-frames:v', '1', first]);
    expect(ssimAgainst(fixed, first, 150, 151, 30)[0]).toBeGreaterThanOrEqual(0.95);
    expect(stamp(video)).toEqual(before);
  }, 300_000);
});
