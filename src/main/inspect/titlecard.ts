// The 微课 title card (蓝底白字, 5 s): the pictures at about 1 s and 4 s are judged from sharp's statistics.
// Sampled: when the MP4's sample tables (mp4-boxes) show that the picture at 1 s and at 4 s is a key frame's, left
// unchanged by the small frames after it, only those key frames are decoded. Otherwise one ffmpeg run decodes
// the first 5 s into a contact sheet of one small tile a second.
import { mkdirSync } from 'node:fs';
import { writeAtomicSync } from '../atomic.js';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { sharp } from '../lazy.js';
import type { TitleCardFacts, TitleCardFrame } from '../../shared/model.js';
import type { VideoTiming } from './mp4-boxes.js';
import { ffmpegBin, runTool } from './tools.js';

const TILE_HEIGHT = 90;
const TILES = 5;
/** Which tiles (seconds) are judged. */
const JUDGED = [1, 4];

/**
 * "Uniform and blue", in numbers (docs/title-card.md shows them on blue, navy, teal, busy and dark openings):
 * - the dominant colour has a blue hue (195°–255°), saturation ≥ 0.40 and value ≥ 0.25;
 * - the mean colour leans blue: B ≥ R + 30 and B ≥ G + 15;
 * - the spread is that of a plain card with a few lines of text: mean channel stdev ≤ 80.
 */
export const THRESHOLDS = {
  hueMin: 195,
  hueMax: 255,
  satMin: 0.4,
  valMin: 0.25,
  blueOverRed: 30,
  blueOverGreen: 15,
  maxStdev: 80,
};

export function hsv([r, g, b]: [number, number, number]): { h: number; s: number; v: number } {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  let h = 0;
  if (d > 0) {
    if (max === r) h = 60 * (((g - b) / d) % 6);
    else if (max === g) h = 60 * ((b - r) / d + 2);
    else h = 60 * ((r - g) / d + 4);
  }
  return { h: (h + 360) % 360, s: max === 0 ? 0 : d / max, v: max / 255 };
}

export function looksBlue(f: Omit<TitleCardFrame, 'blue' | 'atS'>): boolean {
  const t = THRESHOLDS;
  const { h, s, v } = hsv(f.dominant);
  const [r, g, b] = f.mean;
  const spread = (f.stdev[0] + f.stdev[1] + f.stdev[2]) / 3;
  return (
    h >= t.hueMin &&
    h <= t.hueMax &&
    s >= t.satMin &&
    v >= t.valMin &&
    b >= r + t.blueOverRed &&
    b >= g + t.blueOverGreen &&
    spread <= t.maxStdev
  );
}

/**
 * "The picture has not changed since the key frame", in the frames' sizes: a frame that redraws part of the
 * picture costs bits. A still card's frames are a few bytes (x264: 10–150 bytes, whatever the size, most of it
 * the slice header: FRAME_OVERHEAD is not counted); a moving picture's are 0.2 bits a pixel and more (320×240
 * test pattern: ≥ 2.6 KB), a fade 0.01 bits a pixel per frame. Per frame at most 0.02 bits/pixel, together at
 * most 0.25 bits/pixel beyond the overhead; else the opening is decoded.
 */
export const STILL = { frameOverhead: 64, frameBitsPerPixel: 0.02, runBitsPerPixel: 0.25, maxKeys: 6 };

export interface SamplePlan {
  /** The key frames (decode times, s) to decode, in order. */
  keys: number[];
  /** For each second 0–4 of the opening: the index in keys whose picture is the one shown then. */
  cover: number[];
}

/**
 * Which key frames show the picture at each second of the opening — or null when some judged second's picture
 * is not a key frame's left unchanged (then the opening must be decoded).
 */
export function samplePlan(timing: VideoTiming, pixels: number): SamplePlan | null {
  const keys = timing.samples.filter((x) => x.key && x.atS < TILES);
  if (!keys.length || keys.length > STILL.maxKeys || pixels <= 0) return null;
  const cover: number[] = [];
  for (let second = 0; second < TILES; second += 1) {
    let k = -1;
    for (let i = 0; i < keys.length; i += 1) if (keys[i]!.atS <= second + 1e-6) k = i;
    if (k < 0) return null;
    if (JUDGED.includes(second)) {
      // Frames up to a little past the second (B-frames are shown after they are decoded).
      const run = timing.samples.filter((x) => x.atS > keys[k]!.atS && x.atS <= second + 0.3);
      if (run.some((x) => x.key)) return null;
      const bits = run.map((x) => Math.max(0, x.size - STILL.frameOverhead) * 8);
      if (bits.some((b) => b / pixels > STILL.frameBitsPerPixel)) return null;
      if (bits.reduce((a, b) => a + b, 0) / pixels > STILL.runBitsPerPixel) return null;
    }
    cover.push(k);
  }
  return { keys: keys.map((x) => x.atS), cover };
}

const PNG_END = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** Splits ffmpeg's image2pipe output into its PNGs. */
export function splitPngs(stream: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let from = 0;
  for (;;) {
    const end = stream.indexOf(PNG_END, from);
    if (end < 0) break;
    out.push(stream.subarray(from, end + PNG_END.length));
    from = end + PNG_END.length;
  }
  return out;
}

/** Raw RGB pixels: width × height × 3 bytes. */
interface Rgb {
  data: Buffer;
  width: number;
  height: number;
}

async function decodePng(png: Buffer): Promise<Rgb> {
  const { data, info } = await (
    await sharp()
  )(png)
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * sharp's stats() for an RGB region, computed here (sharp spends ~10 ms a call setting up a pipeline, 20× the
 * work): per channel the mean and the sample standard deviation; the dominant colour as sharp finds it — the
 * fullest bin of a 16×16×16 histogram (first in sharp's scan order: green, then red, then blue), its centre.
 */
export function pixelStats(img: Rgb, left: number, width: number): Omit<TitleCardFrame, 'blue' | 'atS'> {
  let r0 = 0,
    g0 = 0,
    b0 = 0,
    r2 = 0,
    g2 = 0,
    b2 = 0;
  const hist = new Uint32Array(4096);
  for (let y = 0; y < img.height; y += 1) {
    let i = (y * img.width + left) * 3;
    for (let x = 0; x < width; x += 1, i += 3) {
      const r = img.data[i]!;
      const g = img.data[i + 1]!;
      const b = img.data[i + 2]!;
      r0 += r;
      g0 += g;
      b0 += b;
      r2 += r * r;
      g2 += g * g;
      b2 += b * b;
      hist[((g >> 4) << 8) | ((r >> 4) << 4) | (b >> 4)]! += 1;
    }
  }
  const n = width * img.height;
  let best = 0;
  for (let k = 1; k < hist.length; k += 1) if (hist[k]! > hist[best]!) best = k;
  const sum = [r0, g0, b0];
  const mean = sum.map((x) => x / n);
  const stdev = [r2, g2, b2].map((x, c) =>
    n > 1 ? Math.sqrt(Math.max(0, (x - (sum[c]! * sum[c]!) / n) / (n - 1))) : 0,
  );
  return {
    mean: mean.map(Math.round) as [number, number, number],
    stdev: stdev.map(Math.round) as [number, number, number],
    dominant: [((best >> 4) & 15) * 16 + 8, (best >> 8) * 16 + 8, (best & 15) * 16 + 8],
  };
}

function frameOf(img: Rgb, left: number, width: number, atS: number): TitleCardFrame {
  const frame = { atS, ...pixelStats(img, left, width) };
  return { ...frame, blue: looksBlue(frame) };
}

function keepSheet(path: string, cacheDir: string | null, sheet: Buffer): string | null {
  if (!cacheDir) return null;
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `opening-${createHash('sha1').update(path).digest('hex').slice(0, 16)}.png`);
  writeAtomicSync(file, sheet);
  return file;
}

/** The sampled judgement: only the planned key frames decoded. Null when ffmpeg did not give them all. */
async function sampledCard(
  path: string,
  plan: SamplePlan,
  cacheDir: string | null,
  signal?: AbortSignal,
): Promise<TitleCardFacts | null> {
  const r = await runTool(
    ffmpegBin(),
    [
      // -threads 1 before -i: one decoder thread (the default starts a frame-threading pool per process).
      '-v',
      'error',
      '-nostdin',
      '-threads',
      '1',
      '-skip_frame',
      'nokey',
      '-t',
      String(TILES),
      '-i',
      path,
      '-an',
      '-sn',
      '-dn',
      '-threads',
      '1',
      '-vsync',
      '0',
      '-vf',
      `scale=-2:${TILE_HEIGHT}`,
      '-frames:v',
      String(plan.keys.length),
      '-pix_fmt',
      'rgb24',
      '-f',
      'image2pipe',
      '-vcodec',
      'png',
      '-',
    ],
    { timeoutMs: 60_000, signal, maxStdout: 8 * 1024 * 1024 },
  );
  const pngs = r.code === 0 ? splitPngs(r.stdout) : [];
  if (pngs.length !== plan.keys.length) return null;
  return cardFromTiles(path, plan, await Promise.all(pngs.map(decodePng)), cacheDir);
}

/** The judgement and contact sheet from the planned key frames' pictures (one tile each, in order). */
async function cardFromTiles(
  path: string,
  plan: SamplePlan,
  tiles: Rgb[],
  cacheDir: string | null,
): Promise<TitleCardFacts | null> {
  const { width, height } = tiles[0]!;
  if (!width || !height || tiles.some((t) => t.width !== width || t.height !== height)) return null;
  const frames = JUDGED.map((at) => frameOf(tiles[plan.cover[at]!]!, 0, width, at));
  let contactSheet: string | null = null;
  if (cacheDir) {
    // The sheet: each second's tile is the key frame shown then.
    const sheet = Buffer.alloc(width * TILES * height * 3);
    for (const [second, k] of plan.cover.entries()) {
      for (let y = 0; y < height; y += 1)
        tiles[k]!.data.copy(sheet, (y * width * TILES + second * width) * 3, y * width * 3, (y + 1) * width * 3);
    }
    contactSheet = keepSheet(
      path,
      cacheDir,
      await (
        await sharp()
      )(sheet, { raw: { width: width * TILES, height, channels: 3 } })
        .png()
        .toBuffer(),
    );
  }
  return { frames, contactSheet, method: 'key-frames' };
}

/** A still opening whose one key frame in the first 5 s shows it throughout: one picture to decode. */
export interface OneKeyCard {
  path: string;
  plan: SamplePlan;
  /** Displayed width / height (the decoder turns rotated pictures). */
  aspect: number;
}

/** Openings judged in one ffmpeg run: a process costs ~20 ms before it decodes anything, about what a key frame does. */
export const CARD_BATCH = 8;

/**
 * Several still openings (one key frame each) judged in one ffmpeg run: every video's key frame scaled to the
 * tile height and set side by side. Null for the lot when ffmpeg fails (a damaged file among them): the caller
 * judges them one by one.
 */
export async function batchedCards(
  items: OneKeyCard[],
  cacheDir: string | null,
  signal?: AbortSignal,
): Promise<(TitleCardFacts | null)[] | null> {
  const widths = items.map((x) => Math.max(2, 2 * Math.round((TILE_HEIGHT * (x.aspect || 16 / 9)) / 2)));
  const total = widths.reduce((a, b) => a + b, 0);
  const inputs = items.flatMap((x) => ['-threads', '1', '-skip_frame', 'nokey', '-t', String(TILES), '-i', x.path]);
  const graph =
    items.map((_, i) => `[${i}:v]scale=${widths[i]}:${TILE_HEIGHT},setsar=1,format=rgb24[v${i}]`).join(';') +
    (items.length > 1 ? `;${items.map((_, i) => `[v${i}]`).join('')}hstack=inputs=${items.length}[out]` : '');
  const r = await runTool(
    ffmpegBin(),
    [
      '-v',
      'error',
      '-nostdin',
      ...inputs,
      '-filter_complex',
      graph,
      '-map',
      items.length > 1 ? '[out]' : '[v0]',
      '-threads',
      '1',
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      '-',
    ],
    { timeoutMs: 60_000, signal, maxStdout: 8 * 1024 * 1024 },
  );
  if (r.code !== 0 || r.stdout.length !== total * TILE_HEIGHT * 3) return null;
  const out: (TitleCardFacts | null)[] = [];
  let left = 0;
  for (const [i, item] of items.entries()) {
    const w = widths[i]!;
    const data = Buffer.alloc(w * TILE_HEIGHT * 3);
    for (let y = 0; y < TILE_HEIGHT; y += 1)
      r.stdout.copy(data, y * w * 3, (y * total + left) * 3, (y * total + left + w) * 3);
    out.push(await cardFromTiles(item.path, item.plan, [{ data, width: w, height: TILE_HEIGHT }], cacheDir));
    left += w;
  }
  return out;
}

/**
 * Judges the opening of a video and keeps its contact sheet in cacheDir (when given). With the MP4's sample
 * tables (timing) and displayed pixel count, a still opening is judged from its key frames alone.
 */
export async function probeTitleCard(
  path: string,
  cacheDir: string | null,
  signal?: AbortSignal,
  sampled?: { timing: VideoTiming; pixels: number },
): Promise<TitleCardFacts> {
  const plan = sampled ? samplePlan(sampled.timing, sampled.pixels) : null;
  if (plan) {
    const card = await sampledCard(path, plan, cacheDir, signal);
    if (card) return card;
  }
  const r = await runTool(
    ffmpegBin(),
    [
      '-v',
      'error',
      '-nostdin',
      '-threads',
      '1',
      '-t',
      String(TILES),
      '-i',
      path,
      '-an',
      '-sn',
      '-dn',
      '-threads',
      '1',
      '-vf',
      `fps=1,scale=-2:${TILE_HEIGHT},tile=${TILES}x1`,
      '-frames:v',
      '1',
      '-pix_fmt',
      'rgb24',
      '-f',
      'image2pipe',
      '-vcodec',
      'png',
      '-',
    ],
    { timeoutMs: 60_000, signal, maxStdout: 8 * 1024 * 1024 },
  );
  if (r.code !== 0 || r.stdout.length === 0) return { frames: [], contactSheet: null, method: 'decoded' };
  const sheet = r.stdout;
  const img = await decodePng(sheet);
  const tileWidth = Math.floor(img.width / TILES);
  const frames = tileWidth && img.height ? JUDGED.map((at) => frameOf(img, at * tileWidth, tileWidth, at)) : [];
  return { frames, contactSheet: cacheDir ? keepSheet(path, cacheDir, sheet) : null, method: 'decoded' };
}
