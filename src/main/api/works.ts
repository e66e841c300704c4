// works.*: creating, editing, ordering and deleting works and their authors; people.list. Every write is one
// transaction, and a write naming a work the catalog does not hold changes nothing (catalog/works.ts says so).
import type { worksApi } from '../../shared/api/works.js';
import { listPeople } from '../catalog/people.js';
import { randomUUID } from 'node:crypto';
import { BaosongError } from '../../shared/errors.js';
import {
  confirmItem,
  deleteWork,
  getWork,
  insertWork,
  listWorks,
  removeWorks,
  reorderWorks,
  restoreWorks,
  setAuthors,
  updateWork,
} from '../catalog/works.js';
import { userInfo } from 'node:os';
import { getUnit } from '../catalog/unit.js';
import type { Db } from '../catalog/db.js';
import { needDb, profileOf, type DomainHandlers } from './session.js';
import { overwrites } from '../../shared/patch.js';

/** Who a tick is recorded as: the unit's 活动联系人, else the computer's user. */
function confirmerOf(db: Db): string {
  const contact = getUnit(db)?.contact?.trim();
  if (contact) return contact;
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

export const worksHandlers: DomainHandlers<typeof worksApi> = {
  'works.list': async (session) => listWorks(needDb(session)),
  'works.create': async (session, args) => {
    const db = needDb(session);
    const id = db.transaction(() =>
      insertWork(db, {
        key: null,
        category: args.category,
        stage: args.stage,
        variant: null,
        title: args.title,
        subject: '',
        grade: '',
        share: null,
        comment: '',
        space: false,
        authors: [],
        fields: {},
        scenes: [],
        checklist: {},
      }),
    )();
    return getWork(db, id);
  },
  'works.update': async (session, args) => {
    const db = needDb(session);
    const overwritten = db.transaction(() => {
      const found = args.base
        ? overwrites(getWork(db, args.id) as unknown as Record<string, unknown>, args.patch, args.base)
        : [];
      updateWork(db, args.id, args.patch, confirmerOf(db));
      return found;
    })();
    return { ...getWork(db, args.id), ...(overwritten.length ? { overwritten } : {}) };
  },
  'works.setAuthors': async (session, args) => {
    const db = needDb(session);
    const authors = args.authors.map((a) => ({
      name: a.name.trim(),
      unit: a.unit.trim(),
      mobile: (a.mobile ?? '').trim(),
      email: (a.email ?? '').trim(),
      phone: (a.phone ?? '').trim(),
    }));
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
      const by = confirmerOf(db);
      for (const id of args.ids) updateWork(db, id, args.patch, by);
    })();
    return listWorks(db);
  },
  'checklist.confirm': async (session, args) => {
    const db = needDb(session);
    const profile = profileOf({ unit: getUnit(db) });
    const item = profile.checklist.find((c) => c.id === args.item);
    if (!item) throw new BaosongError('bad-input', `没有待确认项“${args.item}”`);
    const by = confirmerOf(db);
    const confirmed = db.transaction(() => {
      // Only works the item applies to (its categories): a tick elsewhere would mean nothing.
      const ids = args.ids.filter((id) => item.categories.includes(getWork(db, id).category));
      return confirmItem(db, ids, item.id, by);
    })();
    return { confirmed, by };
  },
  'people.list': async (session) => listPeople(needDb(session)),
};
