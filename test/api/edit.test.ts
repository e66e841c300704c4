// Editing through the API: create a work, fill it, give it authors and files, reorder, delete.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localClient } from '../../src/main/api/dispatch.js';
import { closeSession, createSession } from '../../src/main/api/handlers.js';
import { validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';

async function setUp() {
  const dir = tempDir();
  const session = createSession();
  const api = localClient(session);
  await api.call('catalog.open', { path: join(dir, 'c.sqlite'), create: true });
  expect((await api.call('batch.import', { path: await writeBatch(dir, validBatch()) })).ok).toBe(true);
  return { dir, session, api };
}

describe('editing works', () => {
  it('creates a work at the end, fills it, and the check follows', async () => {
    const { dir, session, api } = await setUp();
    const created = await api.call('works.create', { category: 'microlecture', stage: 'primary', title: '《春晓》' });
    expect(created.ok && created.value).toMatchObject({ key: null, position: 3, title: '《春晓》', authors: [] });
    const id = created.ok ? created.value.id : 0;
    let report = await api.call('check.run', {});
    const mine = (r: typeof report) =>
      r.ok ? r.value.findings.filter((f) => f.work === `id:${id}`).map((f) => f.rule) : [];
    expect(mine(report)).toEqual(
      expect.arrayContaining(['title.brackets', 'authors.count', 'file.missing', 'comment.length']),
    );
    await api.call('works.update', {
      id,
      patch: { title: '春晓', subject: '语文', grade: '一年级', share: true, comment: '好'.repeat(100) },
    });
    await api.call('works.setAuthors', {
      id,
      authors: [{ name: '孟浩', unit: '某小学', mobile: '13800000009', email: 'm@h.cn' }],
    });
    const file = await api.call('files.add', {
      workId: id,
      role: 'lecture-video',
      path: join(dir, 'works/w1/微课.mp4'),
    });
    expect(file.ok && file.value.size).toBeGreaterThan(0);
    report = await api.call('check.run', {});
    expect(mine(report)).not.toContain('title.brackets');
    expect(mine(report)).not.toContain('authors.count');
    expect(mine(report)).toContain('file.missing');
    closeSession(session);
  });

  it('reorders (= 序号) and refuses an order that does not name every work once', async () => {
    const { session, api } = await setUp();
    const works = await api.call('works.list', {});
    const ids = works.ok ? works.value.map((w) => w.id) : [];
    const r = await api.call('works.reorder', { ids: [...ids].reverse() });
    expect(r.ok && r.value.map((w) => w.key)).toEqual(['w2', 'w1']);
    expect(await api.call('works.reorder', { ids: [ids[0]!] })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
    closeSession(session);
  });

  it('changes a file role, removes a file, deletes a work; unknown ids are bad input', async () => {
    const { session, api } = await setUp();
    const works = await api.call('works.list', {});
    const w = works.ok ? works.value[0]! : null;
    const zip = w!.files.find((f) => f.role === 'materials')!;
    expect((await api.call('files.setRole', { id: zip.id, role: 'courseware' })).ok).toBe(true);
    expect((await api.call('files.remove', { id: zip.id })).ok).toBe(true);
    expect(await api.call('files.remove', { id: zip.id })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect((await api.call('works.delete', { id: w!.id })).ok).toBe(true);
    const left = await api.call('works.list', {});
    expect(left.ok && left.value.map((x) => x.key)).toEqual(['w2']);
    expect(await api.call('works.update', { id: 9999, patch: {} })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
    expect(await api.call('works.update', { id: w!.id, patch: { category: 'movie' } } as never)).toMatchObject({
      ok: false,
      error: { code: 'bad-args' },
    });
    closeSession(session);
  });

  it('removes works and puts them back exactly (undo), changes several at once; files on disk untouched', async () => {
    const { dir, session, api } = await setUp();
    const { readdirSync, statSync } = await import('node:fs');
    const before = await api.call('works.list', {});
    const all = before.ok ? before.value : [];
    const onDisk = () =>
      (readdirSync(join(dir, 'works'), { recursive: true }) as string[])
        .map((f) => `${f}:${statSync(join(dir, 'works', f)).mtimeMs}`)
        .sort();
    const disk = onDisk();
    const removed = await api.call('works.remove', { ids: all.map((w) => w.id) });
    expect(removed).toMatchObject({ ok: true, value: { removed: 2 } });
    expect(await api.call('works.list', {})).toMatchObject({ ok: true, value: [] });
    expect(onDisk()).toEqual(disk);
    // Unknown ids change nothing.
    expect(await api.call('works.remove', { ids: [all[0]!.id] })).toMatchObject({
      ok: false,
      error: { message: `目录中没有作品 id:${all[0]!.id}` },
    });
    const undo = removed.ok ? removed.value.undo : '';
    const back = await api.call('works.restore', { undo });
    expect(back.ok && back.value).toEqual(all);
    expect(await api.call('works.restore', { undo })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('无法撤销') },
    });
    const many = await api.call('works.updateMany', { ids: all.map((w) => w.id), patch: { share: false } });
    expect(many.ok && many.value.map((w) => w.share)).toEqual([false, false]);
    expect(await api.call('works.updateMany', { ids: [all[0]!.id, 9999], patch: { share: true } })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
    const after = await api.call('works.list', {});
    expect(after.ok && after.value.map((w) => w.share)).toEqual([false, false]);
    // A token of another catalog is refused.
    const again = await api.call('works.remove', { ids: [all[0]!.id] });
    await api.call('catalog.open', { path: join(dir, 'other.sqlite'), create: true });
    expect(await api.call('works.restore', { undo: again.ok ? again.value.undo : '' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('无法撤销') },
    });
    closeSession(session);
  });

  it('confirms a 待确认 item on several works at once, recorded with who and when, and the report says so', async () => {
    const { session, api } = await setUp();
    await api.call('unit.update', { contact: '李老师' });
    const works = await api.call('works.list', {});
    const ids = works.ok ? works.value.map((w) => w.id) : [];
    // Untick one item on both, as if never confirmed.
    for (const id of ids)
      await api.call('works.update', {
        id,
        patch: {
          checklist: {
            'checklist.title-card-text': false,
            'checklist.teacher-on-screen': true,
            'checklist.citations': true,
          },
        },
      });
    let report = await api.call('check.run', {});
    expect(report.ok && report.value.findings.filter((f) => f.rule === 'checklist.title-card-text').length).toBe(2);
    const before = Date.now();
    expect(await api.call('checklist.confirm', { item: 'checklist.title-card-text', ids })).toEqual({
      ok: true,
      value: { confirmed: 2, by: '李老师' },
    });
    // Again: nothing left to confirm; an unknown item is refused.
    expect(await api.call('checklist.confirm', { item: 'checklist.title-card-text', ids })).toMatchObject({
      ok: true,
      value: { confirmed: 0 },
    });
    expect(await api.call('checklist.confirm', { item: 'checklist.nothing', ids })).toMatchObject({
      ok: false,
      error: { message: '没有待确认项“checklist.nothing”' },
    });
    report = await api.call('check.run', {});
    expect(report.ok && report.value.findings.filter((f) => f.rule === 'checklist.title-card-text')).toEqual([]);
    const mine = report.ok ? report.value.confirmations.filter((c) => c.item === 'checklist.title-card-text') : [];
    expect(mine.map((c) => [c.work, c.by])).toEqual([
      ['w1', '李老师'],
      ['w2', '李老师'],
    ]);
    expect(Date.parse(mine[0]!.at)).toBeGreaterThanOrEqual(before - 1000);
    // An item kept ticked keeps who ticked it (the batch), through an edit of the checklist.
    expect(
      report.ok && report.value.confirmations.find((c) => c.item === 'checklist.citations' && c.work === 'w1')?.by,
    ).toBe('批次文件');
    closeSession(session);
  });
});
