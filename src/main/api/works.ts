// works.*: creating, editing, ordering and deleting works and their authors; people.list. Every write is one
// transaction, and a write naming a work the catalog does not hold changes nothing (catalog/works.ts says so).
import type { worksApi } from '../../shared/api/works.js';
import { listPeople } from '../catalog/people.js';
import { deleteWork, getWork, insertWork, listWorks, reorderWorks, setAuthors, updateWork } from '../catalog/works.js';
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
  'people.list': async (session) => listPeople(needDb(session)),
};
