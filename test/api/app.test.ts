// The window's helpers through the API: file facts and pictures, guessed roles, known people, the export's
// pre-flight, the folder browser, opening a path, a print PDF's bytes, and a unit made in a new catalog.
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localClient } from '../../src/main/api/dispatch.js';
import { closeSession, createSession } from '../../src/main/api/handlers.js';
import { microlecture, validBatch, writeBatch } from '../helpers/batch.js';
import { FIXTURES, minimalPdf, tempDir } from '../helpers/files.js';
import { jpeg } from '../helpers/media.js';

const BIN = fileURLToPath(new URL('../../bin/baosong.js', import.meta.url));

async function setUp(batch = validBatch()) {
  const dir = tempDir();
  const session = createSession();
  const api = localClient(session);
  await api.call('catalog.open', { path: join(dir, 'c.sqlite'), create: true });
  expect((await api.call('batch.import', { path: await writeBatch(dir, batch) })).ok).toBe(true);
  const works = await api.call('works.list', {});
  return { dir, session, api, works: works.ok ? works.value : [] };
}

describe('files.details', () => {
  it('gives each file one line of facts, the title card of a lecture video and a board thumbnail', async () => {
    const { dir, session, api, works } = await setUp();
    const w = works[0]!;
    const board = await jpeg('board-cmyk-300', { width: 1200, height: 800, dpi: 300, cmyk: true });
    copyFileSync(board, join(dir, '主展板.jpg'));
    // A board on a micro-lecture is out of place, but the thumbnail goes by role.
    expect((await api.call('files.add', { workId: w.id, role: 'board-extra', path: join(dir, '主展板.jpg') })).ok).toBe(
      true,
    );
    const r = await api.call('files.details', { workId: w.id });
    expect(r.ok).toBe(true);
    const list = r.ok ? r.value : [];
    const byRole = (role: string) =>
      list.find((d) => d.id === [...w.files, ...(works[0]!.files ?? [])].find((f) => f.role === role)?.id);
    const video = byRole('lecture-video')!;
    expect(video.summary).toMatch(/^H\.264 \d+×\d+ 25fps 0:\d\d AAC /);
    expect(video.image).toMatch(/^data:image\/png;base64,/);
    expect(video.imageLabel).toContain('片头');
    expect(byRole('materials')!.summary).toMatch(/^ZIP 1 个条目/);
    const boardDetail = list.find((d) => d.kind === 'jpg')!;
    expect(boardDetail.summary).toBe(
      'JPEG 1200×800 CMYK 300 dpi 10.2×6.8 cm ' + boardDetail.summary.split(' ').slice(-2).join(' '),
    );
    expect(boardDetail.image).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    expect(await api.call('files.details', { workId: 999 })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    closeSession(session);
  });
});

describe('files.add without a role', () => {
  it('guesses the role from the name and the real type, and says why', async () => {
    const { dir, session, api } = await setUp();
    const created = await api.call('works.create', { category: 'courseware', stage: 'primary', title: '认识图形' });
    const id = created.ok ? created.value.id : 0;
    copyFileSync(join(FIXTURES, 'docx_word2010_with_picture.docx'), join(dir, '认识图形-设计说明.docx'));
    copyFileSync(join(FIXTURES, 'mp4_h264_aac_1080x720.mp4'), join(dir, '录屏.mp4'));
    writeFileSync(join(dir, '作品登记表.pdf'), minimalPdf());
    const design = await api.call('files.add', { workId: id, path: join(dir, '认识图形-设计说明.docx') });
    expect(design.ok && [design.value.role, design.value.guess]).toEqual([
      'design-doc',
      { role: 'design-doc', confidence: 'high', reason: '文件名含“设计说明”' },
    ]);
    const video = await api.call('files.add', { workId: id, path: join(dir, '录屏.mp4') });
    expect(video.ok && video.value.role).toBe('demo-video');
    expect(video.ok && video.value.guess?.reason).toContain('MP4/QuickTime 视频只能是“课件演示视频”');
    const scan = await api.call('files.add', { workId: id, path: join(dir, '作品登记表.pdf') });
    expect(scan.ok && scan.value.role).toBe('registration-scan');
    // A chosen role is kept as it is, and unit files need one.
    const chosen = await api.call('files.add', { workId: id, role: 'materials', path: join(dir, '录屏.mp4') });
    expect(chosen.ok && [chosen.value.role, chosen.value.guess]).toEqual(['materials', null]);
    expect(await api.call('files.add', { workId: null, path: join(dir, '作品登记表.pdf') })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
    closeSession(session);
  });
});

describe('people.list', () => {
  it('lists the catalog’s authors with their work counts', async () => {
    const batch = validBatch([
      microlecture('w1', '张强'),
      microlecture('w2', '王芳', {
        authors: [
          { name: '王芳', unit: '沈阳市和平区第一小学', mobile: '13800000002', email: 'w@f.cn', phone: '' },
          { name: '张强', unit: '沈阳市和平区第一小学', mobile: '', email: '', phone: '' },
        ],
      }),
    ]);
    const { session, api } = await setUp(batch);
    const r = await api.call('people.list', {});
    expect(r.ok && r.value.map((p) => [p.name, p.works, p.firstAuthor, p.mobile])).toEqual([
      ['张强', 2, 1, '13800000001'],
      ['王芳', 1, 1, '13800000002'],
    ]);
    closeSession(session);
  });
});

describe('export.preflight', () => {
  it('says where, how much, how much room, and what the check found; then what a re-export reuses', async () => {
    const { dir, session, api } = await setUp();
    const out = join(dir, 'out');
    const before = await api.call('export.preflight', { out });
    expect(before.ok).toBe(true);
    const p = before.ok ? before.value : null!;
    expect(p).toMatchObject({
      dir: out,
      state: 'absent',
      problem: null,
      works: 2,
      reusable: 0,
      folders: [{ name: '2微课', works: 2 }],
    });
    expect(p.copyBytes).toBeGreaterThan(100_000);
    expect(p.freeBytes).toBeGreaterThan(p.copyBytes);
    expect(p.errors).toBe(0);
    // The export itself runs compiled (its hashing worker is a built file): through the CLI, on the same catalog.
    expect(spawnSync(process.execPath, [BIN, 'export', '--db', join(dir, 'c.sqlite'), '--out', out]).status).toBe(0);
    const again = await api.call('export.preflight', { out });
    expect(again.ok && again.value).toMatchObject({ state: 'previous', copyBytes: 0, reusable: 12 });
    const foreign = join(dir, 'busy');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'a.txt'), 'x');
    const refused = await api.call('export.preflight', { out: foreign });
    expect(refused.ok && refused.value.state).toBe('refused');
    expect(refused.ok && refused.value.problem).toContain('不是空的');
    closeSession(session);
  });
});

describe('fs.list, system.openPath and print.read', () => {
  it('lists a folder (folders first, hidden files left out) and refuses one that is not there', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '乙'));
    writeFileSync(join(dir, '甲.txt'), 'abc');
    writeFileSync(join(dir, '.hidden'), '');
    const api = localClient(createSession());
    const r = await api.call('fs.list', { dir });
    expect(r.ok && r.value.entries).toEqual([
      { name: '乙', dir: true, size: null },
      { name: '甲.txt', dir: false, size: 3 },
    ]);
    expect(r.ok && r.value.parent).not.toBeNull();
    expect(r.ok && r.value.roots.length).toBeGreaterThan(0);
    expect(await api.call('fs.list', { dir: join(dir, 'nope') })).toMatchObject({
      ok: false,
      error: { code: 'bad-input', message: expect.stringContaining('无法打开文件夹') },
    });
  });

  it('opens folders and the app’s own kinds of file only, through the session’s opener', async () => {
    const dir = tempDir();
    const opened: string[] = [];
    const session = createSession();
    session.openPath = async (p) => void opened.push(p);
    const api = localClient(session);
    writeFileSync(join(dir, 'a.pdf'), minimalPdf());
    writeFileSync(join(dir, 'setup.exe'), 'MZ');
    expect((await api.call('system.openPath', { path: dir })).ok).toBe(true);
    expect((await api.call('system.openPath', { path: join(dir, 'a.pdf') })).ok).toBe(true);
    expect(await api.call('system.openPath', { path: join(dir, 'setup.exe') })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
    expect(await api.call('system.openPath', { path: join(dir, 'gone') })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
    expect(opened).toEqual([dir, join(dir, 'a.pdf')]);
  });

  it('reads a PDF for the preview and refuses anything else', async () => {
    const dir = tempDir();
    const api = localClient(createSession());
    writeFileSync(join(dir, 'a.pdf'), minimalPdf());
    writeFileSync(join(dir, 'fake.pdf'), 'not a pdf');
    writeFileSync(join(dir, 'a.txt'), '%PDF-1.4');
    const r = await api.call('print.read', { path: join(dir, 'a.pdf') });
    expect(r.ok && Buffer.from(r.value.base64, 'base64')).toEqual(minimalPdf());
    expect(await api.call('print.read', { path: join(dir, 'fake.pdf') })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('不是 PDF') },
    });
    expect(await api.call('print.read', { path: join(dir, 'a.txt') })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
  });
});

describe('unit.update in a new catalog', () => {
  it('makes the unit from its name and kind, then edits it', async () => {
    const dir = tempDir();
    const session = createSession();
    const api = localClient(session);
    await api.call('catalog.open', { path: join(dir, 'new.sqlite'), create: true });
    expect(await api.call('unit.update', { city: '鞍山市' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('组织单位名称') },
    });
    const made = await api.call('unit.update', { name: ' 鞍山市教育局 ', kind: 'city' });
    expect(made.ok && made.value).toMatchObject({
      name: '鞍山市教育局',
      kind: 'city',
      group: 'k12',
      edition: 'liaoning-29',
    });
    const uni = await api.call('unit.update', { kind: 'university', group: 'higher' });
    expect(uni.ok && [uni.value.name, uni.value.kind, uni.value.group]).toEqual([
      '鞍山市教育局',
      'university',
      'higher',
    ]);
    expect(await api.call('unit.update', { name: '' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect((await api.call('catalog.info', {})).ok && (await api.call('catalog.info', {}))).toMatchObject({
      value: { unit: '鞍山市教育局' },
    });
    closeSession(session);
  });
});
