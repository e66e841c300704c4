// One line of facts about a file for the window ("H.264 1920×1080 25fps 3:20 AAC"), from its probe.
import type { Preflight } from './api.js';
import type { FileFacts } from './model.js';
import { KIND_NAMES } from './kinds.js';

const CODECS: Record<string, string> = {
  h264: 'H.264',
  hevc: 'H.265',
  mpeg4: 'MPEG-4',
  vp9: 'VP9',
  av1: 'AV1',
  aac: 'AAC',
  mp3: 'MP3',
  opus: 'Opus',
  ac3: 'AC-3',
};

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(2)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${n} B`;
}

export function formatDuration(s: number): string {
  const t = Math.round(s);
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const sec = String(t % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

const fps = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, ''));

export function describeFacts(f: FileFacts): string {
  if (!f.exists) return '找不到文件';
  if (!f.readable) return '无法读取';
  const parts: string[] = [];
  if (f.video) {
    const v = f.video;
    parts.push(
      CODECS[v.codec] ?? v.codec.toUpperCase(),
      `${v.width}×${v.height}`,
      `${fps(v.fps)}fps`,
      formatDuration(v.durationS),
    );
    parts.push(v.audio ? (CODECS[v.audio.codec] ?? v.audio.codec.toUpperCase()) : '无音频');
  } else if (f.image) {
    const i = f.image;
    parts.push(i.format.toUpperCase(), `${i.width}×${i.height}`, i.space === 'cmyk' ? 'CMYK' : i.space.toUpperCase());
    if (i.dpi)
      parts.push(
        `${i.dpi} dpi`,
        `${((i.width / i.dpi) * 2.54).toFixed(1)}×${((i.height / i.dpi) * 2.54).toFixed(1)} cm`,
      );
    else parts.push('无分辨率信息');
  } else if (f.pdf) {
    const p = f.pdf;
    parts.push(`PDF ${p.version}`);
    if (p.pages !== null) parts.push(`${p.pages} 页`);
    if (p.pageWidthPt && p.pageHeightPt)
      parts.push(`${((p.pageWidthPt / 72) * 25.4).toFixed(0)}×${((p.pageHeightPt / 72) * 25.4).toFixed(0)} mm`);
    if (p.encrypted) parts.push('已加密');
  } else if (f.zip) {
    parts.push(`ZIP ${f.zip.entries} 个条目`, `解压后 ${formatBytes(f.zip.uncompressedBytes)}`);
    if (f.zip.legacyCount) parts.push(`${f.zip.legacyCount} 个非 UTF-8 文件名`);
    if (f.zip.encryptedCount) parts.push(`${f.zip.encryptedCount} 个加密`);
  } else {
    parts.push(KIND_NAMES[f.kind]);
  }
  parts.push(formatBytes(f.size));
  if (f.corrupt) parts.push(`损坏：${f.corrupt}`);
  return parts.join(' ');
}

/** The export folder's state in the pre-flight, as the window and the CLI say it. */
export const PREFLIGHT_STATE: Record<Preflight['state'], string> = {
  absent: '新文件夹(将创建)',
  empty: '空文件夹',
  previous: '以前导出的文件夹：只更新有变化的文件',
  refused: '不能使用',
};

/** Whether the free space is short of what the export copies (with the margin the export itself keeps). */
export function preflightShort(p: Pick<Preflight, 'freeBytes' | 'copyBytes'>): boolean {
  return p.freeBytes !== null && p.freeBytes < p.copyBytes + 16 * 1024 * 1024;
}
