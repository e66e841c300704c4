// The app's state (zustand). Stores talk only to the API client; they never know the transport.
import { create } from 'zustand';
import type { IntakeReport } from '../shared/intake/report.js';
import type {
  ApiArgs,
  ApiClient,
  CatalogInfo,
  ExportResult,
  FileDetail,
  FixKind,
  JobProgress,
  Person,
  Preflight,
  VerifyResult,
} from '../shared/api.js';
import type { CheckReport, Role, Unit, Work } from '../shared/model.js';
import { UNIT_KEYS, WORK_PATCH_KEYS } from '../shared/entities.js';
import { diffPatch, type Overwritten } from '../shared/patch.js';
import { overwrittenNotice } from './overwritten.js';
import type { Profile } from '../shared/rules/profile.js';
import { rememberCatalog } from './remember.js';
import { outputActions } from './store-outputs.js';
import { provinceActions, type ProvinceState } from './store-province.js';

/** The page session's own storage (a reload keeps it; closing the window does not); absent outside a browser. */
const session = {
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
const RUNNING = 'baosong:running-job';

export type Screen =
  'catalog' | 'overview' | 'intake' | 'unit' | 'works' | 'edit' | 'check' | 'export' | 'print' | 'province';
/** The works list's state filter: '' all, 'ready' 可报送, 'errors' 有错误, 'confirm' 待确认. */
export type WorkStatus = '' | 'ready' | 'errors' | 'confirm';

export interface State extends ProvinceState {
  api: ApiClient | null;
  screen: Screen;
  info: CatalogInfo | null;
  /** The open catalog's edition's profile (the current edition's before one is open): every screen reads it. */
  profile: Profile | null;
  unit: Unit | null;
  works: Work[];
  report: CheckReport | null;
  busy: string | null;
  progress: JobProgress | null;
  /** When the running job started (ms), for its time left. */
  started: number | null;
  /** Which job runs (its phases weigh the bar: shared/progress.ts), and when its current phase started. */
  job: string | null;
  phaseStarted: number | null;
  error: string | null;
  /** A plain message for the user (a guessed role, an opened folder). */
  notice: string | null;
  /** The field of the work being edited to scroll to and focus (from a finding). */
  focus: string | null;
  people: Person[];
  details: Record<number, FileDetail>;
  preflight: Preflight | null;
  intake: IntakeReport | null;
  runIntake(dir: string, summary: string): Promise<void>;
  /** Imports the plan; with corrections from the preview, writes them into the plan first (intake.apply). */
  confirmIntake(edits?: ApiArgs<'intake.apply'>['works']): Promise<void>;
  cancel(): void;
  loadDetails(workId: number | null): Promise<void>;
  runPreflight(out: string): Promise<void>;
  openPath(path: string): Promise<void>;
  clearFocus(): void;
  exported: ExportResult | null;
  verified: VerifyResult | null;
  init(api: ApiClient): void;
  go(screen: Screen): void;
  open(path: string, create: boolean): Promise<void>;
  importBatch(path: string): Promise<void>;
  refresh(): Promise<void>;
  check(): Promise<void>;
  /** A fix-it on a file (or 还原 to its source), as a job; the catalog and the check are read again after it. */
  fix(file: number, kind: FixKind | 'restore'): Promise<void>;
  /** Saves an existing unit's values (the form's autosave): null when saved, else why not. */
  updateUnit(values: Partial<Unit>, base?: Partial<Unit>): Promise<string | null>;
  /** Saves the unit's values: true when saved. */
  saveUnit(values: Partial<Unit>): Promise<boolean>;
  runExport(out: string, allowErrors: boolean): Promise<void>;
  verify(dir: string): Promise<void>;
  editing: number | null;
  edit(id: number, focus?: string): void;
  createWork(category: Work['category'], stage: Work['stage'], title: string): Promise<void>;
  /** Saves a work's values: null when saved, else why not. */
  updateWork(id: number, patch: Partial<Work>, base?: Partial<Work>): Promise<string | null>;
  setAuthors(
    id: number,
    authors: { name: string; unit: string; mobile: string; email: string; phone: string }[],
  ): Promise<string | null>;
  addFile(workId: number | null, role: Role | undefined, path: string): Promise<void>;
  removeFile(id: number): Promise<void>;
  setFileRole(id: number, role: Role): Promise<void>;
  move(id: number, by: -1 | 1): Promise<void>;
  /** Moves a work to position `to` (1-based, in the whole list). */
  moveTo(id: number, to: number): Promise<void>;
  /** A catalog being opened: the screens wait for it (their nav buttons are off). */
  opening: string | null;
  /** The works list's state filter, as 报送总览 sets it when it sends the user there. */
  listStatus: WorkStatus;
  showWorks(status: WorkStatus): void;
  /** Works deleted last, for 撤销 while the window is open. */
  removed: { undo: string; text: string } | null;
  removeWorks(ids: number[]): Promise<void>;
  undoRemove(): Promise<void>;
  updateMany(ids: number[], patch: Partial<Work>): Promise<void>;
  /** Ticks a 待确认 item on several works (recorded with who and when). */
  confirmItem(item: string, ids: number[]): Promise<void>;
  printed: { dir: string; files: string[] } | null;
  mailed: { dir: string; files: string[]; subject: string; to: string } | null;
  print(out: string): Promise<void>;
  mail(out: string): Promise<void>;
}

export const useStore = create<State>((set, get) => {
  const api = () => get().api!;
  let controller: AbortController | null = null;
  /** The tail of the jobs' queue. */
  let jobs: Promise<void> = Promise.resolve();
  /**
   * A job: shown as busy with its progress, cancellable through `signal`. One at a time, as the API runs writes: a
   * second job waits for the first (its own cancel comes with it), never replaces the first's. A job that wants the
   * catalog read again after it asks with `void get().refresh()`: awaiting a job from inside a job would wait forever.
   */
  const guard = (
    label: string,
    fn: (signal: AbortSignal) => Promise<void>,
    job: string | null = null,
  ): Promise<void> => {
    const run = jobs.then(async () => {
      const own = new AbortController();
      controller = own;
      set({ busy: label, error: null, progress: null, started: Date.now(), job, phaseStarted: Date.now() });
      // Marked in the page's session: a reload meanwhile (which ends the job) is told after it.
      session.set(RUNNING, label);
      try {
        await fn(own.signal);
      } finally {
        session.remove(RUNNING);
        controller = null;
        set({ busy: null, progress: null, started: null, job: null, phaseStarted: null });
      }
    });
    jobs = run.catch(() => undefined);
    return run;
  };
  /** How many catalog reads were started (refresh): only the latest one's answer is used. */
  let refreshes = 0;
  /** A job's progress, and when a new phase of it began (its time left is of that phase). */
  const progressed = (p: JobProgress) =>
    set((st) => ({ progress: p, phaseStarted: st.progress?.phase === p.phase ? st.phaseStarted : Date.now() }));
  /** A job's end takes the user to `to` only if they are still where they started it (never yanked away). */
  const goIfStill = (from: Screen, to: Screen) => {
    if (get().screen === from) set({ screen: to });
  };
  /** The profile of the catalog's edition, for every screen. */
  const loadProfile = async () => {
    const r = await api().call('catalog.profile', {});
    if (r.ok) set({ profile: r.value });
    else set({ error: r.error.message });
  };
  /** An edit: on success the catalog is read again (and checked); on failure the message is shown. */
  const change = async (call: Promise<{ ok: true } | { ok: false; error: { message: string } }>) => {
    const r = await call;
    if (!r.ok) return set({ error: r.error.message });
    await get().refresh();
  };
  /** An editor's save: the message on failure (the editor shows it), null when saved; the catalog is read again after. */
  const saved = async (
    call: Promise<{ ok: true; value?: unknown } | { ok: false; error: { message: string } }>,
  ): Promise<string | null> => {
    const r = await call;
    if (!r.ok) return r.error.message;
    // Both this window and another program changed a value: the later save (ours) won; say which, and what it was.
    const over = (r.value as { overwritten?: Overwritten[] } | undefined)?.overwritten;
    if (over?.length) set({ notice: overwrittenNotice(over) });
    void get().refresh();
    return null;
  };
  return {
    api: null,
    screen: 'catalog',
    info: null,
    profile: null,
    unit: null,
    works: [],
    report: null,
    busy: null,
    progress: null,
    started: null,
    job: null,
    phaseStarted: null,
    error: null,
    notice: null,
    focus: null,
    people: [],
    details: {},
    preflight: null,
    intake: null,
    runIntake: (dir, summary) =>
      guard(
        '正在读取作品文件夹…',
        async (signal) => {
          set({ intake: null });
          const r = await api().call('intake.plan', summary ? { dir, summary } : { dir }, {
            signal,
            onProgress: progressed,
          });
          if (!r.ok) return set({ error: r.error.message });
          set({ intake: r.value });
        },
        'intake',
      ),
    confirmIntake: (edits) => {
      const from = get().screen;
      return guard('正在导入…', async () => {
        const plan = get().intake?.plan;
        if (!plan) return;
        if (edits) {
          const applied = await api().call('intake.apply', { plan, works: edits });
          if (!applied.ok) return set({ error: applied.error.message });
        }
        const r = await api().call('batch.import', { path: plan });
        if (!r.ok) return set({ error: r.error.message });
        set({ intake: null, notice: `已导入 ${r.value.works} 件作品、${r.value.files} 个文件` });
        goIfStill(from, 'works');
        void get().refresh();
      });
    },
    cancel: () => controller?.abort(),
    clearFocus: () => set({ focus: null }),
    loadDetails: async (workId) => {
      const r = await api().call('files.details', { workId });
      if (r.ok) set({ details: Object.fromEntries(r.value.map((d) => [d.id, d])) });
    },
    openPath: async (path) => {
      const r = await api().call('system.openPath', { path });
      set(r.ok ? { notice: `已用系统程序打开 ${r.value.path}`, error: null } : { error: r.error.message });
    },
    exported: null,
    verified: null,
    editing: null,
    printed: null,
    mailed: null,
    edit: (id, focus) => {
      if (get().editing !== id) set({ details: {} });
      set({ editing: id, screen: 'edit', focus: focus ?? null });
    },
    createWork: (category, stage, title) =>
      guard('正在新建作品…', async () => {
        const r = await api().call('works.create', { category, stage, title });
        if (!r.ok) return set({ error: r.error.message });
        set({ editing: r.value.id, screen: 'edit' });
        void get().refresh();
      }),
    updateWork: async (id, patch, base) => {
      // The work's own values only (not its id, authors or files), as the entity declares them; with `base` (the
      // editor's autosave), only those the user changed.
      const clean = Object.fromEntries(WORK_PATCH_KEYS.filter((k) => patch[k] !== undefined).map((k) => [k, patch[k]]));
      if (!base) return saved(api().call('works.update', { id, patch: clean }));
      const d = diffPatch(clean as Record<string, unknown>, base as Record<string, unknown>, WORK_PATCH_KEYS);
      if (!Object.keys(d.patch).length) return null;
      return saved(api().call('works.update', { id, patch: d.patch, base: d.base }));
    },
    setAuthors: (id, authors) => saved(api().call('works.setAuthors', { id, authors })),
    addFile: async (workId, role, path) => {
      set({ notice: null });
      const r = await api().call('files.add', role ? { workId, role, path } : { workId, path });
      if (!r.ok) return set({ error: r.error.message });
      if (r.value.guess)
        set({
          notice: `已添加 ${path}：按${r.value.guess.reason}判断为“${get().profile?.roleNames[r.value.role] ?? r.value.role}”，如不对请在左侧改正用途。`,
        });
      await get().refresh();
    },
    removeFile: (id) => change(api().call('files.remove', { id })),
    setFileRole: (id, role) => change(api().call('files.setRole', { id, role })),
    move: async (id, by) => {
      const i = get().works.findIndex((w) => w.id === id);
      if (i >= 0) await get().moveTo(id, i + 1 + by);
    },
    moveTo: async (id, to) => {
      const ids = get().works.map((w) => w.id);
      const from = ids.indexOf(id);
      const at = Math.min(Math.max(1, Math.round(to)), ids.length) - 1;
      if (from < 0 || at === from) return;
      ids.splice(from, 1);
      ids.splice(at, 0, id);
      // The order changes no finding: the list is updated from the answer, without a new check.
      const r = await api().call('works.reorder', { ids });
      if (!r.ok) return set({ error: r.error.message });
      set({ works: r.value, error: null });
    },
    opening: null,
    listStatus: '',
    showWorks: (status) => set({ listStatus: status, screen: 'works', notice: null, error: null }),
    removed: null,
    removeWorks: async (ids) => {
      const titles = get()
        .works.filter((w) => ids.includes(w.id))
        .map((w) => `《${w.title}》`);
      const r = await api().call('works.remove', { ids });
      if (!r.ok) return set({ error: r.error.message });
      set({
        removed: {
          undo: r.value.undo,
          text:
            ids.length === 1
              ? `已删除作品${titles[0] ?? ''}(其文件未被删除)`
              : `已删除 ${r.value.removed} 件作品(其文件未被删除)`,
        },
        error: null,
      });
      await get().refresh();
    },
    undoRemove: async () => {
      const removed = get().removed;
      if (!removed) return;
      const r = await api().call('works.restore', { undo: removed.undo });
      set({ removed: null });
      if (!r.ok) return set({ error: r.error.message });
      await get().refresh();
    },
    confirmItem: async (item, ids) => {
      const r = await api().call('checklist.confirm', { item, ids });
      if (!r.ok) return set({ error: r.error.message });
      set({ notice: `已确认 ${r.value.confirmed} 件作品(确认人：${r.value.by || '未记录'})` });
      await get().refresh();
    },
    updateMany: async (ids, patch) => {
      const clean = Object.fromEntries(WORK_PATCH_KEYS.filter((k) => patch[k] !== undefined).map((k) => [k, patch[k]]));
      await change(api().call('works.updateMany', { ids, patch: clean }));
    },
    init: (client) => {
      set({ api: client });
      const cut = session.get(RUNNING);
      if (cut) {
        session.remove(RUNNING);
        const what = cut.replace(/^正在/, '').replace(/…$/, '');
        set({ notice: `页面重新加载时“${what}”还没有完成，已被中断和取消(没有留下半成品)：请重新${what}。` });
      }
      void loadProfile();
      void api()
        .call('catalog.info', {})
        .then((r) => {
          if (r.ok) {
            set({ info: r.value });
            rememberCatalog(r.value.path);
            goIfStill('catalog', 'overview');
            void get().refresh();
          }
        });
    },
    // Messages belong to the screen that raised them.
    go: (screen) => set({ screen, notice: null, error: null, listStatus: '' }),
    open: (path, create) => {
      const from = get().screen;
      // Until it is open (it may wait behind a running job), no screen of the other catalog can be edited: an edit
      // made there meanwhile would land in whichever catalog happened to be open.
      set({ opening: path });
      return guard('正在打开目录…', async () => {
        const r = await api()
          .call('catalog.open', { path, create })
          .finally(() => set({ opening: null }));
        if (!r.ok) return set({ error: r.error.message });
        // The other catalog's unit and works are gone at once; refresh reads this one's.
        set({
          info: r.value,
          unit: null,
          works: [],
          report: null,
          people: [],
          details: {},
          editing: null,
          removed: null,
          preflight: null,
          exported: null,
          verified: null,
          printed: null,
          mailed: null,
          intake: null,
        });
        rememberCatalog(r.value.path);
        // To the overview, unless the user went elsewhere while it opened.
        goIfStill(from, 'overview');
        void get().refresh();
      });
    },
    importBatch: (path) =>
      guard('正在导入…', async () => {
        const r = await api().call('batch.import', { path });
        if (!r.ok) return set({ error: r.error.message });
        void get().refresh();
      }),
    refresh: async () => {
      // Only the latest read lands: one started before a later write would put back what the write changed.
      const mine = ++refreshes;
      await loadProfile();
      const [info, unit, works] = await Promise.all([
        api().call('catalog.info', {}),
        api().call('unit.get', {}),
        api().call('works.list', {}),
      ]);
      if (mine !== refreshes) return;
      set({ info: info.ok ? info.value : null, unit: unit.ok ? unit.value : null, works: works.ok ? works.value : [] });
      const people = await api().call('people.list', {});
      if (people.ok) set({ people: people.value });
      if (get().screen === 'edit' && get().editing !== null) void get().loadDetails(get().editing);
      await get().check();
    },
    check: () =>
      guard(
        '正在检查…',
        async (signal) => {
          const r = await api().call('check.run', {}, { signal, onProgress: progressed });
          if (!r.ok) return set({ error: r.error.message });
          set({ report: r.value });
        },
        'check',
      ),
    ...outputActions({ set, get, guard, progressed }),
    ...provinceActions({ set, get, guard, progressed }),
    updateUnit: async (values, base) => {
      const clean = Object.fromEntries(UNIT_KEYS.filter((k) => values[k] !== undefined).map((k) => [k, values[k]]));
      if (!base) return saved(api().call('unit.update', clean));
      // Only what the user changed: a value another program set meanwhile (a cloud link from the CLI) stays.
      const d = diffPatch(clean as Record<string, unknown>, base as Record<string, unknown>, UNIT_KEYS);
      if (!Object.keys(d.patch).length) return null;
      return saved(api().call('unit.update', { ...d.patch, base: d.base }));
    },
    saveUnit: async (values) => {
      let ok = false;
      await guard('正在保存…', async () => {
        // The unit's own values only (not its edition or files), as the entity declares them.
        const r = await api().call(
          'unit.update',
          Object.fromEntries(UNIT_KEYS.filter((k) => values[k] !== undefined).map((k) => [k, values[k]])),
        );
        if (!r.ok) return set({ error: r.error.message });
        ok = true;
        set({ unit: r.value });
        // Read again after the write (an older read still on its way is then dropped).
        void get().refresh();
      });
      return ok;
    },
  };
});

/** The catalog's edition's profile; App renders the screens only once it is loaded. */
export function useProfile(): Profile {
  const profile = useStore((s) => s.profile);
  if (!profile) throw new Error('the profile is not loaded yet');
  return profile;
}
