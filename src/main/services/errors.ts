// Whatever a call threw, as the error a front end words: a BaosongError as it is, a disk's or SQLite's in Chinese.
import { BaosongError, type ApiError } from '../../shared/errors.js';
import { describeIoError, describeSqliteError, isSqliteError } from '../io-errors.js';
import type { Session } from './session.js';

export function toApiError(e: unknown, signal?: AbortSignal, session?: Pick<Session, 'path'>): ApiError {
  if (e instanceof BaosongError) return e.toApiError();
  if (signal?.aborted) return { code: 'cancelled', message: '已取消' };
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === 'string' && typeof err.path === 'string') {
    return { code: 'io', message: describeIoError(err) };
  }
  if (e instanceof RangeError && /call stack/i.test(e.message))
    return { code: 'bad-input', message: '输入嵌套太深，无法处理' };
  if (isSqliteError(e))
    return {
      code: 'io',
      message: `${describeSqliteError(e, session?.path)}；这次操作没有保存，目录文件中此前的内容不受影响。`,
    };
  if (err && typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code))
    return { code: 'io', message: describeIoError(err) };
  return { code: 'internal', message: `程序出错(请把这段话告诉开发者)：${err?.message ?? String(e)}` };
}
