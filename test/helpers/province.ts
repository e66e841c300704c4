// A unit's cloud tree for the province tests: its batch imported and exported by the CLI.
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { validBatch, validUnit, writeBatch, type Json } from './batch.js';
import { clipOf } from './media.js';

const BIN = fileURLToPath(new URL('../../bin/baosong.js', import.meta.url));
export const baosong = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

/** A unit's batch exported into its cloud tree; each work's video its own bytes unless `video` names a shared one. */
export async function exportedTree(
  root: string,
  name: string,
  unit: Json,
  works: Json[],
  video: Record<string, string> = {},
): Promise<string> {
  const dir = join(root, `${name}-源`);
  const file = await writeBatch(dir, { ...validBatch(works), unit: { ...validUnit(), ...unit } });
  for (const w of works)
    copyFileSync(video[w.key] ?? clipOf('lecture.mp4', `${name}-${w.key}`), join(dir, `works/${w.key}/微课.mp4`));
  const db = join(dir, 'c.sqlite');
  expect(baosong('import', file, '--db', db).status).toBe(0);
  const tree = join(root, `${name} 云盘`);
  const r = baosong('export', '--db', db, '--out', tree, '--allow-errors');
  expect(r.status, r.stderr).toBeLessThan(2);
  return tree;
}
