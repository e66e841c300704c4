// The title card's 楷体: glyph outlines, one character at a time, from the first font that has the character —
// the PC's own KaiTi (simkai.ttf on Chinese Windows, Kaiti on a Mac, AR PL UKai on Linux), else the bundled
// LXGW WenKai (an open-licence 楷体, OFL 1.1, shipped as the webfont package's unicode-range chunks), and only
// for a character neither has, Source Han Sans (黑体: nothing is dropped). fontkit reads TTF, TTC and WOFF2.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as fontkit from 'fontkit';
import { fontkit as loadFontkit } from '../lazy.js';
import { appResources } from '../resources.js';

export interface Outline {
  /** SVG path data in font units, y up. */
  d: string;
  advance: number;
  unitsPerEm: number;
}

export interface CardFont {
  /** What the preview says the card is set in. */
  name: string;
  outline(codePoint: number): Outline | null;
}

/** Where a PC keeps its KaiTi, by platform (the first that exists is used). */
export function systemKaitiCandidates(platform = process.platform, env = process.env): string[] {
  if (platform === 'win32') {
    const fonts = join(env.SystemRoot ?? env.WINDIR ?? 'C:\\Windows', 'Fonts');
    return [join(fonts, 'simkai.ttf'), join(fonts, 'STKAITI.TTF')];
  }
  if (platform === 'darwin')
    return [
      '/System/Library/Fonts/Supplemental/Kaiti.ttc',
      '/Library/Fonts/Kaiti.ttc',
      '/System/Library/Fonts/Kaiti.ttc',
    ];
  return ['/usr/share/fonts/truetype/arphic/ukai.ttc', '/usr/share/fonts/truetype/arphic-ukai/ukai.ttc'];
}

function single(font: fontkit.Font | fontkit.FontCollection): fontkit.Font {
  return 'fonts' in font ? font.fonts[0]! : font;
}

function outlineOf(font: fontkit.Font, codePoint: number): Outline | null {
  if (!font.hasGlyphForCodePoint(codePoint)) return null;
  const g = font.glyphForCodePoint(codePoint);
  return { d: g.path.toSVG(), advance: g.advanceWidth, unitsPerEm: font.unitsPerEm };
}

function fileFont(name: string, path: string): CardFont {
  let font: fontkit.Font | undefined;
  return {
    name,
    outline: (cp) => outlineOf((font ??= single(loadFontkit().openSync(path))), cp),
  };
}

/** "U+4e00-4e8f, U+4e91" → [[0x4e00, 0x4e8f], [0x4e91, 0x4e91]]. */
export function parseUnicodeRange(text: string): [number, number][] {
  return text.split(',').flatMap((part) => {
    const m = /U\+([0-9a-f]+)(?:-([0-9a-f]+))?/i.exec(part.trim());
    return m ? [[parseInt(m[1]!, 16), parseInt(m[2] ?? m[1]!, 16)] as [number, number]] : [];
  });
}

/** LXGW WenKai from its chunks: the stylesheet's @font-face rules say which chunk holds which characters. */
export function wenkai(dir = join(appResources().fontsDir, 'lxgw-wenkai')): CardFont | null {
  const css = join(dir, 'lxgwwenkai-regular.css');
  if (!existsSync(css)) return null;
  const chunks: { file: string; ranges: [number, number][]; font?: fontkit.Font }[] = [];
  for (const m of readFileSync(css, 'utf8').matchAll(
    /url\(['"]?\.\/files\/([^'")]+)['"]?\)[^;]*;\s*unicode-range:\s*([^;}]+)/g,
  )) {
    chunks.push({ file: join(dir, m[1]!), ranges: parseUnicodeRange(m[2]!) });
  }
  return {
    name: '霞鹜文楷(LXGW WenKai，开源楷体)',
    outline(cp) {
      const chunk = chunks.find((c) => c.ranges.some(([lo, hi]) => cp >= lo && cp <= hi));
      if (!chunk || !existsSync(chunk.file)) return null;
      chunk.font ??= single(loadFontkit().openSync(chunk.file));
      return outlineOf(chunk.font, cp);
    },
  };
}

let cached: CardFont[] | undefined;

/** The fonts a card is set in, in order of preference; the first is the one the card is said to be in. */
export function cardFonts(): CardFont[] {
  if (cached) return cached;
  const out: CardFont[] = [];
  const kaiti = systemKaitiCandidates().find((p) => existsSync(p));
  if (kaiti) out.push(fileFont(`楷体(本机 ${kaiti})`, kaiti));
  const bundled = wenkai();
  if (bundled) out.push(bundled);
  const han = join(appResources().fontsDir, 'SourceHanSansSC-Regular.otf');
  if (existsSync(han)) out.push(fileFont('思源黑体(补缺字)', han));
  cached = out;
  return out;
}
