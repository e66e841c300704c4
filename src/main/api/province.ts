// province.*: the province folder's operations (src/main/province), for the window and the CLI. Declared 'folder':
// the gate runs calls on one folder one at a time (two adds at once would both write its index); the window's own
// catalog is never used.
import { resolve } from 'node:path';
import type { provinceApi } from '../../shared/api/province.js';
import type { DomainHandlers } from './session.js';

/** BAOSONG_TIMINGS=1: each stage of a province check in seconds on stderr, with the memory held (bench/province). */
function stageTimings(name: string, seconds: number): void {
  const { rss, heapUsed } = process.memoryUsage();
  process.stderr.write(
    `${name} ${seconds.toFixed(2)} s (rss ${(rss / 2 ** 20).toFixed(0)} MB, heap ${(heapUsed / 2 ** 20).toFixed(0)} MB)\n`,
  );
}

export const provinceHandlers: DomainHandlers<typeof provinceApi> = {
  'province.list': async (_session, args) => {
    const { readIndex } = await import('../province/store.js');
    const dir = resolve(args.dir);
    const index = readIndex(dir);
    return {
      dir,
      units: index.units.map((u) => ({
        name: u.name,
        kind: u.kind,
        tree: u.tree,
        addedAt: u.addedAt,
        forms: u.forms ?? null,
      })),
    };
  },
  'province.add': async (_session, args, options) =>
    (await import('../province/ops.js')).provinceAdd(args.dir, args.tree, {
      unitName: args.unitName,
      unitKind: args.unitKind,
      signal: options.signal,
    }),
  'province.check': async (_session, args, options) =>
    (await import('../province/run.js')).provinceCheck(args.dir, {
      out: args.out,
      signal: options.signal,
      onProgress: options.onProgress,
      onStage: process.env.BAOSONG_TIMINGS ? stageTimings : undefined,
    }),
  'province.verify': async (_session, args, options) =>
    (await import('../province/run.js')).provinceVerify(args.dir, {
      out: args.out,
      restart: args.restart,
      signal: options.signal,
      onProgress: options.onProgress,
    }),
  'province.remove': async (_session, args) => {
    const entry = await (await import('../province/ops.js')).provinceRemove(args.dir, args.name);
    return { name: entry.name, tree: entry.tree };
  },
};
