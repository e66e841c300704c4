#!/usr/bin/env node
// bench/memory: peak memory at scale (issue 25): `baosong intake` over a received folder of 50,000 files (5,000 work
// folders of ten files) and `baosong province add` of a unit's ZIP of 100,000 entries (500 works of 200 files).
// Peak RSS is the largest of the command and its children (/usr/bin/time %M: a bounded re-run included).
// Not a test. Run `npm run build && node bench/memory.mjs`; see bench/README.md. Target: < 300 MB each.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipArchive } from 'archiver';
import { BIN } from './batch.mjs';

const root = mkdtempSync(join(tmpdir(), 'baosong-bench-memory-'));

function timed(args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, BIN, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  const [seconds, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds, rssMb: kb / 1024 };
}

// 50,000 files: each work a lecture video's head, a form and eight materials, every one its own bytes.
const received = join(root, '收到');
for (let s = 0; s < 50; s += 1) {
  for (let w = 0; w < 100; w += 1) {
    const dir = join(received, `学校${s}`, `作者${s}-${w}-作品名称${w}`);
    mkdirSync(join(dir, '相关材料'), { recursive: true });
    const tag = `${s}-${w}`;
    writeFileSync(
      join(dir, '微课.mp4'),
      Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from(`ftypmp42${tag}`), Buffer.alloc(200)]),
    );
    writeFileSync(join(dir, '设计说明.txt'), `设计说明 ${tag}`);
    for (let k = 0; k < 8; k += 1) writeFileSync(join(dir, '相关材料', `素材${k}.txt`), `${tag}-${k}`);
  }
}
const intake = timed([
  'intake',
  received,
  '--plan',
  join(root, 'plan.json'),
  '--unit',
  '沈阳市教育局',
  '--kind',
  'city-major',
]);
console.log(`intake of 50,000 files: ${intake.seconds.toFixed(1)} s, peak RSS ${intake.rssMb.toFixed(0)} MB`);
rmSync(received, { recursive: true, force: true });

// A unit's ZIP of 100,000 entries.
const zip = join(root, '大连市教育局.zip');
await new Promise((resolve, reject) => {
  const out = createWriteStream(zip);
  const z = new ZipArchive({ store: true });
  out.on('close', resolve);
  z.on('error', reject);
  z.pipe(out);
  for (let w = 0; w < 500; w += 1) {
    const dir = `大连市教育局/2微课/${w + 1}-作者${w}-作品${w}`;
    z.append(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from(`ftypmp42${w}`), Buffer.alloc(100)]), {
      name: `${dir}/微课.mp4`,
    });
    for (let k = 0; k < 199; k += 1) z.append(`${w}-${k}`, { name: `${dir}/相关材料/素材${k}.txt` });
  }
  void z.finalize();
});
const add = timed(['province', 'add', join(root, '省级'), zip, '--unit', '大连市教育局', '--kind', 'city-major']);
console.log(`province add of a 100,000-entry ZIP: ${add.seconds.toFixed(1)} s, peak RSS ${add.rssMb.toFixed(0)} MB`);
rmSync(root, { recursive: true, force: true });
