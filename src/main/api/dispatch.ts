// validate → run → envelope. Every transport calls this; nothing thrown ever crosses it as an exception.
import { resolve } from 'node:path';
import {
  accessOf,
  apiArgs,
  type ApiArgs,
  type ApiClient,
  type ApiMethod,
  type ApiResult,
  type ApiResults,
  type CallOptions,
} from '../../shared/api.js';
import { describeIssue, jsonPath } from '../../shared/batch.js';
import { toApiError } from '../services/errors.js';
import { gateOf } from './gate.js';
import { handlers, type Session } from './handlers.js';

export { toApiError };

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(apiArgs, name);
}

export async function dispatch<M extends ApiMethod>(
  session: Session,
  method: M,
  rawArgs: unknown,
  options: CallOptions = {},
): Promise<ApiResult<ApiResults[M]>> {
  if (!isApiMethod(method)) {
    return { ok: false, error: { code: 'bad-args', message: `未知的 API 方法 ${String(method)}` } };
  }
  let parsed;
  try {
    parsed = apiArgs[method].safeParse(rawArgs ?? {}, { reportInput: true });
  } catch (e) {
    // Arguments that break the validator itself (nested past the stack): still an answer, never a crash.
    return {
      ok: false,
      error: {
        code: 'bad-args',
        message: `${method} 的参数无法读取(${e instanceof RangeError ? '嵌套太深' : '格式不对'})`,
      },
    };
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      ok: false,
      error: {
        code: 'bad-args',
        message: `${method} 的参数有误：${jsonPath(issue.path)}：${describeIssue(issue)}`,
        path: jsonPath(issue.path),
        detail: describeIssue(issue),
      },
    };
  }
  try {
    const handler = handlers[method] as unknown as (
      s: Session,
      a: ApiArgs<M>,
      o: CallOptions,
    ) => Promise<ApiResults[M]>;
    // By the method's access: an open waits for the calls running on the database it replaces (and they for it);
    // writes run one at a time.
    const access = accessOf(method);
    const folder = access === 'folder' ? resolve(String((parsed.data as { dir?: unknown }).dir ?? '')) : undefined;
    const value = await gateOf(session).run(access, () => handler(session, parsed.data as ApiArgs<M>, options), folder);
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: toApiError(e, options.signal, session) };
  } finally {
    checkpoint(session);
  }
}

const changesSeen = new WeakMap<object, number>();

/**
 * The catalog file whole on its own after every call that changed it: what the write-ahead log holds is copied
 * into the file (a passive checkpoint: it never waits for a reader). A copy of catalog.sqlite taken after a kill,
 * Ctrl-C or a pulled plug — a USB stick, a backup, an e-mail — then has every edit the window saved.
 */
function checkpoint(session: Session): void {
  const db = session.db;
  if (!db?.open) return;
  try {
    const changes = db.prepare('SELECT total_changes() AS n').pluck().get() as number;
    if (changesSeen.get(db) === changes) return;
    changesSeen.set(db, changes);
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // A disk that fails here fails the next write too, and that one says so.
  }
}

/** An in-process client over a session: what the CLI uses, and what the tests use. */
export function localClient(session: Session): ApiClient {
  return { call: (method, args, options) => dispatch(session, method, args, options) };
}
