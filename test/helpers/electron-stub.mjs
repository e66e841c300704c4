// A stand-in for the `electron` module (the binary cannot be downloaded here): records the windows, IPC handlers
// and shell calls the main process makes. Used by test/electron (through vi.mock) and, as a real module in a
// child process, by test/installed (electron-runtime.mjs maps the `electron` specifier to electron-module.mjs).
export function createElectronStub(state, options = {}) {
  class WebContents {
    handlers = new Map();
    openHandler = null;
    on(name, fn) {
      this.handlers.set(name, fn);
      return this;
    }
    setWindowOpenHandler(fn) {
      this.openHandler = fn;
    }
    send() {}
  }
  class BrowserWindow {
    webContents = new WebContents();
    constructor(opts) {
      this.options = opts;
      state.windows.push({ options: opts, contents: this.webContents, loaded: [] });
    }
    once() {}
    show() {}
    loadURL(url) {
      state.windows.find((w) => w.contents === this.webContents).loaded.push(url);
      return Promise.resolve();
    }
    static fromWebContents() {
      return null;
    }
  }
  return {
    app: {
      enableSandbox() {
        state.sandbox = true;
      },
      on() {},
      // The shell test drives registerIpc/createWindow itself; the installed app's own start-up runs them.
      whenReady: () => (options.ready ? Promise.resolve() : new Promise(() => {})),
      quit() {},
    },
    BrowserWindow,
    dialog: {},
    shell: {
      openExternal: (url) => (state.opened.push(url), Promise.resolve()),
      openPath: (path) => (state.openedPaths.push(path), Promise.resolve(path.endsWith('locked') ? '拒绝访问' : '')),
    },
    ipcMain: {
      handle: (ch, fn) => state.ipcHandlers.set(ch, fn),
      on: (ch, fn) => state.ipcListeners.set(ch, fn),
    },
    contextBridge: { exposeInMainWorld: (_key, api) => (state.exposed = api) },
    protocol: {
      registerSchemesAsPrivileged: (schemes) => ((state.schemes ??= []).push(...schemes)),
      handle: (scheme, fn) => ((state.protocols ??= new Map()).set(scheme, fn)),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn) => (state.permissionRequest = fn),
        setPermissionCheckHandler: (fn) => (state.permissionCheck = fn),
      },
    },
    ipcRenderer: { on() {}, invoke: (...a) => Promise.resolve(a), send() {} },
    webUtils: { getPathForFile: (f) => f.path },
  };
}

export function newStubState() {
  return { windows: [], ipcHandlers: new Map(), ipcListeners: new Map(), opened: [], openedPaths: [], exposed: null, sandbox: false };
}
