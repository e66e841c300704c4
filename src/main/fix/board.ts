// Board fix-its (sharp): an RGB main board converted to CMYK, and its resolution tag set to the notice's dpi — only
// when the pixels already give that resolution at the board's print size. Never upscaled: a board too small says
// how many pixels it needs instead. The result is a new JPEG; the source is only read.
import { rename, rm } from 'node:fs/promises';
import { sharp } from '../lazy.js';
import { BaosongError } from '../../shared/errors.js';
import type { Profile } from '../../shared/rules/profile.js';

const CM_PER_INCH = 2.54;

export interface BoardPlan {
  /** What the fix will do, or why it cannot. */
  ok: boolean;
  message: string;
  /** The resolution to write, in dpi (the pixels at the print size, at least the notice's minimum). */
  dpi: number;
}

/** Whether the pixels carry the board's print size at the minimum resolution: the dpi they give, and what to say. */
export function planBoard(profile: Profile, width: number, height: number): BoardPlan {
  const B = profile.limits.board;
  const dpi = Math.min(width / (B.widthCm / CM_PER_INCH), height / (B.heightCm / CM_PER_INCH));
  const need = (cm: number) => Math.ceil((cm / CM_PER_INCH) * B.minDpi);
  if (dpi + 0.5 < B.minDpi) {
    return {
      ok: false,
      dpi,
      message: `图像只有 ${width} × ${height} 像素，按 ${B.widthCm} × ${B.heightCm} cm 印刷只有 ${Math.floor(dpi)} dpi；不能放大：请作者提供至少 ${need(B.widthCm)} × ${need(B.heightCm)} 像素的原图`,
    };
  }
  return {
    ok: true,
    dpi: Math.max(B.minDpi, Math.floor(dpi)),
    message: `转换为 CMYK，分辨率标记为 ${Math.max(B.minDpi, Math.floor(dpi))} dpi(像素不变)`,
  };
}

/** Writes `target` as a CMYK JPEG at `dpi`, the pixels unchanged. */
export async function boardToCmyk(source: string, target: string, dpi: number, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  const part = `${target}.baosong-part`;
  try {
    await (
      await sharp()
    )(source, { limitInputPixels: false })
      .rotate() // an EXIF orientation applied, so the printed board is upright
      // A CMYK ICC profile (libvips' own) does the conversion and travels with the file; the density is the tag only.
      .withIccProfile('cmyk')
      .withDensity(dpi)
      .jpeg({ quality: 95, chromaSubsampling: '4:4:4' })
      .toFile(part);
    signal?.throwIfAborted();
    await rename(part, target);
  } catch (e) {
    await rm(part, { force: true });
    if (signal?.aborted) throw signal.reason;
    throw e instanceof BaosongError ? e : new BaosongError('io', `无法转换展板图像：${(e as Error).message}`);
  }
}
