// Editing the catalog from the window: works, their authors, order and files. Every write is one transaction.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { BaosongError } from '../../shared/errors.js';
import type { Role, Work } from '../../shared/model.js';
import type { Db } from '../catalog/db.js';
import { addFile, removeFile, setFileRole } from '../catalog/files.js';
import { deleteWork, insertWork, listWorks, reorderWorks, setAuthors, updateWork, workIds } from '../catalog/works.js';
import type { Handlers, Session } from './handlers.js';
import { guessRole, type RoleGuess } from '../../shared/rules/guess.js';
import { liaoning29 } from '../../shared/rules/liaoning-29.js';
import { fileFacts } from '../inspect/facts.js';

type EditMethods = 'works.create' | 'works.update' | 'works.setAuthors' | 'works.reorder' | 'works.delete' | 'files.add' | 'files.remove' | 'files.setRole';

function workById(db: Db, id: number): Work {
  const work = listWorks(db).find((w) => w.id === id);
  if (!work) throw new BaosongError('bad-input', `目录中没有作品 id:${id}`);
  return work;
}

function fileExists(db: Db, id: number): void {
  if (!db.prepare('SELECT 1 FROM files WHERE id = ?').get(id)) throw new BaosongError('bad-input', `目录中没有文件 id:${id}`);
}

export function editHandlers(needDb: (s: Session) => Db): Pick<Handlers, EditMethods> {
  return {
    'works.create': async (session, args) => {
      const db = needDb(session);
      const id = db.transaction(() =>
        insertWork(db, { key: null, category: args.category, stage: args.stage, variant: null, title: args.title, subject: '', grade: '', share: null, comment: '', space: false, authors: [], fields: {}, scenes: [], checklist: {} }),
      )();
      return workById(db, id);
    },
    'works.update': async (session, args) => {
      const db = needDb(session);
      workById(db, args.id);
      db.transaction(() => updateWork(db, args.id, args.patch))();
      return workById(db, args.id);
    },
    'works.setAuthors': async (session, args) => {
      const db = needDb(session);
      workById(db, args.id);
      db.transaction(() => setAuthors(db, args.id, args.authors.map((a) => ({ name: a.name.trim(), unit: a.unit.trim(), mobile: (a.mobile ?? '').trim(), email: (a.email ?? '').trim(), phone: (a.phone ?? '').trim() }))))();
      return workById(db, args.id);
    },
    'works.reorder': async (session, args) => {
      const db = needDb(session);
      const ids = workIds(db);
      if (args.ids.length !== ids.length || [...args.ids].sort((a, b) => a - b).join() !== [...ids].sort((a, b) => a - b).join()) {
        throw new BaosongError('bad-input', '新的顺序必须恰好包含目录中的每件作品一次');
      }
      db.transaction(() => reorderWorks(db, args.ids))();
      return listWorks(db);
    },
    'works.delete': async (session, args) => {
      const db = needDb(session);
      workById(db, args.id);
      db.transaction(() => deleteWork(db, args.id))();
      return { id: args.id };
    },
    'files.add': async (session, args) => {
      const db = needDb(session);
      const work = args.workId !== null ? workById(db, args.workId) : null;
      const absPath = resolve(args.path);
      let size: number | null = null;
      let mtimeMs: number | null = null;
      try {
        const st = statSync(absPath);
        if (st.isFile()) ({ size, mtimeMs } = st);
      } catch {
        // Stored all the same: check reports file.not-found.
      }
      let role = args.role as Role | undefined;
      let guess: RoleGuess | null = null;
      if (!role) {
        if (!work) throw new BaosongError('bad-input', `请为单位文件 ${args.path} 选择用途`);
        const kind = size !== null ? (await fileFacts(absPath)).kind : undefined;
        guess = guessRole(liaoning29.categories[work.category], args.path, kind, work.files.map((f) => f.role));
        if (!guess.role) throw new BaosongError('bad-input', `无法判断 ${args.path} 在“${liaoning29.categories[work.category].name}”作品中的用途，请选择用途后再添加`);
        role = guess.role;
      }
      const id = db.transaction(() => addFile(db, args.workId, { role: role, path: args.path, absPath, size, mtimeMs }))();
      return { id, role, path: args.path, absPath, size, mtimeMs, origin: null, guess };
    },
    'files.remove': async (session, args) => {
      const db = needDb(session);
      fileExists(db, args.id);
      db.transaction(() => removeFile(db, args.id))();
      return { id: args.id };
    },
    'files.setRole': async (session, args) => {
      const db = needDb(session);
      fileExists(db, args.id);
      db.transaction(() => setFileRole(db, args.id, args.role as Role))();
      return { id: args.id };
    },
  };
}
