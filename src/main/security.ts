// The Electron shell's security rules, in one place (Electron's security checklist): isolated, sandboxed renderer
// without Node; no navigation, no new windows, no webviews; external links only http(s), opened by the system;
// IPC accepted only from our own page.
import type { BrowserWindowConstructorOptions, Shell, WebContents, WebFrameMain } from 'electron';

export function windowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: '报送助手',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** The only way this app opens a link: http(s) in the system browser; anything else is refused. */
export function safeOpenExternal(shell: Pick<Shell, 'openExternal'>, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  void shell.openExternal(parsed.toString());
  return true;
}

/** Our page: the built renderer's index.html (file://) in the app, nothing else. */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const u = new URL(url);
    const a = new URL(appUrl);
    return u.protocol === a.protocol && u.host === a.host && u.pathname === a.pathname;
  } catch {
    return false;
  }
}

/** IPC is answered only for the main frame of our own page. */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url'> | null | undefined, appUrl: string): boolean {
  return !!frame && isAppUrl(frame.url, appUrl);
}

export function hardenWebContents(contents: WebContents, appUrl: string, shell: Pick<Shell, 'openExternal'>): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    safeOpenExternal(shell, url);
    return { action: 'deny' };
  });
}
