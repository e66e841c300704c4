#!/usr/bin/env node
// Fix-its against their baselines, in the same script, alternating rounds (this VM is noisy: ratios side by side).
// - remux of a 2 GB QuickTime-in-.mp4 file (the fix) vs `cp` of the same file: the remux is bounded by the disk.
// - transcode of 20 s of 720p and of 1080p with the encoder the fix chooses vs ffmpeg run directly with
//   `-c:v libx264 -preset veryfast` (the same encoder settings a user would type): frames per second, ratio.
// - the title card joined in front of the 1080p clip vs the transcode of the same clip: frames per second (the card
//   adds 125 frames to the clip's 500; an encode of both at one speed is a ratio of 1.0 in fps).
//   npm run build && node bench/fix.mjs [rounds]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROUNDS = Number(process.argv[2] ?? 3);
const require = createRequire(import.meta.url);
const ffmpeg = require('@ffmpeg-installer/ffmpeg').path;
const { remux, transcode, chooseEncoder, specFor } = await import('../dist/main/fix/video.js');
const { requireProfile } = await import('../dist/shared/rules/registry.js');
const { renderCard, joinCard } = await import('../dist/main/fix/title-card.js');
const limits = requireProfile(null).limits;

const media = join(tmpdir(), 'baosong-bench-fix-v1');
mkdirSync(media, { recursive: true });
const log = (t) => process.stderr.write(`${t}\n`);
const run = (args) => execFileSync(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...args]);

// 2 GB: a minute of 1080p at a high bit rate, looped by stream copy, in a QuickTime container behind a .mp4 name.
const big = join(media, 'big-quicktime.mp4');
if (!existsSync(big)) {
  log('making the 2 GB source (once)…');
  const minute = join(media, 'minute.mp4');
  run([
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=1920x1080:r=25:d=60',
    '-f',
    'lavfi',
    '-i',
    'sine=f=440:d=60',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-b:v',
    '40M',
    '-c:a',
    'aac',
    minute,
  ]);
  const loops = Math.ceil(2e9 / statSync(minute).size) - 1;
  run(['-stream_loop', String(loops), '-i', minute, '-c', 'copy', '-f', 'mov', big]);
  rmSync(minute);
}
const clips = {};
for (const [name, size] of [
  ['720p', '1280x720'],
  ['1080p', '1920x1080'],
]) {
  clips[name] = join(media, `clip-${name}.mp4`);
  if (!existsSync(clips[name]))
    run([
      '-f',
      'lavfi',
      '-i',
      `testsrc2=s=${size}:r=25:d=20`,
      '-f',
      'lavfi',
      '-i',
      'sine=f=440:d=20',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-crf',
      '18',
      '-c:a',
      'aac',
      clips[name],
    ]);
}

const out = join(media, 'out');
const clean = () => {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  spawnSync('sync');
};
const time = async (fn) => {
  clean();
  const t = process.hrtime.bigint();
  await fn();
  spawnSync('sync');
  return Number(process.hrtime.bigint() - t) / 1e9;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const stats = (xs, d = 2) => `${Math.min(...xs).toFixed(d)} / ${median(xs).toFixed(d)} / ${Math.max(...xs).toFixed(d)}`;

const encoder = await chooseEncoder();
const card = await renderCard(
  [
    { text: '教材版本：人教版' },
    { text: '学段学科：小学语文' },
    { text: '年级学期：一年级上册' },
    { text: '《小小的船》', title: true },
    { text: '教师：张强' },
    { text: '单位：沈阳市和平区第一小学' },
  ],
  1920,
  1080,
);
const results = { remux: [], cp: [], card: [] };
for (const name of Object.keys(clips)) Object.assign(results, { [`ours ${name}`]: [], [`direct ${name}`]: [] });
for (let round = 0; round < ROUNDS; round += 1) {
  const pairs = [
    ['remux', () => remux(big, join(out, 'r.mp4'))],
    ['cp', () => execFileSync('cp', [big, join(out, 'c.mp4')])],
  ];
  for (const [name, clip] of Object.entries(clips)) {
    pairs.push([
      `ours ${name}`,
      () => transcode(clip, join(out, 'o.mp4'), specFor(limits, 'lecture-video'), encoder, 'source'),
    ]);
    pairs.push([
      `direct ${name}`,
      () => run(['-i', clip, '-c:v', 'libx264', '-preset', 'veryfast', '-c:a', 'aac', join(out, 'd.mp4')]),
    ]);
  }
  pairs.push([
    'card',
    () =>
      joinCard(
        clips['1080p'],
        card.png,
        join(out, 't.mp4'),
        { width: 1920, height: 1080, fps: 25, audioBitRate: 128000 },
        true,
        encoder,
      ),
  ]);
  const order = round % 2 ? [...pairs].reverse() : pairs;
  for (const [name, fn] of order) results[name].push(await time(fn));
  log(`round ${round + 1}/${ROUNDS} done`);
}
rmSync(out, { recursive: true, force: true });

const gb = statSync(big).size / 1e9;
const frames = 20 * 25;
console.log(`${ROUNDS} alternating rounds; encoder chosen: ${encoder.name}; min / median / max`);
console.log('| measure | baseline | ours | ratio (per round, min / median / max) |');
console.log('|---|---|---|---|');
const ratio = (a, b) => stats(a.map((x, i) => x / b[i]));
console.log(
  `| remux of ${gb.toFixed(2)} GB vs cp, s | ${stats(results.cp)} | ${stats(results.remux)} | ${ratio(results.remux, results.cp)} |`,
);
for (const name of Object.keys(clips)) {
  const o = results[`ours ${name}`];
  const d = results[`direct ${name}`];
  console.log(
    `| transcode ${name} vs ffmpeg -preset veryfast, fps | ${stats(
      d.map((s) => frames / s),
      0,
    )} | ${stats(
      o.map((s) => frames / s),
      0,
    )} | ${ratio(o, d)} (time) |`,
  );
}
const t = results['ours 1080p'];
console.log(
  `| title card + 1080p vs its transcode, fps | ${stats(
    t.map((s) => frames / s),
    0,
  )} | ${stats(
    results.card.map((s) => (frames + 125) / s),
    0,
  )} | ${stats(results.card.map((x, i) => (frames + 125) / x / (frames / t[i])))} (fps) |`,
);
