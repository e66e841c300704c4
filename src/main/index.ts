// The Electron main process: one window over the built renderer, the typed API over one IPC channel.
// Only relays: every method runs in the same handlers as the CLI and the HTTP bridge.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  protocol,
  session as electronSession,
  shell,
  type IpcMainInvokeEvent,
} from 'electron';
import { dispatch } from './api/dispatch.js';
import { closeSession, createSession } from './api/handlers.js';
import { BaosongError } from '../shared/errors.js';
import { appResources } from './resources.js';
import { hardenWebContents, isTrustedSender, safeOpenExternal, windowOptions } from './security.js';
import { APP_URL, denyPermissions, registerAppScheme, serveApp } from './app-protocol.js';

export const CHANNEL = {
  call: 'baosong:call',
  cancel: 'baosong:cancel',
  progress: 'baosong:progress',
  dialog: 'baosong:dialog',
  open: 'baosong:open-external',
};

// The page, the preload and (in catalog/db.ts) the Electron-ABI addon: from resources.ts, in every layout. The page
// is served as app://baosong/ from the built renderer's folder (app-protocol.ts), never as file://.
const resources = appResources();
const appUrl = APP_URL;

const session = createSession();
session.openPath = async (path) => {
  const failure = await shell.openPath(path);
  if (failure) throw new BaosongError('io', `无法打开 ${path}：${failure}`);
};
const running = new Map<string, AbortController>();

function trusted(event: IpcMainInvokeEvent): boolean {
  return isTrustedSender(event.senderFrame, appUrl);
}

export function registerIpc(): void {
  ipcMain.handle(CHANNEL.call, async (event, call: { id: string; method: string; args: unknown }) => {
    if (!trusted(event)) return { ok: false, error: { code: 'bad-args', message: '拒绝：请求不是来自报送助手的页面' } };
    const controller = new AbortController();
    running.set(call.id, controller);
    // The page that asked reloads or goes away: its job is cancelled, as the browser bridge does when the
    // connection closes (the reloaded page then says what happened).
    const stop = () => controller.abort();
    event.sender.once('did-start-loading', stop);
    event.sender.once('destroyed', stop);
    try {
      return await dispatch(session, call.method as never, call.args, {
        signal: controller.signal,
        onProgress: (progress) => event.sender.send(CHANNEL.progress, { id: call.id, progress }),
      });
    } finally {
      running.delete(call.id);
      if (!event.sender.isDestroyed()) {
        event.sender.off('did-start-loading', stop);
        event.sender.off('destroyed', stop);
      }
    }
  });
  ipcMain.on(CHANNEL.cancel, (event, id: string) => {
    if (isTrustedSender(event.senderFrame, appUrl)) running.get(id)?.abort();
  });
  ipcMain.handle(CHANNEL.dialog, async (event, kind: 'file' | 'folder' | 'save') => {
    if (!trusted(event)) return null;
    const win = BrowserWindow.fromWebContents(event.sender) ?? undefined;
    if (kind === 'save') return (await dialog.showSaveDialog(win!, {})).filePath ?? null;
    const r = await dialog.showOpenDialog(win!, {
      properties: kind === 'folder' ? ['openDirectory', 'createDirectory'] : ['openFile', 'multiSelections'],
    });
    return r.canceled ? null : r.filePaths;
  });
  ipcMain.handle(CHANNEL.open, (event, url: string) => trusted(event) && safeOpenExternal(shell, url));
}

export function createWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions(resources.preload));
  hardenWebContents(win.webContents, appUrl, shell);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(appUrl);
  return win;
}

if (process.versions.electron) {
  app.enableSandbox();
  registerAppScheme(protocol);
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents, appUrl, shell));
  void app.whenReady().then(() => {
    serveApp(protocol, resources.rendererDir);
    denyPermissions(electronSession.defaultSession);
    registerIpc();
    createWindow();
  });
  // However the app ends, the catalog is closed first: its log folded into the file, which then holds everything.
  app.on('window-all-closed', () => {
    closeSession(session);
    app.quit();
  });
  app.on('before-quit', () => closeSession(session));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (closeSession(session), app.quit()));
}
