// Types of electron-stub.mjs (plain JavaScript so that a child Node process can load it too).
export interface StubState {
  windows: { options: any; contents: any; loaded?: string[] }[];
  ipcHandlers: Map<string, (...a: any[]) => any>;
  ipcListeners: Map<string, (...a: any[]) => any>;
  opened: string[];
  openedPaths: string[];
  exposed: any;
  sandbox: boolean;
}
export function createElectronStub(state: StubState, options?: { ready?: boolean }): any;
export function newStubState(): StubState;
