// The layers are the compiler's to enforce (src/*/tsconfig.json, project references): a file that breaks one is a
// compile error. Each probe is a one-file project under a layer's own options, built with `tsc -b`.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/files.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** Builds `code` as a file of `layer` (with the layer's options and references); the compiler's output and status. */
function probe(layer: 'shared' | 'main' | 'renderer', code: string): Promise<{ ok: boolean; out: string }> {
  const dir = join(tempDir('baosong-layer-'), layer);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, layer === 'renderer' ? 'probe.tsx' : 'probe.ts'), code);
  // A new file of the layer, beside the shared project it may use (for a shared probe: the rest of src/shared).
  const refs = [{ path: join(ROOT, 'src/shared') }];
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: join(ROOT, `src/${layer}/tsconfig.json`),
      compilerOptions: {
        noEmitOnError: true,
        typeRoots: [join(ROOT, 'node_modules/@types')],
        rootDir: '.',
        outDir: './out',
        declarationDir: './out',
        tsBuildInfoFile: './out/probe.tsbuildinfo',
      },
      include: ['./probe.ts', './probe.tsx'],
      references: refs,
    }),
  );
  return new Promise((resolve) => {
    execFile(process.execPath, [TSC, '-b', join(dir, 'tsconfig.json')], { cwd: ROOT }, (err, stdout, stderr) =>
      resolve({ ok: !err, out: stdout + stderr }),
    );
  });
}

const abs = (p: string) => JSON.stringify(join(ROOT, p).replace(/\.ts$/, '.js'));

describe('layers the compiler enforces', () => {
  it('src/shared compiles without Node or the DOM, and imports neither main nor the renderer', async () => {
    const [clean, node, dom, main] = await Promise.all([
      probe(
        'shared',
        `import { requireProfile } from ${abs('src/shared/rules/registry.ts')};\nexport const edition = requireProfile(null).edition;\n`,
      ),
      probe('shared', 'export const here = process.cwd();\n'),
      probe('shared', 'export const title = document.title;\n'),
      probe('shared', `import { appLayout } from ${abs('src/main/resources.ts')};\nexport const layout = appLayout;\n`),
    ]);
    expect(clean.out).toBe('');
    expect(clean.ok).toBe(true);
    expect(node.out).toMatch(/error TS2\d{3}: Cannot find name 'process'/);
    expect(dom.out).toMatch(/error TS2\d{3}: Cannot find name 'document'/);
    expect(main.out).toMatch(/error TS6307/);
  }, 120_000);

  it('the renderer uses the shared layer and the DOM, never src/main or Node', async () => {
    const [clean, main, node] = await Promise.all([
      probe(
        'renderer',
        `import { quotaUsage } from ${abs('src/shared/rules/quotas.ts')};\nexport const f = quotaUsage;\nexport const t = document.title;\n`,
      ),
      probe(
        'renderer',
        `import { appLayout } from ${abs('src/main/resources.ts')};\nexport const layout = appLayout;\n`,
      ),
      probe('renderer', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n"),
    ]);
    expect(clean.out).toBe('');
    expect(main.out).toMatch(/error TS6307/);
    expect(node.ok).toBe(false);
    expect(node.out).toMatch(/node:fs/);
  }, 120_000);

  it('src/main does not import the renderer', async () => {
    const r = await probe(
      'main',
      `import { fieldOf } from ${abs('src/renderer/focus.ts')};\nexport const f = fieldOf;\n`,
    );
    expect(r.out).toMatch(/error TS6307/);
  }, 120_000);

  it('leaves src holding sources only: no compiled file beside them (a stale .js would be imported instead of its .ts)', async () => {
    const { readdirSync } = await import('node:fs');
    const compiled = (readdirSync(join(ROOT, 'src'), { recursive: true }) as string[]).filter(
      (f) => /\.(js|mjs|d\.ts)$/.test(f) && !/(ambient|vite-env)\.d\.ts$/.test(f),
    );
    expect(compiled).toEqual([]);
  });
});
