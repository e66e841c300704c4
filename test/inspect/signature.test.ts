import { copyFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileFacts, gatherFacts } from '../../src/main/inspect/facts.js';
import { FIXTURES, fixture, minimalPdf, tempDir, writeOle, writeZip } from '../helpers/files.js';

let dir: string;
const at = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = tempDir();
  await writeZip(at('材料.zip'), { '说明.txt': '你好', 'img/a.bin': Buffer.alloc(2000, 7) });
  writeOle(at('slides.ppt'), ['PowerPoint Document', 'Current User']);
  writeOle(at('book.xls'), ['Workbook']);
  writeOle(at('other.ole'), ['Contents']);
  writeFileSync(at('empty.docx'), '');
  writeFileSync(at('scan.pdf'), minimalPdf());
  writeFileSync(at('script.txt'), '第一幕：片头。\r\n旁白：……\n');
  writeFileSync(at('random.mp4'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 251)));
  // A docx cut in half: the local headers are there, the central directory is not.
  const docx = fixture('docx_word2010_with_picture.docx');
  writeFileSync(at('truncated.docx'), docx.subarray(0, docx.length >> 1));
  // A PDF renamed .docx, a DOCX renamed .zip.
  copyFileSync(join(FIXTURES, 'pdf_plain_unencrypted.pdf'), at('fake.docx'));
  copyFileSync(join(FIXTURES, 'docx_word2010_with_picture.docx'), at('fake.zip'));
  copyFileSync(join(FIXTURES, 'mp4_h264_aac_1080x720.mp4'), at('cut.mp4'));
  truncateSync(at('cut.mp4'), 16);
});

describe('content kinds come from the bytes, never the name', () => {
  it.each([
    ['docx_word2010_with_picture.docx', 'docx'],
    ['doc_word_mac2011_ole2.doc', 'doc'],
    ['pptx_powerpoint_mac2011_3_slides.pptx', 'pptx'],
    ['pdf_plain_unencrypted.pdf', 'pdf'],
    ['zip_gbk_names_no_utf8_flag_7zip.zip', 'zip'],
    ['mp4_h264_aac_1080x720.mp4', 'mp4'],
    ['jpeg_rgb_300dpi_photoshop_cs4.jpg', 'jpg'],
    ['psd_rgb_8bit_text_layers_72dpi.psd', 'psd'],
  ])('real-world %s is %s', async (name, kind) => {
    expect(await fileFacts(join(FIXTURES, name))).toMatchObject({ exists: true, readable: true, kind });
  });

  it.each([
    ['材料.zip', 'zip'],
    ['slides.ppt', 'ppt'],
    ['book.xls', 'xls'],
    ['other.ole', 'ole'],
    ['empty.docx', 'empty'],
    ['scan.pdf', 'pdf'],
    ['script.txt', 'text'],
    ['random.mp4', 'unknown'],
    ['fake.docx', 'pdf'],
    ['fake.zip', 'docx'],
    ['cut.mp4', 'mp4'],
  ])('generated %s is %s', async (name, kind) => {
    expect((await fileFacts(at(name))).kind).toBe(kind);
  });

  it('a ZIP whose central directory is cut off is corrupt, not an exception', async () => {
    const f = await fileFacts(at('truncated.docx'));
    expect(f.kind).toBe('zip');
    expect(f.corrupt).toMatch(/ZIP 目录损坏/);
  });

  it('a missing path and a folder are not found', async () => {
    expect(await fileFacts(at('nope.pdf'))).toMatchObject({ exists: false });
    expect(await fileFacts(dir)).toMatchObject({ exists: false });
  });

  it('gathers many files in parallel, once per path, with progress', async () => {
    const seen: number[] = [];
    const files = ['scan.pdf', 'scan.pdf', '材料.zip', 'slides.ppt'].map((n) => ({ absPath: at(n) }));
    const facts = await gatherFacts(files, { onProgress: (p) => seen.push(p.done) });
    expect(facts.size).toBe(3);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(gatherFacts([{ absPath: at('scan.pdf') }], { signal: controller.signal })).rejects.toThrow();
  });
});
