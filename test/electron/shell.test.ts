// The Electron main and preload code against a stub of the `electron` module (the binary cannot run here).
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({
  windows: [] as { options: any; contents: any }[],
  ipcHandlers: new Map<string, (...a: any[]) => any>(),
  ipcListeners: new Map<string, (...a: any[]) => any>(),
  opened: [] as string[],
  openedPaths: [] as string[],
  exposed: null as any,
  sandbox: false,
}));

// The shared stub (test/installed runs the installed app's main process against the same one).
vi.mock('electron', async () => {
  const { createElectronStub } = await import('../helpers/electron-stub.mjs');
  return createElectronStub(state);
});

let main: typeof import('../../src/main/index.js');
let appUrl: string;

beforeAll(async () => {
  main = await import('../../src/main/index.js');
  main.registerIpc();
  main.createWindow();
  appUrl = (await import('../../src/main/app-protocol.js')).APP_URL;
});

const event = () => ({ preventDefault: vi.fn() });

/** What the main process sees of the page that calls: it sends progress, emits loading and may be destroyed. */
function pageSender() {
  return Object.assign(new EventEmitter(), { send: vi.fn(), isDestroyed: () => false });
}

describe('the Electron shell', () => {
  it('opens an isolated, sandboxed window without Node', () => {
    const prefs = state.windows[0]!.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(prefs.preload).toMatch(/preload\.cjs$/);
    expect(state.windows[0]!.options).toMatchObject({ width: 1366, height: 768, title: '报送助手' });
  });

  it('denies navigation away from the app, new windows and webviews; opens only http(s) outside', () => {
    const c = state.windows[0]!.contents;
    const away = event();
    c.handlers.get('will-navigate')(away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const webview = event();
    c.handlers.get('will-attach-webview')(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(c.openHandler({ url: 'https://www.smartedu.cn/' })).toEqual({ action: 'deny' });
    expect(c.openHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(c.openHandler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(state.opened).toEqual(['https://www.smartedu.cn/']);
  });

  it('refuses IPC from an unknown origin and answers its own page', async () => {
    const call = state.ipcHandlers.get('baosong:call')!;
    const sender = pageSender();
    const foreign = await call(
      { senderFrame: { url: 'https://evil.example/' }, sender },
      { id: 'c1', method: 'catalog.info', args: {} },
    );
    expect(foreign).toMatchObject({ ok: false, error: { message: expect.stringContaining('拒绝') } });
    const none = await call({ senderFrame: null, sender }, { id: 'c2', method: 'catalog.info', args: {} });
    expect(none.ok).toBe(false);
    // From our page the call reaches the handlers (no catalog is open yet: their own answer, not a refusal).
    const own = await call({ senderFrame: { url: appUrl }, sender }, { id: 'c3', method: 'catalog.info', args: {} });
    expect(own).toEqual({ ok: false, error: { code: 'no-catalog', message: '尚未打开目录文件' } });
  });
});

describe('opening a folder from the window', () => {
  it('goes through shell.openPath, and its failure comes back as a message', async () => {
    const { mkdirSync } = await import('node:fs');
    const { tempDir } = await import('../helpers/files.js');
    const dir = tempDir();
    mkdirSync(`${dir}/locked`);
    const call = state.ipcHandlers.get('baosong:call')!;
    const from = { senderFrame: { url: appUrl }, sender: pageSender() };
    expect(await call(from, { id: 'o1', method: 'system.openPath', args: { path: dir } })).toEqual({
      ok: true,
      value: { path: dir },
    });
    expect(await call(from, { id: 'o2', method: 'system.openPath', args: { path: `${dir}/locked` } })).toMatchObject({
      ok: false,
      error: { code: 'io', message: expect.stringContaining('拒绝访问') },
    });
    expect(state.openedPaths).toEqual([dir, `${dir}/locked`]);
  });
});

describe('the preload', () => {
  it('exposes the transport and file paths only (the compiled CommonJS file Electron loads)', async () => {
    const { readFileSync } = await import('node:fs');
    const vm = await import('node:vm');
    const electron = await import('electron');
    const code = readFileSync(new URL('../../dist/main/preload.cjs', import.meta.url), 'utf8');
    const module = { exports: {} };
    vm.runInNewContext(code, {
      require: (id: string) => (id === 'electron' ? electron : undefined),
      module,
      exports: module.exports,
    });
    expect(Object.keys(state.exposed).sort()).toEqual(['call', 'cancel', 'choose', 'openExternal', 'pathForFile']);
    expect(state.exposed.pathForFile({ path: '/x/作品.mp4' })).toBe('/x/作品.mp4');
  });
});

describe('safeOpenExternal', () => {
  it('takes http and https only', async () => {
    const { safeOpenExternal } = await import('../../src/main/security.js');
    const shell = { openExternal: vi.fn(() => Promise.resolve()) };
    expect(safeOpenExternal(shell, 'http://a.cn/')).toBe(true);
    expect(safeOpenExternal(shell, 'smb://server/share')).toBe(false);
    expect(safeOpenExternal(shell, 'not a url')).toBe(false);
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('npm start without the Electron binary', () => {
  it('says so in one line and serves browser mode on 127.0.0.1', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [fileURLToPath(new URL('../../scripts/start.mjs', import.meta.url))], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    const deadline = Date.now() + 20_000;
    while (!/http:\/\/127\.0\.0\.1:\d+\/#token=/.test(out) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGINT');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('未找到 Electron 程序');
    expect(out).toMatch(/http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/);
  }, 30_000);
});

describe('a page that reloads during a job', () => {
  it('has its job cancelled, as the browser bridge does when the connection closes', async () => {
    const { tempDir } = await import('../helpers/files.js');
    const call = state.ipcHandlers.get('baosong:call')!;
    const sender = pageSender();
    const job = call(
      { senderFrame: { url: appUrl }, sender },
      { id: 'r1', method: 'demo.create', args: { dir: tempDir() } },
    );
    // Once the call is running (it listens for the page's reload), the page reloads.
    await expect.poll(() => sender.listenerCount('did-start-loading')).toBeGreaterThan(0);
    sender.emit('did-start-loading');
    expect(await job).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    // A finished call leaves no listener behind on the page.
    expect(sender.listenerCount('did-start-loading')).toBe(0);
    expect(sender.listenerCount('destroyed')).toBe(0);
  });
});

describe('the page over app://, no permissions', () => {
  it('serves the built renderer inside its folder only, with the CSP; file:// is not our page', async () => {
    const { appResponse, APP_URL } = await import('../../src/main/app-protocol.js');
    const { isAppUrl } = await import('../../src/main/security.js');
    const root = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
    const page = await appResponse(APP_URL, root);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    for (const bad of [
      'app://baosong/../../package.json',
      'app://baosong/%2e%2e/%2e%2e/package.json',
      'app://baosong/..%2f..%2fpackage.json',
      'app://other/index.html',
      'app://baosong/%00',
      'file:///etc/passwd',
      'app://baosong/nosuch.js',
    ]) {
      expect((await appResponse(bad, root)).status, bad).toBe(404);
    }
    expect(isAppUrl(new URL('../../dist/renderer/index.html', import.meta.url).href, APP_URL)).toBe(false);
  });

  it('refuses every permission request and check without asking', async () => {
    const { denyPermissions } = await import('../../src/main/app-protocol.js');
    let request: any;
    let check: any;
    denyPermissions({
      setPermissionRequestHandler: (fn: any) => (request = fn),
      setPermissionCheckHandler: (fn: any) => (check = fn),
    } as any);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answer = vi.fn();
      request({}, permission, answer);
      expect(answer).toHaveBeenCalledWith(false);
      expect(check({}, permission)).toBe(false);
    }
  });
});
