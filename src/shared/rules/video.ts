// video.*: the ffprobe facts of every video role, judged as DISPLAYED (after rotation).
import { KIND_NAMES } from '../kinds.js';
import type { FileFacts, FileRef, Finding, VideoFacts, Work, WorkRole } from '../model.js';
import { fileFinding, workFinding, type RuleInput } from './finding.js';
import type { Profile } from './profile.js';
import type { RuleId } from './rule-ids.js';
import { fmt, type RuleDescriptor } from './descriptor.js';

export const VIDEO_ROLES: WorkRole[] = [
  'demo-video',
  'lecture-video',
  'class-video',
  'case-video',
  'feature-video',
  'raw-video',
];

const GIB = 1024 ** 3;
/** Minutes as the notice says them ("10 分钟", "3–10 分钟"). */
const minutes = (s: number) => `${+(s / 60).toFixed(1)}`;
const gib = (b: number) => `${+(b / GIB).toFixed(2)}`;
const kbps = (bps: number) => `${Math.round(bps / 1000)}`;
const mbpsRound = (bps: number) => `${+(bps / 1e6).toFixed(1)}`;

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
  const L = profile.limits.video;
  const say = (rule: RuleId, message: string, expected?: string, actual?: string) =>
    out.push(fileFinding(profile, rule, work, file, message, { expected, actual }));
  if (facts.kind !== 'mp4') {
    say(
      'video.container',
      `这是${KIND_NAMES[facts.kind]}，只改扩展名不行：请转码为 MP4(H.264 视频 + AAC 音频)`,
      'MP4',
      KIND_NAMES[facts.kind],
    );
  } else if (facts.video?.majorBrand.trim() === 'qt') {
    say(
      'video.container',
      '这是 QuickTime(.mov)格式的文件(常见于苹果手机)，扩展名虽是 .mp4 但不是 MP4：请转码为 MP4',
      'MP4(isom/mp42 等)',
      'QuickTime(qt)',
    );
  }
  const v = facts.video;
  if (!v) return out;
  const role = file.role;
  const h264 = v.codec === 'h264';
  if (role === 'feature-video') {
    if (!h264) say('video.codec', `专题片须为 H.264 编码，实际是 ${v.codec.toUpperCase()}`, 'H.264', v.codec);
  } else if (!h264) {
    say(
      'video.codec-playable',
      `视频编码是 ${v.codec.toUpperCase()}，许多 Windows 电脑需付费解码器才能播放：建议转为 H.264`,
      'H.264',
      v.codec,
    );
  }
  if ((role === 'lecture-video' || role === 'feature-video') && !v.audio) {
    say(
      'video.audio',
      role === 'lecture-video' ? '微课应是“单一有声视频文件”，但没有音轨' : '专题片应有解说或音乐，但没有音轨',
      '有音轨',
      '无音轨',
    );
  }
  const lectureMin = `${L.lectureMinWidth}×${L.lectureMinHeight}`;
  const featureSize = `${L.featureWidth}×${L.featureHeight}`;
  if (role === 'lecture-video' && (v.width < L.lectureMinWidth || v.height < L.lectureMinHeight)) {
    say('video.resolution', `画面尺寸 ${size(v)}，应为 ${lectureMin} 以上`, `≥ ${lectureMin}`, size(v));
  }
  if (role === 'case-video' && v.height < L.caseMinHeight) {
    say(
      'video.resolution',
      `案例视频的垂直分辨率应达到 ${L.caseMinHeight}p，实际 ${size(v)}`,
      `高 ≥ ${L.caseMinHeight}`,
      size(v),
    );
  }
  if (role === 'feature-video' && (v.width !== L.featureWidth || v.height !== L.featureHeight)) {
    say(
      'video.resolution',
      `专题片须为 ${featureSize} 横屏，实际显示为 ${size(v)}${v.rotation ? `(旋转 ${v.rotation}°)` : ''}`,
      featureSize,
      size(v),
    );
  }
  if (role === 'lecture-video' && v.durationS > L.lectureMaxS) {
    say(
      'video.duration',
      `时长 ${clock(v.durationS)}，一般不超过 ${minutes(L.lectureMaxS)} 分钟`,
      `≤ ${L.lectureMaxS} s`,
      `${Math.round(v.durationS)} s`,
    );
  }
  if (role === 'feature-video') {
    if (v.durationS < L.featureMinS || v.durationS > L.featureMaxS) {
      say(
        'video.feature-duration',
        `专题片时长应为 ${minutes(L.featureMinS)}–${minutes(L.featureMaxS)} 分钟，实际 ${clock(v.durationS)}`,
        `${L.featureMinS}–${L.featureMaxS} s`,
        `${Math.round(v.durationS)} s`,
      );
    }
    if (Math.abs(v.fps - L.featureFps) > L.featureFpsTolerance) {
      say(
        'video.fps',
        `专题片帧率应为 ${L.featureFps} 帧/秒，实际 ${v.fps.toFixed(2)}`,
        `${L.featureFps} fps`,
        `${v.fps.toFixed(2)} fps`,
      );
    }
    const aspect = profile.limits.video.featureAspect;
    const want = aspect.width / aspect.height;
    if (Math.abs(v.aspect - want) > aspect.tolerance) {
      const named = `${aspect.width}:${aspect.height}`;
      say(
        'video.aspect',
        `专题片画面比例应为 ${named}，实际 ${v.aspect.toFixed(3)}:1`,
        `${named} (${want.toFixed(3)})`,
        v.aspect.toFixed(3),
      );
    }
    if (facts.size > L.featureMaxBytes) {
      say(
        'video.size',
        `专题片不超过 ${gib(L.featureMaxBytes)} GB，实际 ${(facts.size / GIB).toFixed(2)} GB`,
        `≤ ${gib(L.featureMaxBytes)} GB`,
        `${(facts.size / GIB).toFixed(2)} GB`,
      );
    }
    const [lo, hi] = L.featureBitRateRange;
    if (v.bitRate && (v.bitRate < lo || v.bitRate > hi)) {
      const range = `${mbpsRound(lo)}–${mbpsRound(hi)} Mbps`;
      say(
        'video.bitrate',
        `码率 ${mbps(v.bitRate)}，建议 ${mbpsRound(L.featureBitRate)} Mbps(${range} 之间)`,
        range,
        mbps(v.bitRate),
      );
    }
    const a = v.audio;
    if (a) {
      const [alo, ahi] = L.featureAudioBitRateRange;
      const rateOff = a.bitRate > 0 && (a.bitRate < alo || a.bitRate > ahi);
      if (a.codec !== 'aac' || rateOff) {
        const actual = `${a.codec.toUpperCase()}${a.bitRate ? ` ${Math.round(a.bitRate / 1000)} kbps` : ''}`;
        say(
          'video.audio-codec',
          `音频应为 AAC 编码、码率 ${kbps(L.featureAudioBitRate)} kbps 左右，实际 ${actual}`,
          `AAC ${kbps(alo)}–${kbps(ahi)} kbps`,
          actual,
        );
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
    const maxS = profile.limits.video.classTotalMaxS;
    if (classTotal > maxS) {
      out.push(
        workFinding(
          profile,
          'video.total-duration',
          work,
          `教学活动录像(${classFiles} 个)总时长 ${clock(classTotal)}，应不超过 ${minutes(maxS)} 分钟`,
          {
            role: 'class-video',
            expected: `≤ ${maxS} s`,
            actual: `${Math.round(classTotal)} s`,
          },
        ),
      );
    }
  }
  return out;
}

/** The video rules: what each is (src/shared/rules/descriptor.ts). */
export const VIDEO_DESCRIPTORS = {
  'video.container': {
    severity: 'error',
    checks: 'not an MP4 (QuickTime, FLV, MKV or AVI content)',
    source: '通知 三 (MP4 格式)',
    fix: { kind: 'remux' },
  },
  'video.audio': {
    severity: 'error',
    checks: 'a micro-lecture or feature video without sound',
    source: '通知 三.2 / 附表1-9',
    fix: { teacher: '需要配音讲解，不能自动添加：请作者提供有声音的视频' },
  },
  'video.resolution': {
    severity: 'error',
    checks: "the displayed size below the role's minimum (feature video: exactly its size)",
    source: '通知 三.2 / 三.5 / 附表1-9',
    threshold: (p) =>
      `lecture-video ≥ ${p.limits.video.lectureMinWidth}×${p.limits.video.lectureMinHeight}; case-video height ≥ ${p.limits.video.caseMinHeight}; feature-video exactly ${p.limits.video.featureWidth}×${p.limits.video.featureHeight}`,
    fix: {
      kind: 'transcode',
      roles: ['feature-video', 'raw-video'],
      otherwise: '画面尺寸不够，不能放大(放大不会更清晰)：请作者用更高的分辨率重新录制或导出',
    },
  },
  'video.duration': {
    severity: 'warning',
    checks: 'a micro-lecture longer than usual (一般不超过)',
    source: '通知 三.2',
    threshold: (p) => `lecture-video ≤ ${fmt.min(p.limits.video.lectureMaxS)}`,
    fix: { teacher: '需要剪辑，不能自动完成：请作者把微课剪到规定时长以内' },
  },
  'video.feature-duration': {
    severity: 'error',
    checks: 'a feature video outside its duration range',
    source: '附表1-9 专题片',
    threshold: (p) => `${fmt.min(p.limits.video.featureMinS)} – ${fmt.min(p.limits.video.featureMaxS)}`,
    fix: { teacher: '需要剪辑，不能自动完成：请作者把专题片剪到规定时长范围内' },
  },
  'video.total-duration': {
    severity: 'error',
    checks: "a teaching case's class recordings together longer than the limit",
    source: '通知 三.3',
    threshold: (p) => `class-video together ≤ ${fmt.min(p.limits.video.classTotalMaxS)}`,
    fix: { teacher: '需要剪辑，不能自动完成：请作者删减教学活动录像的总时长' },
  },
  'video.codec': {
    severity: 'error',
    checks: 'a feature video not H.264',
    source: '附表1-9 专题片',
    fix: { kind: 'transcode' },
  },
  'video.codec-playable': {
    severity: 'warning',
    checks: 'another video not H.264 (H.265 needs a paid codec on many PCs)',
    source: 'tool (常用格式)',
    fix: { kind: 'transcode' },
  },
  'video.fps': {
    severity: 'error',
    checks: 'a feature video outside its frame rate',
    source: '附表1-9 专题片',
    threshold: (p) => `${p.limits.video.featureFps} ± ${p.limits.video.featureFpsTolerance} fps`,
    fix: { kind: 'transcode' },
  },
  'video.aspect': {
    severity: 'error',
    checks: 'a feature video not 16:9 as displayed',
    source: '附表1-9 专题片',
    threshold: (p) =>
      `${p.limits.video.featureAspect.width}:${p.limits.video.featureAspect.height} ± ${p.limits.video.featureAspect.tolerance}`,
    fix: { kind: 'transcode' },
  },
  'video.size': {
    severity: 'error',
    checks: 'a feature video file over its size limit',
    source: '附表1-9 专题片',
    threshold: (p) => `≤ ${fmt.gib(p.limits.video.featureMaxBytes)}`,
    fix: { kind: 'transcode' },
  },
  'video.bitrate': {
    severity: 'warning',
    checks: 'a feature video bit rate outside the range around the advised one',
    source: '附表1-9 专题片',
    threshold: (p) =>
      `${fmt.mbps(p.limits.video.featureBitRateRange[0])} – ${fmt.mbps(p.limits.video.featureBitRateRange[1])} (advised ${fmt.mbps(p.limits.video.featureBitRate)})`,
    fix: { kind: 'transcode' },
  },
  'video.audio-codec': {
    severity: 'warning',
    checks: "a feature video's audio not AAC or its bit rate off",
    source: '附表1-9 专题片',
    threshold: (p) =>
      `AAC, ${fmt.kbps(p.limits.video.featureAudioBitRateRange[0])} – ${fmt.kbps(p.limits.video.featureAudioBitRateRange[1])} (advised ${fmt.kbps(p.limits.video.featureAudioBitRate)})`,
    fix: { kind: 'transcode' },
  },
  'video.title-card': {
    severity: 'warning',
    checks: 'the first seconds of a micro-lecture do not look like a blue title card',
    source: '通知 三.2 (片头)',
    fix: { kind: 'title-card', roles: ['lecture-video'] },
  },
} as const satisfies Record<string, RuleDescriptor>;
