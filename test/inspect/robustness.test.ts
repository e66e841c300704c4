// A few hundred damaged files: zero-byte, truncated, random bytes, a real header over random bytes, and a
// wrong extension, for every format the roles take. Each must give a named finding: never an exception or a hang.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { gatherFacts } from '../../src/main/inspect/facts.js';
import type { FileRef, Role, Work } from '../../src/shared/model.js';
import { runRules } from '../../src/shared/rules/index.js';
import { liaoning29 as profile } from '../../src/shared/rules/liaoning-29.js';
import { formatsAccept } from '../../src/shared/rules/files.js';
import { work } from '../helpers/build.js';
import { FIXTURES, tempDir, writeOle, writeZip } from '../helpers/files.js';
import { clip } from '../helpers/media.js';

interface Sample {
  ext: string;
  role: Role;
  category: Work['category'];
  source: () => string;
}

let dir: string;
const samples: Sample[] = [
  { ext: 'mp4', role: 'lecture-video', category: 'microlecture', source: () => clip('small-silent.mp4') },
  { ext: 'mov', role: 'class-video', category: 'teaching-case', source: () => clip('quicktime.mp4') },
  { ext: 'mkv', role: 'case-video', category: 'management-case', source: () => clip('matroska.mp4') },
  {
    ext: 'jpg',
    role: 'board-main',
    category: 'ai-case',
    source: () => join(FIXTURES, 'jpeg_rgb_300dpi_photoshop_cs4.jpg'),
  },
  { ext: 'png', role: 'board-extra', category: 'ai-case', source: () => join(dir, 'src.png') },
  {
    ext: 'tif',
    role: 'board-extra',
    category: 'platform-case',
    source: () => join(FIXTURES, 'tiff_cmyk_fogra39_25dpi_jpeg_compressed.tif'),
  },
  {
    ext: 'psd',
    role: 'board-main-source',
    category: 'platform-case',
    source: () => join(FIXTURES, 'psd_rgb_8bit_text_layers_72dpi.psd'),
  },
  {
    ext: 'pdf',
    role: 'registration-scan',
    category: 'courseware',
    source: () => join(FIXTURES, 'pdf_plain_unencrypted.pdf'),
  },
  { ext: 'zip', role: 'materials', category: 'courseware', source: () => join(dir, 'src.zip') },
  {
    ext: 'docx',
    role: 'design-doc',
    category: 'courseware',
    source: () => join(FIXTURES, 'docx_word2010_with_picture.docx'),
  },
  {
    ext: 'pptx',
    role: 'case-ppt',
    category: 'management-case',
    source: () => join(FIXTURES, 'pptx_powerpoint_mac2011_3_slides.pptx'),
  },
  {
    ext: 'doc',
    role: 'case-doc',
    category: 'teaching-case',
    source: () => join(FIXTURES, 'doc_word_mac2011_ole2.doc'),
  },
  { ext: 'ppt', role: 'space-ppt', category: 'teaching-case', source: () => join(dir, 'src.ppt') },
];

/** A deterministic byte stream, so a failure can be reproduced. */
function noise(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed * 2654435761;
  for (let i = 0; i < length; i += 1) {
    x = (x ^ (x << 13)) >>> 0;
    x = (x ^ (x >>> 17)) >>> 0;
    x = (x ^ (x << 5)) >>> 0;
    out[i] = x & 0xff;
  }
  return out;
}

interface Damaged {
  path: string;
  sample: Sample;
  how: string;
}

const damaged: Damaged[] = [];

const roleFormats = (s: Sample) => profile.categories[s.category].roles.find((r) => r.role === s.role)!.formats;

beforeAll(async () => {
  dir = tempDir();
  await sharp({ create: { width: 64, height: 32, channels: 3, background: '#3366cc' } })
    .png()
    .toFile(join(dir, 'src.png'));
  await writeZip(join(dir, 'src.zip'), { 'a.txt': 'x'.repeat(5000), 'b/c.txt': 'y' });
  writeOle(join(dir, 'src.ppt'), ['PowerPoint Document', 'Current User']);
  for (const [si, s] of samples.entries()) {
    const bytes = readFileSync(s.source());
    const add = (how: string, data: Buffer) => {
      const path = join(dir, `${si}-${damaged.length}-${how}.${s.ext}`);
      writeFileSync(path, data);
      damaged.push({ path, sample: s, how });
    };
    add('zero', Buffer.alloc(0));
    for (const cut of [8, 64, 512, 0.1, 0.3, 0.5, 0.8, 0.97]) {
      const at = cut < 1 ? Math.floor(bytes.length * cut) : cut;
      if (at < bytes.length) add(`cut${cut}`, bytes.subarray(0, at));
    }
    for (const seed of [1, 2, 3]) add(`random${seed}`, noise(Math.min(bytes.length, 200_000), seed + si * 10));
    for (const seed of [4, 5, 6])
      add(
        `header${seed}`,
        Buffer.concat([bytes.subarray(0, 32), noise(Math.min(bytes.length, 100_000), seed + si * 10)]),
      );
    // Another format's real file under this format's name.
    for (const other of [samples[(si + 3) % samples.length]!, samples[(si + 7) % samples.length]!]) {
      const path = join(dir, `${si}-${damaged.length}-wrong-${other.ext}.${s.ext}`);
      copyFileSync(other.source(), path);
      damaged.push({ path, sample: s, how: `wrong-ext(${other.ext})` });
    }
  }
}, 120_000);

describe('damaged files', () => {
  it('every one gives a named finding on its own file, none throws or hangs', async () => {
    expect(damaged.length).toBeGreaterThanOrEqual(200);
    const files = damaged.map((d) => ({ absPath: d.path, role: d.sample.role }));
    const started = Date.now();
    const facts = await gatherFacts(files);
    expect(Date.now() - started).toBeLessThan(120_000);
    const works = damaged.map((d, i) => {
      const w = work(d.sample.category);
      const ref: FileRef = {
        id: 100_000 + i,
        role: d.sample.role,
        path: d.path,
        absPath: d.path,
        size: null,
        mtimeMs: null,
        origin: null,
      };
      return { ...w, files: [ref] };
    });
    const findings = runRules({ profile, catalog: { unit: null, works }, facts });
    const silent = damaged.filter((d) => {
      const own = findings.filter((f) => f.file === d.path && /^(file|video|board|zip|pdf)\./.test(f.rule));
      // A wrong-extension file whose content the role accepts anyway is no fault (a PDF among the extra boards).
      const accepted = d.how.startsWith('wrong') && formatsAccept(roleFormats(d.sample), facts.get(d.path)!.kind);
      return own.length === 0 && !accepted;
    });
    expect(silent.map((d) => `${d.sample.ext} ${d.how}: ${JSON.stringify(facts.get(d.path))}`)).toEqual([]);
  }, 180_000);
});
