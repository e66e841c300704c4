// Issue 25, data lost or overwritten, through the API: a refused import never deletes a catalog that holds anything;
// 还原 never deletes the only good copy; 撤销 works after the deleted rows' ids were taken by new ones.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localClient } from '../../src/main/api/dispatch.js';
import { closeSession, createSession } from '../../src/main/api/handlers.js';
import { microlecture, validBatch, validUnit, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';
import { clip } from '../helpers/media.js';
import { deferred } from '../helpers/deferred.js';

async function fresh() {
  const dir = tempDir();
  const session = createSession();
  const api = localClient(session);
  const path = join(dir, 'c.sqlite');
  expect((await api.call('catalog.open', { path, create: true })).ok).toBe(true);
  return { dir, session, api, path };
}

describe('a refused import', () => {
  it('keeps a new catalog with a unit and works typed into it (case 1)', async () => {
    const { dir, session, api, path } = await fresh();
    const u = validUnit();
    expect((await api.call('unit.update', { name: u.name, kind: u.kind, contact: '李明' })).ok).toBe(true);
    expect((await api.call('works.create', { category: 'microlecture', stage: 'primary', title: '春晓' })).ok).toBe(
      true,
    );
    expect((await api.call('works.create', { category: 'microlecture', stage: 'primary', title: '静夜思' })).ok).toBe(
      true,
    );
    const bad = validBatch([microlecture('w1', '张强', { category: 'movie' })]);
    const r = await api.call('batch.import', { path: await writeBatch(dir, bad) });
    expect(r.ok).toBe(false);
    expect(existsSync(path)).toBe(true);
    const works = await api.call('works.list', {});
    expect(works.ok && works.value.map((w) => w.title)).toEqual(['春晓', '静夜思']);
    closeSession(session);
  });

  it('keeps a new catalog another program imported into meanwhile (case 1)', async () => {
    const { dir, session, api, path } = await fresh();
    // A second session (the CLI) imports nine works into the same file.
    const other = createSession();
    const cli = localClient(other);
    expect((await cli.call('catalog.open', { path, create: false })).ok).toBe(true);
    const nine = Array.from({ length: 9 }, (_, i) => microlecture(`w${i + 1}`, `作者${i + 1}`));
    expect((await cli.call('batch.import', { path: await writeBatch(join(dir, 'b'), validBatch(nine)) })).ok).toBe(
      true,
    );
    closeSession(other);
    const typo = validBatch([microlecture('x1', '张强', { stage: 'kindergarten-typo' })]);
    expect((await api.call('batch.import', { path: await writeBatch(join(dir, 'c'), typo) })).ok).toBe(false);
    expect(existsSync(path)).toBe(true);
    const works = await api.call('works.list', {});
    expect(works.ok && works.value.length).toBe(9);
    closeSession(session);
  });

  it('still leaves no file behind when the new catalog holds nothing', async () => {
    const { dir, session, api, path } = await fresh();
    const bad = validBatch([microlecture('w1', '张强', { category: 'movie' })]);
    expect((await api.call('batch.import', { path: await writeBatch(dir, bad) })).ok).toBe(false);
    expect(existsSync(path)).toBe(false);
    closeSession(session);
  });
});

describe('还原 a fix', () => {
  it('refuses while the source is gone and keeps the fixed file in use (case 3)', async () => {
    const { dir, session, api } = await fresh();
    const file = await writeBatch(dir, validBatch([microlecture('w1', '张强')]));
    const video = join(dir, 'works/w1/微课.mp4');
    copyFileSync(clip('quicktime.mp4'), video);
    expect((await api.call('batch.import', { path: file })).ok).toBe(true);
    const offers = await api.call('fix.offers', {});
    const remux = offers.ok ? offers.value.find((o) => o.kind === 'remux')! : null;
    const fixed = await api.call('fix.run', { file: remux!.fileId, kind: 'remux' });
    expect(fixed.ok).toBe(true);
    const made = fixed.ok ? fixed.value.file.absPath : '';
    const saved = readFileSync(video);
    rmSync(video); // the USB stick pulled
    const r = await api.call('fix.restore', { file: remux!.fileId });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(!r.ok && r.error.message).toMatch(/源文件 .*微课\.mp4 现在找不到.*唯一可用的版本，没有还原，也没有删除/);
    expect(existsSync(made)).toBe(true);
    const works = await api.call('works.list', {});
    expect(works.ok && works.value[0]!.files.find((f) => f.id === remux!.fileId)!.absPath).toBe(made);
    // The stick back: 还原 works and removes only our file.
    writeFileSync(video, saved);
    expect((await api.call('fix.restore', { file: remux!.fileId })).ok).toBe(true);
    expect(existsSync(made)).toBe(false);
    expect(readFileSync(video).equals(saved)).toBe(true);
    closeSession(session);
  });
});

describe('撤销 a delete', () => {
  it('puts the works back under new ids when theirs were taken meanwhile (case 4)', async () => {
    const { dir, session, api } = await fresh();
    mkdirSync(join(dir, 'x'));
    expect((await api.call('batch.import', { path: await writeBatch(dir, validBatch()) })).ok).toBe(true);
    const before = await api.call('works.list', {});
    const last = before.ok ? before.value[before.value.length - 1]! : null;
    const removed = await api.call('works.remove', { ids: [last!.id] });
    expect(removed.ok).toBe(true);
    // A new work (and its file) take the freed ids: SQLite reuses the largest rowid.
    const created = await api.call('works.create', { category: 'microlecture', stage: 'primary', title: '新作品' });
    expect(created.ok && created.value.id).toBe(last!.id);
    const added = await api.call('files.add', {
      workId: last!.id,
      role: 'lecture-video',
      path: join(dir, 'works/w1/微课.mp4'),
    });
    expect(added.ok).toBe(true);
    const restored = await api.call('works.restore', { undo: removed.ok ? removed.value.undo : '' });
    expect(restored.ok, JSON.stringify(restored)).toBe(true);
    const after = restored.ok ? restored.value : [];
    expect(after.map((w) => w.title).sort()).toEqual(
      [...(before.ok ? before.value.map((w) => w.title) : []), '新作品'].sort(),
    );
    const back = after.find((w) => w.key === last!.key)!;
    expect(back.id).not.toBe(last!.id);
    expect(back.authors.map((a) => a.name)).toEqual(last!.authors.map((a) => a.name));
    expect(back.files.map((f) => [f.role, f.path])).toEqual(last!.files.map((f) => [f.role, f.path]));
    expect(after.find((w) => w.title === '新作品')!.files).toHaveLength(1);
    closeSession(session);
  });
});

describe('an edit is a patch (case 7)', () => {
  it('sets only the values it names, a form field by its key, and names what it replaced', async () => {
    const { dir, session, api } = await fresh();
    expect((await api.call('batch.import', { path: await writeBatch(dir, validBatch()) })).ok).toBe(true);
    const w = (await api.call('works.list', {})) as {
      ok: true;
      value: { id: number; title: string; fields: Record<string, string> }[];
    };
    const work = w.value[0]!;
    // Another program changes the title and one field; the window (loaded before) changes another field.
    expect(
      (await api.call('works.update', { id: work.id, patch: { title: '新名称', fields: { 教材版本: '人教版' } } })).ok,
    ).toBe(true);
    const r = await api.call('works.update', {
      id: work.id,
      patch: { fields: { 学期: '上学期' } },
      base: { fields: { 学期: '' } },
    });
    expect(r.ok && r.value).toMatchObject({
      title: '新名称',
      fields: expect.objectContaining({ 教材版本: '人教版', 学期: '上学期' }),
    });
    expect(r.ok && r.value.overwritten).toBeUndefined();
    // Both change the title: the later wins and is told what it replaced.
    const both = await api.call('works.update', {
      id: work.id,
      patch: { title: '窗口的名称' },
      base: { title: work.title },
    });
    expect(both.ok && both.value.title).toBe('窗口的名称');
    expect(both.ok && both.value.overwritten).toEqual([{ key: 'title', theirs: '新名称' }]);
    // The unit the same way.
    const u = await api.call('unit.update', { cloudCode: 'cd34', base: { cloudCode: '' } });
    expect(u.ok && u.value.overwritten).toEqual([{ key: 'cloudCode', theirs: validUnit().cloudCode }]);
    closeSession(session);
  });
});

describe('a long fix (case 15)', () => {
  it('lets edits through while it transcodes; a second fix of the same file is told who holds it', async () => {
    const { dir, session, api } = await fresh();
    const file = await writeBatch(dir, validBatch([microlecture('w1', '张强')]));
    copyFileSync(clip('hevc-long.mp4'), join(dir, 'works/w1/微课.mp4'));
    expect((await api.call('batch.import', { path: file })).ok).toBe(true);
    const offers = await api.call('fix.offers', {});
    const offer = offers.ok ? offers.value.find((o) => o.kind === 'transcode')! : null;
    const before = process.env.BAOSONG_X264_PRESET;
    process.env.BAOSONG_X264_PRESET = 'medium';
    let fixDone = false;
    const encoding = deferred();
    const running = api
      .call('fix.run', { file: offer!.fileId, kind: 'transcode' }, { onProgress: () => encoding.resolve() })
      .then((r) => ((fixDone = true), r));
    try {
      // While it runs (its encoder has reported progress): an edit is saved at once, and a second fix of the same file
      // is refused with who holds it.
      await encoding.promise;
      const works = await api.call('works.list', {});
      const t0 = Date.now();
      const edit = await api.call('works.update', {
        id: works.ok ? works.value[0]!.id : 0,
        patch: { comment: '改好的评语'.repeat(30) },
      });
      expect(edit.ok).toBe(true);
      expect(Date.now() - t0).toBeLessThan(1000);
      expect(fixDone).toBe(false);
      const second = await api.call('fix.run', { file: offer!.fileId, kind: 'transcode' });
      expect(!second.ok && second.error.message).toMatch(/正在由另一个修复处理\(进程 \d+/);
      const r = await running;
      expect(r.ok, JSON.stringify(r)).toBe(true);
      const after = await api.call('works.list', {});
      expect(after.ok && after.value[0]!.comment).toBe('改好的评语'.repeat(30));
      expect(after.ok && after.value[0]!.files.find((f) => f.id === offer!.fileId)!.origin).toBe(
        join(dir, 'works/w1/微课.mp4'),
      );
    } finally {
      if (before === undefined) delete process.env.BAOSONG_X264_PRESET;
      else process.env.BAOSONG_X264_PRESET = before;
      await running.catch(() => undefined);
      closeSession(session);
    }
  }, 120_000);
});
