// video.*, board.*, zip.*, pdf.* and file.corrupt on facts: each fires on a bad case and keeps silent on a good one.
import { describe, expect, it } from 'vitest';
import type { CategoryId, FileFacts, Role, VideoFacts, Work } from '../../src/shared/model.js';
import { factFor, file, findings, goodVideo, profile, rulesOf, work } from '../helpers/build.js';
import type { RuleId } from '../../src/shared/rules/rule-ids.js';

/** A work of the category whose file of `role` has the given facts (on top of passing ones). */
function scenario(category: CategoryId, role: Role, patch: (f: FileFacts) => FileFacts, extra: Partial<Work> = {}) {
  const w = work(category, extra);
  let target = w.files.find((f) => f.role === role);
  if (!target) {
    target = file(role, `w${w.id}/${role}.${role === 'materials' ? 'zip' : 'bin'}`);
    w.files.push(target);
  }
  return { works: [w], facts: new Map([[target.absPath, patch(factFor(target))]]) };
}

const video =
  (v: Partial<VideoFacts>) =>
  (f: FileFacts): FileFacts => ({ ...f, kind: 'mp4', video: { ...f.video!, ...v } });
const image =
  (i: Partial<NonNullable<FileFacts['image']>>) =>
  (f: FileFacts): FileFacts => ({ ...f, image: { ...f.image!, ...i } });
const zip =
  (z: Partial<NonNullable<FileFacts['zip']>>) =>
  (f: FileFacts): FileFacts => ({ ...f, kind: 'zip', zip: { ...factFor(file('materials', 'x.zip')).zip!, ...z } });

const cases: { rule: RuleId; fire: ReturnType<typeof scenario>; silent: ReturnType<typeof scenario> }[] = [
  {
    rule: 'video.container',
    fire: scenario('microlecture', 'lecture-video', video({ majorBrand: 'qt  ' })),
    silent: scenario('microlecture', 'lecture-video', video({ majorBrand: 'mp42' })),
  },
  {
    rule: 'video.audio',
    fire: scenario('platform-case', 'feature-video', video({ audio: null })),
    silent: scenario('platform-case', 'raw-video', video({ audio: null })),
  },
  {
    rule: 'video.resolution',
    fire: scenario('microlecture', 'lecture-video', video({ width: 480, height: 640 })),
    silent: scenario('microlecture', 'lecture-video', video({ width: 640, height: 480 })),
  },
  {
    rule: 'video.duration',
    fire: scenario('microlecture', 'lecture-video', video({ durationS: 601 })),
    silent: scenario('microlecture', 'lecture-video', video({ durationS: 600 })),
  },
  {
    rule: 'video.feature-duration',
    fire: scenario('ai-case', 'feature-video', video({ durationS: 179 })),
    silent: scenario('ai-case', 'feature-video', video({ durationS: 180 })),
  },
  {
    rule: 'video.codec',
    fire: scenario('ai-case', 'feature-video', video({ codec: 'hevc' })),
    silent: scenario('ai-case', 'raw-video', video({ codec: 'hevc' })),
  },
  {
    rule: 'video.codec-playable',
    fire: scenario('courseware', 'demo-video', video({ codec: 'hevc' })),
    silent: scenario('courseware', 'demo-video', video({ codec: 'h264' })),
  },
  {
    rule: 'video.fps',
    fire: scenario('platform-case', 'feature-video', video({ fps: 30 })),
    silent: scenario('platform-case', 'feature-video', video({ fps: 25.4 })),
  },
  {
    rule: 'video.aspect',
    fire: scenario('platform-case', 'feature-video', video({ aspect: 4 / 3 })),
    silent: scenario('platform-case', 'feature-video', video({ aspect: 1920 / 1080 })),
  },
  {
    rule: 'video.size',
    fire: scenario('platform-case', 'feature-video', (f) => ({ ...f, size: 5 * 1024 ** 3 + 1 })),
    silent: scenario('platform-case', 'feature-video', (f) => ({ ...f, size: 5 * 1024 ** 3 })),
  },
  {
    rule: 'video.bitrate',
    fire: scenario('platform-case', 'feature-video', video({ bitRate: 2e6 })),
    silent: scenario('platform-case', 'feature-video', video({ bitRate: 4e6 })),
  },
  {
    rule: 'video.audio-codec',
    fire: scenario('platform-case', 'feature-video', video({ audio: { codec: 'mp3', bitRate: 128e3, channels: 2 } })),
    silent: scenario('platform-case', 'feature-video', video({ audio: { codec: 'aac', bitRate: 192e3, channels: 2 } })),
  },
  {
    rule: 'video.title-card',
    fire: scenario('microlecture', 'lecture-video', (f) => ({
      ...f,
      titleCard: {
        contactSheet: null,
        frames: [
          { ...f.titleCard!.frames[0]!, blue: true },
          { ...f.titleCard!.frames[1]!, blue: false },
        ],
      },
    })),
    silent: scenario('microlecture', 'lecture-video', (f) => f),
  },
  {
    rule: 'board.dpi',
    fire: scenario('ai-case', 'board-main', image({ dpi: null })),
    silent: scenario('ai-case', 'board-main', image({ dpi: 300 })),
  },
  {
    rule: 'board.cmyk',
    fire: scenario('platform-case', 'board-main-source', image({ space: 'rgb' })),
    silent: scenario('platform-case', 'board-main-source', image({ space: 'cmyk' })),
  },
  {
    rule: 'board.dimensions',
    fire: scenario('ai-case', 'board-main', image({ width: 21024, height: 21024 })),
    silent: scenario('ai-case', 'board-main', image({ width: 21024 + 100, height: 9272 - 100 })),
  },
  {
    rule: 'board.output-size',
    fire: scenario('ai-case', 'board-main', (f) => ({ ...f, size: 1_999_999 })),
    silent: scenario('ai-case', 'board-main', (f) => ({ ...f, size: 2_000_000 })),
  },
  {
    rule: 'board.source-size',
    fire: scenario('ai-case', 'board-main-source', (f) => ({ ...f, size: 29_999_999 })),
    silent: scenario('ai-case', 'board-main-source', (f) => ({ ...f, size: 30_000_000 })),
  },
  {
    rule: 'zip.encrypted',
    fire: scenario('courseware', 'materials', zip({ encrypted: ['a.txt'], encryptedCount: 1 })),
    silent: scenario('courseware', 'materials', zip({})),
  },
  {
    rule: 'zip.legacy-names',
    fire: scenario('courseware', 'materials', zip({ legacyNames: ['副本.txt'], legacyCount: 1 })),
    silent: scenario('courseware', 'materials', zip({})),
  },
  {
    rule: 'zip.unsafe-path',
    fire: scenario('courseware', 'materials', zip({ unsafePaths: ['../x'], unsafeCount: 1 })),
    silent: scenario('courseware', 'materials', zip({})),
  },
  {
    rule: 'zip.ratio',
    fire: scenario('courseware', 'materials', zip({ compressedBytes: 1e6, uncompressedBytes: 2e8 })),
    silent: scenario('courseware', 'materials', zip({ compressedBytes: 1e6, uncompressedBytes: 9e7 })),
  },
  {
    rule: 'pdf.encrypted',
    fire: scenario('microlecture', 'registration-scan', (f) => ({ ...f, pdf: { ...f.pdf!, encrypted: true } })),
    silent: scenario('microlecture', 'registration-scan', (f) => f),
  },
  {
    rule: 'file.corrupt',
    fire: scenario('microlecture', 'lecture-video', (f) => ({ ...f, video: undefined, corrupt: '视频文件不完整' })),
    silent: scenario('microlecture', 'lecture-video', (f) => f),
  },
];

describe('media rules fire on a bad case and keep silent on a good one', () => {
  for (const c of cases) {
    it(c.rule, () => {
      const fired = findings(c.fire);
      expect(rulesOf(fired)).toContain(c.rule);
      const f = fired.find((x) => x.rule === c.rule)!;
      expect(f.severity).toBe(profile.severities[c.rule]);
      expect(rulesOf(findings(c.silent))).not.toContain(c.rule);
    });
  }

  it('covers every video.*, board.*, zip.* and pdf.* id of the profile', () => {
    const ids = Object.keys(profile.severities).filter(
      (id) => /^(video|board|zip|pdf)\./.test(id) && id !== 'video.total-duration',
    );
    expect(ids.filter((id) => !cases.some((c) => c.rule === id))).toEqual([]);
  });
});

describe('details', () => {
  it('video.total-duration sums every class video of a work', () => {
    const w = work('teaching-case');
    const first = w.files.find((f) => f.role === 'class-video')!;
    const second = file('class-video', `w${w.id}/class-2.mp4`);
    w.files.push(second);
    const facts = new Map([
      [first.absPath, { ...factFor(first), video: { ...goodVideo('class-video'), durationS: 1600 } }],
      [second.absPath, { ...factFor(second), video: { ...goodVideo('class-video'), durationS: 1401 } }],
    ]);
    const f = findings({ works: [w], facts }).find((x) => x.rule === 'video.total-duration');
    expect(f).toMatchObject({ role: 'class-video', expected: '≤ 3000 s', actual: '3001 s' });
    expect('file' in f!).toBe(false);
    facts.get(second.absPath)!.video!.durationS = 1400;
    expect(rulesOf(findings({ works: [w], facts }))).not.toContain('video.total-duration');
  });

  it('a Matroska or FLV file named .mp4 is a container problem, not a type mismatch', () => {
    const s = scenario('microlecture', 'lecture-video', (f) => ({ ...f, kind: 'mkv' }));
    const rules = rulesOf(findings(s));
    expect(rules).toContain('video.container');
    expect(rules).not.toContain('file.type-mismatch');
  });

  it('a case video must reach 1080 lines; a portrait phone clip is judged as displayed', () => {
    expect(rulesOf(findings(scenario('management-case', 'case-video', video({ width: 1280, height: 720 }))))).toContain(
      'video.resolution',
    );
    const portrait = findings(
      scenario('platform-case', 'feature-video', video({ width: 1080, height: 1920, rotation: 90 })),
    );
    expect(portrait.find((f) => f.rule === 'video.resolution')?.message).toContain('旋转 90°');
  });

  it('board.dimensions gives the pixel size needed, and reads a PDF board by its page', () => {
    const f = findings(scenario('ai-case', 'board-main', image({ width: 10000, height: 5000, dpi: 300 }))).find(
      (x) => x.rule === 'board.dimensions',
    )!;
    expect(f.message).toContain('21024 × 9272 像素');
    const pdfBoard = scenario('ai-case', 'board-main', (x) => ({
      ...x,
      kind: 'pdf',
      image: undefined,
      pdf: { version: '1.6', encrypted: false, complete: true, pages: 1, pageWidthPt: 5046, pageHeightPt: 2225 },
    }));
    const rules = rulesOf(findings(pdfBoard));
    expect(rules).not.toContain('board.dimensions');
    expect(rules).not.toContain('board.dpi');
  });

  it('a JPEG without resolution says 无分辨率信息', () => {
    const f = findings(scenario('ai-case', 'board-main', image({ dpi: null }))).find((x) => x.rule === 'board.dpi')!;
    expect(f.actual).toBe('无分辨率信息');
  });
});
