// The fix-its' core on real files: a remux turns the iPhone QuickTime clip into an MP4 our probe accepts, with the
// same streams; an RGB board becomes CMYK at its true resolution and a too-small one is refused with the pixels it
// needs; a cancelled job leaves nothing behind; the source's bytes and time stamp never change.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { boardToCmyk, planBoard } from '../../src/main/fix/board.js';
import { offerFor } from '../../src/main/fix/catalogue.js';
import { parseProgress } from '../../src/main/fix/ffmpeg-job.js';
import { remux } from '../../src/main/fix/video.js';
import { probeImage } from '../../src/main/inspect/image.js';
import { probeVideo } from '../../src/main/inspect/video.js';
import { requireProfile } from '../../src/shared/rules/registry.js';
import { FIXTURES, tempDir } from '../helpers/files.js';
import { clip } from '../helpers/media.js';

const profile = requireProfile(null);
const stamp = (f: string) => ({
  hash: createHash('sha256').update(readFileSync(f)).digest('hex'),
  mtime: statSync(f).mtimeMs,
});

describe('remux', () => {
  it('the iPhone HEVC clip in a QuickTime box becomes an MP4 with the same streams, index first', async () => {
    const dir = tempDir();
    const source = join(dir, 'IMG_0001.mp4');
    copyFileSync(join(FIXTURES, 'mp4_iphone_hevc10_aac_quicktime_brand_rotated.mp4'), source);
    const before = stamp(source);
    const was = await probeVideo(source);
    expect(was.majorBrand.trim()).toBe('qt');
    const target = join(dir, 'fixed.mp4');
    const seen: number[] = [];
    await remux(source, target, { duration: was.durationS, onProgress: (p) => seen.push(p.done) });
    const now = await probeVideo(target);
    expect(now.majorBrand).toBe('isom');
    expect(now.codec).toBe(was.codec);
    // The rotation is kept: the picture stands as it did.
    expect([now.width, now.height, now.rotation]).toEqual([was.width, was.height, was.rotation]);
    expect(was.rotation).not.toBe(0);
    expect(Math.abs(now.durationS - was.durationS)).toBeLessThan(0.1);
    expect(now.audio?.codec).toBe(was.audio?.codec);
    // +faststart: the moov box before mdat.
    const head = readFileSync(target).subarray(0, 4096).toString('latin1');
    expect(head.indexOf('moov')).toBeGreaterThan(0);
    expect(head.indexOf('moov')).toBeLessThan(head.indexOf('mdat') === -1 ? Infinity : head.indexOf('mdat'));
    expect(seen.length).toBeGreaterThan(0);
    expect(stamp(source)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['IMG_0001.mp4', 'fixed.mp4']);
  }, 60_000);

  it('a cancelled job leaves nothing behind; a failing one says why in Chinese and leaves nothing either', async () => {
    const dir = tempDir();
    const source = clip('quicktime.mp4');
    const controller = new AbortController();
    controller.abort();
    await expect(remux(source, join(dir, 'a.mp4'), { signal: controller.signal })).rejects.toBeDefined();
    const late = new AbortController();
    const job = remux(clip('feature.mp4'), join(dir, 'b.mp4'), { signal: late.signal, onProgress: () => late.abort() });
    await job.catch(() => undefined);
    await expect(remux(join(dir, '没有这个文件.mp4'), join(dir, 'c.mp4'))).rejects.toThrow(/ffmpeg 处理失败/);
    expect(readdirSync(dir).filter((f) => f !== 'b.mp4')).toEqual([]);
    if (late.signal.aborted && existsSync(join(dir, 'b.mp4')))
      expect(statSync(join(dir, 'b.mp4')).size).toBeGreaterThan(0);
  }, 60_000);

  it("reads ffmpeg's progress blocks", () => {
    expect(parseProgress('frame=10\nout_time_us=2500000\nspeed=12.5x\nprogress=continue\n', 10)).toEqual({
      done: 0.25,
      outSeconds: 2.5,
      speed: 12.5,
    });
    expect(parseProgress('out_time_us=N/A\nprogress=continue\n', 10)).toBeNull();
  });
});

describe('boards', () => {
  it('an RGB board with enough pixels becomes CMYK at its true resolution, pixels unchanged', async () => {
    const dir = tempDir();
    const source = join(dir, '主展板.jpg');
    // 178 × 78.5 cm at 300 dpi is 21024 × 9272 px (at 320 dpi, more): the plan reads the true resolution.
    expect(planBoard(profile, 21024, 9272)).toMatchObject({ ok: true, dpi: 300 });
    expect(planBoard(profile, 22426, 9890)).toMatchObject({ ok: true, dpi: 320 });
    // The conversion itself on a smaller RGB image without a resolution tag (a full board takes a minute to make).
    await sharp({ create: { width: 2102, height: 927, channels: 3, background: { r: 20, g: 80, b: 200 } } })
      .jpeg({ quality: 80 })
      .toFile(source);
    const before = stamp(source);
    expect((await probeImage(source)).space).toBe('srgb');
    const target = join(dir, 'fixed.jpg');
    await boardToCmyk(source, target, 300);
    expect(await probeImage(target)).toMatchObject({ space: 'cmyk', dpi: 300, width: 2102, height: 927 });
    expect(stamp(source)).toEqual(before);
  }, 120_000);

  it('the real RGB photo is too small for the board: refused, with the pixels it needs', async () => {
    const img = await probeImage(join(FIXTURES, 'jpeg_rgb_300dpi_photoshop_cs4.jpg'));
    const plan = planBoard(profile, img.width, img.height);
    expect(plan.ok).toBe(false);
    expect(plan.message).toContain('不能放大');
    expect(plan.message).toContain('21024 × 9272 像素');
  });

  it('the real CMYK JPEG without a resolution stays CMYK through the conversion', async () => {
    const dir = tempDir();
    const target = join(dir, 'fixed.jpg');
    await boardToCmyk(join(FIXTURES, 'jpeg_cmyk_no_profile_no_density.jpg'), target, 300);
    expect(await probeImage(target)).toMatchObject({ space: 'cmyk', dpi: 300 });
  });
});

describe('what can be fixed, and what the teacher must do', () => {
  it('offers a remux for a container fault with its time, none for a too-long video', () => {
    expect(
      offerFor('video.container', { exists: true, readable: true, size: 2e9, kind: 'mp4' } as never),
    ).toMatchObject({ kind: 'remux', text: expect.stringMatching(/不重新编码.*约 17 秒/) });
    expect(offerFor('video.duration')).toMatchObject({ kind: null, text: expect.stringContaining('请作者') });
    expect(offerFor('board.cmyk')?.kind).toBe('board');
    expect(offerFor('title.brackets')).toBeNull();
  });
});
