// The preload (sandboxed: only `electron`'s renderer modules): exposes the typed API's transport and the paths of
// dropped files to the page, nothing else.
import { contextBridge, ipcRenderer, webUtils } from 'electron';

let next = 0;
const listeners = new Map<string, (p: unknown) => void>();
ipcRenderer.on('baosong:progress', (_e, m: { id: string; progress: unknown }) => listeners.get(m.id)?.(m.progress));

contextBridge.exposeInMainWorld('baosong', {
  call(method: string, args: unknown, onProgress?: (p: unknown) => void): { id: string; result: Promise<unknown> } {
    const id = `c${++next}`;
    if (onProgress) listeners.set(id, onProgress);
    const result = ipcRenderer.invoke('baosong:call', { id, method, args }).finally(() => listeners.delete(id));
    return { id, result };
  },
  cancel: (id: string) => ipcRenderer.send('baosong:cancel', id),
  choose: (kind: 'file' | 'folder' | 'save') => ipcRenderer.invoke('baosong:dialog', kind),
  openExternal: (url: string) => ipcRenderer.invoke('baosong:open-external', url),
  pathForFile: (file: File) => webUtils.getPathForFile(file),
});
