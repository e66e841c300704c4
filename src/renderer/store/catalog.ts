// The catalog slice: the open catalog (its info, edition's profile, unit, works, people, file details and check
// report), what intake found, and every edit of it — each answer read back (refresh) and checked again.
import type { IntakeReport } from '../../shared/intake/report.js';
import type { ApiArgs, ApiClient, CatalogInfo, FileDetail, Person } from '../../shared/api.js';
import type { CheckReport, Role, Unit, Work } from '../../shared/model.js';
import { UNIT_KEYS, WORK_PATCH_KEYS } from '../../shared/entities.js';
import { diffPatch } from '../../shared/patch.js';
import type { Profile } from '../../shared/rules/profile.js';
import { rememberCatalog } from '../remember.js';
import { pageSession, RUNNING, type JobKit } from './kit.js';
import { NO_OUTPUTS } from './outputs.js';

export interface CatalogState {
  api: ApiClient | null;
  info: CatalogInfo | null;
  /** The open catalog's edition's profile (the current edition's before one is open): every screen reads it. */
  profile: Profile | null;
  unit: Unit | null;
  works: Work[];
  report: CheckReport | null;
  people: Person[];
  details: Record<number, FileDetail>;
  intake: IntakeReport | null;
  /** Works deleted last, for 撤销 while the window is open. */
  removed: { undo: string; text: string } | null;
  init(api: ApiClient): void;
  open(path: string, create: boolean): Promise<void>;
  importBatch(path: string): Promise<void>;
  refresh(): Promise<void>;
  check(): Promise<void>;
  runIntake(dir: string, summary: string): Promise<void>;
  /** Imports the plan; with corrections from the preview, writes them into the plan first (intake.apply). */
  confirmIntake(edits?: ApiArgs<'intake.apply'>['works']): Promise<void>;
  loadDetails(workId: number | null): Promise<void>;
  /** Saves an existing unit's values (the form's autosave): null when saved, else why not. */
  updateUnit(values: Partial<Unit>, base?: Partial<Unit>): Promise<string | null>;
  /** Saves the unit's values: true when saved. */
  saveUnit(values: Partial<Unit>): Promise<boolean>;
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
  removeWorks(ids: number[]): Promise<void>;
  undoRemove(): Promise<void>;
  updateMany(ids: number[], patch: Partial<Work>): Promise<void>;
  /** Ticks a 待确认 item on several works (recorded with who and when). */
  confirmItem(item: string, ids: number[]): Promise<void>;
}

export function catalogSlice({
  set,
  get,
  api,
  guard,
  progressed,
  goIfStill,
  loadProfile,
  change,
  saved,
}: JobKit): CatalogState {
  /** How many catalog reads were started (refresh): only the latest one's answer is used. */
  let refreshes = 0;
  return {
    api: null,
    info: null,
    profile: null,
    unit: null,
    works: [],
    report: null,
    people: [],
    details: {},
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
    loadDetails: async (workId) => {
      const r = await api().call('files.details', { workId });
      if (r.ok) set({ details: Object.fromEntries(r.value.map((d) => [d.id, d])) });
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
      const cut = pageSession.get(RUNNING);
      if (cut) {
        pageSession.remove(RUNNING);
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
          ...NO_OUTPUTS,
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
}
