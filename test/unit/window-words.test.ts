// The window speaks no command line: no message a window can show names a flag (`--allow-errors`, `--db`…). The
// command line's own files (src/main/cli*) may; everything else (API messages included) may not.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

describe('the window’s words', () => {
  it('name no command-line flag in any message outside the command line', () => {
    const offenders: string[] = [];
    for (const name of readdirSync(SRC, { recursive: true }) as string[]) {
      const rel = relative(SRC, join(SRC, name)).split(/[\\/]/).join('/');
      if (!/\.(ts|tsx)$/.test(rel) || /^main\/cli(\/|\.ts$)/.test(rel)) continue;
      readFileSync(join(SRC, name), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '');
          if (/^\s*(\*|\/\*)/.test(line)) return;
          // A message (it has Chinese) that names a flag.
          if (/[\u4e00-\u9fff]/.test(code) && /(^|[\s(（“'`])--[a-z][a-z-]+/.test(code)) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
