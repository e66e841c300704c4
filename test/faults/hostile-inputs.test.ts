// Issue 25's hostile inputs: a summary of a million rows, a Word form of 200,000 unclosed rows, a pipe and a link to
// /dev/zero in a unit's tree, a bad character reference, a formula without its result, a right-to-left override in a
// title, an encrypted whole-work ZIP, catalogs that cannot be opened, a full disk. Each is bounded, said in Chinese,
// and names the file — never a hang, English or 内部错误.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rowsOfXml } from '../../src/main/province/forms-read.js';
import { readSummary } from '../../src/main/intake/summary.js';
import { safeName } from '../../src/shared/rules/naming.js';
import { microlecture } from '../helpers/batch.js';
import { tempDir, writeZip } from '../helpers/files.js';
import { clip, clipOf } from '../helpers/media.js';
import { baosong, exportedTree } from '../helpers/province.js';

/** An .xlsx with one sheet of `rows` rows, written as its parts (no library holds a million rows in memory). */
async function hugeXlsx(path: string, rows: number): Promise<void> {
  const head = '<?xml version="1.0" encoding="UTF-8"?>';
  const sheet = [`${head}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`];
  sheet.push(
    '<row r="1"><c r="A1" t="inlineStr"><is><t>作品名称</t></is></c><c r="B1" t="inlineStr"><is><t>作者姓名</t></is></c></row>',
  );
  for (let r = 2; r <= rows; r += 1)
    sheet.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>作品${r}</t></is></c></row>`);
  sheet.push('</sheetData></worksheet>');
  await writeZip(path, {
    '[Content_Types].xml': `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${head}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="汇总" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': Buffer.from(sheet.join('')),
  });
}

const noEnglish = (text: string) => {
  expect(text).not.toMatch(
    /内部错误|Error:|(?<!\()(ENOENT|EISDIR|SQLITE_)|Too big|expected string|Invalid code point|at [\w.]+ \(/,
  );
};

describe('a summary table (case 12, 22)', () => {
  it('of 1,000,000 rows is refused in under 10 s, naming the file (intake and province add read it through readSummary)', async () => {
    const dir = tempDir();
    const file = join(dir, '作品汇总表.xlsx');
    await hugeXlsx(file, 1_000_000);
    const t0 = Date.now();
    await expect(readSummary(file)).rejects.toThrow(
      /作品汇总表 .*作品汇总表\.xlsx (一个工作表中超过 10000 行|其中的 xl\/worksheets\/sheet1\.xml 解压后超过 64 MB)：这不像单位的作品汇总表，没有读取/,
    );
    expect(Date.now() - t0).toBeLessThan(10_000);
  }, 120_000);

  it('says a formula without its result instead of dropping the row', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('汇总');
    ws.addRow(['序号', '作品名称', '作者姓名']);
    ws.addRow([1, '春晓', '张强']);
    ws.addRow([2, { formula: 'CONCATENATE("静","夜思")' }, '王芳']);
    const file = join(dir, '作品汇总表.xlsx');
    await wb.xlsx.writeFile(file);
    const s = await readSummary(file);
    // The row is kept (its authors are there), and what could not be read is said.
    expect(s.rows.map((r) => [r.title, r.authors])).toEqual([
      ['春晓', ['张强']],
      ['', ['王芳']],
    ]);
    expect(s.problems).toEqual(['第 3 行 B3 是公式，但文件中没有它的计算结果(请在 Excel 或 WPS 中打开后保存一次)']);
  });
});

describe('a Word form (case 13, 21)', () => {
  it('of 200,000 unclosed rows is read in one pass; a bad character reference is U+FFFD, not a refusal', () => {
    const xml = `<w:document><w:body>${'<w:tr>'.repeat(200_000)}</w:body></w:document>`;
    const t0 = Date.now();
    expect(rowsOfXml(xml)).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(2000);
    const form =
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>组织单位名称</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>沈阳&#1114112;市&#x41;</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
    expect(rowsOfXml(form)).toEqual([['组织单位名称', '沈阳\uFFFD市A']]);
  });
});

describe("a unit's tree (case 14)", () => {
  it('with a pipe and a link to /dev/zero: province add and verify finish, and name them', async () => {
    const root = join(tempDir(), '省 级');
    const tree = await exportedTree(root, '沈阳', { name: '沈阳市教育局' }, [microlecture('w1', '张强')]);
    execFileSync('mkfifo', [join(tree, '管道')]);
    symlinkSync('/dev/zero', join(tree, '零.mp4'));
    const province = join(root, '省级');
    const add = baosong('province', 'add', province, tree, '--unit', '沈阳市教育局', '--kind', 'city-major');
    expect(add.status, add.stderr).toBe(0);
    expect(add.stdout).toContain('未读取的特殊文件：管道(管道(FIFO))、零.mp4(指向设备或管道的链接)');
    const verify = baosong('province', 'verify', province);
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    const intake = baosong('intake', tree, '--plan', join(root, 'plan.json'));
    expect(intake.status).toBeLessThan(2);
    expect(intake.stdout).toMatch(/管道：管道\(FIFO\)：没有读取/);
  }, 120_000);
});

describe('a whole-work ZIP that cannot be unpacked (case 10)', () => {
  it('is counted as received and not read, and the command exits 1', async () => {
    const root = tempDir();
    const received = join(root, '收到');
    mkdirSync(join(received, '一小'), { recursive: true });
    for (const name of ['张强-春晓', '王芳-静夜思']) {
      mkdirSync(join(received, '一小', name));
      writeFileSync(join(received, '一小', name, '微课.mp4'), readFileSync(clipOf('lecture.mp4', name)));
    }
    // An encrypted ZIP, as 7-Zip or WinRAR makes one with a password: its entries' flag bit 0.
    const zip = join(received, '一小', '陈刚-认识钟表.zip');
    await writeZip(zip, { '微课.mp4': readFileSync(clip('lecture.mp4')), '作品登记表.docx': 'x' });
    const bytes = readFileSync(zip);
    for (let at = bytes.indexOf('PK\x01\x02'); at >= 0; at = bytes.indexOf('PK\x01\x02', at + 4))
      bytes.writeUInt16LE(bytes.readUInt16LE(at + 8) | 1, at + 8);
    for (let at = bytes.indexOf('PK\x03\x04'); at >= 0; at = bytes.indexOf('PK\x03\x04', at + 4))
      bytes.writeUInt16LE(bytes.readUInt16LE(at + 6) | 1, at + 6);
    writeFileSync(zip, bytes);
    const r = baosong(
      'intake',
      received,
      '--plan',
      join(root, 'plan.json'),
      '--unit',
      '沈阳市教育局',
      '--kind',
      'city-major',
    );
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain('收到 3 件，其中 1 件未能读取，没有列入计划');
    expect(r.stdout).toMatch(/一小\/陈刚-认识钟表\.zip：整件作品的压缩包无法解压\(.*加密/);
  }, 60_000);
});

describe('a catalog that cannot be opened (case 21, 22)', () => {
  it('says which of the reasons it is, and that the file is untouched', async () => {
    const dir = tempDir();
    const cases: [string, () => string, RegExp][] = [
      [
        'a folder',
        () => (mkdirSync(join(dir, '文件夹.sqlite')), join(dir, '文件夹.sqlite')),
        /是一个文件夹，不是目录文件/,
      ],
      ['0 bytes', () => (writeFileSync(join(dir, '空.sqlite'), ''), join(dir, '空.sqlite')), /是一个空文件\(0 字节\)/],
      [
        'not SQLite',
        () => (writeFileSync(join(dir, '文本.sqlite'), 'x'.repeat(4096)), join(dir, '文本.sqlite')),
        /不是 SQLite 数据库/,
      ],
    ];
    for (const [what, make, expected] of cases) {
      const path = make();
      const before = what === 'a folder' ? -1 : readFileSync(path).length;
      const r = baosong('check', '--db', path);
      expect(r.status, what).toBe(2);
      expect(r.stderr, what).toMatch(expected);
      expect(r.stderr, what).toContain('文件未做任何改动');
      noEnglish(r.stderr);
      if (before >= 0) expect(readFileSync(path).length).toBe(before);
    }
  });

  it('on a full disk: an edit says 磁盘已满 and the catalog keeps what it had (a real tmpfs; skipped where mount is not allowed)', async () => {
    const mnt = join(tempDir(), '满的盘');
    mkdirSync(mnt);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt]).status === 0;
    if (!mounted) return void console.warn('skipped: mount -t tmpfs is not allowed here');
    const { localClient } = await import('../../src/main/api/dispatch.js');
    const { closeSession, createSession } = await import('../../src/main/api/handlers.js');
    const session = createSession();
    try {
      const api = localClient(session);
      expect((await api.call('catalog.open', { path: join(mnt, 'c.sqlite'), create: true })).ok).toBe(true);
      expect((await api.call('unit.update', { name: '沈阳市教育局', kind: 'city-major' })).ok).toBe(true);
      // Fill the disk, then write a long comment to many works.
      try {
        writeFileSync(join(mnt, 'filler'), Buffer.alloc(2 * 1024 * 1024));
      } catch {
        // full: as meant
      }
      let last: { ok: boolean; error?: { message: string } } = { ok: true };
      for (let i = 0; i < 200 && last.ok; i += 1)
        last = await api.call('works.create', {
          category: 'microlecture',
          stage: 'primary',
          title: `作品${i}`.repeat(1000),
        });
      expect(last.ok).toBe(false);
      expect(last.error!.message).toMatch(/磁盘已满/);
      noEnglish(last.error!.message);
      const unit = await api.call('unit.get', {});
      expect(unit.ok && unit.value?.name).toBe('沈阳市教育局');
      closeSession(session);
      // The same disk made read-only (a write-protected stick): the catalog says so, and is untouched.
      expect(spawnSync('mount', ['-o', 'remount,ro', mnt]).status).toBe(0);
      const ro = baosong('unit', '--db', join(mnt, 'c.sqlite'), '--cloud-code', 'zz12');
      expect(ro.status).toBe(2);
      expect(ro.stderr).toMatch(/目录文件 .*c\.sqlite：.*只读.*(文件未做任何改动|此前的内容不受影响)/);
      noEnglish(ro.stderr);
    } finally {
      closeSession(session);
      spawnSync('umount', [mnt]);
    }
  });

  it('held by another program: says it is in use (after waiting a moment), not that it is broken', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.sqlite');
    expect(baosong('unit', '--db', db).status).toBe(2);
    const { validBatch, writeBatch } = await import('../helpers/batch.js');
    expect(baosong('import', await writeBatch(dir, validBatch()), '--db', db).status).toBe(0);
    const { spawn } = await import('node:child_process');
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(db)}); db.exec('BEGIN EXCLUSIVE'); db.exec("UPDATE unit SET contact = '占用'"); console.log('held'); setTimeout(() => {}, 20000);`,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise((r) => holder.stdout!.once('data', r));
    try {
      const r = baosong('unit', '--db', db, '--cloud-code', 'zz12');
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/正被其他程序占用/);
      expect(r.stderr).not.toMatch(/不是 SQLite|损坏/);
      noEnglish(r.stderr);
    } finally {
      holder.kill('SIGKILL');
    }
  }, 60_000);
});

describe('a title (case 22)', () => {
  it('with a right-to-left override never reaches a folder name', () => {
    const s = safeName('作品\u202Egpj.exe');
    expect(s.name).toBe('作品gpj.exe');
    expect(s.changes[0]).toMatchObject({ from: 'U+202E', why: '改变文字方向或不可见的控制符' });
  });
});

describe('the validator and ffmpeg (case 21, 22)', () => {
  it("never passes zod's English on: a value past its limit is said in Chinese", async () => {
    const { localClient } = await import('../../src/main/api/dispatch.js');
    const { closeSession, createSession } = await import('../../src/main/api/handlers.js');
    const session = createSession();
    const api = localClient(session);
    await api.call('catalog.open', { path: join(tempDir(), 'c.sqlite'), create: true });
    const r = await api.call('unit.update', { name: '沈阳'.repeat(20_000), kind: 'city-major' });
    expect(!r.ok && r.error.message).toBe('unit.update 的参数有误：name：太长：最多 20000 个字符');
    const n = await api.call('works.remove', { ids: [] });
    expect(!n.ok && n.error.message).toContain('至少需要 1 项');
    closeSession(session);
  });

  it('fix exits 2 when ffmpeg itself fails, saying so in Chinese', async () => {
    const dir = join(tempDir(), '坏的 ffmpeg');
    const { writeBatch, validBatch } = await import('../helpers/batch.js');
    const file = await writeBatch(dir, validBatch([microlecture('w1', '张强')]));
    writeFileSync(join(dir, 'works/w1/微课.mp4'), readFileSync(clip('quicktime.mp4')));
    const db = join(dir, 'c.sqlite');
    expect(baosong('import', file, '--db', db).status).toBe(0);
    // An ffmpeg that fails whenever it is asked to make a file (its -progress runs), and works for the check.
    const { ffmpegBin } = await import('../../src/main/inspect/tools.js');
    const broken = join(dir, 'ffmpeg');
    writeFileSync(
      broken,
      `#!/bin/sh\ncase "$*" in *-progress*) echo "Conversion failed!" >&2; exit 1;; esac\nexec "${ffmpegBin()}" "$@"\n`,
      { mode: 0o755 },
    );
    const { spawnSync: run } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const r = run(
      process.execPath,
      [fileURLToPath(new URL('../../bin/baosong.js', import.meta.url)), 'fix', '--db', db, '--what', 'remux'],
      { encoding: 'utf8', env: { ...process.env, BAOSONG_FFMPEG: broken } },
    );
    expect(r.status, r.stdout + r.stderr).toBe(2);
    expect(r.stdout).toContain('未能修复：ffmpeg 处理失败(退出码 1)');
    expect(readdirSync(join(dir, 'c.baosong', 'fixed')).filter((f) => !f.startsWith('.'))).toEqual([]);
  }, 60_000);
});

describe('a ZIP bomb (case 18)', () => {
  it('a few MB that would unpack to gigabytes is refused before anything is written', async () => {
    const root = tempDir();
    const zip = join(root, '单位.zip');
    const { createWriteStream } = await import('node:fs');
    const { ZipArchive } = await import('archiver');
    const { Readable } = await import('node:stream');
    // 1 GB of zeros deflate to ~1 MB (the case: a 3 MB ZIP that unpacks to 3.1 GB).
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(zip);
      const z = new ZipArchive({ zlib: { level: 9 } });
      out.on('close', () => resolve());
      z.on('error', reject);
      z.pipe(out);
      let left = 1024 ** 3;
      const chunk = Buffer.alloc(4 * 1024 * 1024);
      z.append(
        Readable.from(
          (function* () {
            while (left > 0) {
              left -= chunk.length;
              yield chunk;
            }
          })(),
        ),
        { name: '沈阳市教育局/2微课/1-张强-春晓/微课.mp4' },
      );
      void z.finalize();
    });
    expect(readFileSync(zip).length).toBeLessThan(8 * 1024 * 1024);
    const t0 = Date.now();
    const r = baosong('province', 'add', join(root, '省级'), zip, '--unit', '沈阳市教育局', '--kind', 'city-major');
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/微课\.mp4 解压后比压缩时大 200 倍以上\(异常的压缩包\)：没有解压/);
    const { readdirSync: list } = await import('node:fs');
    expect(list(join(root, '省级', 'units'))).toEqual([]);
  }, 180_000);
});
