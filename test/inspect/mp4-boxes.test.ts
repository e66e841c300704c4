// The in-process moov reader against ffprobe, field by field, on every MP4 we have; and the sampled title-card
// judgement (key frames only) against the decoded one.
import { statSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/files.js';
import { readMp4 } from '../../src/main/inspect/mp4-boxes.js';
import { probeTitleCard, samplePlan } from '../../src/main/inspect/titlecard.js';
import { probeVideo } from '../../src/main/inspect/video.js';
import { fileFacts } from '../../src/main/inspect/facts.js';
import { clip } from '../helpers/media.js';

const REAL = join(__dirname, '../fixtures/realworld');
const real = readdirSync(REAL)
  .filter((f) => f.endsWith('.mp4'))
  .map((f) => join(REAL, f));
const made = [
  'feature.mp4',
  'hevc.mp4',
  'lecture.mp4',
  'lecture-bframes.mp4',
  'quicktime.mp4',
  'moov-last.mp4',
  'rotated.mp4',
  'small-silent.mp4',
  'no-card.mp4',
  'opening-cut-slide.mp4',
];

const boxes = async (p: string) => readMp4(p, statSync(p).size);

describe('MP4 facts from the moov box', () => {
  it.each([...real.map((p) => [p.split('/').pop()!, p] as const), ...made.map((n) => [n, ''] as const)])(
    '%s: the same facts as ffprobe',
    async (name, path) => {
      const p = path || clip(name);
      const read = await boxes(p);
      expect(read, 'the boxes decide').not.toBeNull();
      expect(read!.facts).toEqual(await probeVideo(p));
    },
  );

  it('leaves to ffprobe what the boxes cannot decide: other containers, fragments, a cut file', async () => {
    expect(await boxes(clip('matroska.mp4'))).toBeNull();
    expect(await boxes(clip('flash.mp4'))).toBeNull();
    expect(await boxes(clip('fragmented.mp4'))).toBeNull();
    const dir = tempDir('baosong-boxes-');
    const whole = readFileSync(clip('moov-last.mp4'));
    const cut = join(dir, 'cut.mp4');
    writeFileSync(cut, whole.subarray(0, whole.length - 200));
    expect(await boxes(cut)).toBeNull();
    // …and fileFacts still gets the facts (ffprobe) or says what is wrong.
    expect((await fileFacts(clip('fragmented.mp4'))).video).toMatchObject({ codec: 'h264', width: 640, height: 480 });
    expect((await fileFacts(cut)).corrupt).toMatch(/不完整/);
  });

  it('reads headers and the moov box only: a file with its media data zeroed gives the same facts', async () => {
    const p = clip('lecture.mp4');
    const bytes = Buffer.from(readFileSync(p));
    const mdat = bytes.indexOf('mdat');
    bytes.fill(0, mdat + 4, mdat + 4 + 200_000);
    const dir = tempDir('baosong-boxes-');
    writeFileSync(join(dir, 'z.mp4'), bytes);
    expect((await boxes(join(dir, 'z.mp4')))!.facts).toEqual((await boxes(p))!.facts);
  });
});

describe('title card from key frames', () => {
  const card = async (name: string) => {
    const p = clip(name);
    const read = (await boxes(p))!;
    const sampled = { timing: read.timing, pixels: read.facts.codedWidth * read.facts.codedHeight };
    return {
      plan: samplePlan(read.timing, sampled.pixels),
      fast: await probeTitleCard(p, null, undefined, sampled),
      slow: await probeTitleCard(p, null),
    };
  };

  it.each([
    ['opening-blue.mp4', true, true],
    ['opening-navy.mp4', true, true],
    ['lecture.mp4', true, true],
    ['lecture-bframes.mp4', true, true],
    ['opening-teal.mp4', true, false],
    ['opening-dark.mp4', true, false],
    // Moving pictures or a picture that changes: the frames are too big to say "unchanged"; decoded.
    ['opening-busy.mp4', false, false],
    ['no-card.mp4', false, false],
    ['opening-fade.mp4', false, null],
    ['opening-cut.mp4', false, false],
    // A cut at 3 s to a still slide, with a key frame there: the 4 s picture is that key frame's — not blue.
    ['opening-cut-slide.mp4', true, false],
  ])('%s: sampled=%s, blue=%s — the same verdict as decoding', async (name, sampled, blue) => {
    const { plan, fast, slow } = await card(name);
    expect(plan !== null).toBe(sampled);
    expect(fast.method).toBe(sampled ? 'key-frames' : 'decoded');
    expect(slow.method).toBe('decoded');
    const verdict = (c: typeof fast) => c.frames.length === 2 && c.frames.every((f) => f.blue);
    expect(verdict(fast)).toBe(verdict(slow));
    if (blue !== null) expect(verdict(fast)).toBe(blue);
    expect(fast.frames.map((f) => f.atS)).toEqual([1, 4]);
    for (const [i, f] of fast.frames.entries()) {
      const s = slow.frames[i]!;
      if (sampled && blue)
        for (const c of [0, 1, 2]) expect(Math.abs(f.mean[c]! - s.mean[c]!), `${name} ${f.atS}s mean`).toBeLessThan(12);
    }
  });

  it('keeps a five-tile contact sheet from the key frames', async () => {
    const dir = tempDir('baosong-boxes-');
    const p = clip('lecture.mp4');
    const read = (await boxes(p))!;
    const c = await probeTitleCard(p, dir, undefined, { timing: read.timing, pixels: 1280 * 720 });
    expect(c.method).toBe('key-frames');
    const sharp = (await import('sharp')).default;
    const meta = await sharp(c.contactSheet!).metadata();
    expect(meta.height).toBe(90);
    expect(meta.width).toBe(160 * 5);
  });
});

describe('pixel statistics', () => {
  it('match sharp stats() (mean, standard deviation, dominant colour) on openings and real pictures', async () => {
    const sharp = (await import('sharp')).default;
    const { pixelStats } = await import('../../src/main/inspect/titlecard.js');
    const { runTool, ffmpegBin } = await import('../../src/main/inspect/tools.js');
    const pictures: Buffer[] = [];
    const sources = ['lecture.mp4', 'opening-busy.mp4', 'opening-teal.mp4', 'no-card.mp4', 'opening-fade.mp4'].map(
      (n) => clip(n),
    );
    for (const path of [...sources, ...real]) {
      const r = await runTool(ffmpegBin(), [
        '-v',
        'error',
        '-i',
        path,
        '-vf',
        'scale=-2:90',
        '-frames:v',
        '1',
        '-pix_fmt',
        'rgb24',
        '-f',
        'image2pipe',
        '-vcodec',
        'png',
        '-',
      ]);
      pictures.push(r.stdout);
    }
    for (const png of pictures) {
      const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const ours = pixelStats({ data, width: info.width, height: info.height }, 0, info.width);
      const theirs = await sharp(png).removeAlpha().stats();
      expect(ours.mean).toEqual(theirs.channels.slice(0, 3).map((c) => Math.round(c.mean)));
      expect(ours.stdev).toEqual(theirs.channels.slice(0, 3).map((c) => Math.round(c.stdev)));
      expect(ours.dominant).toEqual([theirs.dominant.r, theirs.dominant.g, theirs.dominant.b]);
    }
  });
});

describe('title cards judged together', () => {
  it('gatherFacts batches still openings into one ffmpeg run and reaches the same verdicts as one by one', async () => {
    const { gatherFacts } = await import('../../src/main/inspect/facts.js');
    const dir = tempDir('baosong-cards-');
    // A file whose boxes are whole but whose pictures are zeroed: ffmpeg cannot decode its key frame.
    const bytes = Buffer.from(readFileSync(clip('opening-navy.mp4')));
    const mdat = bytes.indexOf('mdat');
    bytes.fill(0, mdat + 4, mdat - 4 + bytes.readUInt32BE(mdat - 4));
    writeFileSync(join(dir, 'zeroed.mp4'), bytes);
    const names = [
      'opening-blue.mp4',
      'lecture.mp4',
      'opening-teal.mp4',
      'opening-dark.mp4',
      'lecture-bframes.mp4',
      'no-card.mp4',
      'opening-cut-slide.mp4',
      'rotated.mp4',
    ];
    const paths = [...names.map((n) => clip(n)), join(dir, 'zeroed.mp4')];
    const progress: number[] = [];
    const all = await gatherFacts(
      paths.map((absPath) => ({ absPath, role: 'lecture-video' as const })),
      { onProgress: (p) => progress.push(p.done) },
    );
    expect(progress).toEqual(paths.map((_, i) => i + 1));
    const methods = new Set<string>();
    for (const p of paths) {
      const together = all.get(p)!.titleCard!;
      const alone = await probeTitleCard(p, null);
      methods.add(together.method!);
      expect(
        together.frames.map((f) => f.blue),
        p,
      ).toEqual(alone.frames.map((f) => f.blue));
      expect(
        together.frames.map((f) => f.atS),
        p,
      ).toEqual(alone.frames.length ? [1, 4] : []);
    }
    expect([...methods].sort()).toEqual(['decoded', 'key-frames']);
  });
});
