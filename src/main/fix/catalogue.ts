// Which findings have a mechanical fix, what it does, and — where none exists — what the teacher must do instead.
// Shown before anything runs; the estimate comes from the file's facts.
import type { FileFacts, Role } from '../../shared/model.js';
import type { Profile } from '../../shared/rules/profile.js';
import type { FindingRule } from '../../shared/rules/rule-ids.js';

import type { FixKind } from '../../shared/api/fix.js';

export type { FixKind };

export interface Offer {
  kind: FixKind | null;
  /** What the fix will do ("重新封装为 MP4，不重新编码，约 3 秒"), or, with kind null, what the teacher must do. */
  text: string;
  /** What the fix will not do, where one might expect it to. */
  wont?: string;
}

/** Disk speed a remux is bounded by, for the estimate (bytes per second, a conservative laptop disk). */
const COPY_BPS = 120e6;
const seconds = (s: number) => (s < 90 ? `约 ${Math.max(1, Math.round(s))} 秒` : `约 ${Math.round(s / 60)} 分钟`);

const NONE: Partial<Record<FindingRule, string>> = {
  'video.duration': '需要剪辑，不能自动完成：请作者把微课剪到规定时长以内',
  'video.feature-duration': '需要剪辑，不能自动完成：请作者把专题片剪到规定时长范围内',
  'video.total-duration': '需要剪辑，不能自动完成：请作者删减教学活动录像的总时长',
  'video.audio': '需要配音讲解，不能自动添加：请作者提供有声音的视频',
  'board.dimensions': '展板版式尺寸不对，需要重新排版：请作者按模板尺寸重新制作',
  'board.output-size': '文件过小，说明图像质量不够：请作者提供高质量的原图',
  'board.source-size': '源文件过小：请作者提供完整的分层源文件',
};

/** A transcode's time on a laptop without a hardware encoder: libx264 veryfast at ~50 fps of 1080p on two cores. */
function encodeTime(facts: FileFacts | undefined, fps: number | null): string {
  const v = facts?.video;
  if (!v) return '';
  const pixels = Math.max(1, (v.width * v.height) / (1920 * 1080));
  return `，${seconds((v.durationS * (fps ?? v.fps ?? 25) * pixels) / 50)}`;
}

const TRANSCODE = new Set<FindingRule>(['video.codec', 'video.codec-playable', 'video.fps', 'video.aspect', 'video.bitrate', 'video.audio-codec', 'video.size']);

export function offerFor(rule: FindingRule, facts?: FileFacts, role?: Role, limits?: Profile['limits']): Offer | null {
  const none = NONE[rule];
  if (none) return { kind: null, text: none };
  const feature = role === 'feature-video' || role === 'raw-video';
  if (rule === 'video.resolution' && !feature) return { kind: null, text: '画面尺寸不够，不能放大(放大不会更清晰)：请作者用更高的分辨率重新录制或导出' };
  if (TRANSCODE.has(rule) || rule === 'video.resolution') {
    return {
      kind: 'transcode',
      text: feature ? `转码为 H.264 1920×1080 25 fps(不足 16:9 的加黑边，竖屏转正)、AAC 音频${encodeTime(facts, 25)}` : `转码为 H.264、AAC 音频，画面尺寸和帧率不变${encodeTime(facts, null)}`,
      wont: feature ? '不会裁剪或拉伸画面，也不会剪短时长' : '不会放大画面，也不会添加声音',
    };
  }
  switch (rule) {
    case 'video.container':
      return {
        kind: 'remux',
        text: `重新封装为 MP4，不重新编码，画质不变，${seconds((facts?.size ?? 0) / COPY_BPS)}`,
        wont: facts?.video?.codec && facts.video.codec !== 'h264' ? '视频编码不变(仍是 H.265 等)：如需 H.264，再选“转码”' : undefined,
      };
    case 'video.title-card': {
      if (role !== 'lecture-video') return null;
      const max = limits?.video.lectureMaxS;
      const after = (facts?.video?.durationS ?? 0) + 5;
      const over = max && after > max ? `；注意：加片头后时长约 ${Math.floor(after / 60)} 分 ${Math.round(after % 60)} 秒，超过 ${Math.round(max / 60)} 分钟` : '';
      return {
        kind: 'title-card',
        text: `在开头加上 5 秒蓝底白字楷体片头(教材版本、学段学科、年级学期、课名、教师姓名、所在单位，取自作品信息)，整段转码为 H.264、AAC，画面尺寸和帧率不变${encodeTime(facts, null)}${over}`,
        wont: '不会删除或改动原来的开头：原有的开头画面仍在新片头之后',
      };
    }
    case 'board.cmyk':
    case 'board.dpi':
      return { kind: 'board', text: '转换为 CMYK 并标记分辨率(像素不变，不放大)', wont: '像素不够时不会放大：会说明需要多少像素' };
    default:
      return null;
  }
}
