#!/usr/bin/env node
// Measures how fast the compiled CLI starts and how long import + check take on a 100-work batch of small files.
// Not a test: run `npm run build && node bench/cli-start.mjs`. Figures go into bench/README.md.
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSmallBatch } from './batch.mjs';

const BIN = fileURLToPath(new URL('../bin/baosong.js', import.meta.url));
const run = (...args) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, code: r.status, stderr: r.stderr };
};
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const node = median(
  Array.from({ length: 10 }, () => {
    const t = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    return Number(process.hrtime.bigint() - t) / 1e6;
  }),
);
const help = median(Array.from({ length: 10 }, () => run('--help').ms));

const dir = mkdtempSync(join(tmpdir(), 'baosong-bench-'));
writeSmallBatch(dir);
const db = join(dir, 'c.sqlite');
const imp = run('import', join(dir, 'batch.json'), '--db', db);
const checks = Array.from({ length: 5 }, () => run('check', '--db', db, '--json'));
rmSync(dir, { recursive: true, force: true });

console.log(`node -e 0 (process start)       ${node.toFixed(0)} ms (median of 10)`);
console.log(`baosong --help                  ${help.toFixed(0)} ms (median of 10)`);
console.log(`baosong import (100 works, 300 files)  ${imp.ms.toFixed(0)} ms, exit ${imp.code}`);
console.log(
  `baosong check --json (same)     ${median(checks.map((c) => c.ms)).toFixed(0)} ms (median of 5), exit ${checks[0].code}`,
);
