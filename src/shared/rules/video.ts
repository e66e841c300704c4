// video.*: the ffprobe facts of every video role, judged as DISPLAYED (after rotation).
import { KIND_NAMES } from '../kinds.js';
import type { FileFacts, FileRef, Finding, VideoFacts, Work, WorkRole } from '../model.js';
import { fileFinding, workFinding, type RuleInput } from './finding.js';
import type { Profile } from './profile.js';

export const VIDEO_ROLES: WorkRole[] = ['demo-video', 'lecture-video', 'class-video', 'case-video', 'feature-video', 'raw-video'];

const GIB = 1024 ** 3;
export const LIMITS = {
  lectureMinWidth: 640,
  lectureMinHeight: 480,
  lectureMaxS: 600,
  caseMinHeight: 1080,
  featureWidth: 1920,
  featureHeight: 1080,
  featureMinS: 180,
  featureMaxS: 600,
  classTotalMaxS: 3000,
  featureFps: [24.5, 25.5] as const,
  featureMaxBytes: 5 * GIB,
  featureBitRate: [4e6, 16e6] as const,
  featureAudioBitRate: [96e3, 192e3] as const,
};

export function clock(s: number): string {
  const total = Math.round(s);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  return h ? `${h}小时${m}分${sec}秒` : m ? `${m}分${String(sec).padStart(2, '0')}秒` : `${sec}秒`;
}

const size = (v: VideoFacts) => `${v.width}×${v.height}`;
const mbps = (bps: number) => `${(bps / 1e6).toFixed(1)} Mbps`;

function oneVideo(profile: Profile, work: Work, file: FileRef, facts: FileFacts): Finding[] {
  const out: Finding[] = [];
  const say = (rule: string, message: string, expected?: string, actual?: string) =>
    out.push(fileFinding(profile, rule, work, file, message, { expected, actual }));
  if (facts.kind !== 'mp4') {
    say('video.container', `这是${KIND_NAMES[facts.kind]}，只改扩展名不行：请转码为 MP4(H.264 视频 + AAC 音频)`, 'MP4', KIND_NAMES[facts.kind]);
  } else if (facts.video?.majorBrand.trim() === 'qt') {
    say('video.container', '这是 QuickTime(.mov)格式的文件(常见于苹果手机)，扩展名虽是 .mp4 但不是 MP4：请转码为 MP4', 'MP4(isom/mp42 等)', 'QuickTime(qt)');
  }
  const v = facts.video;
  if (!v) return out;
  const role = file.role;
  const h264 = v.codec === 'h264';
  if (role === 'feature-video') {
    if (!h264) say('video.codec', `专题片须为 H.264 编码，实际是 ${v.codec.toUpperCase()}`, 'H.264', v.codec);
  } else if (!h264) {
    say('video.codec-playable', `视频编码是 ${v.codec.toUpperCase()}，许多 Windows 电脑需付费解码器才能播放：建议转为 H.264`, 'H.264', v.codec);
  }
  if ((role === 'lecture-video' || role === 'feature-video') && !v.audio) {
    say('video.audio', role === 'lecture-video' ? '微课应是“单一有声视频文件”，但没有音轨' : '专题片应有解说或音乐，但没有音轨', '有音轨', '无音轨');
  }
  if (role === 'lecture-video' && (v.width < LIMITS.lectureMinWidth || v.height < LIMITS.lectureMinHeight)) {
    say('video.resolution', `画面尺寸 ${size(v)}，应为 640×480 以上`, '≥ 640×480', size(v));
  }
  if (role === 'case-video' && v.height < LIMITS.caseMinHeight) {
    say('video.resolution', `案例视频的垂直分辨率应达到 1080p，实际 ${size(v)}`, '高 ≥ 1080', size(v));
  }
  if (role === 'feature-video' && (v.width !== LIMITS.featureWidth || v.height !== LIMITS.featureHeight)) {
    say('video.resolution', `专题片须为 1920×1080 横屏，实际显示为 ${size(v)}${v.rotation ? `(旋转 ${v.rotation}°)` : ''}`, '1920×1080', size(v));
  }
  if (role === 'lecture-video' && v.durationS > LIMITS.lectureMaxS) {
    say('video.duration', `时长 ${clock(v.durationS)}，一般不超过 10 分钟`, '≤ 600 s', `${Math.round(v.durationS)} s`);
  }
  if (role === 'feature-video') {
    if (v.durationS < LIMITS.featureMinS || v.durationS > LIMITS.featureMaxS) {
      say('video.feature-duration', `专题片时长应为 3–10 分钟，实际 ${clock(v.durationS)}`, '180–600 s', `${Math.round(v.durationS)} s`);
    }
    if (v.fps < LIMITS.featureFps[0] || v.fps > LIMITS.featureFps[1]) {
      say('video.fps', `专题片帧率应为 25 帧/秒，实际 ${v.fps.toFixed(2)}`, '25 fps', `${v.fps.toFixed(2)} fps`);
    }
    if (Math.abs(v.aspect - 16 / 9) > 0.01) {
      say('video.aspect', `专题片画面比例应为 16:9，实际 ${v.aspect.toFixed(3)}:1`, '16:9 (1.778)', v.aspect.toFixed(3));
    }
    if (facts.size > LIMITS.featureMaxBytes) {
      say('video.size', `专题片不超过 5 GB，实际 ${(facts.size / GIB).toFixed(2)} GB`, '≤ 5 GB', `${(facts.size / GIB).toFixed(2)} GB`);
    }
    if (v.bitRate && (v.bitRate < LIMITS.featureBitRate[0] || v.bitRate > LIMITS.featureBitRate[1])) {
      say('video.bitrate', `码率 ${mbps(v.bitRate)}，建议 8 Mbps(4–16 Mbps 之间)`, '4–16 Mbps', mbps(v.bitRate));
    }
    const a = v.audio;
    if (a) {
      const rateOff = a.bitRate > 0 && (a.bitRate < LIMITS.featureAudioBitRate[0] || a.bitRate > LIMITS.featureAudioBitRate[1]);
      if (a.codec !== 'aac' || rateOff) {
        const actual = `${a.codec.toUpperCase()}${a.bitRate ? ` ${Math.round(a.bitRate / 1000)} kbps` : ''}`;
        say('video.audio-codec', `音频应为 AAC 编码、码率 128 kbps 左右，实际 ${actual}`, 'AAC 96–192 kbps', actual);
      }
    }
  }
  if (role === 'lecture-video' && facts.titleCard) {
    const frames = facts.titleCard.frames;
    if (frames.length < 2 || !frames.every((f) => f.blue)) {
      const seen = frames.map((f) => `${f.atS}s 处主色 rgb(${f.dominant.join(',')})`).join('，') || '无法截取开头画面';
      say('video.title-card', `开头 5 秒看起来不是蓝底片头(要求蓝底白字、楷体、5 秒)：${seen}`, '蓝底片头', seen);
    }
  }
  return out;
}

export function videoRules({ profile, catalog, facts }: RuleInput): Finding[] {
  const out: Finding[] = [];
  for (const work of catalog.works) {
    let classTotal = 0;
    let classFiles = 0;
    for (const file of work.files) {
      if (!VIDEO_ROLES.includes(file.role as WorkRole)) continue;
      const f = facts.get(file.absPath);
      if (!f?.exists || f.size === 0 || f.corrupt) continue;
      if (f.kind !== 'mp4' && !f.video && !['mkv', 'flv', 'avi'].includes(f.kind)) continue;
      out.push(...oneVideo(profile, work, file, f));
      if (file.role === 'class-video' && f.video) {
        classTotal += f.video.durationS;
        classFiles += 1;
      }
    }
    if (classTotal > LIMITS.classTotalMaxS) {
      out.push(
        workFinding(profile, 'video.total-duration', work, `教学活动录像(${classFiles} 个)总时长 ${clock(classTotal)}，应不超过 50 分钟`, {
          role: 'class-video',
          expected: '≤ 3000 s',
          actual: `${Math.round(classTotal)} s`,
        }),
      );
    }
  }
  return out;
}
