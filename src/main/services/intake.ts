// A received folder → a plan (a batch file) with its report, by the session's edition: what intake.plan does, and what
// the province engine does for each unit's tree.
import { join, resolve } from 'node:path';
import type { ApiArgs, CallOptions } from '../../shared/api.js';
import { BaosongError } from '../../shared/errors.js';
import type { IntakeReport } from '../../shared/intake/report.js';
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
