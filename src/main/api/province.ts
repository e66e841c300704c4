// province.*: the province folder's operations (src/main/province), for the window. Calls on one folder run one
// at a time (two adds at once would both write its index); the window's own catalog is never used.
import { resolve } from 'node:path';
import type { provinceApi } from '../../shared/api/province.js';
import type { DomainHandlers } from './session.js';

const queues = new Map<string, Promise<unknown>>();

/** Runs fn after every earlier call on the same province folder has settled. */
function oneAtATime<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const key = resolve(dir);
  const run = (queues.get(key) ?? Promise.resolve()).catch(() => undefined).then(fn);
  queues.set(key, run);
  void run.finally(() => queues.get(key) === run && queues.delete(key)).catch(() => undefined);
  return run;
}

export const provinceHandlers: DomainHandlers<typeof provinceApi> = {
  'province.list': async (_session, args) => {
    const { readIndex } = await import('../province/store.js');
    const dir = resolve(args.dir);
    const index = readIndex(dir);
    return { dir, units: index.units.map((u) => ({ name: u.name, kind: u.kind, tree: u.tree, addedAt: u.addedAt, forms: u.forms ?? null })) };
  },
  'province.add': async (_session, args, options) =>
    oneAtATime(args.dir, async () => (await import('../province/ops.js')).provinceAdd(args.dir, args.tree, { unitName: args.unitName, unitKind: args.unitKind, signal: options.signal })),
  'province.check': async (_session, args, options) =>
    oneAtATime(args.dir, async () => (await import('../province/run.js')).provinceCheck(args.dir, { out: args.out, signal: options.signal, onProgress: options.onProgress })),
  'province.verify': async (_session, args, options) =>
    oneAtATime(args.dir, async () =>
      (await import('../province/run.js')).provinceVerify(args.dir, { out: args.out, restart: args.restart, signal: options.signal, onProgress: options.onProgress }),
    ),
  'province.remove': async (_session, args) =>
    oneAtATime(args.dir, async () => {
      const entry = await (await import('../province/ops.js')).provinceRemove(args.dir, args.name);
      return { name: entry.name, tree: entry.tree };
    }),
};
