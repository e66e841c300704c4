// unit.*: the organizing unit's values; a new catalog's unit is made here, with the current edition.
import type { unitApi } from '../../shared/api/unit.js';
import { BaosongError } from '../../shared/errors.js';
import { CURRENT_EDITION } from '../../shared/rules/registry.js';
import { getUnit, newUnitValues, putUnit, type UnitValues } from '../catalog/unit.js';
import { needDb, type DomainHandlers } from './session.js';
import { overwrites } from '../../shared/patch.js';

export const unitHandlers: DomainHandlers<typeof unitApi> = {
  'unit.get': async (session) => getUnit(needDb(session)),
  'unit.update': async (session, args) => {
    const db = needDb(session);
    const unit = getUnit(db);
    const { base, ...edits } = args;
    const given = Object.fromEntries(Object.entries(edits).map(([k, v]) => [k, (v as string).trim()]));
    const overwritten = unit ? overwrites(unit as unknown as Record<string, unknown>, given, base) : [];
    let values: UnitValues;
    if (unit) {
      const { files: _files, ...rest } = unit;
      values = rest;
    } else {
      // A new catalog: the unit is made here, from its name and kind at least.
      if (!given.name || !args.kind) throw new BaosongError('bad-input', '新目录：请先填写组织单位名称并选择单位类型');
      values = newUnitValues(CURRENT_EDITION, '', args.kind);
    }
    if (given.name === '') throw new BaosongError('bad-input', '组织单位名称不能为空');
    const next = { ...values, ...given } as UnitValues;
    db.transaction(() => putUnit(db, next))();
    return { ...getUnit(db)!, ...(overwritten.length ? { overwritten } : {}) };
  },
};
