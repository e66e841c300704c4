// Reading a PDF back the way a printer sees it: each page's drawn rectangles (from its own content stream) and the
// position of every word (poppler's pdftotext -bbox-layout). Coordinates in points, top-left origin.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { tempDir } from './files.js';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export interface Word extends Box {
  text: string;
}
export interface PdfPage {
  width: number;
  height: number;
  rects: Box[];
  words: Word[];
  /** poppler's text lines (words it set on one baseline). */
  lines: Word[];
}

export const has = (tool: string) => spawnSync(tool, ['-v'], { encoding: 'utf8' }).error === undefined;

/** The page content streams of a pdfkit PDF, in page order, inflated. */
function contentStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const objects = new Map<number, string>();
  const re = /(\d+) 0 obj\s*(<<(?:(?!\d+ 0 obj)[\s\S])*?>>)\s*stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    let data: string;
    try {
      data = m[2]!.includes('/FlateDecode') ? inflateSync(raw).toString('latin1') : raw.toString('latin1');
    } catch {
      continue;
    }
    objects.set(Number(m[1]), data);
  }
  const kids = /\/Type \/Pages[\s\S]*?\/Kids \[([^\]]*)\]/.exec(text)?.[1] ?? /\/Kids \[([^\]]*)\]/.exec(text)![1]!;
  return kids
    .trim()
    .split(/\s+0\s+R\s*/)
    .filter(Boolean)
    .map((n) => {
      const page = new RegExp(`(?:^|\\n)${n} 0 obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(text)![1]!;
      const contents = /\/Contents (\d+) 0 R/.exec(page)![1]!;
      return objects.get(Number(contents)) ?? '';
    });
}

const num = (s: string | undefined) => Number(s);

function wordsOf(xml: string, tag: 'word' | 'line'): Word[] {
  const out: Word[] = [];
  const re = new RegExp(
    `<${tag} xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">([\\s\\S]*?)</${tag}>`,
    'g',
  );
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const text = tag === 'line' ? m[5]!.replace(/<[^>]+>/g, '').replace(/\s+/g, '') : m[5]!;
    out.push({
      x0: num(m[1]),
      y0: num(m[2]),
      x1: num(m[3]),
      y1: num(m[4]),
      text: text
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"'),
    });
  }
  return out;
}

/** Words and lines of every page (poppler); rectangles from pdfkit's own content streams when `rects`. */
export function readPdf(pdf: Buffer, rects = true): PdfPage[] {
  const file = join(tempDir(), 'read.pdf');
  writeFileSync(file, pdf);
  const r = spawnSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(r.stderr);
  const pages = r.stdout.split('<page ').slice(1);
  const streams = rects ? contentStreams(pdf) : [];
  if (rects && streams.length !== pages.length)
    throw new Error(`${streams.length} content streams for ${pages.length} pages`);
  return pages.map((xml, i) => {
    const width = num(/width="([\d.]+)"/.exec(xml)![1]);
    const height = num(/height="([\d.]+)"/.exec(xml)![1]);
    const boxes: Box[] = [];
    for (const m of (streams[i] ?? '').matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)) {
      const [x, y, w, h] = [num(m[1]), num(m[2]), num(m[3]), num(m[4])];
      boxes.push({ x0: x, y0: y, x1: x + w, y1: y + h });
    }
    return { width, height, rects: boxes, words: wordsOf(xml, 'word'), lines: wordsOf(xml, 'line') };
  });
}

export const inside = (w: Box, r: Box, tol = 0.5) =>
  w.x0 >= r.x0 - tol && w.x1 <= r.x1 + tol && w.y0 >= r.y0 - tol && w.y1 <= r.y1 + tol;
export const overlaps = (a: Box, b: Box, tol = 0) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > tol && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > tol;
export const squash = (s: string) => s.replace(/\s+/g, '');
