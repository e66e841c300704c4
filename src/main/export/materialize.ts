// Builds the planned tree beside DIR and swaps it in. DIR is only ever absent, empty, or a tree we made.
//
// Phase A writes everything new into `.<DIR>.baosong-staging` (DIR untouched: a kill leaves the old tree).
// Phase B is renames only, driven by a journal written first: reused files move from DIR into the staging
// tree, DIR moves aside, the staging tree becomes DIR. A kill during phase B is rolled forward by the next run.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, statfs, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BaosongError } from '../../shared/errors.js';
import type { ExportRecord } from '../catalog/export-records.js';
import { HashPool } from '../fs/hash.js';
import { listTree } from '../fs/tree.js';
import { faultPoint, killPoint } from '../fs/kill-point.js';
import { copyHashed } from './copy.js';
import { MANIFEST, formatManifest, parseManifest } from './manifest.js';
import type { ExportPlan, PlanEntry } from '../../shared/export-plan.js';
import { recover, renameRetrying, sidecarsOf, writeJournal } from './swap.js';

export { lockTarget, recover, sidecarsOf, type Sidecars } from './swap.js';

const COPY_WIDTH = Number(process.env.BAOSONG_COPY_WIDTH) || 2;

/** At most a few names of a list, for a message. */
function some(list: string[]): string {
  return list.slice(0, 5).join('、') + (list.length > 5 ? ` 等 ${list.length} 个` : '');
}

/**
 * DIR may be absent, empty, or OUR previous export: this catalog exported to it (records), its manifest is the one
 * written then (the same lines), and it holds no file that export did not write. A folder that merely has a file
 * named manifest.sha256 (a user's own `sha256sum`, another unit's export taken in by intake) is refused.
 */
export async function checkTarget(
  dir: string,
  records: Map<string, ExportRecord>,
  previous: Map<string, ExportRecord> = new Map(),
): Promise<'absent' | 'empty' | 'previous'> {
  return (await ownTarget(dir, records, previous)).state;
}

/** checkTarget, with the records that describe the tree now in DIR (the last export's, or the one before). */
export async function ownTarget(
  dir: string,
  current: Map<string, ExportRecord>,
  previous: Map<string, ExportRecord>,
): Promise<{ state: 'absent' | 'empty' | 'previous'; records: Map<string, ExportRecord> }> {
  let st;
  try {
    st = await stat(dir);
  } catch {
    return { state: 'absent', records: current };
  }
  if (!st.isDirectory()) throw new BaosongError('bad-input', `导出位置 ${dir} 是一个文件，不是文件夹`);
  const names = await readdir(dir);
  if (names.length === 0) return { state: 'empty', records: current };
  const keep = '为免覆盖别的文件，请选择一个空文件夹或新文件夹';
  if (!names.includes(MANIFEST)) {
    throw new BaosongError(
      'bad-input',
      `导出文件夹 ${dir} 不是空的，也不是报送助手以前导出的文件夹(没有 ${MANIFEST})：${keep}`,
    );
  }
  if (current.size === 0 && previous.size === 0) {
    throw new BaosongError(
      'bad-input',
      `导出文件夹 ${dir} 里有 ${MANIFEST}，但不是用这个目录文件导出的(可能是自己生成的校验清单，或别的单位、别的目录导出的文件夹)：${keep}`,
    );
  }
  let manifest = '';
  try {
    manifest = await readFile(join(dir, MANIFEST), 'utf8');
  } catch {
    // Unreadable: treated as changed below.
  }
  const written = (rs: Map<string, ExportRecord>) =>
    rs.size > 0 && manifest === formatManifest([...rs.values()].map((r) => ({ rel: r.rel, sha256: r.sha256 })));
  const records = written(current) ? current : written(previous) ? previous : null;
  if (!records) {
    throw new BaosongError(
      'bad-input',
      `导出文件夹 ${dir} 的 ${MANIFEST} 与上次导出时写的不同(被改动或替换过)：不能确定其中的文件都是报送助手导出的。${keep}`,
    );
  }
  const extra = (await listTree(dir)).filter((rel) => rel !== MANIFEST && !records.has(rel));
  if (extra.length) {
    throw new BaosongError(
      'bad-input',
      `导出文件夹 ${dir} 里有上次导出之后放进去的文件：${some(extra)}。导出会替换整个文件夹，请先把它们移到别处，或导出到新文件夹`,
    );
  }
  return { state: 'previous', records };
}

export interface MaterializeProgress {
  phase: 'forms' | 'copy' | 'swap';
  done: number;
  total: number;
  bytes: number;
  totalBytes: number;
}

export interface MaterializeResult {
  unchanged: boolean;
  files: number;
  copied: number;
  reused: number;
  cloned: number;
  bytesCopied: number;
  records: ExportRecord[];
}

interface SourceStat {
  size: number;
  mtimeMs: number;
}

async function statOrNull(path: string): Promise<SourceStat | null> {
  try {
    const st = await stat(path);
    return st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs } : null;
  } catch {
    return null;
  }
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A full disk while the staging tree is written, said as such: which disk, how much the export needed, where. */
async function fullDisk(e: unknown, dir: string, need: number): Promise<unknown> {
  const err = e as NodeJS.ErrnoException & { rel?: string };
  if (err?.code !== 'ENOSPC' && err?.code !== 'EDQUOT') return e;
  let free = '';
  try {
    const st = await statfs(dirname(dir));
    free = `，现在剩 ${((Number(st.bavail) * Number(st.bsize)) / 1e9).toFixed(2)} GB`;
  } catch {
    // Unknown: said without it.
  }
  return new BaosongError(
    'io',
    `磁盘已满：${dirname(dir)} 所在的磁盘放不下这次导出(共需约 ${(need / 1e9).toFixed(2)} GB${free}${err.rel ? `；写 ${err.rel} 时满了` : ''})。未完成的文件已清理，${dir} 保持上次导出的内容；请腾出空间或换一个磁盘后重新导出`,
  );
}

/** Builds and swaps in the tree. The caller holds the folder's lock (lockTarget) and read the records under it. */
export async function materialize(
  dir: string,
  plan: ExportPlan,
  forms: Map<string, Buffer>,
  known: { current: Map<string, ExportRecord>; previous: Map<string, ExportRecord> },
  options: {
    signal?: AbortSignal;
    onProgress?: (p: MaterializeProgress) => void;
    /** Called with the new tree's records before the swap, so a swap finished by recovery is recorded too. */
    beforeSwap?: (records: ExportRecord[]) => void;
  } = {},
): Promise<MaterializeResult> {
  const { signal, onProgress } = options;
  await recover(dir);
  const { state, records } = await ownTarget(dir, known.current, known.previous);
  const s = sidecarsOf(dir);
  const copies = plan.entries.filter((e): e is Extract<PlanEntry, { kind: 'copy' }> => e.kind === 'copy');
  const sources = new Map<string, SourceStat>();
  for (const e of copies) {
    const st = await statOrNull(e.file.absPath);
    if (!st)
      throw new BaosongError(
        'io',
        `找不到要导出的文件：${e.file.path}(${e.work ? `作品 ${e.work.key ?? `id:${e.work.id}`}` : '组织单位'})`,
      );
    sources.set(e.rel, st);
  }
  // Reuse a previous copy only when its source and the copy itself are exactly as recorded.
  const reuse = new Set<string>();
  if (state === 'previous') {
    for (const e of copies) {
      const r = records.get(e.rel);
      const src = sources.get(e.rel)!;
      if (!r || r.source !== e.file.absPath || r.sourceSize !== src.size || r.sourceMtime !== src.mtimeMs) continue;
      const dst = await statOrNull(join(dir, e.rel));
      if (dst && dst.size === r.size && dst.mtimeMs === r.mtime) reuse.add(e.rel);
    }
  }
  const formHashes = new Map([...forms].map(([rel, b]) => [rel, sha256(b)]));
  const planned = new Map<string, string>();
  for (const [rel, h] of formHashes) planned.set(rel, h);
  for (const e of copies) if (reuse.has(e.rel)) planned.set(e.rel, records.get(e.rel)!.sha256);
  if (state === 'previous' && reuse.size === copies.length) {
    const old = parseManifest(await readFile(join(dir, MANIFEST), 'utf8'));
    const same = old.size === planned.size && [...planned].every(([rel, h]) => old.get(rel) === h);
    if (same) {
      return {
        unchanged: true,
        files: planned.size,
        copied: 0,
        reused: reuse.size,
        cloned: 0,
        bytesCopied: 0,
        records: [...records.values()],
      };
    }
  }
  const toCopy = copies.filter((e) => !reuse.has(e.rel));
  const totalBytes = toCopy.reduce((a, e) => a + sources.get(e.rel)!.size, 0);
  const formBytes = [...forms.values()].reduce((a, b) => a + b.length, 0);
  // A target in folders that do not exist yet ("D:\\云盘上传\\导出" on a fresh disk): they are made, as the
  // pre-flight said ("将创建"); the staging tree is built beside DIR, so its parent must exist.
  await mkdir(dirname(dir), { recursive: true });
  const fsStat = await statfs(dirname(dir));
  const free = Number(fsStat.bavail) * Number(fsStat.bsize);
  const need = totalBytes + formBytes + 16 * 1024 * 1024;
  if (free < need) {
    throw new BaosongError(
      'io',
      `磁盘空间不足：导出需要约 ${(need / 1e9).toFixed(2)} GB，${dirname(dir)} 所在磁盘只剩 ${(free / 1e9).toFixed(2)} GB`,
    );
  }

  // Phase A: everything new goes into the staging tree. A failure or a cancel removes it: DIR is untouched.
  const total = forms.size + toCopy.length;
  let done = 0;
  let bytes = 0;
  const report = (phase: MaterializeProgress['phase']) => onProgress?.({ phase, done, total, bytes, totalBytes });
  const result: MaterializeResult = {
    unchanged: false,
    files: 0,
    copied: 0,
    reused: reuse.size,
    cloned: 0,
    bytesCopied: 0,
    records: [],
  };
  const hashes = new Map(formHashes);
  try {
    await mkdir(s.staging, { recursive: true });
    for (const [rel, buf] of forms) {
      await mkdir(dirname(join(s.staging, rel)), { recursive: true });
      await Promise.resolve()
        .then(faultPoint)
        .then(() => writeFile(join(s.staging, rel), buf))
        .catch((err: unknown) => {
          throw Object.assign(err as object, { rel });
        });
      done += 1;
      report('forms');
    }
    killPoint('after-forms');
    const clone = { canClone: null as boolean | null, pool: new HashPool() };
    // A failure in one lane stops the others: they take no further file, their hashes are abandoned, and the
    // export waits until every lane has settled before it removes the staging tree (no worker left running).
    const stop = new AbortController();
    const lanesSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
    // Two copies at a time: each reads ahead while it writes, and hashes on a worker thread.
    let next = 0;
    const copyOne = async (e: (typeof toCopy)[number]) => {
      const to = join(s.staging, e.rel);
      await mkdir(dirname(to), { recursive: true });
      const c = await Promise.resolve()
        .then(faultPoint)
        .then(() =>
          copyHashed(
            e.file.absPath,
            to,
            clone,
            (n) => {
              bytes += n;
              report('copy');
            },
            lanesSignal,
          ),
        )
        .catch((err: unknown) => {
          throw Object.assign(err as object, { rel: e.rel });
        });
      hashes.set(e.rel, c.sha256);
      result.copied += 1;
      result.bytesCopied += c.size;
      if (c.cloned) result.cloned += 1;
      done += 1;
      report('copy');
      if (done === forms.size + 1) killPoint('mid-copy');
    };
    let failure: unknown = null;
    const lanes = Array.from({ length: Math.min(COPY_WIDTH, toCopy.length) }, async () => {
      try {
        while (next < toCopy.length && !lanesSignal.aborted) await copyOne(toCopy[next++]!);
      } catch (e) {
        failure ??= e;
        stop.abort();
        void clone.pool.close();
      }
    });
    await Promise.allSettled(lanes);
    await clone.pool.close();
    if (failure) throw failure;
    signal?.throwIfAborted();
    for (const rel of reuse) hashes.set(rel, records.get(rel)!.sha256);
    const manifest = Buffer.from(formatManifest([...hashes].map(([rel, sha]) => ({ rel, sha256: sha }))), 'utf8');
    await Promise.resolve()
      .then(faultPoint)
      .then(() => writeFile(join(s.staging, MANIFEST), manifest))
      .catch((err: unknown) => {
        throw Object.assign(err as object, { rel: MANIFEST });
      });
    killPoint('before-swap');
  } catch (e) {
    await rm(s.staging, { recursive: true, force: true });
    throw await fullDisk(e, dir, need);
  }

  // Records of the new tree, taken now: reused files keep their mtime through the renames below.
  for (const e of plan.entries) {
    const src = e.kind === 'copy' ? sources.get(e.rel)! : null;
    const at = reuse.has(e.rel) ? join(dir, e.rel) : join(s.staging, e.rel);
    const st = (await statOrNull(at))!;
    result.records.push({
      rel: e.rel,
      source: e.kind === 'copy' ? e.file.absPath : null,
      sourceSize: src?.size ?? null,
      sourceMtime: src?.mtimeMs ?? null,
      size: st.size,
      mtime: st.mtimeMs,
      sha256: hashes.get(e.rel)!,
    });
  }
  result.files = hashes.size;
  options.beforeSwap?.(result.records);

  // Phase B: renames only, journal first.
  killPoint('before-journal');
  try {
    faultPoint();
    await writeJournal(s.journal, { moves: [...reuse] });
  } catch (e) {
    await rm(s.journal, { force: true });
    await rm(`${s.journal}.${process.pid}.tmp`, { force: true });
    await rm(s.staging, { recursive: true, force: true });
    throw await fullDisk(e, dir, need);
  }
  report('swap');
  const moved: string[] = [];
  try {
    for (const rel of reuse) {
      const to = join(s.staging, rel);
      await mkdir(dirname(to), { recursive: true });
      await renameRetrying(join(dir, rel), to);
      moved.push(rel);
      if (moved.length === 1) killPoint('mid-move');
    }
    if (state !== 'absent') await renameRetrying(dir, s.old);
  } catch (e) {
    // Windows refuses to move a folder another program has open (Explorer, the cloud-drive client): put the
    // reused files back, drop the new tree, and say which folder is busy. DIR stays the previous export.
    for (const rel of moved.reverse()) await rename(join(s.staging, rel), join(dir, rel)).catch(() => undefined);
    await rm(s.journal, { force: true });
    await rm(s.staging, { recursive: true, force: true });
    throw new BaosongError(
      'io',
      `无法替换导出文件夹 ${dir}(${(e as NodeJS.ErrnoException).code ?? (e as Error).message})：请关闭正在使用其中文件的程序(资源管理器的预览、云盘客户端、播放器)后重新导出；文件夹保持为上次导出的内容`,
    );
  }
  killPoint('mid-swap');
  await rename(s.staging, dir);
  await rm(s.old, { recursive: true, force: true });
  await rm(s.journal, { force: true });
  return result;
}
