// `baosong demo DIR`: a realistic sample batch — real MP4s from the bundled ffmpeg, a PDF main board and a CMYK
// PSD source, Word and ZIP files, stamped-scan stand-ins — with a few deliberate faults for the check to find.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, open, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { writeAtomic } from '../atomic.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { archiver, pdfkit, sharp } from '../lazy.js';
import type { CallOptions } from '../../shared/api.js';
import { BaosongError } from '../../shared/errors.js';
import { requireProfile } from '../../shared/rules/registry.js';
import { FIXED_DATE } from '../fs/fixed-date.js';
import { ffmpegBin } from '../inspect/tools.js';
import { DEMO_UNIT, DEMO_WORKS, type DemoFile } from './data.js';
import { demoDocx, demoScan } from './documents.js';

/** The sample is of the current edition. */
const profile = requireProfile(null);

const run = promisify(execFile);

const bars =
  'drawbox=x=iw*0.15:y=ih*0.3:w=iw*0.7:h=ih*0.08:color=white:t=fill,drawbox=x=iw*0.25:y=ih*0.5:w=iw*0.5:h=ih*0.05:color=white:t=fill';
const x264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'];
const sound = (s: number) => ['-f', 'lavfi', '-i', `anoisesrc=d=${s}:c=pink:a=0.1:r=44100`];
const aac = ['-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart', '-shortest'];

/** The clips the demo needs, by name: ffmpeg arguments without the output. */
const CLIPS: Record<string, string[]> = {
  // A micro-lecture with the 蓝底白字 card, then the lesson.
  'lecture.mp4': [
    '-f',
    'lavfi',
    '-i',
    `color=c=0x1F3C88:s=1280x720:r=25:d=5,${bars}`,
    '-f',
    'lavfi',
    '-i',
    'testsrc=s=1280x720:r=25:d=15',
    ...sound(20),
    '-filter_complex',
    '[0:v][1:v]concat=n=2:v=1:a=0[v]',
    '-map',
    '[v]',
    '-map',
    '2:a',
    ...x264,
    ...aac,
  ],
  // One that opens straight on the lesson: the title-card warning.
  'no-card.mp4': ['-f', 'lavfi', '-i', 'testsrc=s=1280x720:r=25:d=20', ...sound(20), ...x264, ...aac],
  'classroom.mp4': ['-f', 'lavfi', '-i', 'testsrc=s=1920x1080:r=25:d=30', ...sound(30), ...x264, ...aac],
};

/** Long clips as a short segment encoded once and repeated without re-encoding (a minute of 1080p in a second). */
const LOOPED: Record<string, { segment: string[]; seconds: number }> = {
  // A 专题片: 1920×1080, 25 fps, just over 3 minutes, H.264 at a constant 5 Mbps, AAC 128k.
  'feature.mp4': {
    segment: [
      '-f',
      'lavfi',
      '-i',
      "color=c=0x203060:s=1920x1080:r=25:d=8,drawbox=x='mod(t*200,1600)':y=400:w=300:h=200:color=white:t=fill",
      ...x264,
      '-b:v',
      '5M',
      '-minrate',
      '5M',
      '-maxrate',
      '5M',
      '-bufsize',
      '2M',
      '-x264-params',
      'nal-hrd=cbr',
    ],
    seconds: 181,
  },
};

async function clip(dir: string, name: string, signal?: AbortSignal): Promise<string> {
  const out = join(dir, '.clips', name);
  if (existsSync(out)) return out;
  await mkdir(join(dir, '.clips'), { recursive: true });
  const looped = LOOPED[name];
  if (looped) {
    await run(ffmpegBin(), ['-v', 'error', '-y', ...looped.segment, '-f', 'mp4', `${out}.segment`], { signal });
    const s = looped.seconds;
    await run(
      ffmpegBin(),
      [
        '-v',
        'error',
        '-y',
        '-stream_loop',
        '-1',
        '-i',
        `${out}.segment`,
        ...sound(s),
        '-map',
        '0:v',
        '-map',
        '1:a',
        '-c:v',
        'copy',
        ...aac.filter((a) => a !== '-shortest'),
        '-t',
        String(s),
        '-f',
        'mp4',
        `${out}.tmp`,
      ],
      { signal },
    );
  } else await run(ffmpegBin(), ['-v', 'error', '-y', ...CLIPS[name]!, '-f', 'mp4', `${out}.tmp`], { signal });
  await rename(`${out}.tmp`, out);
  return out;
}

function zip(path: string, entries: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    void (async () => {
      const { createWriteStream } = await import('node:fs');
      const out = createWriteStream(path);
      const archive = new (await archiver()).ZipArchive({ zlib: { level: 6 } });
      out.on('close', () => resolve());
      archive.on('error', reject);
      archive.pipe(out);
      for (const [name, text] of Object.entries(entries)) archive.append(text, { name, date: FIXED_DATE });
      void archive.finalize();
    })();
  });
}

/** A PDF main board of 178 × 78.5 cm around a 2.5 MB picture (DPI and CMYK of a PDF go to the checklist). */
async function boardPdf(path: string): Promise<void> {
  const picture = await (
    await sharp()
  )({
    create: {
      width: 2600,
      height: 1150,
      channels: 3,
      background: '#000000',
      noise: { type: 'gaussian', mean: 120, sigma: 50 },
    },
  })
    .jpeg({ quality: 92 })
    .toBuffer();
  const pt = (cm: number) => (cm / 2.54) * 72;
  const PDFDocument = await pdfkit();
  const doc = new PDFDocument({
    size: [pt(178), pt(78.5)],
    margin: 0,
    info: { CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  doc.image(picture, 0, 0, { width: pt(178), height: pt(78.5) });
  doc.end();
  await done;
  await writeFile(path, Buffer.concat(chunks));
}

/** A layered-source stand-in: an uncompressed 8-bit CMYK PSD at 300 dpi, just over 30 MB. */
async function psd(path: string): Promise<void> {
  const width = 3000;
  const height = 2600;
  const head = Buffer.alloc(26);
  head.write('8BPS', 0, 'latin1');
  head.writeUInt16BE(1, 4);
  head.writeUInt16BE(4, 12); // channels
  head.writeUInt32BE(height, 14);
  head.writeUInt32BE(width, 18);
  head.writeUInt16BE(8, 22); // bits per channel
  head.writeUInt16BE(4, 24); // CMYK
  const res = Buffer.alloc(16);
  res.writeUInt32BE(300 * 65536, 0);
  res.writeUInt16BE(1, 4);
  res.writeUInt16BE(1, 6);
  res.writeUInt32BE(300 * 65536, 8);
  res.writeUInt16BE(1, 12);
  res.writeUInt16BE(1, 14);
  const block = Buffer.concat([
    Buffer.from('8BIM', 'latin1'),
    Buffer.from([0x03, 0xed, 0, 0]),
    Buffer.from([0, 0, 0, 16]),
    res,
  ]);
  const sections = Buffer.alloc(4 + 4 + block.length + 4 + 2);
  let at = 0;
  sections.writeUInt32BE(0, at); // colour mode data
  sections.writeUInt32BE(block.length, (at += 4));
  block.copy(sections, (at += 4));
  sections.writeUInt32BE(0, (at += block.length)); // layers
  sections.writeUInt16BE(0, at + 4); // raw image data
  const fh = await open(path, 'w');
  try {
    await fh.write(Buffer.concat([head, sections]));
    const row = Buffer.alloc(width);
    for (let ch = 0; ch < 4; ch += 1) {
      for (let y = 0; y < height; y += 1) {
        row.fill((ch * 60 + Math.floor(y / 10)) & 0xff);
        await fh.write(row);
      }
    }
  } finally {
    await fh.close();
  }
}

async function makeFile(dir: string, f: DemoFile, signal?: AbortSignal): Promise<void> {
  const path = join(dir, f.path);
  await mkdir(join(path, '..'), { recursive: true });
  switch (f.make.kind) {
    case 'clip':
      await copyFile(await clip(dir, f.make.clip, signal), path);
      break;
    case 'scan':
      await writeFile(path, await demoScan(f.make.title, f.make.lines));
      break;
    case 'docx':
      await writeFile(path, await demoDocx(f.make.title, f.make.lines));
      break;
    case 'zip':
      await zip(path, f.make.entries);
      break;
    case 'board-pdf':
      await boardPdf(path);
      break;
    case 'psd':
      await psd(path);
      break;
    case 'jpeg':
      await (
        await sharp()
      )({ create: { width: 1600, height: 900, channels: 3, background: f.make.colour } })
        .jpeg({ quality: 85 })
        .withDensity(150)
        .toFile(path);
      break;
  }
}

export async function makeDemo(
  dir: string,
  options: CallOptions = {},
): Promise<{ batch: string; works: number; files: number }> {
  if (existsSync(dir) && (await readdir(dir)).filter((n) => n !== '.clips').length > 0) {
    throw new BaosongError('bad-input', `示例文件夹 ${dir} 不是空的：请指定一个新文件夹`);
  }
  await mkdir(dir, { recursive: true });
  const files = [...DEMO_UNIT.files, ...DEMO_WORKS.flatMap((w) => w.files)];
  let done = 0;
  for (const f of files) {
    options.signal?.throwIfAborted();
    await makeFile(dir, f, options.signal);
    options.onProgress?.({ phase: 'demo', done: ++done, total: files.length });
  }
  const batch = {
    edition: profile.edition,
    unit: { ...DEMO_UNIT.values, files: DEMO_UNIT.files.map((f) => ({ role: f.role, path: f.path })) },
    works: DEMO_WORKS.map(({ files: wf, ...w }) => ({ ...w, files: wf.map((f) => ({ role: f.role, path: f.path })) })),
  };
  const path = join(dir, 'batch.json');
  await writeAtomic(path, JSON.stringify(batch, null, 2));
  await rm(join(dir, '.clips'), { recursive: true, force: true });
  return { batch: path, works: DEMO_WORKS.length, files: files.length };
}
