// intake.plan: a received folder → a plan (a batch file) with its report, by the open catalog's edition.
import { join, resolve } from 'node:path';
import type { intakeApi } from '../../shared/api/intake.js';
import { BaosongError } from '../../shared/errors.js';
import { probeCache } from '../catalog/probe-cache.js';
import { getUnit } from '../catalog/unit.js';
import { profileOf, workspaceOf, type DomainHandlers } from './session.js';

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
};
