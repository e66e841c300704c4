// The handlers' types, and the session they run on (src/main/services/session.ts, below the API). A handler's session
// holds the database handle its method's declared access allows (src/shared/api/define.ts): a `read` handler cannot
// call a function that writes, and a `folder` handler has no catalog at all.
import type { AccessOf, ApiArgs, ApiMethod, ApiResults, CallOptions } from '../../shared/api.js';
import type { Access } from '../../shared/api/define.js';
import type { ReadDb, RecordDb, WriteDb } from '../catalog/db.js';
import type { Session, SessionWith } from '../services/session.js';
import { BaosongError } from '../../shared/errors.js';
import { gateOf } from './gate.js';

export * from '../services/session.js';

type DbOf<A extends Access> = A extends 'read' ? ReadDb : A extends 'record' ? RecordDb : WriteDb;
/** The session as a handler of that access sees it. */
export type SessionAs<A extends Access> = A extends 'folder' ? Omit<Session, 'db'> : SessionWith<DbOf<A>>;

export type Handler<M extends ApiMethod> = (
  session: SessionAs<AccessOf<M>>,
  args: ApiArgs<M>,
  options: CallOptions,
) => Promise<ApiResults[M]>;
export type Handlers = { [M in ApiMethod]: Handler<M> };
/** One domain's handlers: exactly the methods its shared declaration (src/shared/api/<domain>.ts) lists. */
export type DomainHandlers<D> = { [M in keyof D & ApiMethod]: Handler<M> };

/**
 * The one way a `record` call (a long job beside the others) changes the catalog at its end: through the gate's
 * write queue, after the writes before it, with a write handle (fix.run switching a work's file).
 */
export function writeWithin<T>(session: SessionAs<'record'>, fn: (db: WriteDb) => Promise<T>): Promise<T> {
  const full = session as Session;
  return gateOf(session).writeWithin(async () => {
    // (An open waits for this call: the catalog cannot close under it.)
    if (!full.db) throw new BaosongError('no-catalog', '尚未打开目录文件');
    return fn(full.db);
  });
}
