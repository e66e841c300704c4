// works.*: creating, editing, ordering and deleting works and their authors; people.list. Every write is one
// transaction, and a write naming a work the catalog does not hold changes nothing (catalog/works.ts says so).
import type { worksApi } from '../../shared/api/works.js';
import { listPeople } from '../catalog/people.js';
import { randomUUID } from 'node:crypto';
import { BaosongError } from '../../shared/errors.js';
import { deleteWork, getWork, insertWork, listWorks, removeWorks, reorderWorks, restoreWorks, setAuthors, updateWork } from '../catalog/works.js';
import { needDb, type DomainHandlers } from './session.js';

export const worksHandlers: DomainHandlers<typeof worksApi> = {
  'works.list': async (session) => listWorks(needDb(session)),
  'works.create': async (session, args) => {
    const db = needDb(session);
    const id = db.transaction(() =>
      insertWork(db, { key: null, category: args.category, stage: args.stage, variant: null, title: args.title, subject: '', grade: '', share: null, comment: '', space: false, authors: [], fields: {}, scenes: [], checklist: {} }),
    )();
    return getWork(db, id);
  },
  'works.update': async (session, args) => {
    const db = needDb(session);
    db.transaction(() => updateWork(db, args.id, args.patch))();
    return getWork(db, args.id);
  },
  'works.setAuthors': async (session, args) => {
    const db = needDb(session);
    const authors = args.authors.map((a) => ({ name: a.name.trim(), unit: a.unit.trim(), mobile: (a.mobile ?? '').trim(), email: (a.email ?? '').trim(), phone: (a.phone ?? '').trim() }));
    db.transaction(() => setAuthors(db, args.id, authors))();
    return getWork(db, args.id);
  },
  'works.reorder': async (session, args) => {
    const db = needDb(session);
    db.transaction(() => reorderWorks(db, args.ids))();
    return listWorks(db);
  },
  'works.delete': async (session, args) => {
    const db = needDb(session);
    db.transaction(() => deleteWork(db, args.id))();
    return { id: args.id };
  },
  'works.remove': async (session, args) => {
    const db = needDb(session);
    const snapshot = db.transaction(() => removeWorks(db, args.ids))();
    const undo = randomUUID();
    // Kept for this session and this catalog only; the oldest go first.
    session.undo = [...(session.undo ?? []).slice(-19), { token: undo, catalog: session.path!, snapshot }];
    return { removed: snapshot.tables.works.length, undo };
  },
  'works.restore': async (session, args) => {
    const db = needDb(session);
    const entry = session.undo?.find((u) => u.token === args.undo && u.catalog === session.path);
    if (!entry) throw new BaosongError('bad-input', '无法撤销：删除记录已不存在(目录已切换或应用已重新启动)');
    db.transaction(() => restoreWorks(db, entry.snapshot))();
    session.undo = session.undo!.filter((u) => u !== entry);
    return listWorks(db);
  },
  'works.updateMany': async (session, args) => {
    const db = needDb(session);
    db.transaction(() => {
      for (const id of args.ids) updateWork(db, id, args.patch);
    })();
    return listWorks(db);
  },
  'people.list': async (session) => listPeople(needDb(session)),
};
