#!/usr/bin/env node
// bench/check: a batch of 100 works / 300+ files / ≥ 4 GB of MP4 (≥ 20 GB with --20gb), checked cold and warm.
// Not a test. Run `npm run build && node bench/check.mjs [--20gb]`; see bench/README.md for the method.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BIN, buildBatch } from './batch.mjs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const BIG = process.argv.includes('--20gb');
const { root, db, allFiles, totalBytes, mp4Bytes, works } = buildBatch(BIG);

/** Wall time and peak RSS (GNU time's %M: the largest resident set of the process and the children it waited for). */
function timed(args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, BIN, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const [seconds, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds, rssMb: kb / 1024, code: r.status };
}

function clearCache() {
  const Database = require('better-sqlite3');
  const d = new Database(db);
  d.exec('DELETE FROM probe_cache');
  d.close();
}

// Files warm in the page cache for every run: this measures the tool, not the disk.
for (const p of allFiles) readFileSync(p, { flag: 'r' });
const start = timed(['--help']);
clearCache();
const cold = timed(['check', '--db', db, '--json']);

// The peer: MediaInfo's facts-only pass over the same files in one process (Debian's `mediainfo`, installed for
// the bench only: `apt-get install mediainfo`). Alternating rounds, each of ours cold (empty probe cache).
const stat = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};
let peerLine = 'mediainfo not found: `apt-get install mediainfo` to compare';
if (spawnSync('mediainfo', ['--Version']).status === 0) {
  const ours = [];
  const theirs = [];
  for (let round = 0; round < 5; round += 1) {
    const t0 = performance.now();
    const m = spawnSync('mediainfo', ['--Output=JSON', ...allFiles], { maxBuffer: 1 << 30 });
    theirs.push((performance.now() - t0) / 1000);
    if (m.status !== 0) throw new Error(`mediainfo failed: ${m.stderr}`);
    clearCache();
    ours.push(timed(['check', '--db', db, '--json']).seconds);
  }
  const a = stat(ours);
  const b = stat(theirs);
  const r = stat(ours.map((x, i) => x / theirs[i]));
  peerLine = [
    `cold check (5 rounds):        min ${a.min.toFixed(2)} / median ${a.median.toFixed(2)} / max ${a.max.toFixed(2)} s`,
    `mediainfo --Output=JSON (5):  min ${b.min.toFixed(2)} / median ${b.median.toFixed(2)} / max ${b.max.toFixed(2)} s`,
    `ratio per round:              min ${r.min.toFixed(2)}× / median ${r.median.toFixed(2)}× / max ${r.max.toFixed(2)}×`,
  ].join('\n');
}
const warm = [
  timed(['check', '--db', db, '--json']),
  timed(['check', '--db', db, '--json']),
  timed(['check', '--db', db, '--json']),
].sort((a, b) => a.seconds - b.seconds)[1];

// Bytes read: strace counts every read()/pread() of the check and its ffprobe/ffmpeg children; the share of it
// that touched the batch's files is what the probes read.
let readLine = 'strace not found: bytes read not measured';
if (spawnSync('strace', ['-V']).status === 0) {
  clearCache();
  const trace = join(root, 'strace.txt');
  spawnSync(
    'strace',
    [
      '-f',
      '-qq',
      '-y',
      '-e',
      'trace=read,pread64,readv,preadv',
      '-e',
      'signal=none',
      '-o',
      trace,
      process.execPath,
      BIN,
      'check',
      '--db',
      db,
      '--json',
    ],
    { maxBuffer: 1 << 28 },
  );
  let probed = 0;
  let all = 0;
  for (const line of readFileSync(trace, 'utf8').split('\n')) {
    const m = /^\d+\s+\w+\((\d+)<([^>]*)>.*\)\s+=\s+(\d+)/.exec(line);
    if (!m) continue;
    const bytes = Number(m[3]);
    all += bytes;
    if (m[2].startsWith(join(root, 'works'))) probed += bytes;
  }
  readLine = `${(probed / 1e6).toFixed(1)} MB of ${(totalBytes / 1e9).toFixed(2)} GB = ${((probed / totalBytes) * 100).toFixed(3)} % (all reads of the process tree, code and catalog included: ${(all / 1e6).toFixed(1)} MB)`;
}

console.log(
  `batch: ${works.length} works, ${allFiles.length} files, ${(totalBytes / 1e9).toFixed(2)} GB (${(mp4Bytes / 1e9).toFixed(2)} GB of MP4)`,
);
console.log(`process start (baosong --help): ${start.seconds.toFixed(2)} s`);
console.log(
  `cold check (empty probe cache): ${cold.seconds.toFixed(2)} s, peak RSS ${cold.rssMb.toFixed(0)} MB, exit ${cold.code}`,
);
console.log(
  `warm re-check (median of 3):    ${warm.seconds.toFixed(2)} s (${(warm.seconds - start.seconds).toFixed(2)} s beyond the process start), peak RSS ${warm.rssMb.toFixed(0)} MB`,
);
console.log(`probes read: ${readLine}`);
console.log(peerLine);
