// The benchmark batch shared by bench/check.mjs and bench/export.mjs: 100 works, 540 files, ≥ 4 GB of MP4
// (≥ 20 GB with big = true), built once in the temp folder and reused.
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BIN = fileURLToPath(new URL('../bin/baosong.js', import.meta.url));

export function buildBatch(BIG) {
  const require = createRequire(import.meta.url);
  const ffmpeg = require('@ffmpeg-installer/ffmpeg').path;
  // v2: every work's PDFs and MP4s are its own bytes (intake takes byte-identical folders for one work sent twice).
  const root = join(tmpdir(), `baosong-bench-check-${BIG ? '20gb' : '4gb'}-v2`);
  const media = join(tmpdir(), `baosong-bench-check-${BIG ? '20gb' : '4gb'}`, 'media');
  mkdirSync(media, { recursive: true });

  function log(text) {
    process.stderr.write(`${text}\n`);
  }

  // A realistic lecture: 5 s navy title card, then moving pictures; 720p at ~1.5 Mbps with AAC sound.
  const clipSeconds = BIG ? 1000 : 210;
  const base = join(media, `base-${clipSeconds}s.mp4`);
  if (!existsSync(base)) {
    log(`generating a ${clipSeconds}-second base clip with the bundled ffmpeg…`);
    const bars = 'drawbox=x=iw*0.15:y=ih*0.3:w=iw*0.7:h=ih*0.07:color=white:t=fill';
    execFileSync(ffmpeg, [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `color=c=0x1F3C88:s=1280x720:r=25:d=5,${bars}`,
      '-f',
      'lavfi',
      '-i',
      `testsrc2=s=1280x720:r=25:d=${clipSeconds - 5}`,
      '-f',
      'lavfi',
      '-i',
      `anoisesrc=d=${clipSeconds}:c=pink:a=0.2:r=44100`,
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
      '-b:v',
      '1500k',
      '-maxrate',
      '1800k',
      '-bufsize',
      '3000k',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-b:a',
      '128k',
      '-movflags',
      '+faststart',
      base,
    ]);
  }

  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
  const fixtures = fileURLToPath(new URL('../test/fixtures/realworld/', import.meta.url));
  // A `free` box naming the copy, as an encoder's padding would be: other bytes, the same pictures.
  const freeBox = (tag) => {
    const t = Buffer.from(tag);
    const box = Buffer.alloc(8);
    box.writeUInt32BE(8 + t.length, 0);
    box.write('free', 4, 'latin1');
    return Buffer.concat([box, t]);
  };
  const small = {
    pdf: (p) => writeFileSync(p, Buffer.concat([pdf.subarray(0, pdf.length - 6), Buffer.from(`% ${p}\n%%EOF\n`)])),
    docx: (p) => copyFileSync(join(fixtures, 'docx_word2010_with_picture.docx'), p),
    zip: (p) => copyFileSync(join(fixtures, 'zip_gbk_names_no_utf8_flag_7zip.zip'), p),
    jpg: (p) => copyFileSync(join(fixtures, 'jpeg_cmyk_adobe_swop_profile_180dpi_exif.jpg'), p),
    psd: (p) => copyFileSync(join(fixtures, 'psd_cmyk_spot_channels_300dpi.psd'), p),
    mp4: (p) => {
      copyFileSync(base, p, constants.COPYFILE_FICLONE);
      appendFileSync(p, freeBox(p));
    },
  };

  const works = [];
  const plan = [
    ['microlecture', 40, ['registration-scan.pdf', 'recommendation-scan.pdf', 'lecture-video.mp4', 'materials.zip']],
    [
      'courseware',
      30,
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
      20,
      ['registration-scan.pdf', 'recommendation-scan.pdf', 'case-doc.docx', 'class-video.mp4', 'materials.zip'],
    ],
    [
      'platform-case',
      10,
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
  let n = 0;
  for (const [category, count, roles] of plan) {
    for (let i = 0; i < count; i += 1) {
      n += 1;
      const key = `w${n}`;
      mkdirSync(join(root, 'works', key), { recursive: true });
      const files = roles.map((r, j) => {
        const [role, ext] = r.split('.');
        const path = `works/${key}/${j}-${role}.${ext}`;
        if (!existsSync(join(root, path))) small[ext](join(root, path));
        return { role, path };
      });
      works.push({
        key,
        category,
        stage: 'junior',
        variant: category === 'platform-case' ? 'school' : null,
        title: `作品${n}`,
        subject: '物理',
        grade: '八年级',
        share: true,
        comment: '好'.repeat(120),
        scenes: category === 'platform-case' ? ['教师授课'] : [],
        authors: [{ name: `作者${n}`, unit: '某中学', mobile: '13800000000', email: 'a@b.cn' }],
        files,
      });
    }
  }
  const batch = { edition: 'liaoning-29', unit: { name: '某市教育局', kind: 'city', group: 'k12' }, works };
  writeFileSync(join(root, 'batch.json'), JSON.stringify(batch));
  const allFiles = works.flatMap((w) => w.files.map((f) => join(root, f.path)));
  const totalBytes = allFiles.reduce((a, p) => a + statSync(p).size, 0);
  const mp4Bytes = allFiles.filter((p) => p.endsWith('.mp4')).reduce((a, p) => a + statSync(p).size, 0);

  const db = join(root, 'catalog.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  rmSync(join(root, 'catalog.baosong'), { recursive: true, force: true });
  execFileSync(process.execPath, [BIN, 'import', join(root, 'batch.json'), '--db', db]);

  return { root, db, allFiles, totalBytes, mp4Bytes, works };
}

/** bench/cli-start's batch: 100 micro-lectures with 300 tiny files, written into dir; returns the batch file. */
export function writeSmallBatch(dir) {
  const pdf = '%PDF-1.4\n%%EOF\n';
  const works = Array.from({ length: 100 }, (_, i) => {
    const key = `w${i + 1}`;
    mkdirSync(join(dir, key));
    const files = [
      ['registration-scan', '登记表.pdf', pdf],
      ['recommendation-scan', '推荐意见.pdf', pdf],
      [
        'lecture-video',
        '微课.mp4',
        Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom'), Buffer.alloc(4096)]),
      ],
    ].map(([role, name, data]) => {
      writeFileSync(join(dir, key, name), data);
      return { role, path: `${key}/${name}` };
    });
    return {
      key,
      category: 'microlecture',
      stage: 'primary',
      title: `作品${i + 1}`,
      subject: '语文',
      grade: '一年级',
      share: true,
      authors: [
        { name: `作者${i + 1}`, unit: '某小学', mobile: '13800000000', email: 'a@b.cn' },
        { name: '共同作者', unit: '某小学' },
      ],
      comment: '好'.repeat(120),
      files,
    };
  });
  const file = join(dir, 'batch.json');
  writeFileSync(
    file,
    JSON.stringify({ edition: 'liaoning-29', unit: { name: '某市教育局', kind: 'city', group: 'k12' }, works }),
  );
  return file;
}
