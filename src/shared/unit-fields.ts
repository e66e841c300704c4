// The organizing unit's values: THE place to add one (its schema here and its label below; everything else —
// the type, unit.update's arguments, the batch file's unit object, the catalog's column, the window's form and the
// CLI's listing — is derived, see entities.ts).
import { z } from 'zod';
import { GROUPS, UNIT_KINDS } from './model.js';

/** The unit's values, in the order the window and the CLI list them. name, kind and group are required. */
export const UNIT_VALUES = {
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  group: z.enum(GROUPS),
  city: z.string(),
  contact: z.string(),
  department: z.string(),
  title: z.string(),
  mobile: z.string(),
  phone: z.string(),
  qq: z.string(),
  email: z.string(),
  postcode: z.string(),
  address: z.string(),
  cloudLink: z.string(),
  cloudCode: z.string(),
};
export type UnitKey = keyof typeof UNIT_VALUES;

/** What the window and the CLI call each unit value. */
export const UNIT_LABELS: Record<UnitKey, string> = {
  name: '组织单位名称',
  kind: '单位类型',
  group: '组别',
  city: '所在市',
  contact: '活动联系人',
  department: '负责部门',
  title: '职务',
  mobile: '手机号',
  phone: '座机号',
  qq: 'QQ',
  email: '电子信箱',
  postcode: '邮政编码',
  address: '通信地址',
  cloudLink: '云盘链接地址',
  cloudCode: '访问密码',
};
