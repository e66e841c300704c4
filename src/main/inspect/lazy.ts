// The probes' heavy libraries, loaded on first use: a warm check (every fact cached) never pays for them
// (pdf-lib alone costs ~190 ms to load, sharp ~75 ms, yauzl ~35 ms).
import type Sharp from 'sharp';

let sharpLib: typeof Sharp | undefined;
let pdfLibMod: typeof import('pdf-lib') | undefined;
let yauzlMod: typeof import('yauzl') | undefined;

export async function sharp(): Promise<typeof Sharp> {
  if (!sharpLib) {
    sharpLib = (await import('sharp')).default;
    // Boards at 300 dpi are ~21024 × 9272 px; metadata never decodes them, and nothing is worth caching.
    sharpLib.cache(false);
  }
  return sharpLib;
}

export async function pdfLib(): Promise<typeof import('pdf-lib')> {
  pdfLibMod ??= await import('pdf-lib');
  return pdfLibMod;
}

export async function yauzl(): Promise<typeof import('yauzl')> {
  yauzlMod ??= ((await import('yauzl')) as { default?: typeof import('yauzl') }).default ?? (await import('yauzl'));
  return yauzlMod;
}
