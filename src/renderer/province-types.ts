// The province screen's types, from the one API.
export type { ProvinceAddResult, ProvinceCheckResult, ProvinceUnit, ProvinceVerifyResult } from '../shared/api.js';
export type { UnitKind } from '../shared/model.js';
