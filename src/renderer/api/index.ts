// Picks the transport: Electron IPC when the preload is there, the loopback HTTP bridge otherwise.
import type { ApiClient } from '../../shared/api.js';
import { httpClient } from './http.js';
import { ipcClient } from './ipc.js';

export function createClient(): ApiClient {
  const w = window as unknown as { baosong?: Parameters<typeof ipcClient>[0] };
  if (w.baosong) return ipcClient(w.baosong);
  const token =
    new URLSearchParams(location.hash.slice(1)).get('token') ?? sessionStorage.getItem('baosong-token') ?? '';
  sessionStorage.setItem('baosong-token', token);
  // The token leaves the address bar (and any screenshot of it).
  history.replaceState(null, '', location.pathname);
  return httpClient(location.origin, token);
}
