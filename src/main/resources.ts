// Where the app's own files are: the ONE module that knows. Three layouts share one shape, the app root holding
// dist/ (main and renderer), resources/fonts/, native/ and node_modules/:
//   - the checkout:            <repo>/dist/main/resources.js (or <repo>/src/main/resources.ts under the tests);
//   - the built tree moved:    the same tree anywhere ("D:\报送 助手\…"), nothing rebuilt;
//   - the packaged app:        <install>\resources\app.asar\dist\main\resources.js — the root is app.asar, and
//     everything that is spawned (ffprobe, ffmpeg) or loaded as a native module by path (the Electron-ABI
//     better-sqlite3) lives in app.asar.unpacked (electron-builder.yml's asarUnpack), where the OS can reach it.
// Paths come from fileURLToPath, never URL.pathname: the latter is percent-encoded ("Program%20Files/%E6%8A%A5…").
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type LayoutKind = 'checkout' | 'packaged';

export interface AppLayout {
  kind: LayoutKind;
  /** The folder holding dist/, resources/, native/ and node_modules/ (app.asar when packaged). */
  root: string;
  /** Where spawned and natively loaded files are: app.asar.unpacked when packaged, else root. */
  unpackedRoot: string;
}

const ASAR_SEGMENT = /([\\/])app\.asar(?=[\\/]|$)/;

/** A path inside app.asar, moved to app.asar.unpacked (unchanged outside an archive). */
export function toUnpacked(path: string): string {
  return path.replace(ASAR_SEGMENT, '$1app.asar.unpacked');
}

/** The layout of the app whose module file is given (a path or a file: URL). */
export function layoutOf(moduleFile: string | URL): AppLayout {
  const file =
    typeof moduleFile === 'string' && !moduleFile.startsWith('file:') ? moduleFile : fileURLToPath(moduleFile);
  // <root>/dist/main/resources.js or <root>/src/main/resources.ts
  const root = join(dirname(file), '..', '..');
  const packaged = ASAR_SEGMENT.test(root + sep);
  return { kind: packaged ? 'packaged' : 'checkout', root, unpackedRoot: packaged ? toUnpacked(root) : root };
}

let current: AppLayout | undefined;

/** This running app's layout. */
export function appLayout(): AppLayout {
  current ??= layoutOf(import.meta.url);
  return current;
}

export interface AppResources {
  layout: AppLayout;
  /** The built renderer (vite): its index.html is the window's page and the bridge's static root. */
  rendererDir: string;
  rendererIndex: string;
  /** The page as the window loads it (a file: URL, percent-encoded as a URL must be). */
  rendererUrl: string;
  /** The sandboxed CommonJS preload (compiled from src/main/preload.cts). */
  preload: string;
  /** Fonts embedded in the print PDFs (copied by scripts/copy-fonts.mjs). */
  fontsDir: string;
  /** The Electron-ABI build of better-sqlite3 (made by scripts/build-electron-sqlite.mjs when packaging). */
  electronSqlite: string;
}

export function resourcesOf(layout: AppLayout): AppResources {
  const rendererDir = join(layout.root, 'dist', 'renderer');
  const rendererIndex = join(rendererDir, 'index.html');
  return {
    layout,
    rendererDir,
    rendererIndex,
    rendererUrl: pathToFileURL(rendererIndex).href,
    preload: join(layout.root, 'dist', 'main', 'preload.cjs'),
    fontsDir: join(layout.root, 'resources', 'fonts'),
    electronSqlite: join(layout.unpackedRoot, 'native', 'electron', 'better_sqlite3.node'),
  };
}

export function appResources(): AppResources {
  return resourcesOf(appLayout());
}

/**
 * The better-sqlite3 addon to load: BAOSONG_SQLITE_BINDING when set; in Electron (the window, or the CLI run by
 * the app's runtime with ELECTRON_RUN_AS_NODE) the Electron-ABI build when present; else undefined, i.e. the
 * Node build npm made in node_modules (tests, the CLI under Node).
 */
export function sqliteBinding(): string | undefined {
  if (process.env.BAOSONG_SQLITE_BINDING) return process.env.BAOSONG_SQLITE_BINDING;
  if (!process.versions.electron) return undefined;
  const built = appResources().electronSqlite;
  return existsSync(built) ? built : undefined;
}

const require = createRequire(import.meta.url);

/**
 * The hash worker's script, beside the export's modules; unpacked in the packaged app (asarUnpack), so that no
 * Electron version's worker_threads has to read the archive. It imports node: modules only.
 */
export function hashWorkerPath(): string {
  const beside = fileURLToPath(new URL('./fs/hash-worker.js', import.meta.url));
  // Run from the sources (the tests import src/main directly), the worker is the compiled one.
  return toUnpacked(existsSync(beside) ? beside : join(appLayout().root, 'dist', 'main', 'fs', 'hash-worker.js'));
}

/** A bundled tool's binary, from its package, where the OS can run it (never inside app.asar). */
function bundled(pkg: 'ffprobe-static' | '@ffmpeg-installer/ffmpeg'): string {
  return toUnpacked((require(pkg) as { path: string }).path);
}

export function ffprobePath(): string {
  return process.env.BAOSONG_FFPROBE || bundled('ffprobe-static');
}

export function ffmpegPath(): string {
  return process.env.BAOSONG_FFMPEG || bundled('@ffmpeg-installer/ffmpeg');
}

/** Everything the app resolves, for the installed-layout test and for a "where are my files" report. */
export function resolvedPaths(): Record<string, string | undefined> {
  const r = appResources();
  return {
    root: r.layout.root,
    rendererIndex: r.rendererIndex,
    preload: r.preload,
    fontsDir: r.fontsDir,
    sqliteBinding: sqliteBinding(),
    hashWorker: hashWorkerPath(),
    ffprobe: ffprobePath(),
    ffmpeg: ffmpegPath(),
    // sharp's package folder (its exports hide package.json): <dir>/dist/index.cjs.
    sharp: toUnpacked(dirname(dirname(require.resolve('sharp')))),
  };
}
