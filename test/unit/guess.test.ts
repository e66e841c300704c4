// Guessed roles, the one-line facts, and the 附表1-3 indicators.
import { describe, expect, it } from 'vitest';
import { describeFacts, formatDuration } from '../../src/shared/describe.js';
import { CATEGORIES } from '../../src/shared/model.js';
import { guessRole } from '../../src/shared/rules/guess.js';
import { liaoning29 as profile } from '../../src/shared/rules/liaoning-29.js';

const spec = (c: keyof typeof profile.categories) => profile.categories[c];

describe('guessRole', () => {
  it.each([
    ['microlecture', '张强-作品登记表.pdf', 'pdf', 'registration-scan', 'high'],
    ['microlecture', '推荐意见(盖章).pdf', 'pdf', 'recommendation-scan', 'high'],
    ['microlecture', '小小的船.mp4', 'mp4', 'lecture-video', 'medium'],
    ['microlecture', '学习指导与练习.zip', 'zip', 'materials', 'high'],
    ['courseware', '设计说明.docx', 'docx', 'design-doc', 'high'],
    ['courseware', '演示视频.mp4', 'mp4', 'demo-video', 'high'],
    ['courseware', '认识图形.pptx', 'pptx', 'courseware', 'low'],
    ['platform-case', '专题片工作版.mp4', 'mp4', 'raw-video', 'high'],
    ['platform-case', '专题片(无字幕版).mp4', 'mp4', 'raw-video', 'high'],
    ['ai-case', '原视频-无配乐.mp4', 'mp4', 'raw-video', 'high'],
    ['platform-case', '支撑材料1-获奖.pdf', 'pdf', 'support', 'high'],
    ['platform-case', '专题片.mp4', 'mp4', 'feature-video', 'high'],
    ['platform-case', '解说词脚本.docx', 'docx', 'script', 'high'],
    ['platform-case', '主展板.jpg', 'jpg', 'board-main', 'high'],
    ['platform-case', '主展板源文件.psd', 'psd', 'board-main-source', 'high'],
    ['platform-case', '特色展板2.jpg', 'jpg', 'board-extra', 'high'],
    ['platform-case', '获奖证书.pdf', 'pdf', 'support', 'high'],
    ['management-case', '案例说明.docx', 'docx', 'case-doc', 'high'],
    ['management-case', '案例视频.mp4', 'mp4', 'case-video', 'high'],
    ['teaching-case', '课堂实录1.mp4', 'mp4', 'class-video', 'high'],
    ['teaching-case', '网络学习空间访问说明.docx', 'docx', 'space-guide', 'high'],
  ] as const)('%s: %s (%s) → %s', (category, name, kind, role, confidence) => {
    expect(guessRole(spec(category), `D:\\收件\\${name}`, kind)).toMatchObject({ role, confidence });
  });

  it('a name that says one thing and a type that says another: the type wins', () => {
    // “微课” in the name, but a Word file: not the lecture video.
    expect(guessRole(spec('microlecture'), '微课设计.docx', 'docx').role).not.toBe('lecture-video');
    // A JPEG called 登记表: a scan must be a PDF, so it is not guessed as one.
    expect(guessRole(spec('microlecture'), '登记表.jpg', 'jpg').role).toBeNull();
  });

  it('prefers a role not yet filled, and says when it cannot tell', () => {
    expect(guessRole(spec('platform-case'), 'IMG_0001.jpg', 'jpg', ['board-main'])).toMatchObject({
      role: 'board-extra',
      confidence: 'low',
    });
    expect(guessRole(spec('microlecture'), 'readme.rar', 'rar')).toMatchObject({ role: null, reason: '无法判断用途' });
  });
});

describe('describeFacts', () => {
  it('says a video, a board, a PDF and a ZIP in one line', () => {
    const base = { exists: true, readable: true, size: 52_428_800 };
    const video = {
      container: 'mov,mp4',
      majorBrand: 'isom',
      durationS: 200.4,
      bitRate: 0,
      codec: 'h264',
      profile: 'High',
      codedWidth: 1920,
      codedHeight: 1080,
      width: 1920,
      height: 1080,
      rotation: 0,
      aspect: 16 / 9,
      fps: 25,
      audio: { codec: 'aac', bitRate: 128000, channels: 2 },
    };
    expect(describeFacts({ ...base, kind: 'mp4', video })).toBe('H.264 1920×1080 25fps 3:20 AAC 50.0 MB');
    expect(describeFacts({ ...base, kind: 'mp4', video: { ...video, fps: 29.97, audio: null, durationS: 3725 } })).toBe(
      'H.264 1920×1080 29.97fps 1:02:05 无音频 50.0 MB',
    );
    expect(
      describeFacts({
        ...base,
        kind: 'jpg',
        image: { format: 'jpeg', width: 7087, height: 4724, space: 'cmyk', dpi: 300 },
      }),
    ).toBe('JPEG 7087×4724 CMYK 300 dpi 60.0×40.0 cm 50.0 MB');
    expect(
      describeFacts({
        ...base,
        kind: 'jpg',
        image: { format: 'jpeg', width: 800, height: 600, space: 'srgb', dpi: null },
      }),
    ).toContain('无分辨率信息');
    expect(
      describeFacts({
        ...base,
        kind: 'pdf',
        pdf: { version: '1.7', encrypted: true, complete: true, pages: 2, pageWidthPt: 595.28, pageHeightPt: 841.89 },
      }),
    ).toBe('PDF 1.7 2 页 210×297 mm 已加密 50.0 MB');
    expect(describeFacts({ ...base, kind: 'docx' })).toBe('Word 文档(.docx) 50.0 MB');
    expect(describeFacts({ exists: false, readable: false, size: 0, kind: 'unknown' })).toBe('找不到文件');
    expect(formatDuration(59.6)).toBe('1:00');
  });
});

describe('附表1-3 indicators', () => {
  it('every category has its indicators, each with points', () => {
    for (const c of CATEGORIES) {
      expect(profile.indicators[c].length, c).toBeGreaterThanOrEqual(4);
      for (const x of profile.indicators[c]) expect(x.points.length, `${c} ${x.name}`).toBeGreaterThan(0);
    }
    expect(profile.indicators.microlecture.map((x) => x.name)).toEqual([
      '教学设计',
      '教学行为',
      '教学效果',
      '创新与实用',
    ]);
    expect(profile.indicators.courseware.map((x) => x.name)).toEqual([
      '教学设计',
      '内容呈现',
      '技术运用',
      '创新与实用',
    ]);
  });
});
