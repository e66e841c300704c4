// The transcode on real clips: H.264 High yuv420p + AAC to the role's spec, the picture kept (ffmpeg's SSIM against
// the source ≥ 0.95 — in the letterboxed area for a 专题片), a rotated phone clip upright, silence only where allowed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseEncoder, LIBX264, specFor, transcode } from '../../src/main/fix/video.js';
import { ffmpegBin } from '../../src/main/inspect/tools.js';
import { probeVideo } from '../../src/main/inspect/video.js';
import { requireProfile } from '../../src/shared/rules/registry.js';
import { fileFacts } from '../../src/main/inspect/facts.js';
import type { Role } from '../../src/shared/model.js';
import { file, findings, rulesOf, work } from '../helpers/build.js';
import { FIXTURES, tempDir } from '../helpers/files.js';

/** The video findings the check raises on `path` as a file of `role` in a 平台案例. */
async function videoIds(path: string, role: Role): Promise<string[]> {
  const w = work('platform-case', { files: [{ ...file(role, 'x.mp4'), absPath: path }] });
  return rulesOf(findings({ works: [w], facts: new Map([[path, await fileFacts(path)]]) })).filter((r) =>
    r.startsWith('video.'),
  );
}

/** What a 专题片 transcode answers. */
const FEATURE_FIXED = [
  'video.resolution',
  'video.fps',
  'video.aspect',
  'video.bitrate',
  'video.codec',
  'video.audio-codec',
];

const limits = requireProfile(null).limits;
const real = (name: string) => join(FIXTURES, name);

/** ffmpeg's SSIM ("All:") of one frame at `at` seconds at the source's size: `fixed`'s picture area `crop` scaled back. */
function ssim(
  fixed: string,
  source: string,
  at: number,
  crop?: { w: number; h: number; x: number; y: number; sw: number; sh: number },
): number {
  const graph = crop
    ? `[0:v]crop=${crop.w}:${crop.h}:${crop.x}:${crop.y},scale=${crop.sw}:${crop.sh},setsar=1,format=yuv420p[f];[1:v]setsar=1,format=yuv420p[s];[f][s]ssim`
    : '[0:v]setsar=1,format=yuv420p[f];[1:v]setsar=1,format=yuv420p[s];[f][s]ssim';
  const r = spawnSync(
    ffmpegBin(),
    [
      '-hide_banner',
      '-ss',
      String(at),
      '-i',
      fixed,
      '-ss',
      String(at),
      '-i',
      source,
      '-filter_complex',
      graph,
      '-frames:v',
      '1',
      '-f',
      'null',
      '-',
    ],
    { encoding: 'utf8' },
  );
  const m = /All:([\d.]+)/.exec(r.stderr);
  if (!m) throw new Error(r.stderr.slice(-500));
  return Number(m[1]);
}

describe('transcode', () => {
  it('HEVC becomes H.264 at the same size and rate, the picture kept, no sound invented', async () => {
    const dir = tempDir();
    const source = real('mp4_hevc_no_audio_854x480.mp4');
    const target = join(dir, 'fixed.mp4');
    await transcode(source, target, specFor(limits, 'lecture-video'), LIBX264, 'none');
    const v = await probeVideo(target);
    expect([v.codec, v.profile, v.width, v.height, Math.round(v.fps)]).toEqual(['h264', 'High', 854, 480, 30]);
    expect(v.audio).toBeNull();
    expect(ssim(target, source, 0.5)).toBeGreaterThanOrEqual(0.95);
  }, 60_000);

  it('a portrait clip as a 专题片 (working copy): 1920×1080 letterboxed at 25 fps, the picture area kept, silence added', async () => {
    const dir = tempDir();
    const source = real('mp4_h264_no_audio_portrait.mp4');
    const was = await probeVideo(source);
    const target = join(dir, 'fixed.mp4');
    await transcode(source, target, specFor(limits, 'raw-video'), LIBX264, 'silence');
    const v = await probeVideo(target);
    expect([v.codec, v.width, v.height, v.fps]).toEqual(['h264', 1920, 1080, 25]);
    expect(v.audio?.codec).toBe('aac');
    expect(Math.abs(v.durationS - was.durationS)).toBeLessThan(0.2);
    // The picture sits in the middle at full height (312×450 → 748×1080), black bars beside it.
    const w = Math.floor((was.width * 1080) / was.height / 2) * 2;
    expect(
      ssim(target, source, 2, { w, h: 1080, x: (1920 - w) / 2, y: 0, sw: was.width, sh: was.height }),
    ).toBeGreaterThanOrEqual(0.95);
    // As a 专题片 (sound is never invented for one: the teacher is told), the check raised size and aspect; on the
    // result it raises none of what the transcode answers — the bit rate within 4–16 Mbps too, on a calm picture.
    const feature = join(dir, 'feature.mp4');
    await transcode(source, feature, specFor(limits, 'feature-video'), LIBX264, 'none');
    expect(await videoIds(source, 'feature-video')).toEqual(
      expect.arrayContaining(['video.resolution', 'video.aspect', 'video.audio']),
    );
    const after = await videoIds(feature, 'feature-video');
    expect(after.filter((r) => FEATURE_FIXED.includes(r))).toEqual([]);
    // What no transcode answers stays: no sound, and the 7-s clip is no 3–10-minute 专题片.
    expect(after).toEqual(['video.audio', 'video.feature-duration']);
    expect((await probeVideo(feature)).bitRate).toBeGreaterThanOrEqual(limits.video.featureBitRateRange[0]);
  }, 120_000);

  it("the rotated iPhone clip comes out upright, its displayed size as the picture's own", async () => {
    const dir = tempDir();
    const source = real('mp4_iphone_hevc10_aac_quicktime_brand_rotated.mp4');
    const was = await probeVideo(source);
    const target = join(dir, 'fixed.mp4');
    await transcode(source, target, specFor(limits, 'lecture-video'), await chooseEncoder(), 'source');
    const v = await probeVideo(target);
    expect(v.rotation).toBe(0);
    expect([v.width, v.height]).toEqual([was.width, was.height]);
    expect(v.codec).toBe('h264');
    expect(v.audio?.codec).toBe('aac');
  }, 60_000);
});
