// Video fix-its. A container fault (QuickTime or another container behind a .mp4 name, the index at the end) is
// remuxed: the same streams copied into an MP4 with its index first (+faststart) — seconds, no quality lost.
// Everything else is one transcode to the role's spec (H.264 High, yuv420p, AAC 48 kHz; a 专题片 letterboxed to
// its size at its frame rate and bit rate), with silence where a video has no sound track at all.
import { open } from 'node:fs/promises';
import type { Role } from '../../shared/model.js';
import type { Profile } from '../../shared/rules/profile.js';
import { ffmpegBin, runTool } from '../inspect/tools.js';
import { ffmpegJob, type JobOptions } from './ffmpeg-job.js';

/** The size of the source's top-level `moov` box (read from box headers only), or null. */
export async function moovSize(path: string): Promise<number | null> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const head = Buffer.alloc(16);
    for (let at = 0, n = 0; at + 8 <= size && n < 64; n += 1) {
      await fh.read(head, 0, 16, at);
      let box = head.readUInt32BE(0);
      const type = head.toString('latin1', 4, 8);
      if (box === 1) box = Number(head.readBigUInt64BE(8));
      else if (box === 0) box = size - at;
      if (box < 8) return null;
      if (type === 'moov') return box;
      at += box;
    }
    return null;
  } finally {
    await fh.close();
  }
}

/**
 * Stream copy of every video and audio stream into MP4 with its index first. The index's room is reserved up front
 * (-moov_size, from the source's own index and a margin), so the file is written once — +faststart would write it
 * twice; where the room is not enough (or the source's index is not found), +faststart does it.
 */
export async function remux(source: string, target: string, o: JobOptions = {}): Promise<void> {
  const args = (index: string[]) => ({
    input: ['-i', source],
    output: [
      '-map',
      '0:v',
      '-map',
      '0:a?',
      '-c',
      'copy',
      '-map_metadata',
      '0',
      ...index,
      '-brand',
      'isom',
      '-f',
      'mp4',
    ],
  });
  const moov = await moovSize(source).catch(() => null);
  if (moov !== null) {
    try {
      return await ffmpegJob(args(['-moov_size', String(Math.ceil(moov * 1.25) + 65536)]), target, o);
    } catch (e) {
      if (o.signal?.aborted) throw e;
    }
  }
  return ffmpegJob(args(['-movflags', '+faststart']), target, o);
}

/** What a transcode makes: H.264 High yuv420p + AAC 48 kHz; a 专题片 also letterboxed to its size, at its rate. */
export interface VideoSpec {
  /** Letterbox into exactly this size (a 专题片); absent: the displayed size, made even. */
  width?: number;
  height?: number;
  fps?: number;
  /** Video bit rate in bit/s (a 专题片's advised one); absent: constant quality. */
  videoBitRate?: number;
  audioBitRate: number;
}

export interface Encoder {
  name: string;
  /** Arguments after -c:v NAME for quality/speed. */
  args: string[];
  hardware: boolean;
}

const X264_PRESETS = ['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium', 'slow', 'slower', 'veryslow'];

/**
 * libx264 at a preset chosen for time (veryfast: a minute of 1080p in well under a minute on two cores).
 * BAOSONG_X264_PRESET picks another (ultrafast on a slow PC — bigger files; medium for a smaller file, slower).
 */
export function libx264(preset = process.env.BAOSONG_X264_PRESET): Encoder {
  const chosen = preset && X264_PRESETS.includes(preset) ? preset : 'veryfast';
  return { name: 'libx264', args: ['-preset', chosen, '-profile:v', 'high'], hardware: false };
}

export const LIBX264: Encoder = libx264('veryfast');

/** The profile's spec for a file of `role`. */
export function specFor(limits: Profile['limits'], role: Role): VideoSpec {
  const L = limits.video;
  if (role === 'feature-video' || role === 'raw-video') {
    return {
      width: L.featureWidth,
      height: L.featureHeight,
      fps: L.featureFps,
      videoBitRate: L.featureBitRate,
      audioBitRate: L.featureAudioBitRate,
    };
  }
  return { audioBitRate: L.featureAudioBitRate };
}

/**
 * A 专题片's bit rate, held: the notice gives a range (4–16 Mbps), and an encoder left to itself spends far less on
 * a calm picture (a slide-show 专题片 came out at 1 Mbps). libx264 in HRD CBR mode pads with filler to the rate;
 * hardware encoders take their own constant-rate switch.
 */
function bitRateArgs(rate: number, encoder: Encoder): string[] {
  const r = String(rate);
  const base = ['-b:v', r, '-minrate', r, '-maxrate', r, '-bufsize', String(rate * 2)];
  if (encoder.name === 'libx264') return [...base, '-x264-params', 'nal-hrd=cbr:force-cfr=1'];
  if (encoder.name === 'h264_nvenc' || encoder.name === 'h264_amf') return [...base, '-rc', 'cbr'];
  if (encoder.name === 'h264_mf') return [...base, '-rate_control', 'cbr'];
  return base;
}

/** The ffmpeg arguments of a transcode (exported for the bench, which runs the same command directly). */
/** The sound of the result: the source's own, silence (a 专题片工作版 may be silent), or none (never invented). */
export type AudioPlan = 'source' | 'silence' | 'none';

export function transcodeArgs(
  source: string,
  spec: VideoSpec,
  encoder: Encoder,
  audio: AudioPlan,
): { input: string[]; output: string[] } {
  const filters =
    spec.width && spec.height
      ? [
          `scale=${spec.width}:${spec.height}:force_original_aspect_ratio=decrease`,
          `pad=${spec.width}:${spec.height}:(ow-iw)/2:(oh-ih)/2:black`,
          'setsar=1',
        ]
      : ['scale=trunc(iw/2)*2:trunc(ih/2)*2', 'setsar=1'];
  if (spec.fps) filters.push(`fps=${spec.fps}`);
  filters.push('format=yuv420p');
  const rate = spec.videoBitRate ? bitRateArgs(spec.videoBitRate, encoder) : encoder.hardware ? [] : ['-crf', '23']; // x264's own default: what a user running ffmpeg gets
  return {
    // ffmpeg applies a rotation on decode: the picture comes out upright and the output carries no rotation.
    input: ['-i', source, ...(audio === 'silence' ? ['-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo'] : [])],
    output: [
      '-map',
      '0:v:0',
      ...(audio === 'source' ? ['-map', '0:a:0'] : audio === 'silence' ? ['-map', '1:a:0'] : []),
      '-vf',
      filters.join(','),
      '-c:v',
      encoder.name,
      ...encoder.args,
      ...rate,
      ...(audio === 'none' ? ['-an'] : ['-c:a', 'aac', '-b:a', String(spec.audioBitRate), '-ar', '48000']),
      ...(audio === 'silence' ? ['-shortest'] : []),
      '-map_metadata',
      '-1',
      '-movflags',
      '+faststart',
      '-f',
      'mp4',
    ],
  };
}

export function transcode(
  source: string,
  target: string,
  spec: VideoSpec,
  encoder: Encoder,
  audio: AudioPlan,
  o: JobOptions = {},
): Promise<void> {
  return ffmpegJob(transcodeArgs(source, spec, encoder, audio), target, o);
}

/** Hardware H.264 encoders to try, in order, with settings for quality; the first that encodes a frame here wins. */
const HARDWARE: Encoder[] = [
  { name: 'h264_nvenc', args: ['-preset', 'p5', '-profile:v', 'high'], hardware: true },
  { name: 'h264_qsv', args: ['-preset', 'medium', '-profile:v', 'high'], hardware: true },
  { name: 'h264_amf', args: ['-quality', 'balanced', '-profile:v', 'high'], hardware: true },
  { name: 'h264_videotoolbox', args: ['-profile:v', 'high'], hardware: true },
  { name: 'h264_mf', args: ['-hw_encoding', '1'], hardware: true },
];

let chosen: Promise<Encoder> | null = null;

/** The encoder for this machine: a hardware one the bundled ffmpeg lists and can run (a one-frame trial), else libx264. */
export function chooseEncoder(): Promise<Encoder> {
  chosen ??= (async () => {
    const list = await runTool(ffmpegBin(), ['-hide_banner', '-encoders'], { timeoutMs: 15_000 }).catch(() => null);
    const listed = list?.stdout.toString('utf8') ?? '';
    for (const e of HARDWARE) {
      if (!new RegExp(`\\b${e.name}\\b`).test(listed)) continue;
      const trial = await runTool(
        ffmpegBin(),
        [
          '-hide_banner',
          '-loglevel',
          'error',
          '-f',
          'lavfi',
          '-i',
          'color=c=blue:s=1280x720:d=0.2',
          '-frames:v',
          '1',
          '-c:v',
          e.name,
          ...e.args,
          '-f',
          'null',
          '-',
        ],
        { timeoutMs: 15_000 },
      ).catch(() => null);
      if (trial?.code === 0) return e;
    }
    return libx264();
  })();
  return chosen;
}
