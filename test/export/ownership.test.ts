// No command destroys a file it did not make: an export replaces only a folder this catalog exported (its own
// manifest, nothing added since); no output (export folder, --zip, --plan, print and mail folders) may be, hold or
// lie inside a source or the catalog; an existing file is replaced only when it is this tool's unchanged output.
// After each refusal, every source and the catalog are byte-identical.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { microlecture, validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';

const BIN = fileURLToPath(new URL('../../bin/baosong.js', import.meta.url));
const baosong = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

let dir: string;
let db: string;

/** Every file below root with its SHA-256 (the catalog's WAL checkpointed first by closing it: nothing holds it). */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of readdirSync(root, { recursive: true }).map(String)) {
    const p = join(root, rel);
    if (statSync(p).isFile()) out[rel] = createHash('sha256').update(readFileSync(p)).digest('hex');
  }
  return out;
}

/** Runs a command that must be refused (exit 2, the message containing `says`) and change nothing under `root`. */
function refused(root: string, says: string, ...args: string[]) {
  const before = snapshot(root);
  const r = baosong(...args);
  expect(r.stderr, r.stdout).toContain(says);
  expect(r.stderr).not.toMatch(/内部错误|at .*\.js:\d+/);
  expect(r.status).toBe(2);
  expect(snapshot(root)).toEqual(before);
}

beforeAll(async () => {
  dir = join(tempDir('baosong-own-'), '报送 材料');
  mkdirSync(dir, { recursive: true });
  const file = await writeBatch(dir, validBatch([microlecture('w1', '张强'), microlecture('w2', '王芳')]));
  db = join(dir, 'catalog.sqlite');
  expect(baosong('import', file, '--db', db).status).toBe(0);
}, 60_000);

describe('an export folder is ours only if this catalog exported it', () => {
  it('refuses a folder of the user with a manifest.sha256 of their own (sha256sum)', () => {
    const mine = join(dir, '我的资料');
    mkdirSync(mine);
    writeFileSync(join(mine, '重要.docx'), 'x');
    writeFileSync(join(mine, '照片.jpg'), 'y');
    writeFileSync(
      join(mine, 'manifest.sha256'),
      execFileSync('sha256sum', ['重要.docx', '照片.jpg'], { cwd: mine, encoding: 'utf8' }),
    );
    refused(dir, '不是用这个目录文件导出的', 'export', '--db', db, '--out', mine);
    const p = JSON.parse(baosong('preflight', '--db', db, '--out', mine, '--json').stdout);
    expect(p.state).toBe('refused');
  });

  it('refuses a previous export whose manifest was replaced, or with files put in since; takes it back when cleaned', () => {
    const out = join(dir, '导出');
    expect(baosong('export', '--db', db, '--out', out).status).toBe(0);
    const manifest = readFileSync(join(out, 'manifest.sha256'), 'utf8');
    writeFileSync(join(out, 'manifest.sha256'), `${manifest}${'0'.repeat(64)}  别的.txt\n`);
    refused(dir, '与上次导出时写的不同', 'export', '--db', db, '--out', out);
    writeFileSync(join(out, 'manifest.sha256'), manifest);
    writeFileSync(join(out, '2微课', '备注.txt'), '我的笔记');
    refused(dir, '上次导出之后放进去的文件：2微课/备注.txt', 'export', '--db', db, '--out', out);
    spawnSync('rm', [join(out, '2微课', '备注.txt')]);
    expect(baosong('export', '--db', db, '--out', out).status).toBe(0);
  });

  it('refuses a received export taken in with intake: its sources are inside the folder', async () => {
    // Another unit's export, received and taken in: the works' sources now live inside that folder.
    const other = join(dir, '收到的导出');
    const src = join(dir, '另一单位');
    mkdirSync(src);
    const batch = await writeBatch(src, validBatch([microlecture('x1', '李雷')]));
    expect(baosong('import', batch, '--db', join(src, 'c.sqlite')).status).toBe(0);
    expect(baosong('export', '--db', join(src, 'c.sqlite'), '--out', other).status).toBe(0);
    const plan = join(dir, '收件', 'plan.json');
    const taken = join(dir, '收件.sqlite');
    expect(baosong('intake', other, '--plan', plan).status).toBe(0);
    expect(baosong('import', plan, '--db', taken).status).toBe(0);
    refused(dir, '里面有作品', 'export', '--db', taken, '--out', other, '--allow-errors');
    expect(baosong('verify', other).status).toBe(0);
  }, 60_000);
});

describe('no output may be, hold or lie inside a source or the catalog', () => {
  it('export: a folder holding the sources or the catalog', () => {
    refused(dir, '里面有', 'export', '--db', db, '--out', join(dir, 'works'));
    refused(dir, '里面有目录文件', 'export', '--db', db, '--out', dir);
  });

  it('--zip: a source video, the catalog, a file of the user; our own earlier ZIP is replaced', () => {
    const out = join(dir, '导出-zip');
    refused(dir, '就是作品 w1', 'export', '--db', db, '--out', out, '--zip', join(dir, 'works/w1/微课.mp4'));
    refused(dir, '就是目录文件', 'export', '--db', db, '--out', out, '--zip', db);
    writeFileSync(join(dir, '别人的.zip'), 'PK');
    refused(
      dir,
      '已经存在，不是报送助手上次生成的',
      'export',
      '--db',
      db,
      '--out',
      out,
      '--zip',
      join(dir, '别人的.zip'),
    );
    const zip = join(dir, '云盘上传.zip');
    expect(baosong('export', '--db', db, '--out', out, '--zip', zip).status).toBe(0);
    expect(baosong('export', '--db', db, '--out', out, '--zip', zip).status).toBe(0);
    expect(readFileSync(zip).subarray(0, 2).toString()).toBe('PK');
  }, 60_000);

  it('intake --plan: the catalog, a source video, a plan the user edited; its own unchanged plan is replaced', () => {
    const received = join(dir, 'works');
    refused(dir, '不是报送助手上次生成的', 'intake', received, '--plan', db);
    refused(dir, '不是报送助手上次生成的', 'intake', received, '--plan', join(dir, 'works/w2/微课.mp4'));
    const plan = join(dir, '计划', 'plan.json');
    expect(baosong('intake', received, '--plan', plan).status).toBe(0);
    expect(baosong('intake', received, '--plan', plan).status).toBe(0);
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('"works"', '"works" ')); // the user's edit
    refused(dir, '之后被编辑过', 'intake', received, '--plan', plan);
  });

  it('print and mail: a folder holding a source or the catalog', () => {
    refused(dir, '打印文件夹', 'print', '--db', db, '--out', join(dir, 'works', 'w1'));
    refused(dir, '邮件文件夹', 'mail', '--db', db, '--out', dir);
  });
});

describe('what stays', () => {
  it('the catalog still opens and checks after all of it', () => {
    expect(existsSync(db)).toBe(true);
    expect([0, 1]).toContain(baosong('check', '--db', db).status);
    copyFileSync(db, join(dir, 'copy.sqlite'));
  });
});
