// House rules of the layout that a type checker cannot see.
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('src/shared', () => {
  it('is pure: no node:, electron, better-sqlite3 or DOM use', () => {
    const offenders = files(join(SRC, 'shared')).filter((f) => {
      const text = readFileSync(f, 'utf8');
      return /from ['"](node:|fs|path|os|child_process|electron|better-sqlite3)/.test(text) || /\b(document|window)\./.test(text);
    });
    expect(offenders).toEqual([]);
  });

  it('has a rule family per file, and every rule id greps to the code that raises it', async () => {
    const { liaoning29 } = await import('../../src/shared/rules/liaoning-29.js');
    // Rule code: the families in src/shared/rules (not the profile's data files, whose severities table names
    // every id) and the export, which raises the naming ids. An id found only in the table fails here.
    const data = /[\\/](liaoning-29[^\\/]*|profile)\.ts$/;
    const code = [...files(join(SRC, 'shared/rules')).filter((f) => !data.test(f)), ...files(join(SRC, 'main/export'))]
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    // Checklist ids are data by nature (one per item of the notice's 自查表); checklist.ts raises them all.
    const checklist = new Set<string>(liaoning29.checklist.map((c) => c.id));
    const missing = Object.keys(liaoning29.severities).filter((id: string) => !checklist.has(id) && !code.includes(`'${id}'`));
    expect(missing).toEqual([]);
    expect(Object.keys(liaoning29.severities).length).toBeGreaterThan(60);
  });
});

describe('src/main', () => {
  it('keeps SQL in src/main/catalog', () => {
    const offenders = files(join(SRC, 'main'))
      .filter((f) => !/[\\/]main[\\/]catalog[\\/]/.test(f))
      .filter((f) => /\.(prepare|pragma)\(|\bdb\.exec\(/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
