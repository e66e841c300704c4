// The real `baosong` command, spawned as a user would run it (compiled JavaScript, via bin/baosong.js).
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/shared/model.js';
import { microlecture, validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';

const BIN = fileURLToPath(new URL('../../bin/baosong.js', import.meta.url));
const Database = createRequire(import.meta.url)('better-sqlite3');

function baosong(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function rowCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  const out = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get()]));
  db.close();
  return out;
}

beforeAll(() => {
  if (!existsSync(new URL('../../dist/main/cli.js', import.meta.url)))
    throw new Error('run `npm run build` first (npm test does)');
});

describe('baosong', () => {
  it('prints its help in Chinese', () => {
    const r = baosong('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('baosong import BATCH.json --db CATALOG.sqlite');
    expect(baosong().code).toBe(2);
    expect(baosong('frobnicate').stderr).toContain('未知的命令');
  });

  it('imports a valid batch and checks it clean: exit 0, an empty JSON report', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.sqlite');
    const imported = baosong('import', await writeBatch(dir, validBatch()), '--db', db);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('2 件作品');
    const checked = baosong('check', '--db', db, '--json');
    expect(checked.code).toBe(0);
    const report = JSON.parse(checked.stdout) as CheckReport;
    const { confirmations, ...counts } = report;
    expect(counts).toEqual({ edition: 'liaoning-29', works: 2, errors: 0, warnings: 0, infos: 0, findings: [] });
    // The batch's ticks are recorded as the batch's, at the import.
    expect(confirmations).toHaveLength(6);
    expect(confirmations[0]).toMatchObject({
      work: 'w1',
      item: 'checklist.title-card-text',
      by: '批次文件',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const table = baosong('check', '--db', db);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('全部检查通过');
  });

  it('reports a faulty batch: exit 1, findings at the three levels with their severities', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.sqlite');
    const w1 = microlecture('w1', '张强', { title: '《小小的船》' });
    const w2 = microlecture('w2', '王芳', { share: null, checklist: {} });
    w2.authors.push({ name: '张强', unit: '沈阳市和平区第一小学' });
    const w3 = microlecture('w3', '刘洋');
    const batch = validBatch([w1, w2, w3]);
    batch.unit.kind = 'provincial';
    batch.unit.cloudCode = '';
    const file = await writeBatch(dir, batch);
    w3.files[2].path = 'works/w3/不存在.mp4';
    writeFileSync(file, JSON.stringify(batch));
    expect(baosong('import', file, '--db', db).code).toBe(0);
    const r = baosong('check', '--db', db, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as CheckReport;
    const get = (rule: string) => report.findings.filter((f) => f.rule === rule);
    expect(report.works).toBe(3);
    expect(report.errors).toBe(report.findings.filter((f) => f.severity === 'error').length);
    // batch level: no work key at all
    expect(get('unit.cloud-link')).toEqual([
      { rule: 'unit.cloud-link', severity: 'warning', message: expect.stringContaining('访问密码') },
    ]);
    // work level
    expect(get('title.brackets')).toMatchObject([{ severity: 'error', work: 'w1', title: '《小小的船》' }]);
    expect(get('authors.first-unique').map((f) => f.work)).toEqual(['w1', 'w2']);
    expect(get('share.flag')).toMatchObject([{ severity: 'error', work: 'w2' }]);
    expect(get('checklist.citations')).toMatchObject([{ severity: 'info', work: 'w2' }]);
    // file level
    expect(get('file.not-found')).toEqual([
      expect.objectContaining({ severity: 'error', work: 'w3', role: 'lecture-video', file: 'works/w3/不存在.mp4' }),
    ]);
    expect(
      report.findings
        .filter((f) => f.rule.startsWith('unit.') || f.rule.startsWith('quota.'))
        .every((f) => !('work' in f)),
    ).toBe(true);
    const table = baosong('check', '--db', db);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/【w3 《小小的船w3》 微课 · 刘洋】\n\s+错误\s+file\.not-found/);
  });

  it('refuses bad input with exit 2, the JSON path and the work key, and writes nothing', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.sqlite');
    expect(
      baosong('import', await writeBatch(dir, validBatch([microlecture('w0', '赵刚')]), 'first.json'), '--db', db).code,
    ).toBe(0);
    const before = rowCounts(db);
    const bad = validBatch();
    bad.works[1].stage = 'middle-school';
    const r = baosong('import', await writeBatch(dir, bad), '--db', db);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('works[1].stage');
    expect(r.stderr).toContain('作品 w2');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(rowCounts(db)).toEqual(before);
    writeFileSync(join(dir, 'broken.json'), '{"edition": "liaoning-29",\n  "unit": {');
    const broken = baosong('import', join(dir, 'broken.json'), '--db', db);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/第 2 行/);
    expect(rowCounts(db)).toEqual(before);
  });

  it('leaves no catalog file behind when the first import is refused', async () => {
    const dir = tempDir();
    const db = join(dir, 'new.sqlite');
    const bad = validBatch();
    bad.works[0].category = 'movie';
    const r = baosong('import', await writeBatch(dir, bad), '--db', db);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('works[0].category');
    expect(existsSync(db)).toBe(false);
    expect(existsSync(`${db}-wal`)).toBe(false);
  });

  it('refuses a batch file that is not UTF-8', async () => {
    const dir = tempDir();
    const file = join(dir, 'gbk.json');
    // "名称" in GBK inside an otherwise valid JSON string.
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('{"edition":"liaoning-29","unit":{"name":"'),
        Buffer.from([0xc3, 0xfb, 0xb3, 0xc6]),
        Buffer.from('"}}'),
      ]),
    );
    const r = baosong('import', file, '--db', join(dir, 'c.sqlite'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是 UTF-8 编码');
  });

  it('cannot check what is not there: exit 2, a message, no stack trace', () => {
    const dir = tempDir();
    const r = baosong('check', '--db', join(dir, 'none.sqlite'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到目录文件');
    expect(existsSync(join(dir, 'none.sqlite'))).toBe(false);
    expect(baosong('check').code).toBe(2);
  });

  it('sets the cloud-drive link and code of the unit', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.sqlite');
    const batch = validBatch();
    batch.unit.cloudLink = '';
    baosong('import', await writeBatch(dir, batch), '--db', db);
    const r = baosong('unit', '--db', db, '--cloud-link', 'https://pan.baidu.com/s/1xyz', '--cloud-code', 'k9k9');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('云盘链接地址：https://pan.baidu.com/s/1xyz');
    const report = JSON.parse(baosong('check', '--db', db, '--json').stdout) as CheckReport;
    expect(report.findings.filter((f) => f.rule === 'unit.cloud-link')).toEqual([]);
  });
});

describe('baosong check on real media', () => {
  it('finds the iPhone clip, the GBK archive and the encrypted PDF; a warm re-check answers the same from the cache', async () => {
    const { copyFileSync } = await import('node:fs');
    const { FIXTURES } = await import('../helpers/files.js');
    const dir = tempDir();
    const db = join(dir, 'c.sqlite');
    const w = microlecture('w1', '张强');
    const file = await writeBatch(dir, validBatch([w]));
    copyFileSync(join(FIXTURES, 'mp4_iphone_hevc10_aac_quicktime_brand_rotated.mp4'), join(dir, 'works/w1/微课.mp4'));
    copyFileSync(join(FIXTURES, 'zip_gbk_names_no_utf8_flag_7zip.zip'), join(dir, 'works/w1/相关材料.zip'));
    copyFileSync(join(FIXTURES, 'pdf_encrypted_rc4_empty_user_password.pdf'), join(dir, 'works/w1/推荐意见.pdf'));
    expect(baosong('import', file, '--db', db).code).toBe(0);
    const first = baosong('check', '--db', db, '--json');
    expect(first.code).toBe(1);
    const report = JSON.parse(first.stdout) as CheckReport;
    const rules = report.findings.map((f) => `${f.rule}@${f.role}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        'video.container@lecture-video',
        'video.codec-playable@lecture-video',
        'video.title-card@lecture-video',
        'zip.legacy-names@materials',
        'pdf.encrypted@recommendation-scan',
      ]),
    );
    expect(report.findings.find((f) => f.rule === 'zip.legacy-names')!.message).toContain('fff - 副本.txt');
    const again = baosong('check', '--db', db, '--json');
    expect(JSON.parse(again.stdout)).toEqual(report);
    const rows = new Database(db, { readonly: true }).prepare('SELECT count(*) FROM probe_cache').pluck().get();
    expect(rows).toBe(8);
  });
});

describe('options belong to their command', () => {
  it("an option of another command, an unknown one or a missing value is said in Chinese (exit 2); the version is the package's", async () => {
    const cases: [string[], string][] = [
      [
        ['check', '--db', 'x.sqlite', '--zip', 'y.zip'],
        '错误：check 没有选项 --zip(它是 export 的选项)；check 的选项：--db --json',
      ],
      [
        ['verify', 'DIR', '--db', 'x.sqlite'],
        '错误：verify 没有选项 --db(它是 import、check、unit、export、preflight、print、mail、intake、fix 的选项)；verify 不接受选项',
      ],
      [['check', '--bogus'], '错误：check 没有选项 --bogus；check 的选项：--db --json'],
      [['export', '--db'], '错误：选项 --db 后面要跟一个值'],
      [['check', '--json=yes'], '错误：选项 --json 不带值'],
      [['nosuch'], '错误：未知的命令“nosuch”'],
      // A value the API refuses is said by the option that gave it.
      [['province', 'add', 'P', 'T', '--unit', '长'.repeat(101)], '错误：--unit 太长：最多 100 个字符'],
    ];
    for (const [args, said] of cases) {
      const r = baosong(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0], args.join(' ')).toBe(said);
      expect(r.stderr).not.toMatch(/Unknown option|ERR_PARSE_ARGS|at .*\.js:\d+/);
    }
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(baosong('--version').stdout.trim()).toBe(pkg.version);
  });
});

describe('a refusal is data, worded by each front end', () => {
  it('export with errors: the API says why and which option overrides it; the CLI words it as its flag', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.sqlite');
    const batch = await writeBatch(join(dir, 'b'), validBatch([microlecture('w1', '张强', { title: '《小小的船》' })]));
    expect(baosong('import', batch, '--db', db).code).toBe(0);
    const r = baosong('export', '--db', db, '--out', join(dir, '导出'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^错误：还有 \d+ 个错误，未导出：修正后再导出，或加 --allow-errors 强制导出$/m);
    const { localClient } = await import('../../src/main/api/dispatch.js');
    const { createSession, closeSession } = await import('../../src/main/api/handlers.js');
    const session = createSession();
    const api = localClient(session);
    await api.call('catalog.open', { path: db });
    const refused = await api.call('export.run', { out: join(dir, '导出') });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'refused', refusal: { kind: 'errors-remain', override: 'allowErrors' } },
    });
    expect(refused.ok ? '' : refused.error.message).not.toMatch(/--|有错误也导出/);
    closeSession(session);
  });
});
