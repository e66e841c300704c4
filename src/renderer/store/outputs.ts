// The outputs slice — pre-flight, export, verify, print, mail and the fix-its: each a job (one at a time, with its
// progress and cancel) whose result the screens show; and opening a folder in the system's file manager.
import type { ExportResult, FixKind, Preflight, VerifyResult } from '../../shared/api.js';
import type { JobKit } from './kit.js';

export interface OutputsState {
  preflight: Preflight | null;
  exported: ExportResult | null;
  verified: VerifyResult | null;
  printed: { dir: string; files: string[] } | null;
  mailed: { dir: string; files: string[]; subject: string; to: string } | null;
  runPreflight(out: string): Promise<void>;
  runExport(out: string, allowErrors: boolean): Promise<void>;
  verify(dir: string): Promise<void>;
  print(out: string): Promise<void>;
  mail(out: string): Promise<void>;
  /** A fix-it on a file (or 还原 to its source), as a job; the catalog and the check are read again after it. */
  fix(file: number, kind: FixKind | 'restore'): Promise<void>;
  openPath(path: string): Promise<void>;
}

/** What an open catalog's outputs were: cleared when another catalog opens. */
export const NO_OUTPUTS = { preflight: null, exported: null, verified: null, printed: null, mailed: null } as const;

export function outputsSlice({ set, get, api, guard, progressed }: JobKit): OutputsState {
  return {
    ...NO_OUTPUTS,
    openPath: async (path) => {
      const r = await api().call('system.openPath', { path });
      set(r.ok ? { notice: `已用系统程序打开 ${r.value.path}`, error: null } : { error: r.error.message });
    },
    runPreflight: (out) =>
      guard(
        '正在预检…',
        async (signal) => {
          set({ preflight: null });
          const r = await api().call('export.preflight', { out }, { signal, onProgress: progressed });
          if (!r.ok) return set({ error: r.error.message });
          set({ preflight: r.value });
        },
        'check',
      ),
    print: (out) =>
      guard(
        '正在生成打印用 PDF…',
        async (signal) => {
          const r = await api().call('print.run', { out }, { signal, onProgress: progressed });
          if (!r.ok) return set({ error: r.error.message });
          set({ printed: r.value });
        },
        'print',
      ),
    mail: (out) =>
      guard(
        '正在生成邮件附件…',
        async (signal) => {
          const r = await api().call('mail.run', { out }, { signal, onProgress: progressed });
          if (!r.ok) return set({ error: r.error.message });
          set({ mailed: r.value });
        },
        'mail',
      ),
    fix: (file, kind) =>
      guard(kind === 'restore' ? '正在还原…' : '正在修复…', async (signal) => {
        const r =
          kind === 'restore'
            ? await api().call('fix.restore', { file }, { signal })
            : await api().call('fix.run', { file, kind }, { signal, onProgress: progressed });
        if (!r.ok) return set({ error: r.error.message });
        // What the check still says of this file (another fault than the one fixed, or a 待确认 item).
        const left = r.value.remaining.filter((f) => f.severity !== 'info');
        const name = r.value.file.path.split(/[\\/]/).pop();
        set({
          notice:
            kind === 'restore'
              ? `已还原为源文件 ${r.value.file.path}`
              : `已修复：${name}${left.length ? `；该文件还有 ${left.length} 个问题：${left.map((f) => f.message).join('；')}` : '，复查通过'}`,
        });
        void get().refresh();
      }),
    runExport: (out, allowErrors) =>
      guard(
        '正在导出…',
        async (signal) => {
          set({ exported: null, verified: null });
          const r = await api().call('export.run', { out, allowErrors }, { signal, onProgress: progressed });
          // The refusal is data; in the window the way past it is the checkbox.
          if (!r.ok)
            return set({
              error:
                r.error.refusal?.override === 'allowErrors'
                  ? `${r.error.message}：修正后再导出，或选择“有错误也导出”`
                  : r.error.message,
            });
          // The pre-flight was of the folder before the export: stale now.
          set({ exported: r.value, preflight: null });
        },
        'export',
      ),
    verify: (dir) =>
      guard(
        '正在校验…',
        async (signal) => {
          const r = await api().call('export.verify', { dir }, { signal, onProgress: progressed });
          if (!r.ok) return set({ error: r.error.message });
          set({ verified: r.value });
        },
        'verify',
      ),
  };
}
