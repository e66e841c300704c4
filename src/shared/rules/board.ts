// board.*: the main board's resolution, colour mode, print size and file sizes (docs/rules.md, board.*).
import type { FileFacts, FileRef, Finding, Work } from '../model.js';
import { fileFinding, type RuleInput } from './finding.js';
import type { Profile } from './profile.js';
import { fmt, type RuleDescriptor } from './descriptor.js';

const CM_PER_INCH = 2.54;
const px = (cm: number, dpi: number) => Math.round((cm / CM_PER_INCH) * dpi);
const cm = (n: number) => n.toFixed(1);

function dpiAndColour(profile: Profile, work: Work, file: FileRef, f: FileFacts, out: Finding[]): void {
  const img = f.image!;
  const { minDpi } = profile.limits.board;
  if (img.dpi === null) {
    out.push(
      fileFinding(profile, 'board.dpi', work, file, `文件中没有分辨率信息(无分辨率信息)，应为 ${minDpi} dpi`, {
        expected: `≥ ${minDpi} dpi`,
        actual: '无分辨率信息',
      }),
    );
  } else if (img.dpi < minDpi) {
    out.push(
      fileFinding(profile, 'board.dpi', work, file, `分辨率 ${img.dpi} dpi，应不低于 ${minDpi} dpi`, {
        expected: `≥ ${minDpi} dpi`,
        actual: `${img.dpi} dpi`,
      }),
    );
  }
  if (img.space !== 'cmyk') {
    out.push(
      fileFinding(profile, 'board.cmyk', work, file, `颜色模式是 ${img.space.toUpperCase()}，印刷展板应为 CMYK`, {
        expected: 'CMYK',
        actual: img.space.toUpperCase(),
      }),
    );
  }
}

function dimensions(profile: Profile, work: Work, file: FileRef, f: FileFacts, out: Finding[]): void {
  let wCm: number;
  let hCm: number;
  let how: string;
  const B = profile.limits.board;
  if (f.image) {
    const dpi = f.image.dpi ?? B.minDpi;
    wCm = (f.image.width / dpi) * CM_PER_INCH;
    hCm = (f.image.height / dpi) * CM_PER_INCH;
    how = `${f.image.width}×${f.image.height} 像素 ÷ ${dpi} dpi${f.image.dpi === null ? `(文件无分辨率，按 ${B.minDpi} dpi 计)` : ''}`;
  } else if (f.pdf?.pageWidthPt && f.pdf.pageHeightPt) {
    wCm = (f.pdf.pageWidthPt / 72) * CM_PER_INCH;
    hCm = (f.pdf.pageHeightPt / 72) * CM_PER_INCH;
    how = 'PDF 页面尺寸';
  } else return;
  const ok = Math.abs(wCm - B.widthCm) <= B.toleranceCm && Math.abs(hCm - B.heightCm) <= B.toleranceCm;
  if (!ok) {
    out.push(
      fileFinding(
        profile,
        'board.dimensions',
        work,
        file,
        `主展板应为横版 ${B.widthCm} × ${B.heightCm} cm(±${B.toleranceCm} cm)，实际 ${cm(wCm)} × ${cm(hCm)} cm(${how})；${B.minDpi} dpi 时应为 ${px(B.widthCm, B.minDpi)} × ${px(B.heightCm, B.minDpi)} 像素`,
        { expected: `${B.widthCm} × ${B.heightCm} cm`, actual: `${cm(wCm)} × ${cm(hCm)} cm` },
      ),
    );
  }
}

export function boardRules({ profile, catalog, facts }: RuleInput): Finding[] {
  const out: Finding[] = [];
  const { minOutputBytes, minSourceBytes } = profile.limits.board;
  const mb = (b: number) => `${+(b / 1e6).toFixed(1)}`;
  for (const work of catalog.works) {
    for (const file of work.files) {
      if (file.role !== 'board-main' && file.role !== 'board-main-source') continue;
      const f = facts.get(file.absPath);
      if (!f?.exists || f.size === 0 || f.corrupt) continue;
      if (file.role === 'board-main') {
        if (f.kind === 'jpg' && f.image) dpiAndColour(profile, work, file, f, out);
        if ((f.kind === 'jpg' && f.image) || f.kind === 'pdf') dimensions(profile, work, file, f, out);
        if (f.size < minOutputBytes) {
          out.push(
            fileFinding(
              profile,
              'board.output-size',
              work,
              file,
              `主展板文件只有 ${(f.size / 1e6).toFixed(2)} MB，应不小于 ${mb(minOutputBytes)} MB(可能被压缩过)`,
              { expected: `≥ ${mb(minOutputBytes)} MB`, actual: `${(f.size / 1e6).toFixed(2)} MB` },
            ),
          );
        }
      } else {
        if (f.kind === 'psd' && f.image) dpiAndColour(profile, work, file, f, out);
        if (f.size < minSourceBytes) {
          out.push(
            fileFinding(
              profile,
              'board.source-size',
              work,
              file,
              `主展板源文件只有 ${(f.size / 1e6).toFixed(1)} MB，应不小于 ${mb(minSourceBytes)} MB(可能不是分层源文件)`,
              { expected: `≥ ${mb(minSourceBytes)} MB`, actual: `${(f.size / 1e6).toFixed(1)} MB` },
            ),
          );
        }
      }
    }
  }
  return out;
}

/** The board rules: what each is (src/shared/rules/descriptor.ts). */
export const BOARD_DESCRIPTORS = {
  'board.dpi': {
    severity: 'error',
    checks: 'a main board (JPG) or its PSD source below the resolution, or without one',
    source: '附表1-9 展板',
    threshold: (p) => `≥ ${p.limits.board.minDpi} dpi`,
    fix: { kind: 'board' },
  },
  'board.cmyk': {
    severity: 'error',
    checks: 'a main board (JPG) or its PSD source not CMYK',
    source: '附表1-9 展板',
    fix: { kind: 'board' },
  },
  'board.dimensions': {
    severity: 'error',
    checks: "a main board's printed size not the template's",
    source: '附表1-9 展板',
    threshold: (p) => `${p.limits.board.widthCm} × ${p.limits.board.heightCm} cm ± ${p.limits.board.toleranceCm} cm`,
    fix: { teacher: '展板版式尺寸不对，需要重新排版：请作者按模板尺寸重新制作' },
  },
  'board.output-size': {
    severity: 'error',
    checks: 'a main board file under its minimum size',
    source: '附表1-9 展板',
    threshold: (p) => `≥ ${fmt.mb(p.limits.board.minOutputBytes)}`,
    fix: { teacher: '文件过小，说明图像质量不够：请作者提供高质量的原图' },
  },
  'board.source-size': {
    severity: 'error',
    checks: "a main board's source file under its minimum size",
    source: '附表1-9 展板',
    threshold: (p) => `≥ ${fmt.mb(p.limits.board.minSourceBytes)}`,
    fix: { teacher: '源文件过小：请作者提供完整的分层源文件' },
  },
} as const satisfies Record<string, RuleDescriptor>;
