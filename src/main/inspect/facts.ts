// Plain facts about catalogued files, gathered in parallel and cached; the rules turn them into findings.
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { FileFacts, Role } from '../../shared/model.js';
import { jpegProblem, mp4Problem, oleProblem, pngProblem, psdProblem, tiffProblem } from './complete.js';
import { probeImage } from './image.js';
import { readMp4, type VideoTiming } from './mp4-boxes.js';
import { oleKind, oleStreamNames } from './ole.js';
import { probePdf } from './pdf.js';
import { probePsd } from './psd.js';
import { readHead, sniffHead } from './signature.js';
import { batchedCards, CARD_BATCH, probeTitleCard, samplePlan, type OneKeyCard } from './titlecard.js';
import { ProbeError, probeVideo } from './video.js';
import { scanZip } from './zip.js';

export interface ProbeNeeds {
  /** Judge the 微课 title card (costs a short ffmpeg decode): only for lecture videos. */
  titleCard: boolean;
}

export interface ProbeOptions {
  signal?: AbortSignal;
  /**
   * What a file is, not whether it is whole or how its video is encoded: the type (sniffed, ZIP and OLE directories),
   * the size, and image headers — no ffprobe, no PDF or wholeness reads. Intake's first look; never cached.
   */
  light?: boolean;
  /** Where contact sheets go; null keeps none. */
  cacheDir?: string | null;
  /** When given, title cards are not judged here but queued, for gatherFacts to judge several in one run. */
  cards?: CardRequest[];
}

interface CardRequest {
  path: string;
  facts: FileFacts;
  sampled?: { timing: VideoTiming; pixels: number };
}

const VIDEO_KINDS = new Set(['mp4', 'mkv', 'flv', 'avi']);

/** At most one ffprobe/ffmpeg child per core at a time, however many files are read in-process meanwhile. */
class Slots {
  private free: number;
  private waiting: (() => void)[] = [];
  constructor(n: number) {
    this.free = n;
  }
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }
}
const tools = new Slots(Math.max(1, availableParallelism()));
const WHOLENESS: Partial<Record<string, (path: string, size: number) => Promise<string | null>>> = {
  mp4: mp4Problem,
  jpg: jpegProblem,
  png: pngProblem,
  tiff: tiffProblem,
  psd: psdProblem,
};
const IMAGE_KINDS = new Set(['jpg', 'png', 'tiff']);

/** Facts for one file. Never throws for the file's sake: an unreadable or broken file is a fact too. */
export async function fileFacts(
  absPath: string,
  needs: ProbeNeeds = { titleCard: false },
  options: ProbeOptions = {},
): Promise<FileFacts> {
  let size: number;
  try {
    const st = await stat(absPath);
    if (!st.isFile()) return { exists: false, readable: false, size: 0, kind: 'unknown' };
    size = st.size;
  } catch {
    return { exists: false, readable: false, size: 0, kind: 'unknown' };
  }
  let head: Buffer;
  try {
    head = await readHead(absPath);
  } catch {
    return { exists: true, readable: false, size, kind: 'unknown' };
  }
  const sniffed = sniffHead(head);
  const base = { exists: true, readable: true, size };
  if (sniffed === 'zip-container') {
    try {
      const scan = await scanZip(absPath);
      return scan.kind === 'zip' ? { ...base, kind: 'zip', zip: scan.facts } : { ...base, kind: scan.kind };
    } catch (e) {
      return { ...base, kind: 'zip', corrupt: `ZIP 目录损坏，无法列出其中的文件(${(e as Error).message})` };
    }
  }
  if (sniffed === 'ole-container') {
    try {
      const { names, sectorSize } = await oleStreamNames(absPath);
      const problem = oleProblem(size, sectorSize);
      return { ...base, kind: oleKind(names), ...(problem ? { corrupt: problem } : {}) };
    } catch {
      return { ...base, kind: 'ole', corrupt: 'Office 97-2003 文件结构损坏，无法打开' };
    }
  }
  const facts: FileFacts = { ...base, kind: sniffed };
  const light = options.light === true;
  const whole = light ? undefined : WHOLENESS[sniffed];
  const cut = whole ? await whole(absPath, size).catch(() => '文件结构无法读取') : null;
  if (cut) {
    facts.corrupt = cut;
    return facts;
  }
  if (VIDEO_KINDS.has(sniffed)) {
    if (light) return facts;
    try {
      // The moov box read in-process; ffprobe only where the boxes cannot decide (other containers included).
      const boxes = sniffed === 'mp4' ? await readMp4(absPath, size) : null;
      facts.video = boxes?.facts ?? (await tools.run(() => probeVideo(absPath, options.signal)));
      if (needs.titleCard) {
        const sampled = boxes
          ? { timing: boxes.timing, pixels: boxes.facts.codedWidth * boxes.facts.codedHeight }
          : undefined;
        if (options.cards) options.cards.push({ path: absPath, facts, sampled });
        else
          facts.titleCard = await tools.run(() =>
            probeTitleCard(absPath, options.cacheDir ?? null, options.signal, sampled),
          );
      }
    } catch (e) {
      if (!(e instanceof ProbeError)) throw e;
      facts.corrupt = e.message;
    }
  } else if (IMAGE_KINDS.has(sniffed)) {
    try {
      facts.image = await probeImage(absPath);
    } catch {
      facts.corrupt = '图片文件头无法读取(文件可能损坏或不完整)';
    }
  } else if (sniffed === 'psd') {
    try {
      facts.image = await probePsd(absPath);
    } catch (e) {
      facts.corrupt = `PSD 文件头无法读取：${(e as Error).message}`;
    }
  } else if (sniffed === 'pdf' && !light) {
    facts.pdf = await probePdf(absPath, size);
    if (!facts.pdf.complete) facts.corrupt = 'PDF 文件不完整：缺少文件结尾标记(可能没有下载完或保存时中断)';
  }
  return facts;
}

export interface FactsProgress {
  done: number;
  total: number;
  bytes: number;
  totalBytes: number;
}

export interface FactsCache {
  get(path: string, size: number, mtimeMs: number, needs: ProbeNeeds): FileFacts | undefined;
  /** May be held back until flush (gatherFacts flushes before it returns, and when it fails). */
  put(path: string, size: number, mtimeMs: number, needs: ProbeNeeds, facts: FileFacts): void;
  flush?(): void;
}

/**
 * Facts for many files, at most one probe per core at a time, each path once. An unchanged file
 * (same path, size and mtime) is taken from the cache and never probed again.
 */
export async function gatherFacts(
  files: { absPath: string; role?: Role }[],
  options: ProbeOptions & { cache?: FactsCache; onProgress?: (p: FactsProgress) => void } = {},
): Promise<Map<string, FileFacts>> {
  const needs = new Map<string, ProbeNeeds>();
  for (const f of files) {
    const n = needs.get(f.absPath) ?? { titleCard: false };
    if (f.role === 'lecture-video') n.titleCard = true;
    needs.set(f.absPath, n);
  }
  const paths = [...needs.keys()];
  const sizes = new Map<string, { size: number; mtimeMs: number } | null>();
  // A bounded number of stats in flight: 50,000 at once held 50,000 pending requests (and their buffers) in memory.
  let at = 0;
  const statOne = async () => {
    while (at < paths.length) {
      const p = paths[at++]!;
      try {
        const st = await stat(p);
        sizes.set(p, st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs } : null);
      } catch {
        sizes.set(p, null);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(64, paths.length) }, statOne));
  const totalBytes = [...sizes.values()].reduce((a, s) => a + (s?.size ?? 0), 0);
  const out = new Map<string, FileFacts>();
  const cards: CardRequest[] = [];
  let next = 0;
  let done = 0;
  let bytes = 0;
  const finished = (path: string, facts: FileFacts, probed: boolean) => {
    const st = sizes.get(path);
    if (probed && st && facts.exists && !options.light)
      options.cache?.put(path, st.size, st.mtimeMs, needs.get(path)!, facts);
    done += 1;
    bytes += st?.size ?? 0;
    options.onProgress?.({ done, total: paths.length, bytes, totalBytes });
  };
  const worker = async () => {
    while (next < paths.length) {
      options.signal?.throwIfAborted();
      const path = paths[next++]!;
      const st = sizes.get(path);
      const need = needs.get(path)!;
      const cached = st ? options.cache?.get(path, st.size, st.mtimeMs, need) : undefined;
      const queued = cards.length;
      const facts = cached ?? (await fileFacts(path, need, { ...options, cards }));
      out.set(path, facts);
      // A queued title card finishes its file later (judgeCards).
      if (!cards.slice(queued).some((c) => c.path === path)) finished(path, facts, !cached);
    }
  };
  // Reads in-process (headers, boxes, directories) wait on the disk, not the CPU: two per core, and the tools'
  // children stay one per core (Slots). Memory stays bounded: a moov box is read only up to 64 MB.
  const width = Math.max(1, Math.min(availableParallelism() * 2, paths.length));
  try {
    await Promise.all(Array.from({ length: width }, worker));
    await judgeCards(cards, options);
    for (const c of cards) finished(c.path, c.facts, true);
  } finally {
    options.cache?.flush?.();
  }
  return out;
}

/**
 * The queued title cards: still openings with one key frame, CARD_BATCH to an ffmpeg run; the others (and any
 * whose batch failed) one by one. At most one ffmpeg per core.
 */
async function judgeCards(cards: CardRequest[], options: ProbeOptions): Promise<void> {
  const cacheDir = options.cacheDir ?? null;
  const single = (c: CardRequest) =>
    tools.run(async () => {
      c.facts.titleCard = await probeTitleCard(c.path, cacheDir, options.signal, c.sampled);
    });
  const oneKey: { card: CardRequest; item: OneKeyCard }[] = [];
  const rest: CardRequest[] = [];
  for (const c of cards) {
    const plan = c.sampled ? samplePlan(c.sampled.timing, c.sampled.pixels) : null;
    if (plan && plan.keys.length === 1 && c.facts.video)
      oneKey.push({ card: c, item: { path: c.path, plan, aspect: c.facts.video.aspect } });
    else rest.push(c);
  }
  const batches: (typeof oneKey)[] = [];
  for (let i = 0; i < oneKey.length; i += CARD_BATCH) batches.push(oneKey.slice(i, i + CARD_BATCH));
  await Promise.all([
    ...batches.map(async (batch) => {
      options.signal?.throwIfAborted();
      const results = await tools.run(() =>
        batchedCards(
          batch.map((b) => b.item),
          cacheDir,
          options.signal,
        ),
      );
      await Promise.all(
        batch.map(async (b, i) => {
          const card = results?.[i];
          if (card) b.card.facts.titleCard = card;
          else await single(b.card);
        }),
      );
    }),
    ...rest.map(single),
  ]);
}
