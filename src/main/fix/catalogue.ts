// Which findings have a mechanical fix, what it does, and — where none exists — what the teacher must do instead.
// Shown before anything runs; the estimate comes from the file's facts.
import type { FileFacts, Role } from '../../shared/model.js';
import type { Profile } from '../../shared/rules/profile.js';
import { requireProfile } from '../../shared/rules/registry.js';
import { descriptorOf, type FindingRule } from '../../shared/rules/rule-ids.js';

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

/** A transcode's time on a laptop without a hardware encoder: libx264 veryfast at ~50 fps of 1080p on two cores. */
function encodeTime(facts: FileFacts | undefined, fps: number | null): string {
  const v = facts?.video;
  if (!v) return '';
  const pixels = Math.max(1, (v.width * v.height) / (1920 * 1080));
  return `，${seconds((v.durationS * (fps ?? v.fps ?? 25) * pixels) / 50)}`;
}

export function offerFor(
  rule: FindingRule,
  facts?: FileFacts,
  role?: Role,
  limits: Profile['limits'] = requireProfile(null).limits,
): Offer | null {
  // What the rule's descriptor offers (src/shared/rules/<family>.ts); the words for each kind of fix are here.
  const fix = descriptorOf(rule)?.fix;
  if (!fix) return null;
  if ('teacher' in fix) return { kind: null, text: fix.teacher };
  if (fix.roles && !(role && fix.roles.includes(role)))
    return fix.otherwise ? { kind: null, text: fix.otherwise } : null;
  const feature = role === 'feature-video' || role === 'raw-video';
  if (fix.kind === 'transcode') {
    const v = limits.video;
    return {
      kind: 'transcode',
      text: feature
        ? `转码为 H.264 ${v.featureWidth}×${v.featureHeight} ${v.featureFps} fps(不足 ${v.featureAspect.width}:${v.featureAspect.height} 的加黑边，竖屏转正)、AAC 音频${encodeTime(facts, v.featureFps)}`
        : `转码为 H.264、AAC 音频，画面尺寸和帧率不变${encodeTime(facts, null)}`,
      wont: feature ? '不会裁剪或拉伸画面，也不会剪短时长' : '不会放大画面，也不会添加声音',
    };
  }
  switch (fix.kind) {
    case 'remux':
      return {
        kind: 'remux',
        text: `重新封装为 MP4，不重新编码，画质不变，${seconds((facts?.size ?? 0) / COPY_BPS)}`,
        wont:
          facts?.video?.codec && facts.video.codec !== 'h264'
            ? '视频编码不变(仍是 H.265 等)：如需 H.264，再选“转码”'
            : undefined,
      };
    case 'title-card': {
      const max = limits.video.lectureMaxS;
      const after = (facts?.video?.durationS ?? 0) + 5;
      const over =
        max && after > max
          ? `；注意：加片头后时长约 ${Math.floor(after / 60)} 分 ${Math.round(after % 60)} 秒，超过 ${Math.round(max / 60)} 分钟`
          : '';
      return {
        kind: 'title-card',
        text: `在开头加上 5 秒蓝底白字楷体片头(教材版本、学段学科、年级学期、课名、教师姓名、所在单位，取自作品信息)，整段转码为 H.264、AAC，画面尺寸和帧率不变${encodeTime(facts, null)}${over}`,
        wont: '不会删除或改动原来的开头：原有的开头画面仍在新片头之后',
      };
    }
    case 'board':
      return {
        kind: 'board',
        text: '转换为 CMYK 并标记分辨率(像素不变，不放大)',
        wont: '像素不够时不会放大：会说明需要多少像素',
      };
    default:
      return null;
  }
}
