// The 微课 title card (通知 三.2: 蓝底白字、楷体、时长5秒，显示教材版本、学段学科、年级学期、课名、教师姓名和所在
// 单位): its six lines from the work, set centred in white on blue from glyph outlines (card-font.ts) into an SVG
// that sharp renders at the video's own size, then joined in front of the video as exactly 5 s of frames at the
// video's rate with 5 s of silence — one encode, so the joined file has one set of parameters and plays through.
import { rm, writeFile } from 'node:fs/promises';
import { sharp } from '../lazy.js';
import type { Profile } from '../../shared/rules/profile.js';
import type { Work } from '../../shared/model.js';
import { TITLE_CARD_FIELDS } from '../../shared/rules/liaoning-29-categories.js';
import { cardFonts, type CardFont } from './card-font.js';
import { ffmpegJob, type JobOptions } from './ffmpeg-job.js';
import type { Encoder } from './video.js';

/** The card's blue (hue 218°): well inside what the title-card check takes for blue (inspect/titlecard.ts). */
export const CARD_BLUE = { r: 30, g: 80, b: 160 };
export const CARD_SECONDS = 5;

export interface CardLine {
  text: string;
  /** The 课名 is set larger. */
  title?: boolean;
}

export interface CardText {
  lines: CardLine[];
  /** The work's values the card needs and lacks (教材版本 must be filled; 学期 may stay empty). */
  missing: string[];
}

/** The six lines of `work`'s card. */
export function cardText(profile: Profile, work: Work): CardText {
  const edition = (work.fields[TITLE_CARD_FIELDS.edition] ?? '').trim();
  const term = (work.fields[TITLE_CARD_FIELDS.term] ?? '').trim();
  const stage = profile.stages[work.stage] ?? '';
  const subject = work.subject.trim();
  const stageSubject = subject.startsWith(stage) ? subject : `${stage}${subject}`;
  const units = [...new Set(work.authors.map((a) => a.unit.trim()).filter(Boolean))];
  const missing = [
    ...(edition ? [] : [TITLE_CARD_FIELDS.edition]),
    ...(subject ? [] : ['学科']),
    ...(work.grade.trim() ? [] : ['年级']),
    ...(work.title.trim() ? [] : ['作品名称']),
    ...(work.authors.length ? [] : ['作者']),
  ];
  return {
    lines: [
      { text: `教材版本：${edition}` },
      { text: `学段学科：${stageSubject}` },
      { text: `年级学期：${work.grade.trim()}${term}` },
      { text: `《${work.title.trim()}》`, title: true },
      { text: `教师：${work.authors.map((a) => a.name.trim()).join('、')}` },
      { text: `单位：${units.join('、')}` },
    ],
    missing,
  };
}

interface Placed {
  d: string;
  x: number;
  scale: number;
}

/** A line's glyphs at `size` px, from the first font that has each character; its width. */
function shape(text: string, size: number, fonts: CardFont[]): { glyphs: Placed[]; width: number; fallback: boolean } {
  const glyphs: Placed[] = [];
  let x = 0;
  let fallback = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let outline = null;
    for (const [i, f] of fonts.entries()) {
      outline = f.outline(cp);
      if (outline) {
        if (i === fonts.length - 1 && fonts.length > 1) fallback = true;
        break;
      }
    }
    if (!outline) {
      x += size / 2;
      continue;
    }
    const scale = size / outline.unitsPerEm;
    glyphs.push({ d: outline.d, x, scale });
    x += outline.advance * scale;
  }
  return { glyphs, width: x, fallback };
}

/** Splits `text` into lines no wider than `max` (CJK breaks anywhere). */
function wrap(text: string, size: number, max: number, fonts: CardFont[]): string[] {
  const out: string[] = [];
  let line = '';
  let width = 0;
  for (const ch of text) {
    const w = shape(ch, size, fonts).width;
    if (line && width + w > max) {
      out.push(line);
      line = ch;
      width = w;
    } else {
      line += ch;
      width += w;
    }
  }
  if (line) out.push(line);
  return out;
}

export interface RenderedCard {
  png: Buffer;
  /** The font the card is set in (the first of the card fonts), and whether a character needed the 黑体 fallback. */
  font: string;
  fallback: boolean;
}

/** The card as a PNG of width × height: the lines centred, white on blue, the block centred vertically. */
export async function renderCard(
  lines: CardLine[],
  width: number,
  height: number,
  fonts = cardFonts(),
): Promise<RenderedCard> {
  if (!fonts.length) throw new Error('no card font');
  const max = width * 0.88;
  const leading = 1.55;
  // Set every line at its size; a line too wide smaller (down to two thirds), then broken; a block too tall all
  // smaller again, until it fits in 86 % of the height.
  let rows: { text: string; size: number }[] = [];
  let total = 0;
  for (let k = 1, round = 0; round < 8; round += 1) {
    rows = [];
    for (const line of lines) {
      const base = height * (line.title ? 0.095 : 0.056) * k;
      let size = base;
      const natural = shape(line.text, base, fonts).width;
      if (natural > max) size = Math.max(base * 0.67, (base * max) / natural);
      for (const text of wrap(line.text, size, max, fonts)) rows.push({ text, size });
    }
    total = rows.reduce((n, r) => n + r.size * leading, 0);
    if (total <= height * 0.86) break;
    k *= (height * 0.86) / total;
  }
  let y = (height - total) / 2;
  const paths: string[] = [];
  let fallback = false;
  for (const row of rows) {
    const shaped = shape(row.text, row.size, fonts);
    fallback ||= shaped.fallback;
    const left = (width - shaped.width) / 2;
    // The baseline sits at about 0.8 of the em below the row's top, the rest of the leading split above and below.
    const baseline = y + row.size * ((leading - 1) / 2 + 0.85);
    for (const g of shaped.glyphs) {
      paths.push(
        `<path transform="translate(${(left + g.x).toFixed(2)} ${baseline.toFixed(2)}) scale(${g.scale.toFixed(5)} ${(-g.scale).toFixed(5)})" d="${g.d}"/>`,
      );
    }
    y += row.size * leading;
  }
  const { r, g, b } = CARD_BLUE;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="rgb(${r},${g},${b})"/><g fill="#ffffff">${paths.join('')}</g></svg>`;
  const png = await (await sharp())(Buffer.from(svg)).flatten({ background: CARD_BLUE }).png().toBuffer();
  return { png, font: fonts[0]!.name, fallback };
}

/** A frame rate as ffmpeg takes it: 29.97… → 30000/1001, 25 → 25. */
export function rateOf(fps: number): string {
  const ntsc = Math.round(fps * 1.001);
  if (Math.abs(fps - (ntsc * 1000) / 1001) < 0.002 && Math.abs(fps - ntsc) > 0.002) return `${ntsc * 1000}/1001`;
  return String(Math.round(fps * 1000) / 1000);
}

export interface CardJoin {
  width: number;
  height: number;
  fps: number;
  audioBitRate: number;
}

/** The number of card frames: 5 s at the video's rate (to the nearest frame). */
export function cardFrames(fps: number): number {
  return Math.round(CARD_SECONDS * fps);
}

/**
 * ffmpeg arguments joining the card (a PNG) in front of `source`: both at the video's displayed size and rate,
 * yuv420p, square pixels; 5 s of silence in front of the sound (none where the source has none).
 */
export function cardJoinArgs(
  source: string,
  card: string,
  spec: CardJoin,
  encoder: Encoder,
  hasAudio: boolean,
): { input: string[]; output: string[] } {
  const rate = rateOf(spec.fps);
  const frames = cardFrames(spec.fps);
  const size = `${spec.width}:${spec.height}`;
  const audioFmt = 'aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo';
  const graph = [
    `[0:v]trim=end_frame=${frames},setpts=PTS-STARTPTS,scale=${size},setsar=1,format=yuv420p[cv]`,
    `[2:v]scale=${size},setsar=1,fps=${rate},format=yuv420p[sv]`,
    ...(hasAudio
      ? [
          `[1:a]atrim=end_sample=${Math.round((frames / spec.fps) * 48000)},asetpts=PTS-STARTPTS,${audioFmt}[ca]`,
          `[2:a]${audioFmt}[sa]`,
          '[cv][ca][sv][sa]concat=n=2:v=1:a=1[v][a]',
        ]
      : ['[cv][sv]concat=n=2:v=1:a=0[v]']),
  ].join(';');
  return {
    input: [
      '-loop',
      '1',
      '-framerate',
      rate,
      '-i',
      card,
      '-f',
      'lavfi',
      '-i',
      'anullsrc=r=48000:cl=stereo',
      '-i',
      source,
    ],
    output: [
      '-filter_complex',
      graph,
      '-map',
      '[v]',
      ...(hasAudio ? ['-map', '[a]'] : []),
      '-c:v',
      encoder.name,
      ...encoder.args,
      ...(encoder.hardware ? [] : ['-crf', '23']),
      ...(hasAudio ? ['-c:a', 'aac', '-b:a', String(spec.audioBitRate), '-ar', '48000'] : []),
      '-map_metadata',
      '-1',
      '-movflags',
      '+faststart',
      '-f',
      'mp4',
    ],
  };
}

/** Joins the card (PNG bytes) in front of `source` into `target`; the card's file beside the target is removed after. */
export async function joinCard(
  source: string,
  card: Buffer,
  target: string,
  spec: CardJoin,
  hasAudio: boolean,
  encoder: Encoder,
  o: JobOptions = {},
): Promise<void> {
  const png = `${target}.baosong-card.png`;
  await writeFile(png, card);
  try {
    await ffmpegJob(cardJoinArgs(source, png, spec, encoder, hasAudio), target, o);
  } finally {
    await rm(png, { force: true });
  }
}
