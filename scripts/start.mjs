#!/usr/bin/env node
// `npm start`: the desktop window when the Electron binary is there; otherwise one line saying so, and the same
// UI in browser mode on a printed 127.0.0.1 address (the Electron binary is downloaded lazily from the internet).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
let electron = null;
try {
  const path = require('electron');
  if (typeof path === 'string' && existsSync(path)) electron = path;
} catch {
  electron = null;
}
const root = fileURLToPath(new URL('..', import.meta.url));
if (electron) {
  const child = spawn(electron, [root], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stderr.write('未找到 Electron 程序(需联网下载，见 docs/packaging.md)：改用浏览器模式，请打开下面的地址。\n');
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('../dist/main/web.js', import.meta.url)), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  child.on('exit', (code) => process.exit(code ?? 0));
  process.on('SIGINT', () => child.kill('SIGINT'));
}
