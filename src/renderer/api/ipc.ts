// The renderer's API client over Electron IPC (the preload's `window.baosong`).
import type {
  ApiArgs,
  ApiClient,
  ApiMethod,
  ApiResult,
  ApiResults,
  CallOptions,
  JobProgress,
} from '../../shared/api.js';

interface Bridge {
  call(method: string, args: unknown, onProgress?: (p: JobProgress) => void): { id: string; result: Promise<unknown> };
  cancel(id: string): void;
}

export function ipcClient(bridge: Bridge): ApiClient {
  return {
    async call<M extends ApiMethod>(
      method: M,
      args: ApiArgs<M>,
      options: CallOptions = {},
    ): Promise<ApiResult<ApiResults[M]>> {
      const { id, result } = bridge.call(method, args, options.onProgress);
      options.signal?.addEventListener('abort', () => bridge.cancel(id), { once: true });
      return (await result) as ApiResult<ApiResults[M]>;
    },
  };
}
