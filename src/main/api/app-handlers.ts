// What the window needs beyond the catalog's own methods: file facts and pictures, known people, the export's
// pre-flight, the folder browser of browser mode, opening a folder, and a print PDF's bytes for its preview.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, extname, join, parse, resolve } from 'node:path';
import type { FileDetail } from '../../shared/api.js';
import { describeFacts } from '../../shared/describe.js';
import { writeAtomic } from '../atomic.js';
import { BaosongError } from '../../shared/errors.js';
import type { FileFacts, FileRef } from '../../shared/model.js';
import { probeCache } from '../catalog/probe-cache.js';
import { getUnit } from '../catalog/unit.js';
import type { Db } from '../catalog/db.js';
import { gatherFacts } from '../inspect/facts.js';
import { preflight } from '../export/preflight.js';
import { checkSession, loadCatalog, workspaceOf, type Handlers, type Session } from './handlers.js';

type AppMethods = 'files.details' | 'people.list' | 'export.preflight' | 'system.openPath' | 'fs.list' | 'print.read' | 'intake.plan';

const THUMB_ROLES = new Set(['board-main', 'board-extra']);
const THUMB_KINDS = new Set(['jpg', 'png', 'tiff']);
/** What the system opener may open: folders, and the kinds of file the app itself writes. Never a program. */
const OPENABLE = new Set(['.pdf', '.docx', '.xlsx', '.txt', '.zip', '.sha256']);

async function dataUrl(file: string, type: string): Promise<string> {
  return `data:${type};base64,${(await readFile(file)).toString('base64')}`;
}

/** A small sRGB JPEG of a board, kept in the cache folder by path, size and mtime. */
async function thumbnail(file: FileRef, facts: FileFacts, cacheDir: string): Promise<string | null> {
  const key = createHash('sha1').update(`${file.absPath}\0${facts.size}\0${file.mtimeMs}`).digest('hex').slice(0, 20);
  const out = join(cacheDir, 'thumbs', `${key}.jpg`);
  if (!existsSync(out)) {
    const { default: sharp } = await import('sharp');
    try {
      const buf = await sharp(file.absPath, { limitInputPixels: 40000 * 40000, failOn: 'none' }).rotate().resize({ width: 360, height: 360, fit: 'inside' }).toColourspace('srgb').jpeg({ quality: 80 }).toBuffer();
      await writeAtomic(out, buf);
    } catch {
      return null;
    }
  }
  return dataUrl(out, 'image/jpeg');
}

/** Opens a path with the desktop's program (Explorer, Finder, xdg-open). Electron replaces it with shell.openPath. */
export function systemOpen(path: string): Promise<void> {
  const [cmd, args] =
    process.platform === 'win32' ? ['explorer.exe', [path]] : process.platform === 'darwin' ? ['open', [path]] : ['xdg-open', [path]];
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
  return letters.filter((d) => existsSync(d));
}

export function appHandlers(needDb: (s: Session) => Db): Pick<Handlers, AppMethods> {
  return {
    'files.details': async (session, args) => {
      const db = needDb(session);
      const catalog = loadCatalog(db);
      const files = args.workId === null ? (catalog.unit?.files ?? []) : catalog.works.find((w) => w.id === args.workId)?.files;
      if (!files) throw new BaosongError('bad-input', `目录中没有作品 id:${args.workId}`);
      const cacheDir = join(workspaceOf(session.path!), 'cache');
      const facts = await gatherFacts(files, { cache: probeCache(db), cacheDir });
      const out: FileDetail[] = [];
      for (const f of files) {
        const x = facts.get(f.absPath)!;
        let image: string | null = null;
        let imageLabel: string | null = null;
        if (x.titleCard?.contactSheet && existsSync(x.titleCard.contactSheet)) {
          image = await dataUrl(x.titleCard.contactSheet, 'image/png');
          imageLabel = '片头前 5 秒(每秒一帧)';
        } else if (THUMB_ROLES.has(f.role) && THUMB_KINDS.has(x.kind) && x.exists) {
          image = await thumbnail(f, x, cacheDir);
          imageLabel = image ? '展板缩略图' : null;
        }
        out.push({ id: f.id, kind: x.kind, summary: describeFacts(x), image, imageLabel });
      }
      return out;
    },
    'people.list': async (session) => {
      const db = needDb(session);
      return db
        .prepare(
          `SELECT p.id, p.name, p.unit,
             (SELECT wa.mobile FROM work_authors wa WHERE wa.person_id = p.id AND wa.mobile <> '' ORDER BY wa.work_id DESC LIMIT 1) AS mobile,
             (SELECT wa.email FROM work_authors wa WHERE wa.person_id = p.id AND wa.email <> '' ORDER BY wa.work_id DESC LIMIT 1) AS email,
             (SELECT count(DISTINCT wa.work_id) FROM work_authors wa WHERE wa.person_id = p.id) AS works,
             (SELECT count(*) FROM work_authors wa WHERE wa.person_id = p.id AND wa.position = 1) AS firstAuthor
           FROM people p ORDER BY p.name`,
        )
        .all()
        .map((r) => {
          const row = r as { id: number; name: string; unit: string; mobile: string | null; email: string | null; works: number; firstAuthor: number };
          return { ...row, mobile: row.mobile ?? '', email: row.email ?? '' };
        })
        .filter((p) => p.works > 0);
    },
    'export.preflight': async (session, args, options) => preflight(needDb(session), session.path, await checkSession(session, options), args.out),
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
    'intake.plan': async (session, args, options) => {
      if (!args.plan && !session.path) throw new BaosongError('bad-input', '请给出计划文件的位置(--plan PLAN.json)，或先打开目录');
      const workspace = session.path ? workspaceOf(session.path) : workspaceOf(resolve(args.plan!));
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
      const plan = args.plan ? resolve(args.plan) : join(workspace, 'intake', `plan-${stamp}.json`);
      const { intake } = await import('../intake/plan.js');
      const { liaoning29 } = await import('../../shared/rules/liaoning-29.js');
      return intake(liaoning29, {
        dir: args.dir,
        summary: args.summary ?? null,
        plan,
        workspace,
        unit: session.db ? getUnit(session.db) : null,
        unitName: args.unitName,
        unitKind: args.unitKind,
        cache: session.db ? probeCache(session.db) : undefined,
        signal: options.signal,
        onProgress: (p) => options.onProgress?.(p),
      });
    },
    'print.read': async (_session, args) => {
      const path = resolve(args.path);
      if (extname(path).toLowerCase() !== '.pdf') throw new BaosongError('bad-input', `只能预览 PDF：${path}`);
      let st;
      try {
        st = await stat(path);
      } catch {
        throw new BaosongError('bad-input', `找不到 ${path}`);
      }
      if (st.size > 64 * 1024 * 1024) throw new BaosongError('bad-input', `${path} 太大(超过 64 MB)，无法预览`);
      const fh = await open(path, 'r');
      try {
        const head = Buffer.alloc(5);
        await fh.read(head, 0, 5, 0);
        if (head.toString('latin1') !== '%PDF-') throw new BaosongError('bad-input', `${path} 不是 PDF 文件`);
      } finally {
        await fh.close();
      }
      return { path, base64: (await readFile(path)).toString('base64') };
    },
  };
}
