// province.*: the province office's folder of every unit's tree (issue 17) — add, list, check across units,
// verify, remove. The folder is not the window's catalog: these calls open each unit's catalog on their own.
import { z } from 'zod';
import { UNIT_KINDS, type UnitKind } from '../model.js';
import { method } from './define.js';

const path = z.string().min(1);

/** What a tree's Word forms gave its unit's catalog. */
export interface FormsRead {
  /** 附表1-4 read (its values are the unit's). */
  unit: boolean;
  /** 附表1-6 read. */
  cloud: boolean;
  /** Works whose 推荐意见 gave the 质性评语, and whose 作品登记表 gave the contact's details; of `works`. */
  comments: number;
  registrations: number;
  works: number;
}

export interface ProvinceUnit {
  name: string;
  kind: UnitKind;
  tree: string;
  addedAt: string;
  forms: FormsRead | null;
}

export interface ProvinceAddResult {
  name: string;
  kind: UnitKind;
  kindName: string;
  /** Where the name came from: given, the 附表1-4, or intake's reading of the tree. */
  nameFrom: string;
  works: number;
  files: number;
  forms: FormsRead;
  /** The tree came as this ZIP (unpacked into the province folder); entries left out as unsafe. */
  archive?: string;
  skipped?: string[];
  /** Entries of the tree that are no regular file (a pipe, a device, a link to one or to a folder): not read. */
  specials?: string[];
  /** Works in the tree that could not be read (a whole-work ZIP encrypted or broken): not in its catalog. */
  unread?: string[];
}

export interface UnitOutcome {
  name: string;
  works: number;
  /** Items of its return list, and how many of them come from the rules across units. */
  items: number;
  across: number;
  errors: number;
  /** The tree is what was recorded at its baseline. */
  intact: boolean;
}

export interface ProvinceCheckResult {
  out: string;
  units: UnitOutcome[];
  /** Units over a category's quota, in words. */
  over: string[];
  /** What was left out and why (a unit without a readable form). */
  notes: string[];
  /** Return lists written (the others had not changed since the last check). */
  written: number;
}

export interface ProvinceVerifyResult {
  out: string;
  units: { name: string; intact: boolean; hasManifest: boolean; resumed: number }[];
  files: number;
  bytes: number;
  seconds: number;
}

export const provinceApi = {
  /** The units of a province folder (none for a new one). */
  'province.list': method<{ dir: string; units: ProvinceUnit[] }>()('folder', z.strictObject({ dir: path })),
  /** A unit's tree (cloud folder downloaded) added: baseline recorded, catalog built by intake, forms read. */
  /** `tree`: the unit's folder, or the ZIP it came in. */
  'province.add': method<ProvinceAddResult>()(
    'folder',
    z.strictObject({
      dir: path,
      tree: path,
      unitName: z.string().min(1).max(100).optional(),
      unitKind: z.enum(UNIT_KINDS).optional(),
    }),
  ),
  /** Every unit checked, then across units; the merged table, the overview, the return lists and the freeze report. */
  'province.check': method<ProvinceCheckResult>()('folder', z.strictObject({ dir: path, out: path.optional() })),
  /** Every file of every tree read again against its baseline and manifest (resumes a stopped one). */
  'province.verify': method<ProvinceVerifyResult>()(
    'folder',
    z.strictObject({ dir: path, out: path.optional(), restart: z.boolean().optional() }),
  ),
  /** A unit taken out of the folder (its tree is not touched). */
  'province.remove': method<{ name: string; tree: string }>()(
    'folder',
    z.strictObject({ dir: path, name: z.string().min(1) }),
  ),
};
