// The fix-its over a session (fix.offers, .preview, .run, .restore): each fixable finding's offer; the title card
// as it will be made; the fix run into the catalog's workspace (<catalog>.baosong/fixed/), recorded as the file's new
// place with its source as `origin`, and checked again at once; 还原 puts the source back. Sources are only read; a fixed file is
// ours, and only ours are ever removed.
import { existsSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { writeAtomic } from '../atomic.js';
import { protectedPaths, recordOutput, refuseProtected } from '../export/guard.js';
import { refuseForeignFile } from '../export/run.js';
import type { ApiArgs, CallOptions } from '../../shared/api.js';
import type { FixKind, FixOffer } from '../../shared/api/fix.js';
import { BaosongError } from '../../shared/errors.js';
import {
  workLabel,
  type Catalog,
  type FileFacts,
  type FileRef,
  type Finding,
  type VideoFacts,
  type Work,
} from '../../shared/model.js';
import type { Profile } from '../../shared/rules/profile.js';
import { replaceFile } from '../catalog/files.js';
import { planBoard, boardToCmyk } from './board.js';
import { offerFor } from './catalogue.js';
import { cardFrames, cardText, joinCard, renderCard, type RenderedCard } from './title-card.js';
import { chooseEncoder, remux, specFor, transcode } from './video.js';
import { probeImage } from '../inspect/image.js';
import { probeVideo } from '../inspect/video.js';
import { lockFile } from '../fs/lock.js';
import type { RecordDb, WriteDb } from '../catalog/db.js';
import {
  checkSession,
  loadCatalog,
  needDb,
  profileOf,
  workspaceOf,
  type Session,
  type SessionWith,
} from '../services/session.js';

function locate(catalog: Catalog, id: number): { work: Work; file: FileRef } {
  for (const work of catalog.works) {
    const file = work.files.find((f) => f.id === id);
    if (file) return { work, file };
  }
  throw new BaosongError('bad-input', `目录中没有作品文件 id:${id}`);
}

/** Each file's fixable findings grouped into one offer per fix (and one per finding without a fix). */
export function offersOf(
  catalog: Catalog,
  facts: Map<string, FileFacts>,
  findings: Finding[],
  only: { work?: string; file?: number } = {},
  limits?: Profile['limits'],
): FixOffer[] {
  const out: FixOffer[] = [];
  for (const work of catalog.works) {
    const label = workLabel(work);
    if (only.work && only.work !== label) continue;
    for (const file of work.files) {
      if (only.file && only.file !== file.id) continue;
      const mine = findings.filter((f) => f.work === label && f.file === file.path);
      const byKind = new Map<string, FixOffer>();
      for (const f of mine) {
        const offer = offerFor(f.rule, facts.get(file.absPath), file.role, limits);
        if (!offer) continue;
        const key = offer.kind ?? `none:${f.rule}`;
        const had = byKind.get(key);
        if (had) had.rules.push(f.rule);
        else
          byKind.set(key, {
            work: label,
            title: work.title,
            fileId: file.id,
            path: file.path,
            rules: [f.rule],
            kind: offer.kind as FixOffer['kind'],
            text: offer.text,
            ...(offer.wont ? { wont: offer.wont } : {}),
            origin: file.origin,
          });
      }
      out.push(...byKind.values());
    }
  }
  return out;
}

/** A name in the workspace's fixed/ folder for file `id`, not yet taken. */
function targetFor(dir: string, file: FileRef, ext: string): string {
  const stem = basename(file.absPath, extname(file.absPath)).replace(/^\d+-/, '').slice(0, 60);
  for (let n = 0; ; n += 1) {
    const path = join(dir, `${file.id}-${stem}${n ? `-${n}` : ''}${ext}`);
    if (!existsSync(path)) return path;
  }
}

/** A file a fix made: in the workspace's fixed/ folder (intake's repairs have an origin too, elsewhere). */
function isOurs(session: Pick<Session, 'path'>, path: string): boolean {
  const rel = relative(join(workspaceOf(session.path!), 'fixed'), path);
  return !!rel && !rel.startsWith('..') && !rel.includes(':');
}

/** A file we made and no longer use: removed. Anything else is left alone. */
async function dropOurs(session: Pick<Session, 'path'>, path: string): Promise<void> {
  if (isOurs(session, path)) await rm(path, { force: true });
}

/** The card of a lecture video as it will be made, at the video's displayed size (made even). */
async function cardOf(
  profile: Profile,
  work: Work,
  file: FileRef,
  signal?: AbortSignal,
): Promise<{
  video: VideoFacts;
  card: RenderedCard;
  width: number;
  height: number;
  lines: string[];
  missing: string[];
}> {
  const who = `《${work.title}》的 ${file.path}`;
  if (file.role !== 'lecture-video')
    throw new BaosongError('bad-input', `${who} 不是微课视频：片头只加在微课视频上`, { work: workLabel(work) });
  const video = await probeVideo(file.absPath, signal).catch(() => null);
  if (!video) throw new BaosongError('bad-input', `${who} 不是能读取的视频，无法加片头`, { work: workLabel(work) });
  const text = cardText(profile, work);
  const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
  const [width, height] = [even(video.width), even(video.height)];
  const card = await renderCard(text.lines, width, height);
  return { video, card, width, height, lines: text.lines.map((l) => l.text), missing: text.missing };
}

/** Runs one fix of `file` into a new file of `dir`: its path, complete (ffmpeg's part renamed when done). */
async function makeFixed(
  profile: Profile,
  work: Work,
  file: FileRef,
  dir: string,
  kind: FixKind,
  who: string,
  signal: AbortSignal | undefined,
  onProgress: (p: { done: number }) => void,
): Promise<string> {
  let target: string;
  if (kind === 'remux') {
    const facts = await probeVideo(file.absPath, signal).catch(() => null);
    target = targetFor(dir, file, '.mp4');
    await remux(file.absPath, target, { duration: facts?.durationS ?? null, signal, onProgress });
  } else if (kind === 'transcode') {
    const facts = await probeVideo(file.absPath, signal).catch(() => null);
    if (!facts) throw new BaosongError('bad-input', `${who} 不是能读取的视频，无法转码`, { work: workLabel(work) });
    target = targetFor(dir, file, '.mp4');
    // Silence only where a silent video is allowed (a 专题片工作版); a lecture without sound stays without.
    const audio = facts.audio ? 'source' : file.role === 'raw-video' ? 'silence' : 'none';
    await transcode(file.absPath, target, specFor(profile.limits, file.role), await chooseEncoder(), audio, {
      duration: facts.durationS,
      signal,
      onProgress,
    });
  } else if (kind === 'title-card') {
    const { video, card, width, height, missing } = await cardOf(profile, work, file, signal);
    if (missing.length)
      throw new BaosongError('bad-input', `${who}：片头缺少${missing.join('、')}，请先在作品信息中填写`, {
        work: workLabel(work),
      });
    target = targetFor(dir, file, '.mp4');
    const fps = video.fps || 25;
    const spec = { width, height, fps, audioBitRate: specFor(profile.limits, file.role).audioBitRate };
    await joinCard(file.absPath, card.png, target, spec, !!video.audio, await chooseEncoder(), {
      duration: video.durationS + cardFrames(fps) / fps,
      signal,
      onProgress,
    });
  } else {
    const img = await probeImage(file.absPath).catch(() => null);
    if (!img) throw new BaosongError('bad-input', `${who} 不是能读取的图像，无法转换`, { work: workLabel(work) });
    const plan = planBoard(profile, img.width, img.height);
    if (!plan.ok) throw new BaosongError('bad-input', `${who}：${plan.message}`, { work: workLabel(work) });
    target = targetFor(dir, file, '.jpg');
    await boardToCmyk(file.absPath, target, plan.dpi, signal);
  }
  return target;
}

/**
 * The card's picture where the user asked for it: never over a source, the catalog or a folder, nor over a file this
 * command did not write there last (recorded in the catalog like --zip); a .png name only.
 */
async function savePreview(
  session: SessionWith<RecordDb>,
  catalog: Catalog,
  out: string,
  png: Buffer,
): Promise<string> {
  const path = resolve(out);
  if (!/\.png$/i.test(path)) throw new BaosongError('bad-input', `片头预览 ${path}：文件名须以 .png 结尾`);
  refuseProtected(path, '片头预览', protectedPaths(catalog, session.path));
  const st = await stat(path).catch(() => null);
  if (st?.isDirectory()) throw new BaosongError('bad-input', `片头预览 ${path} 是一个文件夹：请给出 .png 文件的路径`);
  refuseForeignFile(needDb(session), path, 'fix-preview', '片头预览');
  await writeAtomic(path, png);
  const written = await stat(path);
  recordOutput(needDb(session), path, 'fix-preview', written);
  return path;
}

async function recheck(session: SessionWith<RecordDb>, options: Parameters<typeof checkSession>[1], fileId: number) {
  const { catalog, report } = await checkSession(session, options);
  const { work, file } = locate(catalog, fileId);
  return { file, remaining: report.findings.filter((f) => f.work === workLabel(work) && f.file === file.path) };
}

export async function fixOffers(session: SessionWith<RecordDb>, args: ApiArgs<'fix.offers'>, options: CallOptions) {
  const { catalog, facts, report } = await checkSession(session, options);
  return offersOf(catalog, facts, report.findings, args, profileOf(catalog).limits);
}

export async function fixPreview(session: SessionWith<RecordDb>, args: ApiArgs<'fix.preview'>, options: CallOptions) {
  const catalog = loadCatalog(needDb(session));
  const { work, file } = locate(catalog, args.file);
  const { card, width, height, lines, missing } = await cardOf(profileOf(catalog), work, file, options.signal);
  const saved = args.out ? await savePreview(session, catalog, args.out, card.png) : undefined;
  return {
    image: `data:image/png;base64,${card.png.toString('base64')}`,
    width,
    height,
    lines,
    missing,
    font: card.font,
    fallback: card.fallback,
    ...(saved ? { saved } : {}),
  };
}

/**
 * Declared a record: the transcode (minutes) runs beside the window's edits; only the switch of the work's file to
 * the result is a write, through `commit` (the gate's write queue). One fix per file at a time: the second is told
 * who holds it.
 */
export async function fixRun(
  session: SessionWith<RecordDb>,
  args: ApiArgs<'fix.run'>,
  options: CallOptions,
  commit: (fn: (db: WriteDb) => Promise<void>) => Promise<void>,
) {
  const catalog = loadCatalog(needDb(session));
  const profile = profileOf(catalog);
  const { work, file } = locate(catalog, args.file);
  const who = `《${work.title}》的 ${file.path}`;
  const onProgress = (p: { done: number }) =>
    options.onProgress?.({ phase: 'fix', done: Math.round(p.done * 1000), total: 1000 });
  if (!existsSync(file.absPath))
    throw new BaosongError('bad-input', `${who} 不存在，无法修复`, { work: workLabel(work) });
  const dir = join(workspaceOf(session.path!), 'fixed');
  await mkdir(dir, { recursive: true });
  const release = await lockFile(
    join(dir, `.${file.id}.baosong-lock`),
    (holder) =>
      new BaosongError(
        'bad-input',
        `${who} 正在由另一个修复处理(进程 ${holder.pid}，开始于 ${holder.since ?? '未知时间'})：请等它结束后再试`,
        { work: workLabel(work) },
      ),
  );
  let target: string | undefined;
  try {
    target = await makeFixed(profile, work, file, dir, args.kind, who, options.signal, onProgress);
    const made = target;
    const st = await stat(made);
    await commit(async (db) => {
      // The file as it is now: changed or removed while the fix ran (the window, another program), ours is dropped.
      const now = db.prepare('SELECT abs_path FROM files WHERE id = ?').pluck().get(file.id) as string | undefined;
      if (now !== file.absPath) {
        throw new BaosongError('bad-input', `${who} 在修复期间已被改动或移除：修复结果没有使用，请重新检查后再修复`, {
          work: workLabel(work),
        });
      }
      replaceFile(db, file.id, {
        path: made,
        absPath: made,
        size: st.size,
        mtimeMs: st.mtimeMs,
        origin: file.origin ?? file.absPath,
      });
    });
  } catch (e) {
    if (target) await rm(target, { force: true });
    throw e;
  } finally {
    await release();
  }
  // A fix of a fix: the intermediate file was ours and is not used any more.
  if (file.origin) await dropOurs(session, file.absPath);
  return recheck(session, options, file.id);
}

export async function fixRestore(session: SessionWith<WriteDb>, args: ApiArgs<'fix.restore'>, options: CallOptions) {
  const db = needDb(session);
  const { work, file } = locate(loadCatalog(db), args.file);
  if (!file.origin || !isOurs(session, file.absPath)) {
    throw new BaosongError('bad-input', `《${work.title}》的 ${file.path} 不是“修复”生成的文件，无需还原`, {
      work: workLabel(work),
    });
  }
  // The source gone (a USB stick pulled, a folder moved): the fixed file is the only good copy and stays in use.
  const st = await stat(file.origin).catch(() => null);
  if (!st?.isFile()) {
    throw new BaosongError(
      'bad-input',
      `《${work.title}》的源文件 ${file.origin} 现在找不到(U 盘是否已拔出、文件夹是否已移走？)：修复生成的 ${file.absPath} 是现在唯一可用的版本，没有还原，也没有删除它。请先让源文件回到原处再还原。`,
      { work: workLabel(work) },
    );
  }
  replaceFile(db, file.id, {
    path: file.origin,
    absPath: file.origin,
    size: st.size,
    mtimeMs: st.mtimeMs,
    origin: null,
  });
  await dropOurs(session, file.absPath);
  return recheck(session, options, file.id);
}
