// The app as a user installs it: electron-builder packs the built tree (scripts/installed-tree.mjs, with a stand-in
// for the Electron binary) into a folder whose path has a space and Chinese characters, like
// "C:\Program Files\报送 助手"; the user's files live under "…/Users/张 三". From there, nothing of the checkout is
// used: the CLI makes the demo and prints, the bridge serves the page to Chromium, and the Electron main entry
// starts against the Electron stub and finds its page, preload, fonts and addon.
//
// Runs under Node, as Electron's runtime would (electron-runtime.mjs sets process.versions.electron and maps the
// `electron` module to the stub). The one thing that cannot be made here is the Electron-ABI better-sqlite3
// (it needs Electron's headers from the internet): the Node build stands in at native/electron/.
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  openSync,
  readSync,
  closeSync,
  statSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/files.js';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNTIME = pathToFileURL(fileURLToPath(new URL('./electron-runtime.mjs', import.meta.url))).href;
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-results/screenshots');
const built = existsSync(join(ROOT, 'dist/main/index.js')) && existsSync(join(ROOT, 'dist/renderer/index.html'));

interface Tree {
  appDir: string;
  resources: string;
  asar: string;
  unpacked: string;
  extracted: string;
}

let tree: Tree;
let app: string;
let home: string;
let demo: string;

/** The environment of a user's machine: none of this project's overrides. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, USERPROFILE: home };
  for (const k of Object.keys(env)) if (k.startsWith('BAOSONG_')) delete env[k];
  return env;
}

function installed(args: string[], timeout = 150_000): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', RUNTIME, join(app, 'bin', 'baosong.js'), ...args], {
    cwd: home,
    env: userEnv(),
    encoding: 'utf8',
    timeout,
  });
}

/** Runs ES module code in a child Node with the Electron runtime shim; returns its last stdout line as JSON. */
function childJson(code: string): any {
  const r = spawnSync(process.execPath, ['--import', RUNTIME, '--input-type=module', '-e', code], {
    cwd: home,
    env: userEnv(),
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(r.stderr).not.toMatch(/Error|错误/);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

function inside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
}

beforeAll(async () => {
  if (!built) return;
  const base = tempDir('baosong-installed-');
  home = join(base, 'Users', '张 三');
  mkdirSync(home, { recursive: true });
  const { buildInstalledTree } = await import('../../scripts/installed-tree.mjs');
  tree = buildInstalledTree(join(base, 'Program Files', '报送 助手'), { extract: true }) as Tree;
  app = tree.extracted;
  // Stand-in for the Electron-ABI addon (see the header): the Node build, where the Electron build would be.
  mkdirSync(join(app, 'native', 'electron'), { recursive: true });
  copyFileSync(
    require.resolve('better-sqlite3/build/Release/better_sqlite3.node'),
    join(app, 'native', 'electron', 'better_sqlite3.node'),
  );
  demo = join(home, '报送示例');
}, 180_000);

describe.skipIf(!built)(
  'the installed app (skipped until npm run build && vite build have run; npm test runs them)',
  () => {
    it('lives where electron-builder put it, with nothing of the checkout', () => {
      expect(app).toContain(' ');
      expect(app).toMatch(/报送/);
      expect(home).toMatch(/张 三/);
      // What the package holds at its top: the app's own files, no sources, tests or docs.
      expect(readdirSync(app).sort()).toEqual(['bin', 'dist', 'native', 'node_modules', 'package.json', 'resources']);
      expect(readdirSync(join(app, 'resources', 'fonts')).sort()).toEqual([
        'DejaVuSans.ttf',
        'LICENSE-DejaVu.txt',
        'LICENSE-SourceHanSans.txt',
        'SourceHanSansSC-Bold.otf',
        'SourceHanSansSC-Regular.otf',
        'lxgw-wenkai',
      ]);
      // The title card's 楷体: the regular weight's chunks, their index and the licence — no other weight.
      const wenkai = readdirSync(join(app, 'resources', 'fonts', 'lxgw-wenkai'));
      expect(wenkai).toContain('lxgwwenkai-regular.css');
      expect(wenkai).toContain('OFL.txt');
      expect(wenkai.filter((f) => /^lxgwwenkai-regular-subset-\d+\.woff2$/.test(f)).length).toBe(wenkai.length - 2);
      // Each platform keeps only its own ffprobe.
      expect(readdirSync(join(app, 'node_modules', 'ffprobe-static', 'bin'))).toEqual([process.platform]);
      expect(readdirSync(join(app, 'node_modules', 'ffprobe-static', 'bin', process.platform))).toEqual([process.arch]);
    });

    it("has Electron's fuses flipped as electron-builder.yml says: no run-as-Node, no NODE_OPTIONS or --inspect, asar only", async () => {
      const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses') as typeof import('@electron/fuses');
      // The wire's states as @electron/fuses reads them: '0' disabled, '1' enabled (its FuseState enum is not exported).
      const FuseState = { DISABLE: 48, ENABLE: 49 };
      const exe = readdirSync(tree.appDir)
        .map((f) => join(tree.appDir, f))
        .find((f) => statSync(f).isFile() && readFileSync(f).includes('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'))!;
      expect(exe).toBeDefined();
      const wire = await getCurrentFuseWire(exe);
      expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
      expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
      expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
      expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
      expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
      expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    });

    it('resolves every resource inside the installed tree', () => {
      const paths = childJson(
        `const r = await import(${JSON.stringify(pathToFileURL(join(app, 'dist/main/resources.js')).href)}); console.log(JSON.stringify(r.resolvedPaths()));`,
      );
      expect(Object.keys(paths).sort()).toEqual([
        'ffmpeg',
        'ffprobe',
        'fontsDir',
        'hashWorker',
        'preload',
        'rendererIndex',
        'root',
        'sharp',
        'sqliteBinding',
      ]);
      for (const [what, path] of Object.entries(paths) as [string, string][]) {
        expect(path, what).not.toMatch(/%[0-9A-F]{2}/);
        expect(existsSync(path), `${what}: ${path}`).toBe(true);
        if (what !== 'root') expect(inside(path, app), `${what}: ${path}`).toBe(true);
      }
      expect(paths.sqliteBinding).toBe(join(app, 'native', 'electron', 'better_sqlite3.node'));
      // The title card's fonts come from the installed tree: 楷 has an outline in the bundled 楷体.
      const card = childJson(
        `const f = await import(${JSON.stringify(pathToFileURL(join(app, 'dist/main/fix/card-font.js')).href)}); const w = f.wenkai(); console.log(JSON.stringify({ names: f.cardFonts().map((x) => x.name), kai: !!w?.outline(0x6977) }));`,
      );
      expect(card.kai).toBe(true);
      expect(card.names.some((n: string) => n.includes('LXGW WenKai'))).toBe(true);
    });

    it('unpacks from app.asar everything that is spawned or loaded natively (asarUnpack)', async () => {
      const asar = require('@electron/asar') as { statFile(archive: string, file: string): { unpacked?: boolean } };
      const { minimatch } = (await import('minimatch')) as typeof import('minimatch');
      const yaml = (await import('js-yaml')) as typeof import('js-yaml');
      const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as { asarUnpack: string[] };
      const covered = (rel: string) => config.asarUnpack.some((p) => minimatch(rel, p, { dot: true }));
      // Every binary in the package, by its content (ELF, PE, Mach-O) or as a native addon: unpacked in the archive.
      const magic = (file: string) => {
        const fd = openSync(file, 'r');
        const b = Buffer.alloc(4);
        readSync(fd, b, 0, 4, 0);
        closeSync(fd);
        const n = b.readUInt32BE(0);
        return (
          b.toString('latin1') === '\x7fELF' ||
          b.toString('latin1', 0, 2) === 'MZ' ||
          [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(n)
        );
      };
      const binaries: string[] = [];
      const walk = (rel: string) => {
        for (const e of readdirSync(join(app, rel), { withFileTypes: true })) {
          const r = rel ? `${rel}/${e.name}` : e.name;
          if (e.isDirectory()) walk(r);
          else if (
            r !== 'native/electron/better_sqlite3.node' &&
            statSync(join(app, r)).size >= 4 &&
            (r.endsWith('.node') || magic(join(app, r)))
          )
            binaries.push(r);
        }
      };
      walk('');
      expect(binaries.some((r) => r.includes('ffprobe-static'))).toBe(true);
      expect(binaries.some((r) => r.endsWith('.node'))).toBe(true);
      for (const rel of binaries) {
        expect(asar.statFile(tree.asar, rel).unpacked, rel).toBe(true);
        expect(covered(rel), rel).toBe(true);
      }
      // What the app resolves, mapped from inside the archive to the unpacked folder, exists there.
      const { layoutOf, toUnpacked } = await import('../../src/main/resources.js');
      const packaged = layoutOf(join(tree.asar, 'dist', 'main', 'resources.js'));
      expect(packaged).toEqual({ kind: 'packaged', root: tree.asar, unpackedRoot: tree.unpacked });
      for (const rel of [
        `node_modules/ffprobe-static/bin/${process.platform}/${process.arch}/ffprobe`,
        'node_modules/sharp/package.json',
      ]) {
        expect(existsSync(toUnpacked(join(tree.asar, rel))), rel).toBe(true);
      }
      // The hash worker (worker_threads) is run from the unpacked folder too.
      expect(asar.statFile(tree.asar, 'dist/main/fs/hash-worker.js').unpacked).toBe(true);
      expect(layoutOf(join(tree.asar, 'dist', 'main', 'resources.js')).unpackedRoot).toBe(tree.unpacked);
      expect(existsSync(join(tree.unpacked, 'dist/main/fs/hash-worker.js'))).toBe(true);
      // The Electron-ABI addon is not built here: its place is covered by asarUnpack all the same.
      expect(covered('native/electron/better_sqlite3.node')).toBe(true);
      expect(toUnpacked(join(tree.asar, 'native/electron/better_sqlite3.node'))).toBe(
        join(tree.unpacked, 'native/electron/better_sqlite3.node'),
      );
    });

    it('makes the demo and prints from there, into the user folder', () => {
      const started = Date.now();
      const r = installed(['demo', demo]);
      expect(r.stderr).not.toMatch(/错误：/);
      expect(r.status).toBe(0);
      expect(Date.now() - started).toBeLessThan(150_000);
      expect(r.stdout).toContain('示例批次已生成');
      expect(installed(['verify', join(demo, '导出')]).status).toBe(0);
      const report = JSON.parse(installed(['check', '--db', join(demo, 'catalog.sqlite'), '--json']).stdout);
      const rules = report.findings.map((f: { rule: string; work?: string }) => `${f.work}:${f.rule}`);
      expect(rules).toEqual(
        expect.arrayContaining(['w2:video.title-card', 'w3:title.unsafe-chars', 'w6:file.missing']),
      );
      expect(report.errors).toBe(1);
      const printed = installed(['print', '--db', join(demo, 'catalog.sqlite'), '--out', join(home, '打印 文件')]);
      // sharp warns on Linux under Electron's runtime ([SharpElectronLinux]); anything else would be a fault.
      expect(printed.stderr.replace(/^.*(SharpElectronLinux|--trace-warnings).*\n/gm, '')).toBe('');
      expect(printed.status).toBe(0);
      const pdfs = readdirSync(join(home, '打印 文件'), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.pdf'));
      expect(pdfs.length).toBeGreaterThan(5);
      for (const f of pdfs)
        expect(
          readFileSync(join(home, '打印 文件', f))
            .subarray(0, 5)
            .toString(),
        ).toBe('%PDF-');
    }, 200_000);

    describe.skipIf(!existsSync(CHROMIUM))(
      'the bridge from the installed tree, in Chromium (skipped without /usr/bin/chromium)',
      () => {
        let web: ChildProcess | undefined;
        afterAll(() => void web?.kill());

        it('serves the page and its assets', async () => {
          const db = join(demo, 'catalog.sqlite');
          expect(existsSync(db)).toBe(true);
          web = spawn(process.execPath, ['--import', RUNTIME, join(app, 'dist/main/web.js'), '--db', db], {
            cwd: home,
            env: userEnv(),
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          const url = await new Promise<string>((resolve, reject) => {
            let out = '';
            web!.stdout!.on('data', (c) => {
              out += c;
              const m = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(out);
              if (m) resolve(m[0]);
            });
            web!.on('exit', () => reject(new Error(`web exited: ${out}`)));
          });
          const { chromium } = await import('playwright-core');
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
          try {
            const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
            const failed: string[] = [];
            // The page and its assets must come from the installed tree (API calls are judged by what the page shows).
            page.on(
              'requestfailed',
              (r) => !r.url().endsWith('/api/call') && failed.push(`${r.failure()?.errorText} ${r.url()}`),
            );
            page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
            await page.goto(url);
            // It starts at 报送总览; the works are one click away.
            await expect
              .poll(() => page.locator('h2').first().textContent(), { timeout: 30_000 })
              .toContain('报送总览');
            await page.locator('nav').getByRole('button', { name: '作品列表' }).click();
            await expect.poll(() => page.locator('table tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(3);
            expect(failed).toEqual([]);
            mkdirSync(SHOTS, { recursive: true });
            await page.screenshot({ path: join(SHOTS, 'installed.png') });
          } finally {
            await browser.close();
          }
        }, 60_000);
      },
    );

    it('starts the Electron main entry: its window loads a page and a preload that exist, and opens a catalog', () => {
      const db = join(demo, 'catalog.sqlite');
      const main = pathToFileURL(join(app, 'dist/main/index.js')).href;
      const out = childJson(`
      await import(${JSON.stringify(main)});
      const state = globalThis.__electronStub;
      for (let i = 0; i < 100 && !state.windows.length; i++) await new Promise((r) => setTimeout(r, 20));
      const win = state.windows[0];
      const call = state.ipcHandlers.get('baosong:call');
      const { EventEmitter } = await import('node:events');
      const from = { senderFrame: { url: win.loaded[0] }, sender: Object.assign(new EventEmitter(), { send() {}, isDestroyed: () => false }) };
      const opened = await call(from, { id: 'a', method: 'catalog.open', args: { path: ${JSON.stringify(db)} } });
      // The page as the app's own scheme serves it from inside the installed tree; a path out of it is refused.
      const serve = state.protocols.get('app');
      const index = await serve({ url: win.loaded[0] });
      const html = await index.text();
      const script = html.split('src="./')[1].split('"')[0];
      const asset = await serve({ url: new URL(script, win.loaded[0]).href });
      const outside = await serve({ url: 'app://baosong/%2e%2e/%2e%2e/package.json' });
      const denied = await new Promise((r) => state.permissionRequest({}, 'media', r));
      console.log(JSON.stringify({ sandbox: state.sandbox, preload: win.options.webPreferences.preload, loaded: win.loaded, opened, schemes: state.schemes, index: index.status, hasRoot: html.includes('<div id="root">'), asset: asset.status, outside: outside.status, denied, checked: state.permissionCheck({}, 'geolocation') }));
    `);
      expect(out.sandbox).toBe(true);
      expect(out.loaded).toEqual(['app://baosong/index.html']);
      expect(out.schemes).toEqual([
        expect.objectContaining({
          scheme: 'app',
          privileges: expect.objectContaining({ standard: true, secure: true }),
        }),
      ]);
      expect(out).toMatchObject({ index: 200, hasRoot: true, asset: 200, outside: 404, denied: false, checked: false });
      const page = join(app, 'dist', 'renderer', 'index.html');
      expect(existsSync(page)).toBe(true);
      expect(out.preload).toBe(join(app, 'dist', 'main', 'preload.cjs'));
      expect(existsSync(out.preload)).toBe(true);
      expect(existsSync(join(dirname(page), 'assets'))).toBe(true);
      expect(out.opened).toMatchObject({ ok: true, value: { path: db } });
    });
  },
);
