// The probe cache table behind gatherFacts: (path, size, mtime) → facts, as JSON.
import type { FileFacts } from '../../shared/model.js';
import type { FactsCache, ProbeNeeds } from '../inspect/facts.js';
import type { RecordDb } from './db.js';

/** Bumped whenever the probes learn a new fact: older entries are then probed again. */
export const PROBE_VERSION = 1;

export function probeCache(db: RecordDb): FactsCache {
  const get = db.prepare('SELECT size, mtime_ms, title_card, probe_version, facts FROM probe_cache WHERE path = ?');
  const put = db.prepare(
    `INSERT INTO probe_cache (path, size, mtime_ms, title_card, probe_version, facts) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms,
       title_card = excluded.title_card, probe_version = excluded.probe_version, facts = excluded.facts`,
  );
  // Written in one transaction per few hundred files: a commit each (WAL, synchronous FULL: a sync each) cost more
  // than the probes of a batch of small files.
  let pending: [string, number, number, number, number, string][] = [];
  const writeAll = db.transaction((rows: typeof pending) => {
    for (const r of rows) put.run(...r);
  });
  const flush = () => {
    if (!pending.length) return;
    const rows = pending;
    pending = [];
    try {
      writeAll(rows);
    } catch {
      // A cache not written (the catalog closed meanwhile, a full disk) only means probing again next time.
    }
  };
  return {
    get(path: string, size: number, mtimeMs: number, needs: ProbeNeeds): FileFacts | undefined {
      const row = get.get(path) as
        { size: number; mtime_ms: number; title_card: number; probe_version: number; facts: string } | undefined;
      if (!row || row.size !== size || row.mtime_ms !== mtimeMs || row.probe_version !== PROBE_VERSION)
        return undefined;
      if (needs.titleCard && !row.title_card) return undefined;
      return JSON.parse(row.facts) as FileFacts;
    },
    put(path: string, size: number, mtimeMs: number, needs: ProbeNeeds, facts: FileFacts): void {
      pending.push([path, size, mtimeMs, needs.titleCard ? 1 : 0, PROBE_VERSION, JSON.stringify(facts)]);
      if (pending.length >= 500) flush();
    },
    flush,
  };
}
