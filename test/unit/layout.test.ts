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

  it('has a rule family per file, and every rule id greps to its code', () => {
    const rules = files(join(SRC, 'shared/rules')).map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const id of ['authors.first-unique', 'authors.max-two', 'title.unsafe-chars', 'quota.', 'unit.scans', 'file.type-mismatch', 'courseware.presentation']) {
      expect(rules).toContain(`'${id}`);
    }
  });
});
