// Video facts from ffprobe's JSON: container and brand, codec, DISPLAYED size, frame rate, duration, audio.
// ffprobe reads the headers (and for MP4 the moov box), never the whole file.
import type { VideoFacts } from '../../shared/model.js';
import { ffprobeBin, runTool } from './tools.js';

export class ProbeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProbeError';
  }
}

interface FfStream {
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  width?: number;
  height?: number;
  sample_aspect_ratio?: string;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  bit_rate?: string;
  channels?: number;
  duration?: string;
  tags?: Record<string, string>;
  side_data_list?: { side_data_type?: string; rotation?: number }[];
  disposition?: { attached_pic?: number };
}

interface FfProbe {
  streams?: FfStream[];
  format?: { format_name?: string; duration?: string; bit_rate?: string; tags?: Record<string, string> };
}

function ratio(text: string | undefined): number {
  if (!text) return 0;
  const [a, b] = text.split(/[/:]/).map(Number);
  if (!Number.isFinite(a) || !Number.isFinite(b) || !b) return 0;
  return a! / b!;
}

/** Degrees clockwise the picture is turned for display: the rotate tag (ffprobe ≤ 4) or the display matrix. */
export function rotationOf(stream: FfStream): number {
  const tag = stream.tags?.rotate;
  const side = stream.side_data_list?.find((s) => typeof s.rotation === 'number')?.rotation;
  // The tag is clockwise; the display matrix rotation is counter-clockwise (-90 there is rotate=90 here).
  const deg = tag !== undefined ? Number(tag) : side !== undefined ? -side : 0;
  return (((Math.round(deg) % 360) + 360) % 360) as number;
}

/** Turns ffprobe's stderr into a sentence a teacher understands. */
export function explainProbeFailure(stderr: string, timedOut: boolean): string {
  if (timedOut) return '读取视频超时(文件可能损坏或所在磁盘太慢)';
  if (/moov atom not found/i.test(stderr)) return '视频文件不完整：缺少 moov 索引(可能没有下载完或录制中断)';
  if (/Invalid data found/i.test(stderr)) return '不是可识别的视频：数据无效';
  if (/Permission denied/i.test(stderr)) return '无权读取该文件';
  if (/No such file/i.test(stderr)) return '文件不存在';
  return `无法读取视频(${stderr.trim().split('\n').pop()?.slice(0, 120) || '未知原因'})`;
}

export async function probeVideo(path: string, signal?: AbortSignal): Promise<VideoFacts> {
  const r = await runTool(
    ffprobeBin(),
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path],
    {
      timeoutMs: 30_000,
      signal,
    },
  );
  if (r.code !== 0) throw new ProbeError(explainProbeFailure(r.stderr, r.timedOut));
  let data: FfProbe;
  try {
    data = JSON.parse(r.stdout.toString('utf8')) as FfProbe;
  } catch {
    throw new ProbeError('无法读取视频(ffprobe 输出无效)');
  }
  const streams = data.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  if (!video || !video.width || !video.height) throw new ProbeError('文件中没有视频画面');
  const audio = streams.find((s) => s.codec_type === 'audio');
  const rotation = rotationOf(video);
  const sar = ratio(video.sample_aspect_ratio) || 1;
  const turned = rotation === 90 || rotation === 270;
  const shownW = turned ? video.height : Math.round(video.width * sar);
  const shownH = turned ? Math.round(video.width * sar) : video.height;
  const durationS = Number(data.format?.duration ?? video.duration ?? 0) || 0;
  return {
    container: data.format?.format_name ?? '',
    majorBrand: data.format?.tags?.major_brand ?? '',
    durationS,
    bitRate: Number(data.format?.bit_rate ?? 0) || 0,
    codec: video.codec_name ?? '',
    profile: video.profile ?? '',
    codedWidth: video.width,
    codedHeight: video.height,
    width: shownW,
    height: shownH,
    rotation,
    aspect: shownW / shownH,
    fps: ratio(video.avg_frame_rate) || ratio(video.r_frame_rate),
    audio: audio
      ? { codec: audio.codec_name ?? '', bitRate: Number(audio.bit_rate ?? 0) || 0, channels: audio.channels ?? 0 }
      : null,
  };
}
