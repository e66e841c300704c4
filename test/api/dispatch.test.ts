import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, localClient } from '../../src/main/api/dispatch.js';
import { closeSession, createSession } from '../../src/main/api/handlers.js';
import type { JobProgress } from '../../src/shared/api.js';
import { validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';

async function sessionWithBatch() {
  const dir = tempDir();
  const session = createSession();
  const api = localClient(session);
  await api.call('catalog.open', { path: join(dir, 'c.sqlite'), create: true });
  const imported = await api.call('batch.import', { path: await writeBatch(dir, validBatch()) });
  expect(imported.ok).toBe(true);
  return { session, api };
}

describe('the typed API', () => {
  it('validates arguments at the boundary', async () => {
    const session = createSession();
    expect(await dispatch(session, 'check.run', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'bad-args' },
    });
    expect(await dispatch(session, 'batch.import', { path: 42 })).toMatchObject({
      ok: false,
      error: { code: 'bad-args', path: 'path' },
    });
    expect(await dispatch(session, 'no.such' as never, {})).toMatchObject({ ok: false, error: { code: 'bad-args' } });
  });

  it('answers with an envelope, never a throw', async () => {
    const session = createSession();
    expect(await dispatch(session, 'check.run', {})).toEqual({
      ok: false,
      error: { code: 'no-catalog', message: '尚未打开目录文件' },
    });
    const r = await dispatch(session, 'catalog.open', { path: join(tempDir(), 'absent.sqlite') });
    expect(r).toMatchObject({ ok: false, error: { code: 'catalog' } });
  });

  it('runs a check as a job: progress events, then the report', async () => {
    const { session, api } = await sessionWithBatch();
    const progress: JobProgress[] = [];
    const r = await api.call('check.run', {}, { onProgress: (p) => progress.push(p) });
    expect(r.ok && r.value.errors).toBe(0);
    expect(progress.at(-1)).toMatchObject({ phase: 'inspect', done: 12, total: 12 });
    expect(progress.at(-1)!.bytes).toBe(progress.at(-1)!.totalBytes);
    closeSession(session);
  });

  it('cancels a job', async () => {
    const { session, api } = await sessionWithBatch();
    const controller = new AbortController();
    controller.abort();
    const r = await api.call('check.run', {}, { signal: controller.signal });
    expect(r).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    closeSession(session);
  });

  it('lists works and updates the unit', async () => {
    const { session, api } = await sessionWithBatch();
    const works = await api.call('works.list', {});
    expect(works.ok && works.value.map((w) => w.key)).toEqual(['w1', 'w2']);
    const unit = await api.call('unit.update', { cloudCode: ' zz99 ' });
    expect(unit.ok && unit.value.cloudCode).toBe('zz99');
    expect(await api.call('unit.update', { edition: 'x' } as never)).toMatchObject({
      ok: false,
      error: { code: 'bad-args' },
    });
    closeSession(session);
  });
});

describe('the domains joined', () => {
  it('a method name two domains declare is an error, not a silent override', async () => {
    const { joinDomains } = await import('../../src/shared/api.js');
    expect(Object.keys(joinDomains({ 'a.x': 1 }, { 'b.y': 2 }))).toEqual(['a.x', 'b.y']);
    expect(() => joinDomains({ 'a.x': 1 }, { 'a.x': 2 })).toThrow('API method a.x is declared twice');
  });
});
