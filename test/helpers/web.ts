// `npm run web`'s bridge over a catalog, and Debian's Chromium at 1366×768: what the end-to-end tests drive.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHOTS = join(ROOT, 'test-results/screenshots');
/** Chromium and the built renderer are there (else the end-to-end tests skip, and say why). */
export const browserReady = existsSync(CHROMIUM) && existsSync(join(ROOT, 'dist/renderer/index.html'));

/** The bridge on 127.0.0.1 over `db` (none: no catalog open), and the URL (with its token) it printed. */
export async function startWeb(db?: string): Promise<{ web: ChildProcess; url: string }> {
  const web = spawn(process.execPath, [join(ROOT, 'dist/main/web.js'), ...(db ? ['--db', db] : [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    web.stdout!.on('data', (c) => {
      out += c;
      const m = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(out);
      if (m) resolve(m[0]);
    });
    web.on('exit', () => reject(new Error(`web exited: ${out}`)));
  });
  return { web, url };
}

export async function openBrowser(): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  mkdirSync(SHOTS, { recursive: true });
  return { browser, page };
}

/** A batch imported into `db` with the CLI, the bridge over it, and a browser: an end-to-end test's start. */
export async function serveBatch(
  batchFile: string,
  db: string,
): Promise<{ web: ChildProcess; url: string; browser: Browser; page: Page }> {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/baosong.js'), 'import', batchFile, '--db', db], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
  return { ...(await startWeb(db)), ...(await openBrowser()) };
}
