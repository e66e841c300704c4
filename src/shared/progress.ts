// A job's progress as one honest bar across its phases: each phase has a weight (the check reads files, the copy
// moves the bytes), a later phase never shows less than an earlier one, and the bar reaches 100 % only at the end.
import type { JobProgress } from './api.js';

/** The phases of each job the window runs, in order, with their weights. */
export const JOB_PHASES: Record<string, [phase: string, weight: number][]> = {
  export: [
    ['inspect', 3],
    ['forms', 2],
    ['copy', 8],
    ['swap', 1],
  ],
  check: [['inspect', 1]],
  intake: [
    ['inspect', 3],
    ['probe', 1],
  ],
  verify: [['verify', 1]],
  print: [['forms', 1]],
  mail: [['forms', 1]],
  'province-check': [
    ['province-units', 8],
    ['province-audit', 3],
    ['province-across', 1],
    ['province-outputs', 2],
  ],
  'province-verify': [['province-verify', 1]],
};

export const PHASE_NAMES: Record<string, string> = {
  inspect: '读取文件',
  forms: '生成表格',
  copy: '复制文件',
  swap: '替换文件夹',
  probe: '读取视频时长',
  verify: '校验',
  'province-units': '逐个单位检查',
  'province-audit': '封存核验',
  'province-across': '跨单位核对',
  'province-outputs': '生成退回/补交清单',
  'province-verify': '重新读取全部文件',
};

/** How far within one phase: by bytes where the phase counts them, else by items; null when it says nothing. */
export function phaseFraction(p: JobProgress): number | null {
  if (p.totalBytes) return Math.min(1, (p.bytes ?? 0) / p.totalBytes);
  if (p.total > 0) return Math.min(1, p.done / p.total);
  return null;
}

/** The whole job's fraction done (0..0.99 while running), or null when the progress says nothing. */
export function overallFraction(job: string | null, p: JobProgress | null): number | null {
  if (!p) return null;
  const within = phaseFraction(p);
  const phases = job ? JOB_PHASES[job] : undefined;
  const at = phases?.findIndex(([name]) => name === p.phase) ?? -1;
  if (!phases || at < 0) return within === null ? null : Math.min(0.99, within);
  const sum = phases.reduce((n, [, w]) => n + w, 0);
  const before = phases.slice(0, at).reduce((n, [, w]) => n + w, 0);
  return Math.min(0.99, (before + phases[at]![1] * (within ?? 0)) / sum);
}
