// Each entity is declared once (src/shared/entities.ts; the unit's values in src/shared/unit-fields.ts): the type,
// the edit schemas, the batch file's unit, the catalog's columns, the window's form and the CLI's listing are
// derived. Adding a unit field is one schema entry, its label and the migration that makes its column. The second
// test makes exactly that edit in a copy of src (传真 `fax`), compiles every layer, and walks the derived maps end to
// end in the compiled copy: batch import, the catalog file, unit.update, a reopened catalog, the schema guard on a
// catalog of the version before, that catalog upgraded, and the CLI's listing.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiArgs } from '../../src/shared/api.js';
import { UNIT_KEYS, UNIT_LABELS, UNIT_TEXT_KEYS, unitColumn } from '../../src/shared/entities.js';
import { requireProfile } from '../../src/shared/rules/registry.js';
import { LATEST_VERSION } from '../../src/main/catalog/migrations/index.js';
import { validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

describe('the unit entity, declared once', () => {
  it('every value has a label, a column, an edit key and a batch key', () => {
    for (const f of requireProfile(null).unitFields) expect(UNIT_KEYS).toContain(f.key);
    for (const key of UNIT_KEYS) {
      expect(UNIT_LABELS[key]).toBeTruthy();
      expect(unitColumn(key)).toMatch(/^[a-z_]+$/);
      expect(Object.keys(apiArgs['unit.update'].shape)).toContain(key);
    }
    expect(UNIT_TEXT_KEYS).not.toContain('name');
    expect(unitColumn('cloudLink')).toBe('cloud_link');
    expect(unitColumn('group')).toBe('grp');
  });

  it('adding a field is one schema entry, its label and a migration: every layer compiles, and API, batch, catalog and CLI follow', async () => {
    // A copy of src inside the repository's dist/ (so that node_modules resolve; dist is not committed), with the one edit a developer makes.
    const copy = join(ROOT, 'dist', `.field-probe-${process.pid}`);
    rmSync(copy, { recursive: true, force: true });
    try {
      cpSync(join(ROOT, 'src'), join(copy, 'src'), { recursive: true });
      cpSync(join(ROOT, 'tsconfig.base.json'), join(copy, 'tsconfig.base.json'));
      const fields = join(copy, 'src/shared/unit-fields.ts');
      const before = readFileSync(fields, 'utf8');
      const after = before
        .replace('  cloudCode: z.string(),\n', '  cloudCode: z.string(),\n  fax: z.string(),\n')
        .replace("  cloudCode: '访问密码',\n", "  cloudCode: '访问密码',\n  fax: '传真',\n");
      expect(after.split('\n').length).toBe(before.split('\n').length + 2);
      writeFileSync(fields, after);
      // …and the migration that makes its column (the schema guard fails without it: checked below).
      const migrations = join(copy, 'src/main/catalog/migrations');
      const next = LATEST_VERSION + 1;
      writeFileSync(
        join(migrations, `${String(next).padStart(3, '0')}-unit-fax.ts`),
        "export const sql = `ALTER TABLE unit ADD COLUMN fax TEXT NOT NULL DEFAULT '';`;\n",
      );
      const index = readFileSync(join(migrations, 'index.ts'), 'utf8');
      writeFileSync(
        join(migrations, 'index.ts'),
        index
          .replace(
            '\nexport interface Migration',
            `import * as m${next} from './${String(next).padStart(3, '0')}-unit-fax.js';\n\nexport interface Migration`,
          )
          .replace('\n];', `\n  { version: ${next}, name: 'unit-fax', sql: m${next}.sql },\n];`),
      );
      for (const layer of ['main', 'renderer']) {
        const tsc = spawnSync(process.execPath, [TSC, '-b', join(copy, 'src', layer, 'tsconfig.json')], {
          encoding: 'utf8',
        });
        expect(tsc.stdout + tsc.stderr).toBe('');
      }
      const dir = tempDir();
      const batch = validBatch();
      batch.unit.fax = '024-88888888';
      const batchFile = await writeBatch(join(dir, 'in'), batch);
      const script = join(copy, 'probe.mjs');
      writeFileSync(
        script,
        `import { localClient } from './dist/main/api/dispatch.js';
import { createCatalogAt } from './dist/main/catalog/db.js';
import { schemaGaps } from './dist/main/catalog/schema.js';
import { createSession, closeSession } from './dist/main/api/session.js';
const [file, batch] = process.argv.slice(2);
const out = {};
let s = createSession(); let api = localClient(s);
out.open = (await api.call('catalog.open', { path: file, create: true })).ok;
out.imported = (await api.call('batch.import', { path: batch })).ok;
out.stored = (await api.call('unit.get', {})).value.fax;
out.updated = (await api.call('unit.update', { fax: ' 024-99999999 ' })).value.fax;
out.unknown = (await api.call('unit.update', { telex: '1' })).error?.code;
closeSession(s);
s = createSession(); api = localClient(s);
await api.call('catalog.open', { path: file });
out.reopened = (await api.call('unit.get', {})).value.fax;
closeSession(s);
// A catalog of the version before the field: the guard names the missing column; opening it adds it by migration.
const older = file + '.older.sqlite';
const db = createCatalogAt(older, ${LATEST_VERSION});
out.gaps = schemaGaps(db);
db.exec(\`INSERT INTO unit (id, edition, name, kind, grp) VALUES (1, 'liaoning-29', '沈阳市教育局', 'city', 'k12')\`);
db.close();
s = createSession(); api = localClient(s);
await api.call('catalog.open', { path: older });
out.older = (await api.call('unit.get', {})).value.fax;
out.version = (await api.call('catalog.info', {})).value.schemaVersion;
closeSession(s);
process.stdout.write(JSON.stringify(out));
`,
      );
      const catalog = join(dir, 'catalog.sqlite');
      const run = spawnSync(process.execPath, [script, catalog, batchFile], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toEqual({
        open: true,
        imported: true,
        stored: '024-88888888',
        updated: '024-99999999',
        unknown: 'bad-args',
        reopened: '024-99999999',
        gaps: ['unit.fax → unit.fax'],
        older: '',
        version: LATEST_VERSION + 1,
      });
      // The CLI lists it by its label.
      const cli = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { main } from ${JSON.stringify(join(copy, 'dist/main/cli.js'))}; process.exitCode = await main(['unit', '--db', ${JSON.stringify(catalog)}]);`,
        ],
        { encoding: 'utf8' },
      );
      expect(cli.stderr).toBe('');
      expect(cli.stdout).toContain('传真：024-99999999');
      expect(cli.stdout).toContain('组织单位名称：沈阳市教育局');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 180_000);
});
