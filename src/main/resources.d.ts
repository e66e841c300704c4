export type LayoutKind = 'checkout' | 'packaged';
export interface AppLayout {
    kind: LayoutKind;
    /** The folder holding dist/, resources/, native/ and node_modules/ (app.asar when packaged). */
    root: string;
    /** Where spawned and natively loaded files are: app.asar.unpacked when packaged, else root. */
    unpackedRoot: string;
}
/** A path inside app.asar, moved to app.asar.unpacked (unchanged outside an archive). */
export declare function toUnpacked(path: string): string;
/** The layout of the app whose module file is given (a path or a file: URL). */
export declare function layoutOf(moduleFile: string | URL): AppLayout;
/** This running app's layout. */
export declare function appLayout(): AppLayout;
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
export declare function resourcesOf(layout: AppLayout): AppResources;
export declare function appResources(): AppResources;
/**
 * The better-sqlite3 addon to load: BAOSONG_SQLITE_BINDING when set; in Electron (the window, or the CLI run by
 * the app's runtime with ELECTRON_RUN_AS_NODE) the Electron-ABI build when present; else undefined, i.e. the
 * Node build npm made in node_modules (tests, the CLI under Node).
 */
export declare function sqliteBinding(): string | undefined;
/**
 * The hash worker's script, beside the export's modules; unpacked in the packaged app (asarUnpack), so that no
 * Electron version's worker_threads has to read the archive. It imports node: modules only.
 */
export declare function hashWorkerPath(): string;
export declare function ffprobePath(): string;
export declare function ffmpegPath(): string;
/** Everything the app resolves, for the installed-layout test and for a "where are my files" report. */
export declare function resolvedPaths(): Record<string, string | undefined>;
