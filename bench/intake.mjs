#!/usr/bin/env node
// bench/intake: `baosong intake` over the bench batch's folders (100 work folders, 300+ files, ≥ 4 GB of MP4).
// Not a test. Run `npm run build && node bench/intake.mjs`; see bench/README.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, buildBatch } from './batch.mjs';

const { root, allFiles, totalBytes } = buildBatch(false);
for (const p of allFiles) readFileSync(p, { flag: 'r' });
const out = mkdtempSync(join(tmpdir(), 'baosong-bench-intake-'));
const runs = [0, 1, 2].map((i) => {
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%e %M',
      process.execPath,
      BIN,
      'intake',
      join(root, 'works'),
      '--plan',
      join(out, `plan${i}.json`),
      '--unit',
      '基准单位',
    ],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  const [seconds, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds, rssMb: kb / 1024 };
});
const median = runs.sort((a, b) => a.seconds - b.seconds)[1];
const plan = JSON.parse(readFileSync(join(out, 'plan0.json'), 'utf8'));
console.log(
  `intake of ${plan.works.length} work folders, ${allFiles.length} files, ${(totalBytes / 1e9).toFixed(2)} GB: median ${median.seconds.toFixed(2)} s, peak RSS ${median.rssMb.toFixed(0)} MB`,
);
