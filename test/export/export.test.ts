// Export as CONTRACT.md says: the real CLI on a real batch; manifest, verify, refusals, re-export and kills.
import { fileURLToPath } from 'node:url';
import { spawnSync, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  rmSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { beforeAll, describe, expect, it } from 'vitest';
import { microlecture, validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';

const BIN = fileURLToPath(new URL('../../bin/baosong.js', import.meta.url));

function baosong(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const hasSha256sum = spawnSync('sha256sum', ['--version']).status === 0;

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

/** A batch on disk with a catalog, ready to export: two micro-lectures, everything valid. */
async function ready(extra?: (b: ReturnType<typeof validBatch>) => void) {
  const dir = tempDir();
  const batch = validBatch([microlecture('w1', '张强'), microlecture('w2', '王芳')]);
  extra?.(batch);
  const file = await writeBatch(dir, batch);
  const db = join(dir, 'c.sqlite');
  expect(baosong(['import', file, '--db', db]).code).toBe(0);
  return { dir, db, out: join(dir, '导出') };
}

let shared: Awaited<ReturnType<typeof ready>>;
beforeAll(async () => {
  shared = await ready();
});

describe('baosong export', () => {
  it('builds the tree, a sha256sum-compatible manifest, and verify agrees; sources keep bytes and mtimes', async () => {
    const { dir, db, out } = await ready();
    const sources = walk(dir, 'works/').map((r) => join(dir, r));
    const before = sources.map((p) => [sha(p), statSync(p).mtimeMs]);
    const r = baosong(['export', '--db', db, '--out', out]);
    expect(r.stderr).not.toMatch(/错误/);
    expect(r.code).toBe(0);
    const tree = walk(out).sort();
    expect(tree).toEqual(
      [
        '2微课/1-张强-小小的船w1/作品登记表.docx',
        '2微课/1-张强-小小的船w1/作品登记表.pdf',
        '2微课/1-张强-小小的船w1/微课视频.mp4',
        '2微课/1-张强-小小的船w1/推荐意见.docx',
        '2微课/1-张强-小小的船w1/推荐意见.pdf',
        '2微课/1-张强-小小的船w1/相关材料.zip',
        '2微课/2-王芳-小小的船w2/作品登记表.docx',
        '2微课/2-王芳-小小的船w2/作品登记表.pdf',
        '2微课/2-王芳-小小的船w2/微课视频.mp4',
        '2微课/2-王芳-小小的船w2/推荐意见.docx',
        '2微课/2-王芳-小小的船w2/推荐意见.pdf',
        '2微课/2-王芳-小小的船w2/相关材料.zip',
        'manifest.sha256',
        '云盘报送要求(盖章).pdf',
        '云盘报送要求.docx',
        '作品汇总表(盖章).pdf',
        '作品汇总表.xlsx',
        '市级(校级)工作报告(盖章).pdf',
        '市级(校级)工作报告.docx',
        '组织单位及联系人信息表(盖章).pdf',
        '组织单位及联系人信息表.docx',
      ].sort(),
    );
    expect(readFileSync(join(out, '2微课/1-张强-小小的船w1/微课视频.mp4'))).toEqual(
      readFileSync(join(dir, 'works/w1/微课.mp4')),
    );
    if (hasSha256sum) expect(spawnSync('sha256sum', ['--quiet', '-c', 'manifest.sha256'], { cwd: out }).status).toBe(0);
    expect(baosong(['verify', out]).code).toBe(0);
    expect(sources.map((p) => [sha(p), statSync(p).mtimeMs])).toEqual(before);
    // Nothing else is written beside DIR.
    expect(readdirSync(dir).filter((n) => n.includes('baosong-'))).toEqual([]);
  });

  it('verify fails after one byte changes and passes after a re-export; an unchanged catalog re-exports to the same manifest', async () => {
    const { db, out } = await ready();
    expect(baosong(['export', '--db', db, '--out', out]).code).toBe(0);
    const manifest = readFileSync(join(out, 'manifest.sha256'), 'utf8');
    const forms = ['作品汇总表.xlsx', '云盘报送要求.docx', '2微课/1-张强-小小的船w1/作品登记表.docx'].map((r) =>
      sha(join(out, r)),
    );
    const again = baosong(['export', '--db', db, '--out', out]);
    expect(again.stdout).toContain('已是最新');
    expect(readFileSync(join(out, 'manifest.sha256'), 'utf8')).toBe(manifest);
    const video = join(out, '2微课/1-张强-小小的船w1/微课视频.mp4');
    const bytes = readFileSync(video);
    bytes[1000] = bytes[1000]! ^ 0xff;
    writeFileSync(video, bytes);
    const bad = baosong(['verify', out]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('已改动  2微课/1-张强-小小的船w1/微课视频.mp4');
    appendFileSync(join(out, 'extra.txt'), 'x');
    expect(baosong(['verify', out]).stdout).toContain('多出    extra.txt');
    // A file put in after the export is not ours: the export, which replaces the whole folder, refuses and names it.
    const refused = baosong(['export', '--db', db, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('上次导出之后放进去的文件：extra.txt');
    expect(readFileSync(join(out, 'extra.txt'), 'utf8')).toBe('x');
    rmSync(join(out, 'extra.txt'));
    // The changed copy no longer matches its record, so it is copied again.
    expect(baosong(['export', '--db', db, '--out', out]).code).toBe(0);
    expect(baosong(['verify', out]).code).toBe(0);
    expect(readFileSync(join(out, 'manifest.sha256'), 'utf8')).toBe(manifest);
    expect(
      ['作品汇总表.xlsx', '云盘报送要求.docx', '2微课/1-张强-小小的船w1/作品登记表.docx'].map((r) => sha(join(out, r))),
    ).toEqual(forms);
  });

  it('refuses a folder it did not make, and refuses while errors remain (exit 1, listed)', async () => {
    const { db, dir } = await ready();
    const other = join(dir, 'mine');
    mkdirSync(other);
    writeFileSync(join(other, '重要.docx'), 'x');
    const r = baosong(['export', '--db', db, '--out', other]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是空的');
    expect(readdirSync(other)).toEqual(['重要.docx']);
    const faulty = await ready((b) => (b.works[0].title = '《小小的船》'));
    const refused = baosong(['export', '--db', faulty.db, '--out', faulty.out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('title.brackets');
    expect(existsSync(faulty.out)).toBe(false);
    expect(baosong(['export', '--db', faulty.db, '--out', faulty.out, '--allow-errors']).code).toBe(0);
  });

  it('writes the tree as one UTF-8 ZIP with --zip', async () => {
    const { db, out, dir } = await ready();
    const zipFile = join(dir, '报送.zip');
    expect(baosong(['export', '--db', db, '--out', out, '--zip', zipFile]).code).toBe(0);
    const names: { name: string; utf8: boolean }[] = [];
    await new Promise<void>((resolve, reject) =>
      yauzl.open(zipFile, { lazyEntries: true }, (err, zip) => {
        if (err || !zip) return reject(err);
        zip.on('entry', (e: yauzl.Entry) => {
          names.push({ name: e.fileName, utf8: (e.generalPurposeBitFlag & 0x800) !== 0 });
          zip.readEntry();
        });
        zip.on('end', () => resolve());
        zip.readEntry();
      }),
    );
    expect(names.map((n) => n.name).sort()).toEqual(walk(out).sort());
    // Every non-ASCII name carries the UTF-8 flag (ASCII names need none).
    expect(names.filter((n) => /[^\x00-\x7f]/.test(n.name)).every((n) => n.utf8)).toBe(true);
    expect(names.some((n) => n.name.startsWith('2微课/'))).toBe(true);
  });
});

describe('a kill at any point leaves a whole tree, and the next run completes', () => {
  for (const point of ['after-forms', 'mid-copy', 'before-swap', 'mid-move', 'mid-swap']) {
    it(point, async () => {
      const { db, out, dir } = await ready();
      expect(baosong(['export', '--db', db, '--out', out]).code).toBe(0);
      const oldManifest = readFileSync(join(out, 'manifest.sha256'), 'utf8');
      // A new source file for w2 (copied) while w1's stay (reused), and a changed form (the cloud code).
      writeFileSync(join(dir, 'works/w2/相关材料.zip'), readFileSync(join(dir, 'works/w1/相关材料.zip')));
      appendFileSync(join(dir, 'works/w2/登记表.pdf'), '\n% rescanned\n');
      expect(baosong(['unit', '--db', db, '--cloud-code', 'zz99']).code).toBe(0);
      const killed = baosong(['export', '--db', db, '--out', out], { BAOSONG_TEST_KILL_AT: point });
      expect(killed.signal).toBe('SIGKILL');
      if (['after-forms', 'mid-copy', 'before-swap'].includes(point)) {
        // Phase A: DIR still holds the old tree, whole.
        expect(readFileSync(join(out, 'manifest.sha256'), 'utf8')).toBe(oldManifest);
        expect(baosong(['verify', out]).code).toBe(0);
      } else {
        // Phase B (renames only): verify says the swap must be finished first.
        expect(baosong(['verify', out]).code).toBe(2);
      }
      expect(baosong(['export', '--db', db, '--out', out]).code).toBe(0);
      expect(baosong(['verify', out]).code).toBe(0);
      expect(readFileSync(join(out, 'manifest.sha256'), 'utf8')).not.toBe(oldManifest);
      expect(readdirSync(dir).filter((n) => n.includes('baosong-'))).toEqual([]);
      if (hasSha256sum)
        expect(execFileSync('sha256sum', ['--quiet', '-c', 'manifest.sha256'], { cwd: out }).toString()).toBe('');
    });
  }
});

describe('shared export', () => {
  it('exports once more into the shared catalog for the forms tests', () => {
    expect(baosong(['export', '--db', shared.db, '--out', shared.out]).code).toBe(0);
  });
});

describe('cancel', () => {
  it('a cancelled export leaves the previous tree as it was and no staging folder', async () => {
    const { localClient } = await import('../../src/main/api/dispatch.js');
    const { createSession, closeSession } = await import('../../src/main/api/handlers.js');
    const { db, out, dir } = await ready();
    expect(baosong(['export', '--db', db, '--out', out]).code).toBe(0);
    const manifest = readFileSync(join(out, 'manifest.sha256'), 'utf8');
    appendFileSync(join(dir, 'works/w2/微课.mp4'), Buffer.alloc(1024));
    const session = createSession();
    const api = localClient(session);
    expect((await api.call('catalog.open', { path: db })).ok).toBe(true);
    const controller = new AbortController();
    const r = await api.call(
      'export.run',
      { out },
      { signal: controller.signal, onProgress: (p) => p.phase === 'forms' && controller.abort() },
    );
    closeSession(session);
    expect(r).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(readFileSync(join(out, 'manifest.sha256'), 'utf8')).toBe(manifest);
    expect(readdirSync(dir).filter((n) => n.includes('baosong-'))).toEqual([]);
  });
});

describe('a busy export folder', () => {
  it('(a folder another program holds, as on Windows) keeps the previous export and says what to close', async () => {
    const { db, out, dir } = await ready();
    expect(baosong(['export', '--db', db, '--out', out]).code).toBe(0);
    const manifest = readFileSync(join(out, 'manifest.sha256'), 'utf8');
    expect(baosong(['unit', '--db', db, '--cloud-code', 'qq11']).code).toBe(0);
    const r = baosong(['export', '--db', db, '--out', out], { BAOSONG_TEST_BUSY: out });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法替换导出文件夹');
    expect(readFileSync(join(out, 'manifest.sha256'), 'utf8')).toBe(manifest);
    expect(baosong(['verify', out]).code).toBe(0);
    expect(readdirSync(dir).filter((n) => n.includes('baosong-'))).toEqual([]);
    expect(baosong(['export', '--db', db, '--out', out]).code).toBe(0);
    expect(readFileSync(join(out, 'manifest.sha256'), 'utf8')).not.toBe(manifest);
  });
});
