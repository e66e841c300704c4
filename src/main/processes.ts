// Child processes that die with us, and whether a process that left something behind is still there.
// A kill of the app or of a command (SIGKILL, the window closed, Task Manager) must not leave ffmpeg or a bounded
// re-run of the command writing on: on Linux each child is started under util-linux's `setpriv --pdeathsig KILL`
// (the kernel kills it when its parent dies); on Windows libuv already puts every child in a job object that is
// closed, killing them, when the parent ends; elsewhere (macOS) they are killed on every exit path we see.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';

const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => process.platform === 'linux' && existsSync(p));
const ours = new Set<ChildProcess>();
let hooked = false;

function killAll(): void {
  for (const c of ours) c.kill('SIGKILL');
}

/** spawn(), tied to this process's life. */
export function spawnTied(bin: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = SETPRIV
    ? spawn(SETPRIV, ['--pdeathsig', 'KILL', '--', bin, ...args], options)
    : spawn(bin, args, options);
  ours.add(child);
  child.once('exit', () => ours.delete(child));
  child.once('error', () => ours.delete(child));
  if (!hooked) {
    hooked = true;
    process.once('exit', killAll);
  }
  return child;
}

/** Whether a process of this machine with this pid is running (EPERM: it is, and not ours to signal). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A leftover's pid that is neither ours nor running: what it left may be removed. */
export function isDeadPid(pid: number): boolean {
  return pid !== process.pid && !isAlive(pid);
}

/**
 * In a child started to run a command for its parent (a bounded re-run): exit when the parent is gone, where the
 * platform gives no such guarantee itself. Polls the parent pid (cheap) and never keeps the event loop alive.
 */
export function exitWithParent(): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent || !isAlive(parent)) process.exit(2);
  }, 1000);
  timer.unref();
}
