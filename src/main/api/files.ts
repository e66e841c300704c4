// files.*: adding a file to a work (its role guessed when not given) or to the unit, its role, removing it, and
// what the window shows of each file (its facts in a line, a title-card sheet or a board's thumbnail).
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FileDetail, filesApi } from '../../shared/api/files.js';
import { describeFacts } from '../../shared/describe.js';
import { BaosongError } from '../../shared/errors.js';
import type { FileFacts, FileRef, Role } from '../../shared/model.js';
import { guessRole, type RoleGuess } from '../../shared/rules/guess.js';
import { writeAtomic } from '../atomic.js';
import { addFile, listFiles, removeFile, setFileRole } from '../catalog/files.js';
import { probeCache } from '../catalog/probe-cache.js';
import { getUnit } from '../catalog/unit.js';
import { getWork } from '../catalog/works.js';
import { fileFacts, gatherFacts } from '../inspect/facts.js';
import { cacheDirOf, needDb, profileOf, type DomainHandlers } from './session.js';

const THUMB_ROLES = new Set<Role>(['board-main', 'board-extra']);
const THUMB_KINDS = new Set(['jpg', 'png', 'tiff']);

export async function dataUrl(file: string, type: string): Promise<string> {
  return `data:${type};base64,${(await readFile(file)).toString('base64')}`;
}

/** A small sRGB JPEG of a board, kept in the cache folder by path, size and mtime. */
async function thumbnail(file: FileRef, facts: FileFacts, cacheDir: string): Promise<string | null> {
  const key = createHash('sha1').update(`${file.absPath}\0${facts.size}\0${file.mtimeMs}`).digest('hex').slice(0, 20);
  const out = join(cacheDir, 'thumbs', `${key}.jpg`);
  if (!existsSync(out)) {
    const { default: sharp } = await import('sharp');
    try {
      const buf = await sharp(file.absPath, { limitInputPixels: 40000 * 40000, failOn: 'none' })
        .rotate()
        .resize({ width: 360, height: 360, fit: 'inside' })
        .toColourspace('srgb')
        .jpeg({ quality: 80 })
        .toBuffer();
      await writeAtomic(out, buf);
    } catch {
      return null;
    }
  }
  return dataUrl(out, 'image/jpeg');
}

export const filesHandlers: DomainHandlers<typeof filesApi> = {
  'files.add': async (session, args) => {
    const db = needDb(session);
    const work = args.workId !== null ? getWork(db, args.workId) : null;
    const absPath = resolve(args.path);
    let size: number | null = null;
    let mtimeMs: number | null = null;
    try {
      const st = statSync(absPath);
      if (st.isFile()) ({ size, mtimeMs } = st);
    } catch {
      // Stored all the same: check reports file.not-found.
    }
    let role = args.role;
    let guess: RoleGuess | null = null;
    if (!role) {
      if (!work) throw new BaosongError('bad-input', `请为单位文件 ${args.path} 选择用途`);
      const category = profileOf({ unit: getUnit(db) }).categories[work.category];
      const kind = size !== null ? (await fileFacts(absPath)).kind : undefined;
      guess = guessRole(
        category,
        args.path,
        kind,
        work.files.map((f) => f.role),
      );
      if (!guess.role)
        throw new BaosongError(
          'bad-input',
          `无法判断 ${args.path} 在“${category.name}”作品中的用途，请选择用途后再添加`,
        );
      role = guess.role;
    }
    const added: Role = role;
    const id = db.transaction(() =>
      addFile(db, args.workId, { role: added, path: args.path, absPath, size, mtimeMs }),
    )();
    return { id, role: added, path: args.path, absPath, size, mtimeMs, origin: null, guess };
  },
  'files.details': async (session, args) => {
    const db = needDb(session);
    const files = args.workId === null ? listFiles(db, null) : getWork(db, args.workId).files;
    const cacheDir = cacheDirOf(session);
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
  'files.remove': async (session, args) => {
    const db = needDb(session);
    db.transaction(() => removeFile(db, args.id))();
    return { id: args.id };
  },
  'files.setRole': async (session, args) => {
    const db = needDb(session);
    db.transaction(() => setFileRole(db, args.id, args.role))();
    return { id: args.id };
  },
};
