// Board images: colour space, resolution and pixel size from the header (sharp reads metadata, never pixels).
import { sharp } from '../lazy.js';
import type { ImageFacts } from '../../shared/model.js';

export async function probeImage(path: string): Promise<ImageFacts> {
  // Boards at 300 dpi are ~21024 × 9272 px, far beyond sharp's default pixel limit; metadata never decodes them.
  const m = await (await sharp())(path, { limitInputPixels: false }).metadata();
  if (!m.width || !m.height) throw new Error('no size');
  // libvips reports 72 when the file stores no resolution; a stored one always comes with its unit.
  let dpi: number | null = m.density && m.resolutionUnit ? m.density : null;
  if (dpi !== null && m.resolutionUnit === 'cm') dpi = m.density! * 2.54;
  return {
    format: m.format ?? '',
    width: m.width,
    height: m.height,
    space: m.space ?? '',
    dpi: dpi === null ? null : Math.round(dpi * 100) / 100,
  };
}
