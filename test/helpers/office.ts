// Word files laid out by a real word processor: LibreOffice converts them to PDF with 宋体 mapped to a SimSun-like
// font (test/fixtures/fonts/simsun-like.conf), in a profile of its own (two test files may convert at once).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { has } from './pdf-read.js';
import { tempDir } from './files.js';

const CONF = fileURLToPath(new URL('../fixtures/fonts/simsun-like.conf', import.meta.url));

/** soffice, pdftotext and the SimSun-like font (Debian's fonts-arphic-uming) are all here. */
export const officeReady =
  has('soffice') &&
  has('pdftotext') &&
  /AR PL UMing CN/.test(spawnSync('fc-list', [], { encoding: 'utf8' }).stdout ?? '');

/** Converts `files` to PDF into `outDir` (same base names). */
export function toPdf(files: string[], outDir: string): void {
  const profile = pathToFileURL(join(tempDir('baosong-lo-'), 'profile')).href;
  const r = spawnSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files],
    {
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, FONTCONFIG_FILE: CONF },
    },
  );
  if (r.status !== 0) throw new Error(`soffice: ${r.stderr || r.error?.message}`);
}
