// Issue 25's kill test: fix, intake, province add/check/verify, print and mail each SIGKILLed halfway (a real kill,
// of the whole command's process); then the next run of the same command works, no process of ours is left running
// (ffmpeg, a bounded re-run), and no temporary file stays behind after that next run.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { microlecture, validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir, writeZip } from '../helpers/files.js';
import { clip, clipOf } from '../helpers/media.js';
import { exportedTree } from '../helpers/province.js';
import { BIN, processesNaming, start, strays, waitFor } from '../helpers/procs.js';

const baosong = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, BAOSONG_X264_PRESET: 'ultrafast' },
  });

async function catalogOf(dir: string, works = validBatch()) {
  const file = await writeBatch(dir, works);
  const db = join(dir, 'c.sqlite');
  expect(baosong('import', file, '--db', db).status).toBe(0);
  return db;
}

/** Kills at a named point of the command (a real SIGKILL it sends itself there), then runs it again. */
async function killedAt(point: string, args: string[]) {
  const first = start(args, { BAOSONG_TEST_KILL_AT: point });
  const r = await first.done;
  expect(r.signal, r.out).toBe('SIGKILL');
  const again = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return again;
}

describe('killed halfway, then run again', () => {
  it('fix: ffmpeg dies with the command; the next fix passes, and nothing of the killed run is left', async () => {
    const dir = join(tempDir(), '修复 杀');
    const db = await catalogOf(dir, validBatch([microlecture('w1', '张强')]));
    // An HEVC lecture long enough to be killed mid-transcode.
    copyFileSync(clip('hevc-long.mp4'), join(dir, 'works/w1/微课.mp4'));
    const fixed = join(dir, 'c.baosong', 'fixed');
    const run = start(['fix', '--db', db, '--what', 'transcode'], { BAOSONG_X264_PRESET: 'medium' });
    await waitFor(() => existsSync(fixed) && readdirSync(fixed).some((f) => f.endsWith('.baosong-part')));
    expect(processesNaming(fixed).length).toBeGreaterThan(0);
    run.child.kill('SIGKILL');
    await run.done;
    await waitFor(() => processesNaming(fixed).length === 0, 5000);
    const again = baosong('fix', '--db', db, '--what', 'transcode');
    expect(again.status, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toContain('复查通过');
    expect(strays(fixed)).toEqual([]);
    expect(readdirSync(fixed)).toHaveLength(1);
  }, 180_000);

  it('print and mail: the folder a killed run began is taken by the next run', async () => {
    const dir = join(tempDir(), '打印 杀');
    const db = await catalogOf(dir);
    for (const [cmd, point] of [
      ['print', 'print-mid'],
      ['mail', 'mail-mid'],
    ] as const) {
      const out = join(dir, cmd);
      const again = await killedAt(point, [cmd, '--db', db, '--out', out]);
      expect(again.status, again.stdout + again.stderr).toBe(0);
      expect(strays(out)).toEqual([]);
    }
    expect(readFileSync(join(dir, 'mail', '邮件.txt'), 'utf8')).toContain('主题：');
  }, 120_000);

  it('intake: a whole-work ZIP unpack killed halfway is done again, its partial folder gone', async () => {
    const root = join(tempDir(), '收件 杀');
    const received = join(root, '收到');
    mkdirSync(join(received, '一小'), { recursive: true });
    await writeZip(join(received, '一小', '张强-春晓.zip'), {
      '微课.mp4': readFileSync(clip('lecture.mp4')),
      '作品登记表.docx': Buffer.from('x'),
      '推荐意见.docx': Buffer.from('y'),
    });
    const args = [
      'intake',
      received,
      '--plan',
      join(root, 'plan.json'),
      '--unit',
      '沈阳市教育局',
      '--kind',
      'city-major',
    ];
    const again = await killedAt('unpack-mid', args);
    expect(again.status, again.stdout + again.stderr).toBeLessThan(2);
    expect(JSON.parse(readFileSync(join(root, 'plan.json'), 'utf8')).works).toHaveLength(1);
    expect(strays(root)).toEqual([]);
  }, 120_000);

  it('province add (a folder and a ZIP), check and verify: the next run works, no re-run left running', async () => {
    const root = join(tempDir(), '省级 杀');
    const tree = await exportedTree(root, '沈阳', { name: '沈阳市教育局' }, [microlecture('w1', '张强')]);
    const province = join(root, '省级');
    let again = await killedAt('province-add-planned', [
      'province',
      'add',
      province,
      tree,
      '--unit',
      '沈阳市教育局',
      '--kind',
      'city-major',
    ]);
    expect(again.status, again.stdout + again.stderr).toBe(0);
    // A ZIP, killed while it is unpacked into the province folder.
    const zip = join(root, '大连.zip');
    // (The same tree again, as another unit's ZIP: what matters here is the unpack being killed.)
    const entries: Record<string, Buffer> = {};
    for (const f of readdirSync(tree, { recursive: true, withFileTypes: true }))
      if (f.isFile())
        entries[join(f.parentPath, f.name).slice(tree.length + 1)] = readFileSync(join(f.parentPath, f.name));
    await writeZip(zip, entries);
    again = await killedAt('unpack-mid', [
      'province',
      'add',
      province,
      zip,
      '--unit',
      '大连市教育局',
      '--kind',
      'city-major',
    ]);
    expect(again.status, again.stdout + again.stderr).toBe(0);
    expect(strays(province)).toEqual([]);

    // check and verify re-run themselves with a bounded heap: a kill of the command takes the re-run with it.
    copyFileSync(clipOf('lecture.mp4', 'big'), join(root, 'pad.mp4'));
    for (const sub of ['check', 'verify']) {
      const run = start(['province', sub, province]);
      await waitFor(() => processesNaming(province).some((p) => p.pid !== run.child.pid));
      run.child.kill('SIGKILL');
      await run.done;
      await waitFor(() => processesNaming(province).length === 0, 5000);
      const next = baosong('province', sub, province);
      expect(next.status, next.stdout + next.stderr).toBeLessThan(2);
      expect(strays(province)).toEqual([]);
    }
    writeFileSync(join(root, 'done'), '');
  }, 240_000);
});
