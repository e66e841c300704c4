// Test media made by the bundled ffmpeg and sharp, cached between runs in the temp folder (never committed).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { ffmpegBin } from '../../src/main/inspect/tools.js';

/** Bump when a recipe changes, so stale files are not reused. */
const VERSION = 4;
export const MEDIA_DIR = join(tmpdir(), `baosong-test-media-v${VERSION}`);

/** White bars on a coloured card: the look of 白字 on a title card, without needing a font. */
const bars = [
  'drawbox=x=iw*0.15:y=ih*0.30:w=iw*0.70:h=ih*0.07:color=white:t=fill',
  'drawbox=x=iw*0.25:y=ih*0.50:w=iw*0.50:h=ih*0.05:color=white:t=fill',
  'drawbox=x=iw*0.30:y=ih*0.65:w=iw*0.40:h=ih*0.05:color=white:t=fill',
].join(',');

const x264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'];
const aac = ['-c:a', 'aac', '-b:a', '128k'];
// Pink noise rather than a pure tone: AAC spends its full bit rate on it, as on real speech and music.
const sine = (s: number) => ['-f', 'lavfi', '-i', `anoisesrc=d=${s}:c=pink:a=0.2:r=44100`];

/** ffmpeg argument lists (without the output path) for each named clip. */
const RECIPES: Record<string, string[]> = {
  // A micro-lecture: 5 s navy card with white bars, then 3 s of moving test pattern; 1280×720, sound.
  'lecture.mp4': [
    '-f',
    'lavfi',
    '-i',
    `color=c=0x1F3C88:s=1280x720:r=25:d=5,${bars}`,
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=1280x720:r=25:d=3',
    ...sine(8),
    '-filter_complex',
    '[0:v][1:v]concat=n=2:v=1:a=0[v]',
    '-map',
    '[v]',
    '-map',
    '2:a',
    ...x264,
    ...aac,
    '-movflags',
    '+faststart',
  ],
  // A micro-lecture that opens straight on the lesson (no card): 1280×720 at 25 fps, 6 s, sound.
  'no-card.mp4': ['-f', 'lavfi', '-i', 'testsrc2=s=1280x720:r=25:d=6', ...sine(6), ...x264, ...aac, '-shortest'],
  'opening-blue.mp4': ['-f', 'lavfi', '-i', `color=c=0x0000FF:s=320x240:r=25:d=5,${bars}`, ...x264],
  'opening-navy.mp4': ['-f', 'lavfi', '-i', `color=c=0x1F3C88:s=320x240:r=25:d=5,${bars}`, ...x264],
  'opening-teal.mp4': ['-f', 'lavfi', '-i', `color=c=0x008080:s=320x240:r=25:d=5,${bars}`, ...x264],
  'opening-busy.mp4': ['-f', 'lavfi', '-i', 'testsrc2=s=320x240:r=25:d=5', ...x264],
  'opening-dark.mp4': ['-f', 'lavfi', '-i', `color=c=0x050510:s=320x240:r=25:d=5`, ...x264],
  // Openings for the sampled title-card judgement (key frames + frame sizes) against the decoded one.
  'opening-fade.mp4': ['-f', 'lavfi', '-i', `color=c=0x0000FF:s=320x240:r=25:d=5,${bars},fade=in:st=0:d=2`, ...x264],
  // Cut at 3 s to a still grey slide; the encoder (preset medium: scene cuts) puts a key frame there.
  'opening-cut-slide.mp4': [
    '-f',
    'lavfi',
    '-i',
    `color=c=0x0000FF:s=640x360:r=25:d=3,${bars}`,
    '-f',
    'lavfi',
    '-i',
    `color=c=0xDDDDDD:s=640x360:r=25:d=3,${bars}`,
    '-filter_complex',
    '[0:v][1:v]concat=n=2:v=1:a=0[v]',
    '-map',
    '[v]',
    '-c:v',
    'libx264',
    '-preset',
    'medium',
    '-pix_fmt',
    'yuv420p',
  ],
  // Cut at 3 s to a moving picture, no key frame there (ultrafast: no scene-cut detection).
  'opening-cut.mp4': [
    '-f',
    'lavfi',
    '-i',
    `color=c=0x0000FF:s=640x360:r=25:d=3,${bars}`,
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=640x360:r=25:d=3',
    '-filter_complex',
    '[0:v][1:v]concat=n=2:v=1:a=0[v]',
    '-map',
    '[v]',
    ...x264,
  ],
  'lecture-bframes.mp4': [
    '-f',
    'lavfi',
    '-i',
    `color=c=0x1F3C88:s=1280x720:r=25:d=5,${bars}`,
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=1280x720:r=25:d=2',
    ...sine(7),
    '-filter_complex',
    '[0:v][1:v]concat=n=2:v=1:a=0[v]',
    '-map',
    '[v]',
    '-map',
    '2:a',
    '-c:v',
    'libx264',
    '-preset',
    'medium',
    '-g',
    '50',
    '-pix_fmt',
    'yuv420p',
    ...aac,
    '-shortest',
  ],
  'fragmented.mp4': [
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=640x480:r=25:d=2',
    ...x264,
    '-movflags',
    'frag_keyframe+empty_moov',
  ],
  // A 专题片-shaped clip: 1920×1080, 25 fps, H.264 + AAC 128k (4 s: durations are judged on facts).
  'feature.mp4': ['-f', 'lavfi', '-i', 'testsrc2=s=1920x1080:r=25:d=4', ...sine(4), ...x264, ...aac, '-shortest'],
  'small-silent.mp4': ['-f', 'lavfi', '-i', 'testsrc2=s=480x360:r=30:d=2', ...x264],
  // Long enough that a transcode to H.264 (at x264's medium preset) can be killed, or edited beside, while it runs.
  'hevc-long.mp4': [
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=640x480:r=25:d=16',
    ...sine(16),
    '-c:v',
    'libx265',
    '-preset',
    'ultrafast',
    '-x265-params',
    'log-level=error',
    '-tag:v',
    'hvc1',
    ...aac,
    '-shortest',
  ],
  'hevc.mp4': [
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=640x480:r=25:d=2',
    ...sine(2),
    '-c:v',
    'libx265',
    '-preset',
    'ultrafast',
    '-x265-params',
    'log-level=error',
    '-tag:v',
    'hvc1',
    ...aac,
  ],
  // Containers that are not MP4, each given an .mp4 name.
  'quicktime.mp4': ['-f', 'lavfi', '-i', 'testsrc2=s=640x480:r=25:d=2', ...sine(2), ...x264, ...aac, '-f', 'mov'],
  'matroska.mp4': ['-f', 'lavfi', '-i', 'testsrc2=s=640x480:r=25:d=2', ...x264, '-f', 'matroska'],
  'flash.mp4': ['-f', 'lavfi', '-i', 'testsrc2=s=640x480:r=25:d=2', '-c:v', 'flv', '-f', 'flv'],
  // moov at the end: cut in half it has no index at all.
  'moov-last.mp4': ['-f', 'lavfi', '-i', 'testsrc2=s=640x480:r=25:d=3', ...x264],
  'landscape.mp4': ['-f', 'lavfi', '-i', 'testsrc2=s=1920x1080:r=25:d=1', ...x264],
  // A phone's portrait clip: landscape pixels with a rotate tag (set by remuxing: encoders drop it).
  'rotated.mp4': ['-i', '@landscape.mp4', '-c', 'copy', '-metadata:s:v:0', 'rotate=90'],
};

function make(name: string, build: (tmp: string) => void | Promise<void>): Promise<string> | string {
  const out = join(MEDIA_DIR, name);
  if (existsSync(out)) return out;
  mkdirSync(MEDIA_DIR, { recursive: true });
  const tmp = join(MEDIA_DIR, `.${process.pid}-${name}`);
  const done = () => {
    renameSync(tmp, out);
    return out;
  };
  const r = build(tmp);
  return r instanceof Promise ? r.then(done, (e) => (rmSync(tmp, { force: true }), Promise.reject(e))) : done();
}

/** The path of a generated clip (made on first use, then reused). */
export function clip(name: keyof typeof RECIPES | string): string {
  const recipe = RECIPES[name];
  if (!recipe) throw new Error(`no recipe for ${name}`);
  return make(name, (tmp) => {
    const formatGiven =
      recipe.includes('-f') && ['mov', 'matroska', 'flv'].includes(recipe[recipe.lastIndexOf('-f') + 1]!);
    const args = recipe.map((a) => (a.startsWith('@') ? clip(a.slice(1)) : a));
    execFileSync(ffmpegBin(), ['-v', 'error', '-y', ...args, ...(formatGiven ? [] : ['-f', 'mp4']), tmp], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  }) as string;
}

/**
 * Another teacher's copy of a clip: the same pictures, other bytes (an MP4 `free` box naming the copy is appended,
 * as an encoder's padding would be). Two works never share a video's bytes; a test corpus should not either.
 */
export function clipOf(name: keyof typeof RECIPES | string, copy: string): string {
  const source = clip(name);
  return make(`${name.replace(/\.mp4$/, '')}-${Buffer.from(copy).toString('hex').slice(0, 32)}.mp4`, (tmp) => {
    const tag = Buffer.from(copy);
    const box = Buffer.alloc(8);
    box.writeUInt32BE(8 + tag.length, 0);
    box.write('free', 4, 'latin1');
    writeFileSync(tmp, Buffer.concat([readFileSync(source), box, tag]));
  }) as string;
}

/** A CMYK or RGB JPEG of the given size and density, made by sharp. */
export function jpeg(
  name: string,
  o: { width: number; height: number; dpi?: number; cmyk?: boolean },
): Promise<string> {
  return Promise.resolve(
    make(name, async (tmp) => {
      let img = sharp({
        create: { width: o.width, height: o.height, channels: 3, background: { r: 200, g: 40, b: 40 } },
      }).keepMetadata();
      if (o.cmyk) img = img.toColourspace('cmyk');
      img = img.jpeg({ quality: 80 });
      if (o.dpi) img = img.withDensity(o.dpi);
      await img.toFile(tmp + '.jpg');
      renameSync(tmp + '.jpg', tmp);
    }),
  );
}
