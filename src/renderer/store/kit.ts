// What every slice of the store shares: the one job queue (one at a time, as the API runs writes; a second job
// waits, and cancel stops the running one), progress, and the ways an edit's answer lands (refresh, message).
import type { StoreApi } from 'zustand';
import type { ApiClient, JobProgress } from '../../shared/api.js';
import type { Overwritten } from '../../shared/patch.js';
import { overwrittenNotice } from '../overwritten.js';
import type { Screen, State } from '../store.js';

/** The page session's own storage (a reload keeps it; closing the window does not); absent outside a browser. */
export const pageSession = {
  get: (key: string): string | null => {
    try {
      return globalThis.sessionStorage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  },
  set: (key: string, value: string) => {
    try {
      globalThis.sessionStorage?.setItem(key, value);
    } catch {
      // Telling about a reload is a courtesy.
    }
  },
  remove: (key: string) => {
    try {
      globalThis.sessionStorage?.removeItem(key);
    } catch {
      // As above.
    }
  },
};
export const RUNNING = 'baosong:running-job';

type Answer = { ok: true; value?: unknown } | { ok: false; error: { message: string } };

export interface JobKit {
  set: StoreApi<State>['setState'];
  get: () => State;
  api: () => ApiClient;
  /**
   * A job: shown as busy with its progress, cancellable through `signal`. One at a time: a second job waits for the
   * first (its own cancel comes with it), never replaces the first's. A job that wants the catalog read again after
   * it asks with `void get().refresh()`: awaiting a job from inside a job would wait forever.
   */
  guard: (label: string, fn: (signal: AbortSignal) => Promise<void>, job?: string | null) => Promise<void>;
  /** Stops the running job. */
  cancel: () => void;
  /** A job's progress, and when a new phase of it began (its time left is of that phase). */
  progressed: (p: JobProgress) => void;
  /** A job's end takes the user to `to` only if they are still where they started it (never yanked away). */
  goIfStill: (from: Screen, to: Screen) => void;
  /** The profile of the catalog's edition, for every screen. */
  loadProfile: () => Promise<void>;
  /** An edit: on success the catalog is read again (and checked); on failure the message is shown. */
  change: (call: Promise<Answer>) => Promise<void>;
  /** An editor's save: the message on failure (the editor shows it), null when saved; the catalog is read again after. */
  saved: (call: Promise<Answer>) => Promise<string | null>;
}

export function makeKit(set: StoreApi<State>['setState'], get: () => State): JobKit {
  const api = () => get().api!;
  let controller: AbortController | null = null;
  /** The tail of the jobs' queue. */
  let jobs: Promise<void> = Promise.resolve();
  const guard: JobKit['guard'] = (label, fn, job = null) => {
    const run = jobs.then(async () => {
      const own = new AbortController();
      controller = own;
      set({ busy: label, error: null, progress: null, started: Date.now(), job, phaseStarted: Date.now() });
      // Marked in the page's session: a reload meanwhile (which ends the job) is told after it.
      pageSession.set(RUNNING, label);
      try {
        await fn(own.signal);
      } finally {
        pageSession.remove(RUNNING);
        controller = null;
        set({ busy: null, progress: null, started: null, job: null, phaseStarted: null });
      }
    });
    jobs = run.catch(() => undefined);
    return run;
  };
  return {
    set,
    get,
    api,
    guard,
    cancel: () => controller?.abort(),
    progressed: (p) =>
      set((st) => ({ progress: p, phaseStarted: st.progress?.phase === p.phase ? st.phaseStarted : Date.now() })),
    goIfStill: (from, to) => {
      if (get().screen === from) set({ screen: to });
    },
    loadProfile: async () => {
      const r = await api().call('catalog.profile', {});
      if (r.ok) set({ profile: r.value });
      else set({ error: r.error.message });
    },
    change: async (call) => {
      const r = await call;
      if (!r.ok) return set({ error: r.error.message });
      await get().refresh();
    },
    saved: async (call) => {
      const r = await call;
      if (!r.ok) return r.error.message;
      // Both this window and another program changed a value: the later save (ours) won; say which, and what it was.
      const over = (r.value as { overwritten?: Overwritten[] } | undefined)?.overwritten;
      if (over?.length) set({ notice: overwrittenNotice(over) });
      void get().refresh();
      return null;
    },
  };
}
