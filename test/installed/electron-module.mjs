// The `electron` module as the installed app's main process sees it in test/installed: the shared stub, ready.
import { createElectronStub, newStubState } from '../helpers/electron-stub.mjs';

export const state = (globalThis.__electronStub ??= newStubState());
const electron = createElectronStub(state, { ready: true });
export const { app, BrowserWindow, dialog, shell, ipcMain, contextBridge, ipcRenderer, webUtils, protocol, session } = electron;
export default electron;
