// The 微课 title card (蓝底白字, 5 s): one ffmpeg run decodes only the first 5 s into a contact sheet of one small
// tile a second; the tiles at about 1 s and 4 s are judged from sharp's statistics.
import { mkdirSync } from 'node:fs';
import { writeAtomicSync } from '../atomic.js';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import type { TitleCardFacts, TitleCardFrame } from '../../shared/model.js';
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
export const THRESHOLDS = { hueMin: 195, hueMax: 255, satMin: 0.4, valMin: 0.25, blueOverRed: 30, blueOverGreen: 15, maxStdev: 80 };

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
  return h >= t.hueMin && h <= t.hueMax && s >= t.satMin && v >= t.valMin && b >= r + t.blueOverRed && b >= g + t.blueOverGreen && spread <= t.maxStdev;
}

/** Judges the opening of a video and keeps its contact sheet in cacheDir (when given). */
export async function probeTitleCard(path: string, cacheDir: string | null, signal?: AbortSignal): Promise<TitleCardFacts> {
  const r = await runTool(
    ffmpegBin(),
    [
      '-v', 'error', '-nostdin', '-t', String(TILES), '-i', path,
      '-an', '-sn', '-dn', '-threads', '1',
      '-vf', `fps=1,scale=-2:${TILE_HEIGHT},tile=${TILES}x1`,
      '-frames:v', '1', '-f', 'image2pipe', '-vcodec', 'png', '-',
    ],
    { timeoutMs: 60_000, signal, maxStdout: 8 * 1024 * 1024 },
  );
  if (r.code !== 0 || r.stdout.length === 0) return { frames: [], contactSheet: null };
  const sheet = r.stdout;
  const { width, height } = await sharp(sheet).metadata();
  const tileWidth = Math.floor((width ?? 0) / TILES);
  const frames: TitleCardFrame[] = [];
  for (const at of JUDGED) {
    if (!tileWidth || !height) break;
    const stats = await sharp(sheet).extract({ left: at * tileWidth, top: 0, width: tileWidth, height }).removeAlpha().stats();
    const c = stats.channels;
    const frame = {
      atS: at,
      mean: [c[0]!.mean, c[1]!.mean, c[2]!.mean].map(Math.round) as [number, number, number],
      stdev: [c[0]!.stdev, c[1]!.stdev, c[2]!.stdev].map(Math.round) as [number, number, number],
      dominant: [stats.dominant.r, stats.dominant.g, stats.dominant.b] as [number, number, number],
    };
    frames.push({ ...frame, blue: looksBlue(frame) });
  }
  let contactSheet: string | null = null;
  if (cacheDir) {
    mkdirSync(cacheDir, { recursive: true });
    contactSheet = join(cacheDir, `opening-${createHash('sha1').update(path).digest('hex').slice(0, 16)}.png`);
    writeAtomicSync(contactSheet, sheet);
  }
  return { frames, contactSheet };
}
