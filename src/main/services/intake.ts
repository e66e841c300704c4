// A received folder → a plan (a batch file) with its report, by the session's edition: what intake.plan does, and what
// the province engine does for each unit's tree; and the user's corrections written into the plan (intake.apply).
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ApiArgs, CallOptions } from '../../shared/api.js';
import { BaosongError } from '../../shared/errors.js';
import { reportPathOf, type IntakeReport } from '../../shared/intake/report.js';
import { writeAtomic } from '../atomic.js';
import { batchWorkOf } from '../intake/batch-work.js';
import { probeCache } from '../catalog/probe-cache.js';
import { getUnit } from '../catalog/unit.js';
import type { RecordDb } from '../catalog/db.js';
import { profileOf, workspaceOf, type SessionWith } from './session.js';

export async function planIntake(
  session: SessionWith<RecordDb>,
  args: ApiArgs<'intake.plan'>,
  options: CallOptions = {},
): Promise<IntakeReport> {
  if (!args.plan && !session.path)
    throw new BaosongError('bad-input', '请先打开目录(收件计划放在目录的工作文件夹中)，或给出计划文件的位置');
  const workspace = session.path ? workspaceOf(session.path) : workspaceOf(resolve(args.plan!));
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const plan = args.plan ? resolve(args.plan) : join(workspace, 'intake', `plan-${stamp}.json`);
  const { intake } = await import('../intake/plan.js');
  const unit = session.db ? getUnit(session.db) : null;
  return intake(profileOf({ unit }), {
    dir: args.dir,
    summary: args.summary ?? null,
    plan,
    workspace,
    unit,
    unitName: args.unitName,
    unitKind: args.unitKind,
    cache: session.db ? probeCache(session.db) : undefined,
    signal: options.signal,
    onProgress: (p) => options.onProgress?.(p),
  });
}

/** A plan intake wrote (its report beside it names its hash): the only kind of file intake.apply writes. */
async function readOwnPlan(
  plan: string,
): Promise<{ batch: { works: Record<string, unknown>[] } & Record<string, unknown>; report: IntakeReport }> {
  const fail = () => new BaosongError('bad-input', `${plan} 不是报送助手收件导入生成的计划文件，无法写入修改`);
  let report: IntakeReport;
  let batch;
  try {
    report = JSON.parse(await readFile(reportPathOf(plan), 'utf8')) as IntakeReport;
    batch = JSON.parse(await readFile(plan, 'utf8'));
  } catch {
    throw fail();
  }
  if (typeof report.planSha256 !== 'string' || !Array.isArray(batch?.works)) throw fail();
  return { batch, report };
}

/** The corrections of the preview written into the plan intake made (only such a plan is written). */
export async function applyCorrections(
  args: ApiArgs<'intake.apply'>,
): Promise<{ plan: string; works: number; files: number }> {
  const plan = resolve(args.plan);
  const { batch, report } = await readOwnPlan(plan);
  // Every correction starts from intake's own guesses (the report), not from an earlier correction.
  const planned = new Map(report.works.map((w) => [w.key, batchWorkOf(w)]));
  // The files of this intake: the plan's, and the ones it left out (which the user may take in after all).
  const known = new Map<string, string | undefined>();
  // (Compared as resolved paths: the window may spell separators otherwise.)
  for (const w of planned.values()) for (const f of w.files) known.set(resolve(f.path), f.origin);
  for (const w of report.works)
    for (const u of w.unused) if (!known.has(resolve(u.file))) known.set(resolve(u.file), u.origin);
  const seen = new Set<string>();
  const keys = new Set<string>();
  const rowsTaken = new Map<number, string>();
  const works = args.works.map((edit) => {
    // A split-off work starts as a copy of the one it came from, under its own key.
    const base = planned.get(edit.from ?? edit.key);
    if (!base) throw new BaosongError('bad-input', `计划中没有作品“${edit.from ?? edit.key}”`);
    if (edit.from !== undefined && planned.has(edit.key))
      throw new BaosongError('bad-input', `拆分出的作品不能沿用已有的作品键“${edit.key}”`);
    if (keys.has(edit.key)) throw new BaosongError('bad-input', `作品键“${edit.key}”出现了两次`);
    keys.add(edit.key);
    const files = edit.files.map((f) => {
      const path = resolve(f.path);
      if (!known.has(path)) throw new BaosongError('bad-input', `${f.path} 不是这次收件中的文件`);
      if (seen.has(path)) throw new BaosongError('bad-input', `${f.path} 被用在了两处`);
      seen.add(path);
      const origin = known.get(path);
      return { role: f.role, path, ...(origin ? { origin } : {}) };
    });
    // A row paired on screen: what it says of the work and its first author comes with it.
    let row: IntakeReport['unmatchedRows'][number] | null = null;
    if (edit.row !== undefined) {
      row = report.unmatchedRows[edit.row] ?? null;
      if (!row) throw new BaosongError('bad-input', `汇总表中没有第 ${edit.row + 1} 个未匹配的行`);
      const other = rowsTaken.get(edit.row);
      if (other)
        throw new BaosongError(
          'bad-input',
          `${row.where ?? `汇总表第 ${row.row} 行`}同时配给了“${other}”和“${edit.key}”`,
        );
      rowsTaken.set(edit.row, edit.key);
    }
    const unitOf = row?.unit || base.authors[0]?.unit || '';
    // An author kept keeps what the plan knew of them (unit, mobile); a new one gets the first author's unit.
    const authors = edit.authors
      .map((name) => name.trim())
      .filter(Boolean)
      .map((name, i) =>
        row
          ? { name, unit: unitOf, mobile: i === 0 && name === row.authors[0] ? row.mobile : '', email: '', phone: '' }
          : (base.authors.find((a) => a.name === name) ?? { name, unit: unitOf, mobile: '', email: '', phone: '' }),
      );
    const fromRow = row ? { subject: row.subject, grade: row.grade, share: row.share } : {};
    return {
      ...base,
      ...fromRow,
      key: edit.key,
      category: edit.category,
      stage: edit.stage,
      title: edit.title.trim(),
      authors,
      files,
    };
  });
  await writeAtomic(plan, JSON.stringify({ ...batch, works }, null, 2) + '\n');
  return { plan, works: works.length, files: seen.size };
}
