// Commands on the catalog: import, check, unit.
import type { UnitKey } from '../../shared/entities.js';
import type { ApiClient } from '../../shared/api.js';
import { workLabel } from '../../shared/model.js';
import type { Profile } from '../../shared/rules/profile.js';
import { client, fail, openDb, progressPrinter, UsageError, type Exit } from './common.js';

export async function runImport(positionals: string[], values: Record<string, unknown>): Promise<Exit> {
  const batch = positionals[0];
  if (!batch) throw new UsageError('缺少批次文件：baosong import BATCH.json --db CATALOG.sqlite');
  const api = await client();
  const err = await openDb(api, values.db as string | undefined, true);
  if (err) return fail(err);
  const result = await api.call('batch.import', { path: batch });
  if (!result.ok) return fail(result.error);
  const r = result.value;
  process.stdout.write(
    `已导入“${r.unit}”：${r.works} 件作品，${r.files} 个文件${r.missingFiles ? `(其中 ${r.missingFiles} 个找不到，运行 check 查看)` : ''}\n`,
  );
  return 0;
}

export async function runCheck(values: Record<string, unknown>, signal: AbortSignal): Promise<Exit> {
  const api = await client();
  const err = await openDb(api, values.db as string | undefined, false);
  if (err) return fail(err);
  const result = await api.call('check.run', {}, { signal, onProgress: progressPrinter('检查文件') });
  if (!result.ok) return fail(result.error);
  const report = result.value;
  if (values.json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    const [{ formatReport }, unit, profiled] = await Promise.all([
      import('./format.js'),
      api.call('unit.get', {}),
      api.call('catalog.profile', {}),
    ]);
    if (!profiled.ok) return fail(profiled.error);
    const profile = profiled.value;
    const heads = await workHeads(api, profile);
    process.stdout.write(formatReport(report, profile, unit.ok ? unit.value : null, heads));
  }
  return report.errors > 0 ? 1 : 0;
}

/** "w1 《小小的船》 微课 · 张强": how the table heads each work. */
async function workHeads(api: ApiClient, profile: Profile): Promise<Map<string, string>> {
  const works = await api.call('works.list', {});
  if (!works.ok) return new Map();
  return new Map(
    works.value.map((w) => [
      workLabel(w),
      `${workLabel(w)} 《${w.title}》 ${profile.categories[w.category].name} · ${w.authors[0]?.name ?? '无作者'}`,
    ]),
  );
}

export async function runUnit(values: Record<string, unknown>): Promise<Exit> {
  const api = await client();
  const err = await openDb(api, values.db as string | undefined, false);
  if (err) return fail(err);
  const changes: { cloudLink?: string; cloudCode?: string } = {};
  if (typeof values['cloud-link'] === 'string') changes.cloudLink = values['cloud-link'];
  if (typeof values['cloud-code'] === 'string') changes.cloudCode = values['cloud-code'];
  const result = Object.keys(changes).length ? await api.call('unit.update', changes) : await api.call('unit.get', {});
  if (!result.ok) return fail(result.error, { cloudLink: '--cloud-link', cloudCode: '--cloud-code' });
  const u = result.value;
  if (!u) {
    process.stdout.write('目录中还没有组织单位。\n');
    return 0;
  }
  // Every value the entity declares, by its label; kind and group named as the edition names them.
  const [profiled, { UNIT_KEYS, UNIT_LABELS }] = await Promise.all([
    api.call('catalog.profile', {}),
    import('../../shared/entities.js'),
  ]);
  const named: Partial<Record<UnitKey, string>> = {
    kind: u.kind,
    group: profiled.ok ? profiled.value.groups[u.group].name : u.group,
  };
  const rows = UNIT_KEYS.map((k): [string, string] => [UNIT_LABELS[k], named[k] ?? u[k]]);
  process.stdout.write(rows.map(([k, v]) => `${k}：${v || '(未填)'}`).join('\n') + '\n');
  return 0;
}
