// The window's jobs follow the API's rule: one at a time. A second job waits for the first and gets its own cancel;
// it never replaces the first's (cancelling then stops the job the user sees, not a queued one).
import { describe, expect, it } from 'vitest';
import type { ApiClient, CallOptions } from '../../src/shared/api.js';
import { requireProfile } from '../../src/shared/rules/registry.js';
import { useStore } from '../../src/renderer/store.js';
import { deferred, settle, type Deferred } from '../helpers/deferred.js';

/** Each check.run waits until the test finishes it (`done[n]`) or it is cancelled. */
function fakeApi(log: string[], signals: AbortSignal[], done: Deferred[] = []): ApiClient {
  const report = { edition: 'liaoning-29', works: 0, errors: 0, warnings: 0, infos: 0, findings: [] };
  return {
    call: (async (method: string, _args: unknown, options: CallOptions = {}) => {
      if (method === 'catalog.profile') return { ok: true, value: requireProfile(null) };
      if (method !== 'check.run') return { ok: false, error: { code: 'no-catalog', message: '尚未打开目录文件' } };
      const n = signals.push(options.signal!);
      log.push(`check${n}+`);
      const d = (done[n - 1] = deferred());
      options.signal?.addEventListener('abort', () => d.resolve());
      await d.promise;
      log.push(`check${n}-`);
      return options.signal?.aborted
        ? { ok: false, error: { code: 'cancelled', message: '已取消' } }
        : { ok: true, value: report };
    }) as ApiClient['call'],
  };
}

describe("the window's jobs", () => {
  it('run one at a time: a second waits, and cancel stops only the running one', async () => {
    const log: string[] = [];
    const signals: AbortSignal[] = [];
    const done: Deferred[] = [];
    useStore.getState().init(fakeApi(log, signals, done));
    await expect.poll(() => useStore.getState().profile?.edition).toBe('liaoning-29');
    const first = useStore.getState().check();
    const second = useStore.getState().check();
    await expect.poll(() => log).toEqual(['check1+']);
    await settle();
    expect(log).toEqual(['check1+']);
    expect(useStore.getState().busy).toBe('正在检查…');
    useStore.getState().cancel();
    await first;
    await expect.poll(() => log).toEqual(['check1+', 'check1-', 'check2+']);
    done[1]!.resolve();
    await second;
    expect(log).toEqual(['check1+', 'check1-', 'check2+', 'check2-']);
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[1]!.aborted).toBe(false);
    expect(useStore.getState().busy).toBeNull();
    expect(useStore.getState().report?.edition).toBe('liaoning-29');
  });
});

describe("a job's end", () => {
  it('takes the user to 报送总览 after opening a catalog only if they did not go elsewhere meanwhile', async () => {
    const info = { path: '/x/c.sqlite', workspace: '/x/c.baosong', works: 0 };
    let answer = deferred();
    const slowOpen = (): ApiClient => ({
      call: (async (method: string) => {
        if (method === 'catalog.profile') return { ok: true, value: requireProfile(null) };
        if (method === 'catalog.open') {
          await answer.promise;
          return { ok: true, value: info };
        }
        return { ok: false, error: { code: 'no-catalog', message: '尚未打开目录文件' } };
      }) as ApiClient['call'],
    });
    useStore.setState({ screen: 'catalog' });
    useStore.getState().init(slowOpen());
    const opened = useStore.getState().open('/x/c.sqlite', true);
    // The user goes elsewhere while the catalog opens.
    useStore.getState().go('unit');
    answer.resolve();
    await opened;
    expect(useStore.getState().screen).toBe('unit');
    useStore.getState().go('catalog');
    answer = deferred();
    answer.resolve();
    await useStore.getState().open('/x/c.sqlite', true);
    expect(useStore.getState().screen).toBe('overview');
  });
});

describe('reading the catalog again', () => {
  it('drops an older read that answers after a later write (the unit just saved stays)', async () => {
    const unit = { name: '鞍山市教育局', kind: 'city' };
    let saved = false;
    let reads = 0;
    const late = deferred();
    const api: ApiClient = {
      call: (async (method: string) => {
        if (method === 'catalog.profile') return { ok: true, value: requireProfile(null) };
        if (method === 'unit.update') {
          saved = true;
          return { ok: true, value: unit };
        }
        if (method === 'unit.get') {
          const before = !saved;
          reads += 1;
          // The read started before the save answers last.
          if (before) await late.promise;
          return { ok: true, value: before ? null : unit };
        }
        if (method === 'catalog.info')
          return { ok: true, value: { path: '/x/c.sqlite', unit: saved ? unit.name : undefined } };
        if (method === 'works.list' || method === 'people.list') return { ok: true, value: [] };
        return { ok: false, error: { code: 'no-catalog', message: '尚未打开目录文件' } };
      }) as ApiClient['call'],
    };
    useStore.getState().init(api);
    const stale = useStore.getState().refresh();
    await expect.poll(() => reads).toBeGreaterThan(0);
    expect(await useStore.getState().saveUnit({ name: unit.name, kind: 'city' })).toBe(true);
    // The read after the save lands; then the one from before it answers.
    await expect.poll(() => useStore.getState().unit?.name).toBe('鞍山市教育局');
    late.resolve();
    await stale;
    await settle();
    expect(reads).toBeGreaterThanOrEqual(2);
    expect(useStore.getState().unit?.name).toBe('鞍山市教育局');
    expect(useStore.getState().info?.unit).toBe('鞍山市教育局');
  });
});

describe('a reload during a job', () => {
  it('is told after it: the job was cut off and cancelled', async () => {
    const stored = new Map<string, string>();
    (globalThis as { sessionStorage?: unknown }).sessionStorage = {
      getItem: (k: string) => stored.get(k) ?? null,
      setItem: (k: string, v: string) => void stored.set(k, v),
      removeItem: (k: string) => void stored.delete(k),
    };
    let release: () => void = () => undefined;
    const api: ApiClient = {
      call: (async (method: string) => {
        if (method === 'catalog.profile') return { ok: true, value: requireProfile(null) };
        if (method === 'check.run') await new Promise<void>((r) => (release = r));
        return { ok: false, error: { code: 'no-catalog', message: '尚未打开目录文件' } };
      }) as ApiClient['call'],
    };
    useStore.getState().init(api);
    void useStore.getState().check();
    await expect.poll(() => stored.get('baosong:running-job')).toBe('正在检查…');
    // The page reloads here: a new window state over the same session storage.
    useStore.setState({ notice: null });
    useStore.getState().init(api);
    expect(useStore.getState().notice).toBe(
      '页面重新加载时“检查”还没有完成，已被中断和取消(没有留下半成品)：请重新检查。',
    );
    expect(stored.has('baosong:running-job')).toBe(false);
    release();
    delete (globalThis as { sessionStorage?: unknown }).sessionStorage;
  });
});
