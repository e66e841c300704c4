// ffprobe and ffmpeg: where the bundled binaries are, and one small typed way to run them.
// (fluent-ffmpeg is deprecated and archived; the two commands we need are spawned directly.)
import { ffmpegPath, ffprobePath } from '../resources.js';
import { spawnTied } from '../processes.js';

let ffprobe: string | undefined;
let ffmpeg: string | undefined;

export function ffprobeBin(): string {
  ffprobe ??= ffprobePath();
  return ffprobe;
}

export function ffmpegBin(): string {
  ffmpeg ??= ffmpegPath();
  return ffmpeg;
}

export interface RunResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
}

export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolError';
  }
}

/**
 * Runs a tool to completion with a time limit, collecting stdout up to maxStdout bytes.
 * Never rejects for the tool's own failure: the exit code and stderr are facts for the caller.
 */
export function runTool(
  bin: string,
  args: string[],
  options: { timeoutMs?: number; signal?: AbortSignal; maxStdout?: number } = {},
): Promise<RunResult> {
  const { timeoutMs = 60_000, signal, maxStdout = 16 * 1024 * 1024 } = options;
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const child = spawnTied(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = '';
    let timedOut = false;
    const kill = () => child.kill('SIGKILL');
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    signal?.addEventListener('abort', kill, { once: true });
    child.stdout!.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes <= maxStdout) out.push(chunk);
      else kill();
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      if (err.length < 8192) err += chunk.toString('utf8');
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new ToolError(`无法运行 ${bin}：${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', kill);
      if (signal?.aborted) reject(signal.reason ?? new Error('aborted'));
      else resolve({ code, stdout: Buffer.concat(out), stderr: err, timedOut });
    });
  });
}
