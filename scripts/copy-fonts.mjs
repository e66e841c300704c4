#!/usr/bin/env node
// Copies the font weights the print PDFs use into resources/fonts (part of `npm run build`): the font packages
// ship every weight (~200 MB); the app ships only these. Runs on every build; copies only what is missing.
// Also LXGW WenKai's regular weight (the 微课 title card's 楷体 where the PC has no KaiTi): the webfont package's
// unicode-range chunks (4.6 MB) and its stylesheet, which is their index.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const out = fileURLToPath(new URL('../resources/fonts/', import.meta.url));
mkdirSync(out, { recursive: true });
const han = dirname(require.resolve('node-source-han-sans-sc/package.json'));
const dejavu = dirname(require.resolve('dejavu-fonts-ttf/package.json'));
const files = [
  [join(han, 'SourceHanSansSC-Regular.otf'), 'SourceHanSansSC-Regular.otf'],
  [join(han, 'SourceHanSansSC-Bold.otf'), 'SourceHanSansSC-Bold.otf'],
  [join(han, 'LICENSE'), 'LICENSE-SourceHanSans.txt'],
  // Only for ☐ and ☑, which Source Han Sans lacks.
  [join(dejavu, 'ttf', 'DejaVuSans.ttf'), 'DejaVuSans.ttf'],
  [join(dejavu, 'LICENSE'), 'LICENSE-DejaVu.txt'],
];
const wenkai = dirname(require.resolve('lxgw-wenkai-webfont/package.json'));
mkdirSync(join(out, 'lxgw-wenkai'), { recursive: true });
files.push([join(wenkai, 'lxgwwenkai-regular.css'), join('lxgw-wenkai', 'lxgwwenkai-regular.css')]);
files.push([join(wenkai, 'OFL.txt'), join('lxgw-wenkai', 'OFL.txt')]);
for (const name of readdirSync(join(wenkai, 'files'))) {
  if (/^lxgwwenkai-regular-subset-\d+\.woff2$/.test(name))
    files.push([join(wenkai, 'files', name), join('lxgw-wenkai', name)]);
}
for (const [from, name] of files) {
  if (!existsSync(join(out, name))) copyFileSync(from, join(out, name));
}
