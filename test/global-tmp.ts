// Every temporary folder of one test run lives under one folder of its own, removed when the run ends: a run
// left ~35 GB behind before (installed trees of 1.8 GB, batches of real media), and filled the disk.
// And no test needs a build it did not get: unless only the unit project runs, the CLI (dist/main) and the window
// (dist/renderer) are built here when a source is newer than the last build — `npx vitest run test/x.test.ts` alone
// works on a fresh checkout; under `npm test` (which builds first) this finds nothing to do.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The newest modification time under `dirs` (0 where none). */
function newest(dirs: string[]): number {
  let t = 0;
  for (const dir of dirs) {
    for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
      if (e.isFile()) t = Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs);
    }
  }
  return t;
}
const mtime = (file: string) => (existsSync(join(ROOT, file)) ? statSync(join(ROOT, file)).mtimeMs : 0);

function run(args: string[]): void {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`构建失败：node ${args.join(' ')}`);
}

function buildIfStale(): void {
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  if (
    newest(['src/main', 'src/shared']) > mtime('dist/.tsbuild/main.tsbuildinfo') ||
    !existsSync(join(ROOT, 'resources/fonts'))
  ) {
    run([tsc, '-b', 'src/main']);
    run(['scripts/copy-fonts.mjs']);
  }
  if (newest(['src/renderer', 'src/shared']) > mtime('dist/renderer/index.html'))
    run([join(ROOT, 'node_modules/vite/bin/vite.js'), 'build']);
}

export default function setup(): () => void {
  const argv = process.argv.join(' ');
  const unitOnly = /--project[= ]unit\b/.test(argv) && !/--project[= ](integration|e2e)\b/.test(argv);
  if (!unitOnly) buildIfStale();
  const root = mkdtempSync(join(tmpdir(), 'baosong-run-'));
  // The test processes are forked after this: they inherit it (test/helpers/files.ts tempDir reads it).
  process.env.BAOSONG_TEST_TMP = root;
  return () => {
    if (process.env.BAOSONG_KEEP_TMP) return;
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
