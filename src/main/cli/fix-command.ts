// `baosong fix`: for each fixable finding, what its fix does (or what the teacher must do), then — unless --dry-run —
// the fix, into the catalog's workspace, checked again at once. `--restore` goes back to the sources.
import { basename, resolve } from 'node:path';
import type { FixOffer } from '../../shared/api/fix.js';
import { client, fail, openDb, type Exit } from './common.js';

function matches(o: FixOffer, values: Record<string, unknown>): boolean {
  const file = values.file as string | undefined;
  if (
    file &&
    !(
      String(o.fileId) === file ||
      o.path === file ||
      basename(o.path) === file ||
      (o.origin !== null && (o.origin === file || basename(o.origin) === file))
    )
  )
    return false;
  const what = (values.what as string | undefined)
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (what?.length && !what.some((w) => w === o.kind || o.rules.includes(w))) return false;
  return true;
}

const head = (o: FixOffer) => `${o.work} 《${o.title}》 ${o.path}`;

export async function runFix(values: Record<string, unknown>, signal: AbortSignal): Promise<Exit> {
  const api = await client();
  const err = await openDb(api, values.db as string | undefined, false);
  if (err) return fail(err);
  const work = values.work as string | undefined;
  if (values.restore) {
    const listed = await api.call('works.list', {});
    if (!listed.ok) return fail(listed.error);
    const fixed = listed.value.flatMap((w) =>
      w.files
        .filter(
          (f) =>
            f.origin &&
            /\.baosong[\\/]fixed[\\/]/.test(f.absPath) &&
            (!work || w.key === work || String(w.id) === work),
        )
        .map((f) => ({ w, f })),
    );
    const chosen = fixed.filter(({ w, f }) =>
      matches(
        {
          work: w.key ?? '',
          title: w.title,
          fileId: f.id,
          path: f.path,
          rules: [],
          kind: null,
          text: '',
          origin: f.origin,
        },
        { file: values.file },
      ),
    );
    if (!chosen.length) process.stdout.write('没有修复生成的文件需要还原。\n');
    for (const { w, f } of chosen) {
      const r = await api.call('fix.restore', { file: f.id }, { signal });
      if (!r.ok) return fail(r.error);
      process.stdout.write(`已还原 《${w.title}》：${r.value.file.path}\n`);
    }
    return 0;
  }
  const offered = await api.call('fix.offers', work ? { work } : {}, { signal });
  if (!offered.ok) return fail(offered.error);
  const offers = offered.value.filter((o) => matches(o, values));
  if (work && !offers.length) {
    // A key that names no work is a typo, not "nothing to fix".
    const listed = await api.call('works.list', {});
    if (listed.ok && !listed.value.some((w) => w.key === work || `id:${w.id}` === work || String(w.id) === work)) {
      return fail({ code: 'bad-input', message: `目录中没有作品“${work}”(作品编号见 baosong check 的输出)` });
    }
  }
  if (!offers.length) {
    process.stdout.write('没有可修复的检查结果。\n');
    return 0;
  }
  let left = 0;
  let failed = 0;
  for (const o of offers) {
    process.stdout.write(`${head(o)}\n  ${o.rules.join('、')}：${o.text}${o.wont ? `\n  不会：${o.wont}` : ''}\n`);
    if (!o.kind) {
      left += 1;
      continue;
    }
    if (o.kind === 'title-card') {
      // The card as it will be made, before anything is: its lines, what it lacks, and (--preview) the picture.
      const p = await api.call(
        'fix.preview',
        { file: o.fileId, ...(values.preview ? { out: resolve(values.preview as string) } : {}) },
        { signal },
      );
      if (!p.ok) return fail(p.error);
      process.stdout.write(
        `  片头(${p.value.width}×${p.value.height}，${p.value.font}${p.value.fallback ? '，个别字用黑体补' : ''})：${p.value.lines.join(' / ')}\n`,
      );
      if (p.value.saved) process.stdout.write(`  片头预览：${p.value.saved}\n`);
      if (p.value.missing.length) {
        process.stdout.write(
          `  片头缺少${p.value.missing.join('、')}：请先在窗口的作品信息中填写(或在批次文件该作品的 fields 中填写“教材版本”后重新导入)\n`,
        );
        left += 1;
        continue;
      }
    }
    if (values['dry-run']) continue;
    const r = await api.call('fix.run', { file: o.fileId, kind: o.kind }, { signal });
    if (!r.ok) {
      process.stdout.write(`  未能修复：${r.error.message}\n`);
      if (r.error.code === 'cancelled') return fail(r.error);
      failed += 1;
      continue;
    }
    const still = r.value.remaining.filter((f) => o.rules.includes(f.rule));
    left += still.length ? 1 : 0;
    process.stdout.write(
      `  已修复 → ${r.value.file.path}${still.length ? `；仍有：${still.map((f) => f.message).join('；')}` : '，复查通过'}\n`,
    );
  }
  if (values['dry-run'])
    process.stdout.write(
      `(--dry-run：只列出，没有修改任何作品文件${values.preview ? '；片头预览图按要求保存' : ''})\n`,
    );
  return failed ? 2 : left ? 1 : 0;
}
