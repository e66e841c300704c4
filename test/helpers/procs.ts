// Processes for the kill tests: a command started and SIGKILLed at a moment, and the processes still running that
// name a folder (ffmpeg writing into it, a bounded re-run of the command) — there must be none.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/baosong.js', import.meta.url));

/** Pids (not ours) whose command line or environment names `needle`: what a kill left running. */
export function processesNaming(needle: string): { pid: number; cmd: string }[] {
  const out: { pid: number; cmd: string }[] = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!pid || pid === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (/\) Z /.test(stat)) continue; // a zombie waiting for its parent: no longer running
      if (cmd.includes(needle)) out.push({ pid, cmd });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

export async function waitFor(test: () => boolean, ms = 60_000, step = 25): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, step));
  }
}

/** Starts `baosong args…`; resolves with its exit (code, signal) once it ended. */
export function start(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, out })),
  );
  return { child, done };
}

/** Every file below dir whose name matches re (a stray temp or part file). */
export function strays(dir: string, re = /baosong-(tmp|part)$|\.partial-\d+$|\.baosong-lock/): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => re.test(f));
}
