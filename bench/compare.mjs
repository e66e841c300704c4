#!/usr/bin/env node
// This tree against a baseline tree (another checkout, built), in the same script, alternating rounds: CLI start,
// import + check of 100 small works, cold and warm check, intake and export of the bench batch (bench/batch.mjs).
// On a noisy VM only ratios measured side by side mean anything.
//   git worktree add /tmp/baseline <commit> && ln -s "$PWD/node_modules" /tmp/baseline/ && (cd /tmp/baseline && npm run build)
//   npm run build && node bench/compare.mjs /tmp/baseline [rounds]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBatch, writeSmallBatch } from './batch.mjs';

const [baselineDir, roundsArg, only] = process.argv.slice(2);
if (!baselineDir) {
  console.error('usage: node bench/compare.mjs BASELINE_TREE [rounds] [measure name part, e.g. print]');
  process.exit(2);
}
const ROUNDS = Number(roundsArg ?? 5);
const trees = {
  baseline: join(resolve(baselineDir), 'bin/baosong.js'),
  current: fileURLToPath(new URL('../bin/baosong.js', import.meta.url)),
};
const Database = createRequire(import.meta.url)('better-sqlite3');

const timed = (bin, ...args) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args[0]} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const stats = (xs) => `${Math.min(...xs).toFixed(0)} / ${median(xs).toFixed(0)} / ${Math.max(...xs).toFixed(0)}`;

// The small batch of bench/cli-start (100 micro-lectures, 300 tiny files).
const small = mkdtempSync(join(tmpdir(), 'baosong-compare-'));
writeSmallBatch(small);

// The 4.75 GB batch only when a measure reads it.
const big = !only || /check|intake|export|GB/.test(only);
const { root, db } = big ? buildBatch(false) : { root: '', db: '' };
// Each tree checks its own copy of the bench catalog (the check writes its probe cache).
const dbs = {};
for (const name of big ? Object.keys(trees) : []) {
  dbs[name] = join(small, `bench-${name}.sqlite`);
  copyFileSync(db, dbs[name]);
}
const coldCache = (file) => {
  const d = new Database(file);
  d.exec('DELETE FROM probe_cache');
  d.close();
};

const measures = {
  'start (--help, median of 5)': (bin) => median(Array.from({ length: 5 }, () => timed(bin, '--help'))),
  'import 100 small works': (bin, name, round) =>
    timed(bin, 'import', join(small, 'batch.json'), '--db', join(small, `small-${name}-${round}.sqlite`)),
  'check 100 small works': (bin, name, round) =>
    timed(bin, 'check', '--db', join(small, `small-${name}-${round}.sqlite`), '--json'),
  'print 100 small works (PDFs)': (bin, name, round) => {
    const out = join(small, `print-${name}-${round}`);
    const t = timed(bin, 'print', '--db', join(small, `small-${name}-${round}.sqlite`), '--out', out);
    rmSync(out, { recursive: true, force: true });
    return t;
  },
  'cold check, 4.75 GB batch': (bin, name) => (coldCache(dbs[name]), timed(bin, 'check', '--db', dbs[name], '--json')),
  'warm check, 4.75 GB batch': (bin, name) => timed(bin, 'check', '--db', dbs[name], '--json'),
  'intake of the batch folders': (bin, name, round) =>
    timed(
      bin,
      'intake',
      join(root, 'works'),
      '--plan',
      join(small, `plan-${name}-${round}.json`),
      '--unit',
      '基准单位',
    ),
  'export (copy + hash), + sync': (bin, name, round) => {
    const out = join(small, `out-${name}-${round}`);
    const t = timed(bin, 'export', '--db', dbs[name], '--out', out, '--allow-errors');
    const s = process.hrtime.bigint();
    spawnSync('sync');
    const ms = t + Number(process.hrtime.bigint() - s) / 1e6;
    rmSync(out, { recursive: true, force: true });
    spawnSync('sync');
    return ms;
  },
};

// `only` keeps the named measures and the imports they read.
if (only) for (const m of Object.keys(measures)) if (!m.includes(only) && !m.startsWith('import')) delete measures[m];
const results = Object.fromEntries(Object.keys(measures).map((m) => [m, { baseline: [], current: [] }]));
for (let round = 0; round < ROUNDS; round += 1) {
  // Alternate which tree goes first, so that neither always meets a warmer cache.
  const order = round % 2 ? ['current', 'baseline'] : ['baseline', 'current'];
  for (const [m, fn] of Object.entries(measures))
    for (const name of order) results[m][name].push(fn(trees[name], name, round));
  process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
}
rmSync(small, { recursive: true, force: true });

console.log(`${ROUNDS} alternating rounds; ms as min / median / max; ratio = current / baseline per round`);
console.log('| measure | baseline | current | ratio of medians | per-round ratio min / median / max |');
console.log('|---|---|---|---|---|');
for (const [m, r] of Object.entries(results)) {
  const ratios = r.current.map((c, i) => c / r.baseline[i]);
  console.log(
    `| ${m} | ${stats(r.baseline)} | ${stats(r.current)} | ${(median(r.current) / median(r.baseline)).toFixed(2)}× | ${Math.min(...ratios).toFixed(2)} / ${median(ratios).toFixed(2)} / ${Math.max(...ratios).toFixed(2)} |`,
  );
}
