#!/usr/bin/env node
// bench/export: copy-mode export of the bench batch (≥ 4 GB; ≥ 20 GB with --20gb) against `cp -r --reflink=never`
// of the same files, each followed by `sync`, sources warm in the page cache, median of 3 alternating runs;
// then the re-export of the unchanged tree, and the export's peak RSS. Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, buildBatch } from './batch.mjs';

const BIG = process.argv.includes('--20gb');
const { root, db, allFiles, totalBytes } = buildBatch(BIG);
const out = join(root, 'export-out');
const cpOut = join(root, 'cp-out');

function timed(cmd, args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const [seconds, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return { seconds, rssMb: kb / 1024 };
}
const sync = () => timed('sync', []).seconds;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

// Warm the sources, and the probe cache (the export checks first; the check is bench/check's subject).
for (const p of allFiles) readFileSync(p);
spawnSync(process.execPath, [BIN, 'check', '--db', db, '--json'], { maxBuffer: 1 << 26 });

const ours = [];
const cp = [];
let rss = 0;
for (let i = 0; i < 3; i += 1) {
  rmSync(out, { recursive: true, force: true });
  rmSync(cpOut, { recursive: true, force: true });
  sync();
  const e = timed(process.execPath, [BIN, 'export', '--db', db, '--out', out, '--allow-errors']);
  ours.push(e.seconds + sync());
  rss = Math.max(rss, e.rssMb);
  mkdirSync(cpOut);
  const c = timed('cp', ['-r', '--reflink=never', join(root, 'works'), cpOut]);
  cp.push(c.seconds + sync());
}
const again = timed(process.execPath, [BIN, 'export', '--db', db, '--out', out, '--allow-errors']);
rmSync(cpOut, { recursive: true, force: true });

const o = median(ours);
const c = median(cp);
console.log(`batch: ${allFiles.length} files, ${(totalBytes / 1e9).toFixed(2)} GB`);
console.log(
  `export (copy mode, hashing, + sync): ${ours.map((x) => x.toFixed(2)).join(' / ')} s → median ${o.toFixed(2)} s`,
);
console.log(
  `cp -r --reflink=never (+ sync):      ${cp.map((x) => x.toFixed(2)).join(' / ')} s → median ${c.toFixed(2)} s`,
);
console.log(`ratio: ${(o / c).toFixed(3)}× (target ≤ 1.15×)`);
console.log(`re-export of the unchanged tree: ${again.seconds.toFixed(2)} s (target < 2 s)`);
console.log(`peak RSS of the export: ${rss.toFixed(0)} MB (target < 300 MB)`);
