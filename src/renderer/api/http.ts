// The renderer's API client over the loopback HTTP bridge (browser mode). Same interface as the IPC client:
// stores never know which transport they talk to.
import type {
  ApiArgs,
  ApiClient,
  ApiMethod,
  ApiResult,
  ApiResults,
  CallOptions,
  JobProgress,
} from '../../shared/api.js';

export function httpClient(baseUrl: string, token: string): ApiClient {
  return {
    async call<M extends ApiMethod>(
      method: M,
      args: ApiArgs<M>,
      options: CallOptions = {},
    ): Promise<ApiResult<ApiResults[M]>> {
      let response: Response;
      const body = JSON.stringify({ method, args });
      try {
        response = await fetch(new URL('/api/call', baseUrl), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body,
          signal: options.signal,
          // An edit saved as the page unloads (a reload) still reaches the bridge (small calls only: the limit is 64 KB).
          keepalive: !options.signal && body.length < 48_000,
        });
      } catch (e) {
        if (options.signal?.aborted) return { ok: false, error: { code: 'cancelled', message: '已取消' } };
        return { ok: false, error: { code: 'io', message: `无法连接报送助手后台：${(e as Error).message}` } };
      }
      if (!response.ok || !response.body) {
        return { ok: false, error: { code: 'bad-args', message: `后台拒绝了请求(HTTP ${response.status})` } };
      }
      // NDJSON: progress lines, then one result line.
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      let result: ApiResult<ApiResults[M]> | null = null;
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffered += value;
          let nl: number;
          while ((nl = buffered.indexOf('\n')) >= 0) {
            const line = JSON.parse(buffered.slice(0, nl)) as {
              progress?: JobProgress;
              result?: ApiResult<ApiResults[M]>;
            };
            buffered = buffered.slice(nl + 1);
            if (line.progress) options.onProgress?.(line.progress);
            if (line.result) result = line.result;
          }
        }
      } catch (e) {
        if (options.signal?.aborted) return { ok: false, error: { code: 'cancelled', message: '已取消' } };
        throw e;
      }
      return result ?? { ok: false, error: { code: 'io', message: '后台没有返回结果' } };
    },
  };
}
