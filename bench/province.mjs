#!/usr/bin/env node
// bench/province: the province office's PC with 110 units' cloud trees (≈ 40,000 files): `province check` cold and
// warm, the merge + cross-unit stage, peak RSS, and `province verify` against `sha256sum -c` of the same manifests.
// Not a test. Run `npm run build && node bench/province.mjs [--units N]`; see bench/README.md for the method.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN } from './batch.mjs';

const require = createRequire(import.meta.url);
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const UNITS = Number(arg('--units', '110'));
const root = join(tmpdir(), `baosong-bench-province-v1-${UNITS}`);
const media = join(root, 'media');
const province = join(root, '省级 目录');
const log = (t) => process.stderr.write(`${t}\n`);
const run = (args, opts = {}) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  if (r.status === 2 || r.status === null) throw new Error(`baosong ${args.join(' ')}: ${r.stderr}`);
  return r;
};

// --- the synthetic province, built once -------------------------------------------------------------------
function buildMedia() {
  mkdirSync(media, { recursive: true });
  const ffmpeg = require('@ffmpeg-installer/ffmpeg').path;
  const clip = join(media, 'lecture.mp4');
  if (!existsSync(clip)) {
    // A short real lecture: 5 s navy card with a white bar, then 1 s of moving pattern; 1280×720, AAC sound.
    const bar = 'drawbox=x=iw*0.15:y=ih*0.3:w=iw*0.7:h=ih*0.07:color=white:t=fill';
    execFileSync(ffmpeg, [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `color=c=0x1F3C88:s=1280x720:r=25:d=5,${bar}`,
      '-f',
      'lavfi',
      '-i',
      'testsrc2=s=1280x720:r=25:d=1',
      '-f',
      'lavfi',
      '-i',
      'anoisesrc=d=6:c=pink:a=0.2:r=44100',
      '-filter_complex',
      '[0:v][1:v]concat=n=2:v=1:a=0[v]',
      '-map',
      '[v]',
      '-map',
      '2:a',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-b:a',
      '64k',
      '-movflags',
      '+faststart',
      clip,
    ]);
  }
  return clip;
}

const fixtures = fileURLToPath(new URL('../test/fixtures/realworld/', import.meta.url));
const freeBox = (tag) => {
  const t = Buffer.from(tag);
  const box = Buffer.alloc(8);
  box.writeUInt32BE(8 + t.length, 0);
  box.write('free', 4, 'latin1');
  return Buffer.concat([box, t]);
};
const pdf = (tag) =>
  `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n% ${tag}\n%%EOF\n`;

/** One unit's batch: 60 works (24 微课, 18 课件, 12 教学案例, 6 平台案例), every file its own bytes. */
function writeUnit(u, clip) {
  const dir = join(root, 'sources', `u${u}`);
  const batchFile = join(dir, 'batch.json');
  if (existsSync(batchFile)) return { dir, batchFile };
  const small = {
    pdf: (p) => writeFileSync(p, pdf(p)),
    docx: (p) => (
      copyFileSync(join(fixtures, 'docx_word2010_with_picture.docx'), p),
      appendFileSync(p, Buffer.alloc(1 + (p.length % 97)))
    ),
    zip: (p) => (
      copyFileSync(join(fixtures, 'zip_gbk_names_no_utf8_flag_7zip.zip'), p),
      appendFileSync(p, Buffer.from(p))
    ),
    jpg: (p) => (
      copyFileSync(join(fixtures, 'jpeg_cmyk_adobe_swop_profile_180dpi_exif.jpg'), p),
      appendFileSync(p, Buffer.from(p))
    ),
    psd: (p) => (
      copyFileSync(join(fixtures, 'psd_cmyk_spot_channels_300dpi.psd'), p),
      appendFileSync(p, Buffer.from(p))
    ),
    mp4: (p) => (copyFileSync(clip, p), appendFileSync(p, freeBox(p))),
  };
  const plan = [
    [
      'microlecture',
      24,
      ['registration-scan.pdf', 'recommendation-scan.pdf', 'lecture-video.mp4', 'materials.zip', 'design-doc.docx'],
    ],
    [
      'courseware',
      18,
      [
        'registration-scan.pdf',
        'recommendation-scan.pdf',
        'courseware.zip',
        'demo-video.mp4',
        'design-doc.docx',
        'materials.zip',
      ],
    ],
    [
      'teaching-case',
      12,
      ['registration-scan.pdf', 'recommendation-scan.pdf', 'case-doc.docx', 'class-video.mp4', 'materials.zip'],
    ],
    [
      'platform-case',
      6,
      [
        'registration-scan.pdf',
        'recommendation-scan.pdf',
        'feature-video.mp4',
        'raw-video.mp4',
        'script.docx',
        'board-main.jpg',
        'board-main-source.psd',
        'board-extra.jpg',
        'board-extra.jpg',
        'support.pdf',
      ],
    ],
  ];
  const works = [];
  let n = 0;
  for (const [category, count, roles] of plan) {
    for (let i = 0; i < count; i += 1) {
      n += 1;
      const key = `w${n}`;
      mkdirSync(join(dir, 'works', key), { recursive: true });
      const files = roles.map((r, j) => {
        const [role, ext] = r.split('.');
        const path = `works/${key}/${j}-${role}.${ext}`;
        small[ext](join(dir, path));
        return { role, path };
      });
      // Planted across units: every 20th unit's first work is led by unit 1's first author (same mobile).
      const author =
        u % 20 === 0 && n === 1
          ? { name: '作者1-1', mobile: '13800000001' }
          : { name: `作者${u}-${n}`, mobile: `139${String(u * 1000 + n).padStart(8, '0')}` };
      works.push({
        key,
        category,
        stage: 'junior',
        variant: category === 'platform-case' ? 'school' : null,
        title: `第${u}单位作品${n}`,
        subject: '物理',
        grade: '八年级',
        share: true,
        comment: '好'.repeat(120),
        scenes: category === 'platform-case' ? ['教师授课'] : [],
        authors: [{ name: author.name, unit: `第${u}中学`, mobile: author.mobile, email: 'a@b.cn' }],
        files,
      });
    }
  }
  writeFileSync(
    batchFile,
    JSON.stringify({ edition: 'liaoning-29', unit: { name: `第${u}市教育局`, kind: 'city', group: 'k12' }, works }),
  );
  return { dir, batchFile };
}

function build() {
  if (existsSync(join(root, 'built'))) return;
  rmSync(province, { recursive: true, force: true });
  const clip = buildMedia();
  for (let u = 1; u <= UNITS; u += 1) {
    const tree = join(root, 'trees', `第${u}市教育局 云盘`);
    if (!existsSync(join(tree, 'manifest.sha256'))) {
      const { dir, batchFile } = writeUnit(u, clip);
      const db = join(dir, 'c.sqlite');
      for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
      run(['import', batchFile, '--db', db]);
      run(['export', '--db', db, '--out', tree, '--allow-errors']);
    }
    const r = run(['province', 'add', province, tree, '--unit', `第${u}市教育局`, '--kind', 'city-major']);
    if (r.status !== 0) throw new Error(r.stdout + r.stderr);
    if (u % 10 === 0) log(`built ${u}/${UNITS} units`);
  }
  writeFileSync(join(root, 'built'), '');
}

// --- measurements ------------------------------------------------------------------------------------------
function timed(args, env = {}) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, BIN, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, ...env },
  });
  const lines = r.stderr.trim().split('\n');
  const [seconds, kb] = lines.pop().split(' ').map(Number);
  return { seconds, rssMb: kb / 1024, code: r.status, stdout: r.stdout, stderr: lines.join('\n') };
}

/** Cold: every unit's probe cache emptied, and no return list written before (each is rewritten only when changed). */
function clearProbeCaches() {
  const Database = require('better-sqlite3');
  rmSync(join(root, '输出'), { recursive: true, force: true });
  for (const f of readdirSync(join(province, 'units')).filter((f) => f.endsWith('.returns.json')))
    rmSync(join(province, 'units', f));
  for (const f of readdirSync(join(province, 'units')).filter((f) => f.endsWith('.sqlite'))) {
    const d = new Database(join(province, 'units', f));
    d.exec('DELETE FROM probe_cache');
    d.close();
  }
}

const trees = () => readdirSync(join(root, 'trees')).map((t) => join(root, 'trees', t));
const started = performance.now();
build();
log(`province built in ${((performance.now() - started) / 1000).toFixed(0)} s (cached for the next run)`);
let files = 0;
let bytes = 0;
for (const t of trees()) {
  const out = execFileSync('find', [t, '-type', 'f', '-printf', '%s\n'], { encoding: 'utf8' }).trim().split('\n');
  files += out.length;
  bytes += out.reduce((a, s) => a + Number(s), 0);
}
// Every file read once: the page cache is warm for every run (this measures the tool, not the disk).
for (const t of trees()) spawnSync('sh', ['-c', 'find "$0" -type f -exec cat {} + > /dev/null', t]);

clearProbeCaches();
const out = join(root, '输出');
const cold = timed(['province', 'check', province, '--out', out], { BAOSONG_TIMINGS: '1' });
const warm = timed(['province', 'check', province, '--out', out], { BAOSONG_TIMINGS: '1' });
const stage = (r, name) => Number(new RegExp(`^${name} ([\\d.]+) s`, 'm').exec(r.stderr)?.[1] ?? NaN);

// verify (every file hashed again, all cores) against sha256sum -c of each tree's own manifest, one run each.
const verify = timed(['province', 'verify', province, '--out', join(root, '核验'), '--restart']);
const t0 = performance.now();
for (const t of trees()) {
  const r = spawnSync('sha256sum', ['--quiet', '-c', 'manifest.sha256'], { cwd: t, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sha256sum -c in ${t}: ${r.stdout}${r.stderr}`);
}
const shaSeconds = (performance.now() - t0) / 1000;

console.log(`province: ${UNITS} units, ${files} files, ${(bytes / 1e9).toFixed(2)} GB`);
console.log(
  `cold check (empty probe caches): ${cold.seconds.toFixed(1)} s, peak RSS ${cold.rssMb.toFixed(0)} MB, exit ${cold.code}`,
);
console.log(
  `  per-unit checks ${stage(cold, 'units')} s, freeze audits ${stage(cold, 'audits')} s, merge + cross-unit rules ${stage(cold, 'across')} s, outputs ${stage(cold, 'outputs')} s`,
);
console.log(`warm check: ${warm.seconds.toFixed(1)} s, peak RSS ${warm.rssMb.toFixed(0)} MB`);
console.log(
  `  per-unit checks ${stage(warm, 'units')} s, freeze audits ${stage(warm, 'audits')} s, merge + cross-unit rules ${stage(warm, 'across')} s, outputs ${stage(warm, 'outputs')} s`,
);
console.log(
  `verify (all files hashed again): ${verify.seconds.toFixed(1)} s, peak RSS ${verify.rssMb.toFixed(0)} MB, exit ${verify.code}`,
);
console.log(
  `sha256sum -c of the same manifests: ${shaSeconds.toFixed(1)} s — ratio ${(verify.seconds / shaSeconds).toFixed(2)}×`,
);
