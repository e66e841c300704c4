// The floor plan (docs/architecture.md) kept true: the import graph of src/, read as the compiler reads it, has no
// cycle, and none of the arrows that must never exist. A part is a folder of src/main (api, services, catalog, …),
// the entry points and the base files at src/main's root, the renderer, and shared's folders.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from '../helpers/import-graph.js';

/** The files at src/main's root: the entry points (which may use anything) and the base below everything. */
const ENTRY = [
  'main/index.ts',
  'main/cli.ts',
  'main/web.ts',
  'main/app-protocol.ts',
  'main/security.ts',
  'main/preload.cts',
];
const BASE = ['main/atomic.ts', 'main/io-errors.ts', 'main/lazy.ts', 'main/processes.ts', 'main/resources.ts'];

function part(file: string): string {
  if (ENTRY.includes(file)) return 'main/entry';
  if (BASE.includes(file)) return 'main/base';
  const [layer, sub, ...rest] = file.split('/');
  if (layer === 'renderer') return 'renderer';
  return rest.length ? `${layer}/${sub}` : layer!;
}

/** Below the API: the engines and what they stand on. */
const BELOW_API = [
  'main/services',
  'main/catalog',
  'main/export',
  'main/forms',
  'main/intake',
  'main/inspect',
  'main/fix',
  'main/province',
  'main/demo',
  'main/docs',
  'main/fs',
  'main/base',
];
const MAIN_PARTS = [...BELOW_API, 'main/api', 'main/cli', 'main/entry'];

/** [from, to, why]: each an arrow that must never exist. */
const FORBIDDEN: [string[], string[], string][] = [
  [
    ['shared', 'shared/api', 'shared/rules', 'shared/intake'],
    [...MAIN_PARTS, 'renderer'],
    'shared code runs in the window and in main alike',
  ],
  [['renderer'], MAIN_PARTS, 'the window reaches main only through the API'],
  [BELOW_API, ['main/api'], 'the API sits on the services, never the reverse (one path for every caller)'],
  [[...BELOW_API, 'main/api'], ['main/cli', 'main/entry'], 'only the entry points start things'],
  [['main/forms', 'main/intake'], ['main/export'], 'forms and intake are used by the export, not users of it'],
  [
    ['main/fs', 'main/base'],
    MAIN_PARTS.filter((p) => p !== 'main/fs' && p !== 'main/base'),
    'the file system helpers are the floor',
  ],
  [
    ['main/catalog'],
    [
      'main/services',
      'main/export',
      'main/forms',
      'main/intake',
      'main/province',
      'main/fix',
      'main/demo',
      'main/docs',
    ],
    'the catalog is storage only',
  ],
  [
    ['main/inspect'],
    ['main/catalog', 'main/services', 'main/export', 'main/forms', 'main/intake', 'main/province', 'main/fix'],
    'probing a file knows nothing of catalogs or outputs',
  ],
  [
    ['main/services'],
    ['main/province', 'main/export', 'main/fix', 'main/forms'],
    'services open, plan, import and check; the engines build on them',
  ],
];

describe('the import graph', () => {
  const graph = importGraph();

  it('has no cycle (imports that run; a type named both ways is no cycle)', () => {
    expect(cycles(graph.value)).toEqual([]);
  });

  it('has none of the arrows that must never exist', () => {
    const bad: string[] = [];
    for (const [file, targets] of graph.all) {
      for (const t of targets) {
        const [a, b] = [part(file), part(t)];
        if (a === b) continue;
        for (const [from, to, why] of FORBIDDEN)
          if (from.includes(a) && to.includes(b)) bad.push(`${file} → ${t}: ${why}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('knows every part of src/main (a new folder is placed in the plan and in docs/architecture.md)', () => {
    const parts = new Set([...graph.all.keys()].map(part).filter((p) => p.startsWith('main')));
    expect([...parts].filter((p) => !MAIN_PARTS.includes(p))).toEqual([]);
    const doc = readFileSync(fileURLToPath(new URL('../../docs/architecture.md', import.meta.url)), 'utf8');
    for (const p of MAIN_PARTS.filter((x) => x.includes('/') && !['main/entry', 'main/base'].includes(x)))
      expect(doc).toContain(`src/${p}/`);
  });

  it('sees arrows no import statement shows: a worker loaded by URL', () => {
    expect([...graph.value.get('main/resources.ts')!]).toContain('main/fs/hash-worker.ts');
  });
});
