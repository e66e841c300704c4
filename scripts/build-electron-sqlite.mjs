// Builds better-sqlite3 for Electron's ABI into native/electron/better_sqlite3.node, WITHOUT touching the Node
// build in node_modules that the tests and the CLI use: the package is copied to a scratch project and rebuilt
// there with @electron/rebuild (a prebuilt binary when one is published, else from source with Electron's headers).
// Needs the internet (prebuilt binaries or headers). Usage: node scripts/build-electron-sqlite.mjs [--arch x64]
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rebuild } from '@electron/rebuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arch = process.argv.includes('--arch') ? process.argv[process.argv.indexOf('--arch') + 1] : process.arch;
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const scratch = mkdtempSync(join(tmpdir(), 'baosong-electron-sqlite-'));
try {
  const pkg = join(scratch, 'node_modules/better-sqlite3');
  cpSync(join(root, 'node_modules/better-sqlite3'), pkg, {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
  });
  for (const dep of ['bindings', 'file-uri-to-path', 'prebuild-install']) {
    if (existsSync(join(root, 'node_modules', dep)))
      cpSync(join(root, 'node_modules', dep), join(scratch, 'node_modules', dep), { recursive: true });
  }
  writeFileSync(
    join(scratch, 'package.json'),
    JSON.stringify({ name: 'scratch', version: '1.0.0', dependencies: { 'better-sqlite3': '*' } }),
  );
  console.log(`better-sqlite3 for Electron ${electronVersion} (${arch})…`);
  try {
    await rebuild({ buildPath: scratch, electronVersion, arch, onlyModules: ['better-sqlite3'], force: true });
  } catch (e) {
    console.error(
      `could not build better-sqlite3 for Electron: ${e.message}\n(this needs the internet: a prebuilt binary from GitHub or Electron's headers)`,
    );
    process.exitCode = 1;
    throw e;
  }
  const built = join(pkg, 'build/Release/better_sqlite3.node');
  const out = join(root, 'native/electron/better_sqlite3.node');
  mkdirSync(dirname(out), { recursive: true });
  copyFileSync(built, out);
  console.log(`written ${out}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
