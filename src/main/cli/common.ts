// What every command shares: exit codes, the API client, the progress lines, the error print-out.
import type { ApiClient, JobProgress } from '../../shared/api.js';
import type { ApiError } from '../../shared/errors.js';

export type Exit = 0 | 1 | 2;

export class UsageError extends Error {}

export function progressPrinter(label: string): (p: JobProgress) => void {
  const tty = process.stderr.isTTY;
  let lastQuarter = -1;
  return (p) => {
    if (tty) {
      const width = 24;
      const filled = p.total ? Math.round((p.done / p.total) * width) : width;
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total}`);
      if (p.done === p.total) process.stderr.write('\n');
    } else {
      const quarter = p.total ? Math.floor((p.done / p.total) * 4) : 4;
      if (quarter !== lastQuarter) {
        lastQuarter = quarter;
        process.stderr.write(`${label} ${p.done}/${p.total}\n`);
      }
    }
  };
}

export const mb = (n: number) => `${(n / 1e6).toFixed(n < 1e8 ? 1 : 0)} MB`;

/** Progress of a copy: bytes, files and the time left, on one line (a terminal) or a line per quarter. */
export function transferPrinter(label: string): (p: JobProgress) => void {
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let last = 0;
  let lastQuarter = -1;
  return (p) => {
    const now = Date.now();
    const total = p.totalBytes ?? 0;
    const bytes = p.bytes ?? 0;
    const rate = bytes / Math.max(1, now - started);
    const left = rate > 0 && total > bytes ? Math.round((total - bytes) / rate / 1000) : 0;
    const text = `${label} ${p.phase} ${p.done}/${p.total} 个文件 ${mb(bytes)}/${mb(total)}${left ? ` 剩余约 ${left} 秒` : ''}`;
    if (tty) {
      if (now - last < 100 && p.done !== p.total) return;
      last = now;
      process.stderr.write(`\r${text}\x1b[K`);
    } else {
      const quarter = total ? Math.floor((bytes / total) * 4) : 4;
      if (quarter === lastQuarter) return;
      lastQuarter = quarter;
      process.stderr.write(`${text}\n`);
    }
  };
}

/**
 * Prints an error; `flags` names the command's option behind an argument (`{ unitName: '--unit' }`), so that a value
 * the API refuses is said in the command line's terms ("--unit 太长：最多 100 个字符").
 */
export function fail(error: ApiError, flags: Record<string, string> = {}): Exit {
  const flag = error.code === 'bad-args' && error.path !== undefined ? flags[error.path] : undefined;
  process.stderr.write(`错误：${flag && error.detail ? `${flag} ${error.detail}` : error.message}\n`);
  const details = (error.details ?? []).slice(1);
  for (const d of details.slice(0, 30)) {
    const where = d.path ? `${d.path}${d.work ? `(作品 ${d.work})` : ''}：` : d.work ? `作品 ${d.work}：` : '';
    process.stderr.write(`  ${where}${d.message}\n`);
  }
  if (details.length > 30) process.stderr.write(`  ……另有 ${details.length - 30} 项，运行 check 查看全部\n`);
  return error.code === 'refused' ? 1 : 2;
}

export async function client(): Promise<ApiClient> {
  const [{ createSession }, { localClient }] = await Promise.all([
    import('../api/handlers.js'),
    import('../api/dispatch.js'),
  ]);
  return localClient(createSession());
}

export async function openDb(api: ApiClient, db: string | undefined, create: boolean): Promise<ApiError | null> {
  if (!db) throw new UsageError('缺少 --db CATALOG.sqlite');
  const opened = await api.call('catalog.open', { path: db, create });
  return opened.ok ? null : opened.error;
}
