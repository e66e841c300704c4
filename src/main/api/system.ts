// system.openPath, fs.list and demo.create: the desk around the catalog.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, extname, join, parse, resolve } from 'node:path';
import type { systemApi } from '../../shared/api/system.js';
import { BaosongError } from '../../shared/errors.js';
import type { DomainHandlers } from './session.js';

/** What the system opener may open: folders, and the kinds of file the app itself writes. Never a program. */
const OPENABLE = new Set(['.pdf', '.docx', '.xlsx', '.txt', '.zip', '.sha256']);

/** Opens a path with the desktop's program (Explorer, Finder, xdg-open). Electron replaces it with shell.openPath. */
export function systemOpen(path: string): Promise<void> {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['explorer.exe', [path]]
      : process.platform === 'darwin'
        ? ['open', [path]]
        : ['xdg-open', [path]];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
    child.once('error', () => reject(new BaosongError('io', `无法打开 ${path}：这台电脑上没有可用的打开程序(${cmd})`)));
    child.once('spawn', () => {
      child.unref();
      resolvePromise();
    });
  });
}

async function roots(): Promise<string[]> {
  if (process.platform !== 'win32') return ['/', homedir()];
  const letters = 'CDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((l) => `${l}:\\`);
  // The drives there are, and the user's own folder (C:\Users\张 三) first.
  return [homedir(), ...letters.filter((d) => existsSync(d))];
}

export const systemHandlers: DomainHandlers<typeof systemApi> = {
  'system.openPath': async (session, args) => {
    const path = resolve(args.path);
    let st;
    try {
      st = await stat(path);
    } catch {
      throw new BaosongError('bad-input', `找不到 ${path}`);
    }
    if (!st.isDirectory() && !OPENABLE.has(extname(path).toLowerCase())) {
      throw new BaosongError('bad-input', `报送助手只打开文件夹和它生成的文件(PDF、Word、Excel…)，不打开 ${path}`);
    }
    await (session.openPath ?? systemOpen)(path);
    return { path };
  },
  'fs.list': async (_session, args) => {
    const dir = resolve(args.dir ?? homedir());
    let names;
    try {
      names = await readdir(dir, { withFileTypes: true });
    } catch {
      throw new BaosongError('bad-input', `无法打开文件夹 ${dir}`);
    }
    const entries: { name: string; dir: boolean; size: number | null }[] = [];
    for (const d of names) {
      if (d.name.startsWith('.') || d.name.startsWith('$')) continue;
      let isDir = d.isDirectory();
      let size: number | null = null;
      try {
        const st = await stat(join(dir, d.name));
        isDir = st.isDirectory();
        size = st.isFile() ? st.size : null;
      } catch {
        // A broken link or a locked system file: listed without a size.
      }
      entries.push({ name: d.name, dir: isDir, size });
      if (entries.length >= 5000) break;
    }
    entries.sort((a, b) => Number(b.dir) - Number(a.dir) || a.name.localeCompare(b.name, 'zh-CN'));
    const parent = parse(dir).root === dir ? null : dirname(dir);
    return { dir, parent, roots: await roots(), entries };
  },
  'demo.create': async (_session, args, options) => {
    const { makeDemo } = await import('../demo/make.js');
    return makeDemo(resolve(args.dir), options);
  },
};
