// intake.plan: a received folder → a plan (a batch file) with its report, by the open catalog's edition.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { reportPathOf, type IntakeReport } from '../../shared/intake/report.js';
import { writeAtomic } from '../atomic.js';
import type { intakeApi } from '../../shared/api/intake.js';
import { BaosongError } from '../../shared/errors.js';
import { probeCache } from '../catalog/probe-cache.js';
import { getUnit } from '../catalog/unit.js';
import { profileOf, workspaceOf, type DomainHandlers } from './session.js';

/** A plan intake wrote (its report beside it names its hash): the only kind of file intake.apply writes. */
async function readOwnPlan(plan: string): Promise<{ batch: { works: Record<string, unknown>[] } & Record<string, unknown>; report: IntakeReport }> {
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

export const intakeHandlers: DomainHandlers<typeof intakeApi> = {
  'intake.plan': async (session, args, options) => {
    if (!args.plan && !session.path) throw new BaosongError('bad-input', '请给出计划文件的位置(--plan PLAN.json)，或先打开目录');
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
  },
  'intake.apply': async (_session, args) => {
    const plan = resolve(args.plan);
    const { batch, report } = await readOwnPlan(plan);
    type PlannedAuthor = { name: string; unit: string; mobile: string; email: string; phone: string };
    type PlannedWork = { key: string; authors: PlannedAuthor[]; files: { path: string; role: string; origin?: string }[] } & Record<string, unknown>;
    const planned = new Map((batch.works as PlannedWork[]).map((w) => [w.key, w]));
    // The files of this intake: the plan's, and the ones it left out (which the user may take in after all).
    const known = new Map<string, string | undefined>();
    // (Compared as resolved paths: the window may spell separators otherwise.)
    for (const w of planned.values()) for (const f of w.files) known.set(resolve(f.path), f.origin);
    for (const w of report.works) for (const u of w.unused) if (!known.has(resolve(report.dir, ...u.path.split('/')))) known.set(resolve(report.dir, ...u.path.split('/')), undefined);
    const seen = new Set<string>();
    const works = args.works.map((edit) => {
      const base = planned.get(edit.key);
      if (!base) throw new BaosongError('bad-input', `计划中没有作品“${edit.key}”`);
      const files = edit.files.map((f) => {
        const path = resolve(f.path);
        if (!known.has(path)) throw new BaosongError('bad-input', `${f.path} 不是这次收件中的文件`);
        if (seen.has(path)) throw new BaosongError('bad-input', `${f.path} 被用在了两处`);
        seen.add(path);
        const origin = known.get(path);
        return { role: f.role, path, ...(origin ? { origin } : {}) };
      });
      // An author kept keeps what the plan knew of them (unit, mobile); a new one gets the first author's unit.
      const authors = edit.authors
        .map((name) => name.trim())
        .filter(Boolean)
        .map((name) => base.authors.find((a) => a.name === name) ?? { name, unit: base.authors[0]?.unit ?? '', mobile: '', email: '', phone: '' });
      return { ...base, category: edit.category, stage: edit.stage, title: edit.title.trim(), authors, files };
    });
    await writeAtomic(plan, JSON.stringify({ ...batch, works }, null, 2) + '\n');
    return { plan, works: works.length, files: seen.size };
  },
};
