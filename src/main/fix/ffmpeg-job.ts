// One ffmpeg job that makes a new file: progress from ffmpeg's own `-progress` stream (time done of the whole), cancel
// through an AbortSignal, and a result that appears whole or not at all — ffmpeg writes beside the target under a
// temporary name that is renamed when it exits cleanly and removed otherwise. Sources are only ever read.
import { randomBytes } from 'node:crypto';
import { rm, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { removeDeadLeftovers } from '../atomic.js';
import { spawnTied } from '../processes.js';
import { BaosongError } from '../../shared/errors.js';
import { ffmpegBin } from '../inspect/tools.js';

export interface JobProgress {
  /** 0…1 of the input's duration done. */
  done: number;
  /** Seconds of media written so far, and how fast (media seconds per second of wall time). */
  outSeconds: number;
  speed: number | null;
}

export interface JobOptions {
  /** The input's duration in seconds, for `done`; unknown: progress reports seconds only. */
  duration?: number | null;
  onProgress?: (p: JobProgress) => void;
  signal?: AbortSignal;
}

/** `-progress` lines: out_time_us=…, speed=1.23x, progress=continue|end. */
export function parseProgress(block: string, duration: number | null | undefined): JobProgress | null {
  const us = /out_time_us=(\d+)/.exec(block) ?? /out_time_ms=(\d+)/.exec(block);
  if (!us) return null;
  const outSeconds = Number(us[1]) / 1e6;
  const speed = /speed=\s*([\d.]+)x/.exec(block);
  return {
    done: duration ? Math.min(1, outSeconds / duration) : 0,
    outSeconds,
    speed: speed ? Number(speed[1]) : null,
  };
}

/**
 * Runs ffmpeg with `inputArgs` and `outputArgs` around a temporary output beside `target`, then renames it into place.
 * The arguments must not name the output themselves.
 */
export async function ffmpegJob(
  args: { input: string[]; output: string[] },
  target: string,
  o: JobOptions = {},
): Promise<void> {
  o.signal?.throwIfAborted();
  // A part name of this run's own (pid and a random tag): a killed run's part, or another run's, is never ours.
  await removeDeadLeftovers(dirname(target), 0, /\.(\d+)-[0-9a-f]{8}\.baosong-part$/);
  const part = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.baosong-part`;
  const argv = [
    '-hide_banner',
    '-nostdin',
    '-y',
    '-loglevel',
    'error',
    '-progress',
    'pipe:1',
    '-nostats',
    ...args.input,
    ...args.output,
    part,
  ];
  let stderr = '';
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawnTied(ffmpegBin(), argv, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const kill = () => child.kill('SIGKILL');
    o.signal?.addEventListener('abort', kill, { once: true });
    let pending = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      let end: number;
      while ((end = pending.search(/progress=(continue|end)\r?\n/)) >= 0) {
        const stop = pending.indexOf('\n', end) + 1;
        const p = parseProgress(pending.slice(0, stop), o.duration);
        pending = pending.slice(stop);
        if (p) o.onProgress?.(p);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < 8192) stderr += chunk.toString('utf8');
    });
    child.on('error', (e) => reject(new BaosongError('io', `无法运行 ffmpeg：${e.message}`)));
    child.on('close', (c) => {
      o.signal?.removeEventListener('abort', kill);
      resolve(c);
    });
  }).catch(async (e: unknown) => {
    await rm(part, { force: true });
    throw e;
  });
  if (o.signal?.aborted || code !== 0) {
    await rm(part, { force: true });
    o.signal?.throwIfAborted();
    throw new BaosongError(
      'io',
      `ffmpeg 处理失败(退出码 ${code})：${stderr.trim().split('\n').slice(-3).join(' ') || '没有说明'}`,
    );
  }
  await rename(part, target);
}
