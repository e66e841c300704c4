// `baosong province add DIR TREE [--unit NAME] [--kind KIND]`, `check DIR [--out OUT]`, `verify DIR [--out OUT]
// [--restart]` and `remove DIR NAME`: the province office's folder of every unit's tree. The work is done in
// src/main/province (ops.ts, run.ts), reached through the API like the window's calls; this prints it.
import { exitWithParent, spawnTied } from '../processes.js';
import { basename, join, resolve } from 'node:path';
import { UNIT_KINDS, type UnitKind } from '../../shared/model.js';
import { client, fail, UsageError, type Exit } from './common.js';

async function add(positionals: string[], values: Record<string, unknown>, signal: AbortSignal): Promise<Exit> {
  const [dir, tree] = positionals;
  if (!dir || !tree)
    throw new UsageError('用法：baosong province add 省级目录 单位文件夹或ZIP [--unit 名称] [--kind 类型]');
  const kind = values.kind as string | undefined;
  if (kind !== undefined && !(UNIT_KINDS as readonly string[]).includes(kind))
    throw new UsageError(`--kind 应为 ${UNIT_KINDS.join('、')} 之一`);
  const added = await (
    await client()
  ).call(
    'province.add',
    {
      dir,
      tree,
      ...(values.unit !== undefined ? { unitName: values.unit as string } : {}),
      ...(kind ? { unitKind: kind as UnitKind } : {}),
    },
    { signal },
  );
  if (!added.ok)
    return fail(added.error, { unitName: '--unit', unitKind: '--kind', tree: '单位文件夹', dir: '省级目录' });
  const r = added.value;
  const f = r.forms;
  const read = [
    f.unit ? '附表1-4 已读取' : '附表1-4 未找到 Word 版',
    f.cloud ? '附表1-6 已读取' : '附表1-6 未找到 Word 版',
    `推荐意见 ${f.comments}/${f.works} 件`,
    `作品登记表 ${f.registrations}/${f.works} 件`,
  ].join('，');
  process.stdout.write(
    `已添加 ${r.name}(${r.kindName}；名称：${values.unit ? '命令行给出' : r.nameFrom})：${r.works} 件作品；封存基准 ${r.files} 个文件\n` +
      `表格：${read}\n` +
      (r.archive
        ? `从 ZIP 解压到省级目录中读取${r.skipped?.length ? `；不安全的路径未解压：${r.skipped.join('、')}` : ''}\n`
        : '') +
      (r.specials?.length ? `未读取的特殊文件：${r.specials.join('、')}\n` : '') +
      (r.unread?.length
        ? `未能读取、没有列入目录的作品 ${r.unread.length} 件：\n${r.unread.map((u) => `  ${u}\n`).join('')}`
        : '') +
      `如单位名称或类型不对：baosong province remove "${resolve(dir)}" "${r.name}"，再用 --unit/--kind 重新添加\n`,
  );
  return 0;
}

async function check(positionals: string[], values: Record<string, unknown>, signal: AbortSignal): Promise<Exit> {
  const [dir] = positionals;
  if (!dir) throw new UsageError('用法：baosong province check 省级目录 [--out 输出文件夹]');
  const checked = await (
    await client()
  ).call('province.check', { dir, ...(values.out !== undefined ? { out: values.out as string } : {}) }, { signal });
  if (!checked.ok) return fail(checked.error);
  const r = checked.value;
  for (const u of r.units) {
    process.stdout.write(
      `${u.name}：${u.works} 件作品，${u.items} 项需退回/补交/核实${u.across ? `(其中跨单位 ${u.across} 项)` : ''}；${u.intact ? '封存核验一致' : '封存后有改动'}\n`,
    );
  }
  if (r.over.length) process.stdout.write(`超额：${r.over.join('；')}\n`);
  for (const n of r.notes) process.stdout.write(`(${n})\n`);
  process.stdout.write(
    `输出：${r.out}${r.written < r.units.length ? `(${r.units.length - r.written} 个单位的清单与上次相同，未重写)` : ''}\n`,
  );
  return r.units.some((u) => u.errors || !u.intact) ? 1 : 0;
}

async function verify(positionals: string[], values: Record<string, unknown>, signal: AbortSignal): Promise<Exit> {
  const [dir] = positionals;
  if (!dir) throw new UsageError('用法：baosong province verify 省级目录 [--out 输出文件夹] [--restart]');
  const verified = await (
    await client()
  ).call(
    'province.verify',
    {
      dir,
      ...(values.out !== undefined ? { out: values.out as string } : {}),
      ...(values.restart === true ? { restart: true } : {}),
    },
    { signal },
  );
  if (!verified.ok) return fail(verified.error);
  const r = verified.value;
  for (const u of r.units) {
    if (u.resumed) process.stdout.write(`${u.name}：接着上次中断的核验继续(已核验 ${u.resumed} 个文件)\n`);
    process.stdout.write(
      `${u.name}：${u.intact ? '一致' : '有差异'}${u.hasManifest ? '' : '(没有 manifest.sha256，仅与封存基准比较)'}\n`,
    );
  }
  const bad = r.units.filter((u) => !u.intact).length;
  process.stdout.write(
    `核验 ${r.units.length} 个单位：读取 ${r.files} 个文件 ${(r.bytes / 1e9).toFixed(2)} GB，${r.seconds.toFixed(1)} 秒；${bad ? `${bad} 个单位有差异` : '全部一致'}\n报告：${resolve(r.out, '封存核验.txt')}\n`,
  );
  return bad ? 1 : 0;
}

async function remove(positionals: string[]): Promise<Exit> {
  const [dir, name] = positionals;
  if (!dir || !name) throw new UsageError('用法：baosong province remove 省级目录 单位名称');
  const removed = await (await client()).call('province.remove', { dir, name });
  if (!removed.ok) return fail(removed.error);
  const entry = removed.value;
  process.stdout.write(`已移除 ${name}(它的文件夹 ${entry.tree} 没有改动)\n`);
  return 0;
}

/**
 * check, verify and add run in a child of this command whose V8 heap is bounded (V8 otherwise lets garbage pile up
 * far past what is live before it collects: 780 MB for 110 units against ~150 MB live; 350 MB for a unit of 100,000
 * files against ~100 MB). check and verify: 160 MB + 1.5 MB a unit, at least 256 MB, about twice what a province
 * keeps live. add, from 20,000 files: 64 MB + 1.25 KB a file of the tree or ZIP, at least 128 MB (a unit's intake keeps ~1 KB a
 * file live). Only the command as installed (bin/baosong.js) re-runs itself; null: run here.
 */
async function heapBounded(
  sub: string | undefined,
  dir: string | undefined,
  tree: string | undefined,
): Promise<Exit | null> {
  // The bounded re-run itself: it ends with the command that started it, whatever killed that.
  if (process.env.BAOSONG_HEAP_BOUND) exitWithParent();
  if (
    !['check', 'verify', 'add'].includes(sub ?? '') ||
    !dir ||
    process.env.BAOSONG_HEAP_BOUND ||
    basename(process.argv[1] ?? '') !== 'baosong.js'
  )
    return null;
  let mb: number;
  try {
    if (sub === 'add') {
      if (!tree) return null;
      const files = await countFiles(resolve(tree));
      // A unit of up to 20,000 files stays well under the bound's size unbounded: no second process for it.
      if (files < 20_000) return null;
      mb = Math.max(128, Math.round(64 + (1.25 * files) / 1024));
    } else {
      const { readIndex } = await import('../province/store.js');
      mb = Math.max(256, Math.round(160 + 1.5 * readIndex(resolve(dir)).units.length));
    }
  } catch {
    return null; // the command itself says what is wrong
  }
  const child = spawnTied(
    process.execPath,
    [...process.execArgv, `--max-old-space-size=${mb}`, process.argv[1]!, ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: { ...process.env, BAOSONG_HEAP_BOUND: String(mb) },
    },
  );
  // Ctrl+C reaches the child from the terminal; a kill of this process is passed on.
  const pass = (sig: NodeJS.Signals) => () => child.kill(sig);
  process.on('SIGTERM', pass('SIGTERM'));
  // The re-run's end is the command's: its exit code, or the signal that killed it (passed on as the same death).
  return new Promise((done) =>
    child.on('close', (code, signal) => {
      if (signal) process.kill(process.pid, signal);
      done(code === null ? 2 : (code as Exit));
    }),
  );
}

/** Files in a tree (names only), or entries in a ZIP (its central directory). */
async function countFiles(path: string): Promise<number> {
  const { stat, readdir } = await import('node:fs/promises');
  if ((await stat(path)).isFile()) {
    const { readZipEntries } = await import('../inspect/zip.js');
    return readZipEntries(path, () => true);
  }
  let n = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(join(dir, e.name));
      else n += 1;
    }
  };
  await walk(path);
  return n;
}

export async function runProvince(
  positionals: string[],
  values: Record<string, unknown>,
  signal: AbortSignal,
): Promise<Exit> {
  const [sub, ...rest] = positionals;
  const bounded = await heapBounded(sub, rest[0], rest[1]);
  if (bounded !== null) return bounded;
  if (sub === 'add') return add(rest, values, signal);
  if (sub === 'check') return check(rest, values, signal);
  if (sub === 'verify') return verify(rest, values, signal);
  if (sub === 'remove') return remove(rest);
  throw new UsageError(
    '用法：baosong province add 省级目录 单位文件夹 | baosong province check 省级目录 | baosong province verify 省级目录 | baosong province remove 省级目录 单位名称',
  );
}
