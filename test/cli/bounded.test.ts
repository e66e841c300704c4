// Bounded resources and clear messages, through the real CLI with its peak memory measured: batch files padded with
// 120 MB of white space, /dev/zero, a FIFO, nesting 100,000 deep, a huge wrong value; four object-heavy 60 MB
// PDFs to check; targets that are read-only or cannot be changed. Each answers fast, in Chinese, within its budget.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { microlecture, validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';

const BIN = fileURLToPath(new URL('../../bin/baosong.js', import.meta.url));
const PEAK = fileURLToPath(new URL('../helpers/peak-rss.cjs', import.meta.url));

/** Runs the CLI; returns its exit, output, wall time and peak RSS in MB. */
function run(args: string[], timeout = 60_000) {
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--require', PEAK, BIN, ...args], { encoding: 'utf8', timeout });
  const kb = Number(/PEAK_RSS_KB=(\d+)/.exec(r.stderr ?? '')?.[1] ?? NaN);
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: (r.stderr ?? '').replace(/\nPEAK_RSS_KB=\d+\n/, ''),
    ms: Date.now() - started,
    rssMb: kb / 1024,
    timedOut: r.error !== undefined,
  };
}

let dir: string;
let db: string;

beforeAll(async () => {
  dir = join(tempDir('baosong-bounded-'), '报送 材料');
  mkdirSync(dir, { recursive: true });
  const file = await writeBatch(dir, validBatch([microlecture('w1', '张强')]));
  db = join(dir, 'catalog.sqlite');
  expect(run(['import', file, '--db', db]).code).toBe(0);
}, 60_000);

/** A refused import: exit 2, a Chinese message containing `says`, fast and small. */
function refusedImport(file: string, says: string) {
  const r = run(['import', file, '--db', join(dir, 'other.sqlite')], 20_000);
  expect(r.timedOut, 'hung').toBe(false);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(says);
  expect(r.stderr).not.toMatch(/内部错误|at .*\.js:\d+/);
  expect(r.rssMb).toBeLessThan(200);
  expect(existsSync(join(dir, 'other.sqlite'))).toBe(false);
  return r;
}

describe('batch files that are not batch files', () => {
  it('120 MB of white space: refused before it is read', () => {
    const file = join(dir, 'padded.json');
    const fd = openSync(file, 'w');
    const mb = Buffer.alloc(1024 * 1024, 0x20);
    writeSync(fd, '{"edition":"liaoning-29",');
    for (let i = 0; i < 120; i++) writeSync(fd, mb);
    writeSync(fd, '"works":[]}');
    closeSync(fd);
    const r = refusedImport(file, '太大');
    expect(r.ms).toBeLessThan(5000);
  });

  it('a valid batch padded with 15 MB of white space still imports, in little memory', async () => {
    const sub = join(dir, 'pad');
    const file = await writeBatch(sub, validBatch([microlecture('p1', '赵刚')]));
    const json = (await import('node:fs')).readFileSync(file, 'utf8');
    writeFileSync(file, json.replace('"works"', `${' '.repeat(15 * 1024 * 1024)}"works"`));
    const r = run(['import', file, '--db', join(sub, 'c.sqlite')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.rssMb).toBeLessThan(200);
  });

  it('/dev/zero, a FIFO and a folder are refused at once, never read', () => {
    refusedImport('/dev/zero', '不是普通文件');
    const fifo = join(dir, 'pipe.json');
    spawnSync('mkfifo', [fifo]);
    if (existsSync(fifo)) refusedImport(fifo, '不是普通文件(是设备或管道)');
    refusedImport(dir, '不是普通文件(是文件夹)');
  });

  it('nesting 100,000 deep: said as such, not a stack overflow', () => {
    const file = join(dir, 'deep.json');
    writeFileSync(file, `{"edition":"liaoning-29","works":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    refusedImport(file, '嵌套太深');
  });

  it('a wrong value of 5 MB is named, not echoed in full', async () => {
    const sub = join(dir, 'huge');
    const batch = validBatch([microlecture('h1', '钱七', { title: ['题'.repeat(5_000_000)] })]);
    const file = await writeBatch(sub, batch);
    const r = refusedImport(file, 'works[0].title');
    expect(r.stderr.length).toBeLessThan(2000);
    expect(r.stderr).toContain('共 ');
  });
});

/** A PDF of ~mb MB made of tiny objects (what makes a structure parser hungry), written by hand, one page. */
function heavyPdf(file: string, mb: number) {
  const fd = openSync(file, 'w');
  let offset = 0;
  const offsets: number[] = [];
  const put = (s: string) => {
    const b = Buffer.from(s, 'latin1');
    writeSync(fd, b);
    offset += b.length;
  };
  put('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const obj = (n: number, body: string) => {
    offsets[n] = offset;
    put(`${n} 0 obj\n${body}\nendobj\n`);
  };
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  obj(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
  let n = 4;
  const chunk: string[] = [];
  while (offset < mb * 1024 * 1024) {
    let at = offset;
    for (let i = 0; i < 5000; i++, n++) {
      const o = `${n} 0 obj\n<< /A [${n} ${n} ${n}] /B (x) >>\nendobj\n`;
      offsets[n] = at;
      at += o.length;
      chunk.push(o);
    }
    put(chunk.join(''));
    chunk.length = 0;
  }
  const xref = offset;
  put(`xref\n0 ${n}\n0000000000 65535 f \n`);
  const lines: string[] = [];
  for (let i = 1; i < n; i++) {
    lines.push(`${String(offsets[i]).padStart(10, '0')} 00000 n \n`);
    if (lines.length === 10000) put(lines.splice(0).join(''));
  }
  put(lines.join(''));
  put(`trailer\n<< /Size ${n} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  closeSync(fd);
}

describe('four object-heavy 60 MB PDFs', () => {
  it('are checked within 500 MB, with no false finding about them', async () => {
    const sub = join(dir, 'pdfs');
    const batch = validBatch([microlecture('d1', '孙八'), microlecture('d2', '周九')]);
    const file = await writeBatch(sub, batch);
    for (const w of ['d1', 'd2'])
      for (const f of ['登记表.pdf', '推荐意见.pdf']) heavyPdf(join(sub, 'works', w, f), 60);
    const catalog = join(sub, 'c.sqlite');
    expect(run(['import', file, '--db', catalog]).code).toBe(0);
    const r = run(['check', '--db', catalog, '--json'], 120_000);
    expect(r.timedOut).toBe(false);
    expect(r.rssMb).toBeLessThan(500);
    const report = JSON.parse(r.stdout);
    expect(report.findings.filter((f: { rule: string }) => /^(file|pdf)\./.test(f.rule))).toEqual([]);
  }, 180_000);
});

describe('targets the OS will not let us write', () => {
  const root = process.getuid?.() === 0;
  it.skipIf(!root)('a read-only disk: said as read-only (skipped unless root: it mounts a read-only tmpfs)', () => {
    const ro = join(dir, '只读盘');
    mkdirSync(ro);
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', ro]).status).toBe(0);
    try {
      const r = run(['export', '--db', db, '--out', join(ro, '导出')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/只读/);
      expect(r.stderr).not.toMatch(/内部错误|at .*\.js:\d+/);
    } finally {
      spawnSync('umount', [ro]);
    }
  });

  it.skipIf(!root)(
    'a folder that cannot be changed (immutable): said in words, not a bare EPERM (skipped unless root)',
    () => {
      const locked = join(dir, '锁定');
      mkdirSync(locked);
      if (spawnSync('chattr', ['+i', locked]).status !== 0) return void console.warn('chattr +i 不可用：跳过');
      try {
        const r = run(['export', '--db', db, '--out', join(locked, '导出')]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/不允许这样做|没有权限/);
        expect(r.stderr).not.toMatch(/内部错误|at .*\.js:\d+/);
      } finally {
        spawnSync('chattr', ['-i', locked]);
      }
    },
  );
});

describe('Ctrl-C', () => {
  it('ends a long job within a few seconds, saying it is cancelling; a second Ctrl-C ends it at once', async () => {
    const { spawn } = await import('node:child_process');
    const start = (target: string) => {
      const child = spawn(process.execPath, [BIN, 'demo', target], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c) => (stderr += c));
      const exited = new Promise<{ code: number | null; signal: string | null; at: number }>((resolve) =>
        child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
      );
      return { child, exited, stderr: () => stderr };
    };
    // The demo makes its videos with ffmpeg for about a minute: long enough to be interrupted in the middle.
    const one = start(join(dir, '示例一'));
    // In the middle of the job: once it has said what it makes (its first progress line).
    await expect.poll(() => one.stderr(), { timeout: 30_000 }).not.toBe('');
    const sent = Date.now();
    one.child.kill('SIGINT');
    const r1 = await one.exited;
    expect(r1.at - sent).toBeLessThan(7000);
    expect(r1.code).not.toBe(0);
    expect(one.stderr()).toContain('正在取消');

    const two = start(join(dir, '示例二'));
    await expect.poll(() => two.stderr(), { timeout: 30_000 }).not.toBe('');
    const sent2 = Date.now();
    two.child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 100));
    two.child.kill('SIGINT');
    const r2 = await two.exited;
    expect(r2.at - sent2).toBeLessThan(2000);
    // 130 from the second Ctrl-C; or 2 when the first had already cancelled the job (cancelling is quick), or the
    // signal itself when it arrived while the process was exiting. Never still running, never a success.
    expect(r2.code === 130 || r2.code === 2 || r2.signal === 'SIGINT', JSON.stringify(r2)).toBe(true);
  }, 60_000);
});
