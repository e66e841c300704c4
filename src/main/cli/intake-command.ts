// `baosong intake DIR [--summary 汇总表.xlsx] --plan PLAN.json [--db CATALOG.sqlite] [--unit NAME] [--kind KIND]`
import { UNIT_KINDS, type UnitKind } from '../../shared/model.js';
import { reportPathOf, type IntakeReport } from '../../shared/intake/report.js';
import type { Profile } from '../../shared/rules/profile.js';
import { client, fail, openDb, progressPrinter, UsageError, type Exit } from './common.js';

const SURE = { high: '', medium: '(较有把握)', low: '(请核对)' } as const;

export function describeIntake(r: IntakeReport, profile: Profile): string {
  const lines: string[] = [];
  const byCategory = new Map<string, number>();
  for (const w of r.works)
    byCategory.set(
      profile.categories[w.category.value].name,
      (byCategory.get(profile.categories[w.category.value].name) ?? 0) + 1,
    );
  lines.push(`已生成计划 ${r.plan}`);
  lines.push(`  报告(每个判断的依据和把握)：${reportPathOf(r.plan)}`);
  lines.push(`  组织单位：${r.unit.value}(${r.unit.reason})${SURE[r.unit.confidence]}`);
  const unread = r.unread ?? [];
  lines.push(
    `  ${r.works.length} 件作品：${[...byCategory].map(([n, c]) => `${n} ${c} 件`).join('，') || '无'}；单位文件 ${r.unitFiles.length} 个`,
  );
  if (unread.length) {
    lines.push(`  收到 ${r.works.length + unread.length} 件，其中 ${unread.length} 件未能读取，没有列入计划：`);
    for (const u of unread) lines.push(`    ${u.path}：${u.reason}`);
  }
  if (r.summary) lines.push(`  作品汇总表：${r.summary}，匹配 ${r.works.filter((w) => w.row !== null).length} 行`);
  for (const row of r.unmatchedRows)
    lines.push(
      `  ${row.where ?? `汇总表第 ${row.row} 行`}《${row.title}》(${row.authors.join('、')})没有找到对应的文件夹：未列入计划`,
    );
  for (const c of r.summaryConflicts ?? [])
    lines.push(`  《${c.title}》在两个汇总表中不一致(${c.fields.join('、')})：${c.rows.join('、')}；按前者`);
  for (const d of r.duplicates ?? []) lines.push(`  ${d.folder} 与 ${d.sameAs} 是同一作品(${d.why})：只保留后者`);
  for (const f of r.foldersWithoutRow) lines.push(`  文件夹 ${f} 在汇总表中没有对应的行：按文件夹名称列入计划`);
  // Each work's doubts, for the first 100 works that have any: past that the terminal is no place to read them (the
  // report and the window list them all).
  let detailed = 0;
  for (const w of r.works) {
    if (detailed >= 100) {
      const rest = r.works.length - r.works.indexOf(w);
      lines.push(`  ……其余 ${rest} 件作品的核对事项见报告 ${reportPathOf(r.plan)}(或在窗口的“收件导入”中查看)`);
      break;
    }
    const doubts = [w.category, w.stage, w.title, w.authors].filter((g) => g.confidence === 'low');
    const lowFiles = w.files.filter((f) => f.confidence === 'low');
    if (doubts.length || lowFiles.length || w.unused.length || w.repairs.length) {
      lines.push(`  ${w.key}：`);
      detailed += 1;
    }
    const shown = (g: (typeof doubts)[number]) =>
      Array.isArray(g.value)
        ? g.value.join('、') || '(无作者)'
        : g === w.category
          ? profile.categories[w.category.value].name
          : g === w.stage
            ? profile.stages[w.stage.value]
            : g.value;
    for (const g of doubts) lines.push(`    请核对：${shown(g)}(${g.reason})`);
    for (const f of lowFiles) lines.push(`    请核对用途：${f.path} → ${profile.roleNames[f.role]}(${f.reason})`);
    for (const x of w.repairs) lines.push(`    已修复：${x.what} → ${x.to}`);
    for (const u of w.unused) lines.push(`    未使用：${u.path}(${u.reason})`);
  }
  // What was left out, so nothing disappears silently: system files only counted, everything else named.
  const system = r.ignored.filter((x) => x.reason === '系统或临时文件');
  const others = r.ignored.filter((x) => x.reason !== '系统或临时文件');
  if (others.length) {
    lines.push(`  未列入计划的文件(${others.length} 个)：`);
    for (const x of others.slice(0, 50)) lines.push(`    ${x.path}：${x.reason}`);
    if (others.length > 50) lines.push(`    ……其余 ${others.length - 50} 个见报告 ${reportPathOf(r.plan)}`);
  }
  if (system.length)
    lines.push(`  已略过系统或临时文件 ${system.length} 个(Thumbs.db、.DS_Store、~$ 开头的临时文件等)`);
  lines.push(`核对(可直接编辑计划文件)后导入：baosong import ${r.plan} --db CATALOG.sqlite`);
  return lines.join('\n') + '\n';
}

export async function runIntake(
  positionals: string[],
  values: Record<string, unknown>,
  signal: AbortSignal,
): Promise<Exit> {
  const dir = positionals[0];
  if (!dir) throw new UsageError('缺少作品文件夹：baosong intake DIR --plan PLAN.json');
  const plan = values.plan as string | undefined;
  if (!plan) throw new UsageError('缺少 --plan PLAN.json');
  const kind = values.kind as string | undefined;
  if (kind !== undefined && !(UNIT_KINDS as readonly string[]).includes(kind))
    throw new UsageError(`--kind 应为 ${UNIT_KINDS.join('、')} 之一`);
  const api = await client();
  if (values.db) {
    const err = await openDb(api, values.db as string, false);
    if (err) return fail(err);
  }
  const reading = progressPrinter('读取文件');
  const probing = progressPrinter('读取视频时长');
  const r = await api.call(
    'intake.plan',
    {
      dir,
      plan,
      ...(values.summary ? { summary: values.summary as string } : {}),
      ...(values.unit ? { unitName: values.unit as string } : {}),
      ...(kind ? { unitKind: kind as UnitKind } : {}),
    },
    { signal, onProgress: (p) => (p.phase === 'probe' ? probing : reading)(p) },
  );
  if (!r.ok) return fail(r.error);
  const profile = await api.call('catalog.profile', {});
  if (!profile.ok) return fail(profile.error);
  process.stdout.write(describeIntake(r.value, profile.value));
  // A work received but not read is not "done": the exit says so (1), as check does for its findings.
  return r.value.unread?.length ? 1 : 0;
}
