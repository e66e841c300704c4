// Types of installed-tree.mjs (used by test/installed).
export interface InstalledTree {
  appDir: string;
  resources: string;
  asar: string;
  unpacked: string;
  extracted: string | null;
}
export function buildInstalledTree(out: string, options?: { extract?: boolean }): InstalledTree;
