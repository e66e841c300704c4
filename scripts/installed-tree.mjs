#!/usr/bin/env node
// The installed app's tree, made here without the Electron binary: electron-builder itself packs the app
// (`--dir`, so no installer) from electron-builder.yml, with a stand-in for the Electron distribution (one small
// executable where the Electron binary would be — it cannot be downloaded here). The result is exactly what the
// installer would put under "C:\Program Files\报送助手": <DIR>/<platform>-unpacked/resources/app.asar and
// app.asar.unpacked. With --extract, the archive is also unpacked into resources/app (the layout Electron uses
// when a package has no asar), so that Node can run the app's own files from there.
// Usage: node scripts/installed-tree.mjs DIR [--extract]   (the built tree must exist: npm run build && vite build)
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/**
 * Packs the app into out (a folder name with spaces and Chinese characters is fine) and returns where it is.
 * @param {string} out
 * @param {{ extract?: boolean }} [options]
 */
export function buildInstalledTree(out, options = {}) {
  out = resolve(out);
  for (const f of [
    'dist/main/index.js',
    'dist/main/preload.cjs',
    'dist/renderer/index.html',
    'resources/fonts/SourceHanSansSC-Regular.otf',
  ]) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run npm run build && npx vite build first`);
  }
  const standIn = join(out, '.electron-stand-in');
  mkdirSync(standIn, { recursive: true });
  const exe = join(standIn, process.platform === 'win32' ? 'electron.exe' : 'electron');
  // With Electron's fuse wire as the real binary carries it (sentinel, version 1, eight fuses at their defaults:
  // RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, V8
  // snapshot off, file:// privileges on), so that electron-builder flips them as it does for a real build.
  writeFileSync(
    exe,
    '#!/bin/sh\necho "stand-in for the Electron binary"\nexit 0\n# dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX\x01\x0810110001\n',
  );
  chmodSync(exe, 0o755);
  writeFileSync(join(standIn, 'version'), require('electron/package.json').version);
  const platform = { linux: '--linux', win32: '--win', darwin: '--mac' }[process.platform];
  const r = spawnSync(
    process.execPath,
    [
      require.resolve('electron-builder/cli.js'),
      platform,
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${standIn}`,
      `-c.directories.output=${out}`,
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } },
  );
  if (r.status !== 0) throw new Error(`electron-builder failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const unpackedName = { linux: 'linux-unpacked', win32: 'win-unpacked', darwin: 'mac' }[process.platform];
  const appDir = join(out, unpackedName);
  const resources = join(appDir, 'resources');
  const asar = join(resources, 'app.asar');
  if (!existsSync(asar)) throw new Error(`electron-builder wrote no ${asar}:\n${r.stdout}`);
  const tree = { appDir, resources, asar, unpacked: `${asar}.unpacked`, extracted: null };
  if (options.extract) {
    const { extractAll } = require('@electron/asar');
    tree.extracted = join(resources, 'app');
    extractAll(asar, tree.extracted);
    // extractAll copies the unpacked files without their modes: give the binaries back their run bits.
    const walk = (dir, rel = '') => {
      for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
        const r = join(rel, e.name);
        if (e.isDirectory()) walk(dir, r);
        else chmodSync(join(tree.extracted, r), statSync(join(dir, r)).mode & 0o7777);
      }
    };
    walk(tree.unpacked);
  }
  return tree;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/installed-tree.mjs DIR [--extract]');
    process.exit(2);
  }
  const tree = buildInstalledTree(dir, { extract: process.argv.includes('--extract') });
  console.log(JSON.stringify(tree, null, 2));
}
