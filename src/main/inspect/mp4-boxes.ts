// MP4/QuickTime facts read in-process from the `moov` box (parsed by GPAC's mp4box.js): the same VideoFacts ffprobe
// gives, without a process per file. Only the top-level box headers and the moov box itself are read — never the
// media data. Anything the boxes cannot decide (no moov, fragmented files, a codec we do not name, no video
// track) returns null, and the caller asks ffprobe.
import { open, type FileHandle } from 'node:fs/promises';
import type { VideoFacts } from '../../shared/model.js';

/** A moov bigger than this (hours of video with tiny samples) is left to ffprobe: memory stays flat. */
const MAX_MOOV = 64 * 1024 * 1024;
/** ffprobe's format_name for every ISO-BMFF/QuickTime file. */
const MOV_FORMAT = 'mov,mp4,m4a,3gp,3g2,mj2';

interface Entry {
  type: string;
  width?: number;
  height?: number;
  channel_count?: number;
  avcC?: { AVCProfileIndication: number; profile_compatibility: number };
  hvcC?: { general_profile_idc: number };
  pasp?: { hSpacing: number; vSpacing: number };
  esds?: { esd?: { descs?: Desc[] } };
}
interface Desc {
  tag: number;
  oti?: number;
  data?: Uint8Array;
  descs?: Desc[];
}
interface Trak {
  tkhd?: { matrix?: ArrayLike<number>; track_id?: number };
  mdia?: {
    mdhd?: { timescale: number; duration: number };
    hdlr?: { handler: string };
    minf?: {
      stbl?: {
        stsd?: { entries?: Entry[] };
        stts?: { sample_counts: ArrayLike<number>; sample_deltas: ArrayLike<number> };
        stsz?: { sample_size: number; sample_sizes: ArrayLike<number>; sample_count: number };
        stz2?: { sample_sizes: ArrayLike<number> };
        stss?: { sample_numbers: ArrayLike<number> };
        ctts?: unknown;
      };
    };
  };
}
interface Moov {
  mvhd?: { timescale: number; duration: number; matrix?: ArrayLike<number> };
  traks?: Trak[];
  mvex?: unknown;
}

/** What the sample tables say about a video track's opening: for the title card's cheap sampling. */
export interface VideoTiming {
  /** Presentation-independent decode times (s) of the key frames in the first seconds. */
  keyTimesS: number[];
  /** Each sample in the first seconds: decode time (s), size in bytes, key frame or not. */
  samples: { atS: number; size: number; key: boolean }[];
}

export interface Mp4Read {
  facts: VideoFacts;
  timing: VideoTiming;
}

async function readAt(fh: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, offset);
  return buf.subarray(0, bytesRead);
}

/** The top-level boxes' types and extents: ftyp's major brand, where moov is, and whether the file is fragmented. */
async function topLevel(
  fh: FileHandle,
  size: number,
): Promise<{ brand: string; moov: [number, number] | null; fragmented: boolean }> {
  let at = 0;
  let brand = '';
  let moov: [number, number] | null = null;
  let fragmented = false;
  for (let i = 0; at + 8 <= size && i < 10_000; i += 1) {
    const h = await readAt(fh, at, 16);
    if (h.length < 8) break;
    let boxSize = h.readUInt32BE(0);
    const type = h.toString('latin1', 4, 8);
    let header = 8;
    if (boxSize === 1) {
      if (h.length < 16) break;
      boxSize = Number(h.readBigUInt64BE(8));
      header = 16;
    } else if (boxSize === 0) {
      boxSize = size - at;
    }
    if (boxSize < header) break;
    if (type === 'ftyp') brand = (await readAt(fh, at + header, 4)).toString('latin1');
    else if (type === 'moov') moov = [at, boxSize];
    else if (type === 'moof') fragmented = true;
    at += boxSize;
  }
  return { brand, moov, fragmented };
}

let parser: typeof import('mp4box') | undefined;
async function mp4box(): Promise<typeof import('mp4box')> {
  if (!parser) {
    parser = await import('mp4box');
    // mp4box.js logs unknown boxes (phones write many) on the console: not a user's concern.
    parser.Log.error = () => undefined;
  }
  return parser;
}

/**
 * The moov box parsed, or null when the boxes cannot be read. The buffer is parsed with ISOFile.parse only:
 * appendBuffer would also build mp4box's per-sample lists (an object per sample of every track) that we never use.
 */
async function readMoov(buf: Buffer): Promise<Moov | null> {
  const { createFile, MP4BoxBuffer } = await mp4box();
  const file = createFile();
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length) as ArrayBuffer;
  try {
    if (!file.checkBuffer(MP4BoxBuffer.fromArrayBuffer(ab, 0))) return null;
    file.parse();
  } catch {
    return null;
  }
  return (file as unknown as { moov?: Moov }).moov ?? null;
}

const H264_PROFILES: Record<number, string> = {
  66: 'Baseline',
  77: 'Main',
  88: 'Extended',
  100: 'High',
  110: 'High 10',
  122: 'High 4:2:2',
  244: 'High 4:4:4 Predictive',
  44: 'CAVLC 4:4:4',
};
const HEVC_PROFILES: Record<number, string> = { 1: 'Main', 2: 'Main 10', 3: 'Main Still Picture', 4: 'Rext' };

/** The codec name and profile as ffprobe prints them, or null for a codec left to ffprobe. */
function videoCodec(e: Entry): { codec: string; profile: string } | null {
  if (e.type === 'avc1' || e.type === 'avc3') {
    const p = e.avcC?.AVCProfileIndication ?? 0;
    // constraint_set1 on Baseline is what ffprobe calls Constrained Baseline.
    const constrained = p === 66 && ((e.avcC?.profile_compatibility ?? 0) & 0x40) !== 0;
    return { codec: 'h264', profile: constrained ? 'Constrained Baseline' : (H264_PROFILES[p] ?? '') };
  }
  if (e.type === 'hvc1' || e.type === 'hev1')
    return { codec: 'hevc', profile: HEVC_PROFILES[e.hvcC?.general_profile_idc ?? 0] ?? '' };
  return null;
}

/** The audio codec's name as ffprobe prints it, or null for one left to ffprobe. */
function audioCodec(e: Entry): string | null {
  if (e.type === 'mp4a') {
    const dec = e.esds?.esd?.descs?.find((d) => d.tag === 4);
    const oti = dec?.oti ?? 0x40;
    if (oti === 0x40 || oti === 0x66 || oti === 0x67 || oti === 0x68) return 'aac';
    if (oti === 0x69 || oti === 0x6b) return 'mp3';
    return null;
  }
  if (e.type === 'ac-3') return 'ac3';
  if (e.type === 'ec-3') return 'eac3';
  if (e.type === 'Opus') return 'opus';
  if (e.type === '.mp3') return 'mp3';
  return null;
}

/** AAC channel configuration 1–7 → channels (7 is 7.1). */
const AAC_CHANNELS = [0, 1, 2, 3, 4, 5, 6, 8];

/**
 * The channels ffprobe reports for AAC: the AudioSpecificConfig's channel configuration (the sample entry's
 * channelcount is often a fixed 2 even for mono), else the sample entry's.
 */
function audioChannels(e: Entry): number {
  const asc = e.esds?.esd?.descs?.find((d) => d.tag === 4)?.descs?.find((d) => d.tag === 5)?.data;
  if (asc && asc.length >= 2) {
    let bit = 0;
    const read = (n: number) => {
      let v = 0;
      for (let i = 0; i < n; i += 1, bit += 1) v = (v << 1) | (((asc[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1);
      return v;
    };
    if (read(5) === 31) read(6);
    if (read(4) === 15) read(24);
    const config = read(4);
    if (config > 0 && config < AAC_CHANNELS.length) return AAC_CHANNELS[config]!;
  }
  return e.channel_count ?? 0;
}

/** Degrees clockwise, as our ffprobe reading (rotationOf) gives them: from the track's display matrix. */
export function matrixRotation(m: ArrayLike<number> | undefined): number {
  if (!m || m.length < 5) return 0;
  const a = m[0]! / 65536;
  const b = m[1]! / 65536;
  const c = m[3]! / 65536;
  const d = m[4]! / 65536;
  const s0 = Math.hypot(a, c);
  const s1 = Math.hypot(b, d);
  if (!s0 || !s1) return 0;
  const deg = (Math.atan2(b / s1, a / s0) * 180) / Math.PI;
  return (((Math.round(deg) % 360) + 360) % 360) as number;
}

type Stbl = NonNullable<NonNullable<NonNullable<Trak['mdia']>['minf']>['stbl']>;

/** Sample i's size in bytes (0-based), from stsz (one size for all, or a table) or stz2. */
function sampleSizes(stbl: Stbl): (i: number) => number {
  const z = stbl.stsz;
  if (z && z.sample_size) return () => z.sample_size;
  const sizes = z?.sample_sizes ?? stbl.stz2?.sample_sizes;
  return (i) => (sizes && i < sizes.length ? sizes[i]! : 0);
}

function totalBytes(stbl: Stbl, count: number): number {
  const at = sampleSizes(stbl);
  let sum = 0;
  for (let i = 0; i < count; i += 1) sum += at(i);
  return sum;
}

/** The track's length in its time scale's ticks: the sum of its samples' durations (stts). */
function sttsTicks(stts: { sample_counts: ArrayLike<number>; sample_deltas: ArrayLike<number> }): number {
  let ticks = 0;
  for (let i = 0; i < stts.sample_counts.length; i += 1) ticks += stts.sample_counts[i]! * stts.sample_deltas[i]!;
  return ticks;
}

function sampleCount(stts: { sample_counts: ArrayLike<number> } | undefined): number {
  let n = 0;
  for (let i = 0; i < (stts?.sample_counts.length ?? 0); i += 1) n += stts!.sample_counts[i]!;
  return n;
}

/** The opening `windowS` seconds of a track's sample tables. */
function timing(trak: Trak, windowS: number): VideoTiming {
  const stbl = trak.mdia!.minf!.stbl!;
  const scale = trak.mdia!.mdhd!.timescale;
  const stts = stbl.stts!;
  const size = sampleSizes(stbl);
  const keys = stbl.stss ? new Set(Array.from(stbl.stss.sample_numbers)) : null;
  const samples: VideoTiming['samples'] = [];
  let t = 0;
  let n = 0;
  outer: for (let run = 0; run < stts.sample_counts.length; run += 1) {
    for (let k = 0; k < stts.sample_counts[run]!; k += 1) {
      const atS = t / scale;
      if (atS >= windowS) break outer;
      n += 1;
      samples.push({ atS, size: size(n - 1), key: keys ? keys.has(n) : true });
      t += stts.sample_deltas[run]!;
    }
  }
  return { keyTimesS: samples.filter((s) => s.key).map((s) => s.atS), samples };
}

/**
 * Video facts from the boxes, or null when ffprobe must decide. The values match ffprobe's (test/inspect/mp4-boxes
 * compares them on every MP4 in the fixtures).
 */
export async function readMp4(path: string, size: number, windowS = 6): Promise<Mp4Read | null> {
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    const top = await topLevel(fh, size);
    if (!top.moov || top.fragmented || top.moov[1] > MAX_MOOV || top.moov[0] + top.moov[1] > size) return null;
    const moov = await readMoov(await readAt(fh, top.moov[0], top.moov[1]));
    if (!moov?.mvhd || moov.mvex || !moov.mvhd.timescale || !moov.mvhd.duration) return null;
    const traks = moov.traks ?? [];
    const handler = (t: Trak) => t.mdia?.hdlr?.handler;
    const entry = (t: Trak) => t.mdia?.minf?.stbl?.stsd?.entries?.[0];
    const vids = traks.filter((t) => handler(t) === 'vide' && entry(t));
    if (vids.length !== 1) return null; // none, or several (cover art, a second angle): ffprobe picks
    const vt = vids[0]!;
    const ve = entry(vt)!;
    const vc = videoCodec(ve);
    const mdhd = vt.mdia?.mdhd;
    const stbl = vt.mdia?.minf?.stbl;
    if (!vc || !mdhd?.timescale || !stbl?.stts || !ve.width || !ve.height) return null;
    const frames = sampleCount(stbl.stts);
    const ticks = sttsTicks(stbl.stts);
    if (!frames || !ticks) return null;
    const auds = traks.filter((t) => handler(t) === 'soun' && entry(t));
    let audio: VideoFacts['audio'] = null;
    if (auds.length) {
      const at = auds[0]!;
      const ae = entry(at)!;
      const codec = audioCodec(ae);
      const amdhd = at.mdia?.mdhd;
      const astbl = at.mdia?.minf?.stbl;
      if (!codec || !amdhd?.timescale || !astbl?.stts) return null;
      const aticks = sttsTicks(astbl.stts);
      const abytes = totalBytes(astbl, sampleCount(astbl.stts));
      // ffprobe: data size × 8 × time scale / duration, in integers.
      const aduration = amdhd.duration || aticks;
      audio = {
        codec,
        bitRate: aduration > 0 ? Math.floor((abytes * 8 * amdhd.timescale) / aduration) : 0,
        channels: codec === 'aac' ? audioChannels(ae) : (ae.channel_count ?? 0),
      };
    }
    const rotation = matrixRotation(vt.tkhd?.matrix);
    const sar = ve.pasp && ve.pasp.hSpacing > 0 && ve.pasp.vSpacing > 0 ? ve.pasp.hSpacing / ve.pasp.vSpacing : 1;
    const turned = rotation === 90 || rotation === 270;
    const shownW = turned ? ve.height : Math.round(ve.width * sar);
    const shownH = turned ? Math.round(ve.width * sar) : ve.height;
    // ffprobe's format duration is in microseconds, and its bit rate the file's size over that duration.
    const durationUs = Math.round((moov.mvhd.duration * 1e6) / moov.mvhd.timescale);
    const durationS = durationUs / 1e6;
    return {
      facts: {
        container: MOV_FORMAT,
        majorBrand: top.brand,
        durationS,
        bitRate: durationUs > 0 ? Math.floor((size * 8 * 1e6) / durationUs) : 0,
        codec: vc.codec,
        profile: vc.profile,
        codedWidth: ve.width,
        codedHeight: ve.height,
        width: shownW,
        height: shownH,
        rotation,
        aspect: shownW / shownH,
        fps: (frames * mdhd.timescale) / ticks,
        audio,
      },
      timing: timing(vt, windowS),
    };
  } catch {
    return null;
  } finally {
    await fh.close();
  }
}
